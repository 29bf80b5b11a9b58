import { ActivityHandler, CallerIdConstants, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { Server } from 'restify';
import { SOMETHING_WENT_WRONG } from '../../bot/domain/errors';
import { botEndpoint } from '../../bot/http/botEndpoint';
import { createHttpServer } from '../../bot/http/createHttpServer';
import { createLogger } from '../../bot/logger';
import { CauseKeepingAdapter } from '../../bot/teams/botbuilder/adapter';
import { incomingActivities } from '../../bot/teams/botbuilder/incomingActivities';
import { VERBS } from '../../bot/teams/cards/actions';
import { freePort } from '../support/serviceProcess';
import { cardAction, channelCommand, PEOPLE } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * /api/messages with bot credentials, while the Bot Framework's key server (its OpenID
 * metadata) cannot be reached: every activity fails before its turn, with 500. The log says
 * why (the error's name, message, code, stack), so an operator can tell an unreachable key
 * server from a bug, and holds nothing of the activity: no text, names, ids or card inputs.
 */
const APP_ID = '11111111-2222-4333-8444-555555555555';
const SECRET_WORDS = 'the safeguarding lead is off sick this week';
let server: Server;
let url = '';
let token = '';
const lines: string[] = [];

beforeAll(async () => {
  const unreachable = await freePort(); // nothing listens there
  const adapter = new CauseKeepingAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppPassword: 'not-a-real-secret',
      // The public cloud's settings (botbuilder takes all or none), with the key server moved.
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
      ToBotFromChannelOpenIdMetadataUrl: `http://127.0.0.1:${unreachable}/v1/.well-known/openidconfiguration`,
    }),
  );
  const logger = createLogger('info', (line) => lines.push(line));
  ({ server } = createHttpServer({ maxRequestBytes: 262_144, logger }));
  server.post('/api/messages', botEndpoint(incomingActivities(adapter, new ActivityHandler()), logger));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${server.address().port}`;
  // A token shaped like the Bot Connector's: checking it needs the key server's signing keys.
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const kid = (await exportJWK(publicKey)).n!.slice(0, 16);
  token = await new SignJWT({ serviceurl: 'https://smba.trafficmanager.net/uk/' })
    .setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer('https://api.botframework.com')
    .setAudience(APP_ID)
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(privateKey);
});
afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a 500 from /api/messages', () => {
  it('is logged with its cause, and without the activity', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined); // botbuilder's own console.error
    try {
      const message = channelCommand('https://smba.trafficmanager.net/uk/', PEOPLE.practitioner, `status ${SECRET_WORDS}`);
      const invoke = cardAction('https://smba.trafficmanager.net/uk/', PEOPLE.practitioner, VERBS.answer, { roundId: 'r', teamId: 't', conditionId: 'C01', via: 'channel', rating: 'partly', comment: SECRET_WORDS });
      for (const activity of [message, invoke]) {
        const reply = await postToBot({ url }, activity, { authorization: `Bearer ${token}` });
        expect(reply.status).toBe(500);
        expect(reply.body).toEqual({ error: { code: 'InternalError', message: SOMETHING_WENT_WRONG } });
        expect(reply.text).not.toMatch(/ECONNREFUSED|openidconfiguration/);
      }
    } finally {
      quiet.mockRestore();
    }
    const failures = lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'activity_failed');
    expect(failures.map((f) => [f.level, f.status, f.activityType])).toEqual([['error', 500, 'message'], ['error', 500, 'invoke']]);
    for (const failure of failures) {
      expect(failure.cause).toEqual(
        expect.objectContaining({ name: 'FetchError', message: expect.stringMatching(/ECONNREFUSED/), code: 'ECONNREFUSED', stack: expect.stringMatching(/^FetchError: .*\n\s+at /) }),
      );
    }
    const logged = lines.join('\n');
    for (const personal of [SECRET_WORDS, PEOPLE.practitioner.name, PEOPLE.practitioner.id, PEOPLE.practitioner.aadObjectId, 'partly']) {
      expect([personal, logged.includes(personal)]).toEqual([personal, false]);
    }
  });
});
