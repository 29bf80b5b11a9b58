import type { AuditServices } from './app/auditServices';
import { createBackgroundWork } from './backgroundWork';
import type { AppConfig } from './config/loadConfig';
import { localHmacKey } from './config/localHmacKey';
import { botEndpoint } from './http/botEndpoint';
import { createHttpServer } from './http/createHttpServer';
import { registerTabApi } from './http/tabApi';
import { registerTabFiles } from './http/tabFiles';
import { join } from 'node:path';
import { projectRoot } from './shared/projectRoot';
import { answersSettleMs } from './app/closeRound';
import { createRoundCards } from './app/roundCards';
import { ServiceSummaryCache } from './app/organisation/serviceSummaryCache';
import { RoundSummaryCache } from './app/tab/roundSummaryCache';
import { warmRoundSummaries } from './app/tab/warmRoundSummaries';
import { createTabAuthenticator } from './auth/tabAuthenticator';
import { createLogger, type Logger } from './logger';
import { ActivityLogRepository } from './storage/activityLogRepository';
import { AnswersRepository } from './storage/answersRepository';
import { ChampionsRepository } from './storage/championsRepository';
import { startSupervisedAzurite, type SupervisedAzurite } from './storage/azuriteSupervisor';
import { startDueWork } from './storage/dueWorkConsumer';
import { createDueWork, ensureDueWorkQueues, openDueWorkQueues, type QueueConnection } from './storage/dueWorkQueue';
import { MembersRepository } from './storage/membersRepository';
import { RememberedLevels } from './storage/rememberedLevels';
import { RoundLevels } from './storage/roundLevels';
import { RoundReadCache } from './storage/roundReadCache';
import { ServiceRoundReadCache } from './storage/serviceRoundReadCache';
import { TeamReadCache } from './storage/teamReadCache';
import { RoundsRepository } from './storage/roundsRepository';
import { RoundAnswersErasure } from './storage/roundAnswersErasure';
import { RoundRetention } from './storage/roundRetention';
import { scheduleMissingExpiries } from './app/retention/answerExpiry';
import { tableCredentialFor } from './storage/tableCredential';
import { createStorageProbe } from './storage/storageProbe';
import { ensureAuditTables, openAuditTables, type TableConnection } from './storage/tables';
import { PlanRepository } from './storage/planRepository';
import { EvidenceRepository } from './storage/evidenceRepository';
import { ReminderOptOuts } from './storage/reminderOptOuts';
import { ReminderProgress } from './storage/reminderProgress';
import { ReminderWaves } from './storage/reminderWaves';
import { RoundCompletion } from './storage/roundCompletion';
import { TeamsRepository } from './storage/teamsRepository';
import { ServiceRoundsRepository } from './storage/serviceRoundsRepository';
import { TeamSettingsRepository } from './storage/teamSettingsRepository';
import { HandledActivities } from './storage/handledActivities';
import { SendSchedule } from './storage/sendSchedule';
import { botAppIdOf, createBotAdapter } from './teams/botbuilder/adapter';
import { AuditBot } from './teams/botbuilder/auditBot';
import { incomingActivities } from './teams/botbuilder/incomingActivities';
import { createTeamsPort } from './teams/botbuilder/proactive';
import type { BotDeps } from './teams/handlers/botDeps';
import { dueJobHandlers } from './teams/handlers/dueJobs';
import { createReminderMessenger } from './teams/reminderMessenger';
import { createChannelAnnouncer } from './teams/channelAnnouncer';
import { ChannelPosts } from './storage/channelPosts';
import { createSharedAppSlots, SLOTS_PER_SECOND } from './teams/delivery/sharedAppLimit';
import { createTurnRoutes } from './teams/router';
import { createTeamRoster } from './teams/teamRoster';
import { createTabMembership, createTeamMembership } from './teams/teamMembership';
import { createTeamsPublisher } from './teams/teamsPublisher';
import type { TeamsPort } from './teams/teamsPort';

export interface RunningService {
  readonly url: string;
  readonly port: number;
  readonly services: AuditServices;
  /** Teams outside a turn, as this instance's use cases reach it (paced like every call). */
  readonly teamsPort: TeamsPort;
  /** Resolves once background posting and pending card updates are done. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

/** Tabs poll every few seconds: their round lookups are served from memory, refreshed this often. */
const TAB_ROUND_CACHE_MS = 5000;

/** Remembered levels are gathered this long, then written per team in one transaction. */
const LEVEL_WRITE_DELAY_MS = 250;

/** How soon after an answer an instance reads what other instances stored for the round (see RoundLevels). */
const ROUND_LEVELS_REFRESH_MS = 5000;
/** An invoke has about 15 s: an answer waits at most this for its round's first read. */
const ROUND_LEVELS_LOAD_WAIT_MS = 1000;

/**
 * Wires storage, the bot and the HTTP server together, and starts listening. `onStorageLost`:
 * the embedded Azurite could not be started again after it died (see azuriteSupervisor); the
 * service cannot work any more, and its caller decides how to end. `dueWorkMaxHideSeconds`: for
 * tests only, how long a due job's message is hidden at most at once (7 days otherwise), so a job
 * due in a year (retention) is re-hidden and comes due within seconds of a test clock's jump.
 */
export async function startService(
  config: AppConfig,
  options: { logger?: Logger; now?: () => Date; onStorageLost?: (error: Error) => void; dueWorkMaxHideSeconds?: number } = {},
): Promise<RunningService> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const azurite =
    config.storage.kind === 'embedded' ? await startSupervisedAzurite({ dataDir: config.dataDir, logger, onGiveUp: options.onStorageLost ?? (() => undefined) }) : undefined;
  const connections = storageConnectionsOf(config, azurite);
  const tables = openAuditTables(connections.tables, config.tablesPrefix);
  const dueWorkQueues = openDueWorkQueues(connections.queues, config.tablesPrefix, options.dueWorkMaxHideSeconds === undefined ? {} : { maxHideSeconds: options.dueWorkMaxHideSeconds });
  await Promise.all([ensureAuditTables(tables), ensureDueWorkQueues(dueWorkQueues)]);

  // Teams' 50 requests a second per app hold for all instances together: they share one send schedule.
  const appSlots = createSharedAppSlots({
    schedule: new SendSchedule(tables.sendSchedule),
    onScheduleUnavailable: (error) => logger.warn('send_schedule_unavailable', { error, pacing: `this instance alone, ${SLOTS_PER_SECOND} requests a second` }),
    onScheduleBack: () => logger.info('send_schedule_available_again'),
  });
  const adapter = createBotAdapter(config.botAuth, logger, { appSlots });
  const teamsPort = createTeamsPort(adapter, botAppIdOf(config.botAuth));
  const rounds = new RoundsRepository(tables.rounds);
  const teams = new TeamsRepository(tables.teams);
  const answers = new AnswersRepository(tables.answers);
  const roundCards = createRoundCards({
    rounds,
    answers,
    publisher: createTeamsPublisher({ teams: teamsPort, privacyThreshold: config.privacyThreshold, logger }),
    cardUpdateDelayMs: config.cardUpdateDelayMs,
    logger,
  });
  const now = options.now ?? (() => new Date());
  // The plan's repository also keeps the owners' due-date nudges claimed (they lie beside the actions).
  const plans = new PlanRepository(tables.plans, rounds, now);
  const services: AuditServices = {
    rounds,
    roundCache: new RoundReadCache(rounds, config.roundCacheMs),
    answers,
    champions: new ChampionsRepository(tables.champions),
    levels: new RememberedLevels(new MembersRepository(tables.members), {
      delayMs: LEVEL_WRITE_DELAY_MS,
      onError: (error, teamId) => logger.warn('remember_levels_failed', { teamId, error }),
    }),
    roundLevels: new RoundLevels(answers, {
      refreshDelayMs: ROUND_LEVELS_REFRESH_MS,
      loadWaitMs: ROUND_LEVELS_LOAD_WAIT_MS,
      onError: (error, roundId) => logger.warn('round_levels_failed', { roundId, error }),
    }),
    teams,
    teamCache: new TeamReadCache(teams),
    serviceRounds: new ServiceRoundsRepository(tables.organisation),
    plans,
    evidence: new EvidenceRepository(tables.evidence),
    nudgeClaims: plans,
    teamSettings: new TeamSettingsRepository(tables.teams),
    roundCards,
    reminders: {
      waves: new ReminderWaves(tables.reminders),
      progress: new ReminderProgress(tables.reminders),
      optOuts: new ReminderOptOuts(tables.reminders),
      completion: new RoundCompletion(answers),
      messenger: createReminderMessenger(teamsPort),
    },
    announcements: { posts: new ChannelPosts(tables.channelPosts), announcer: createChannelAnnouncer(teamsPort, logger) },
    roster: createTeamRoster({ teamsPort, teams, cacheMs: config.rosterCacheMs, logger }),
    dueWork: createDueWork(dueWorkQueues, now),
    activityLog: new ActivityLogRepository(tables.activityLog, now),
    logger,
    retention: { days: config.retentionDays, rounds: new RoundRetention(tables.rounds), erasure: new RoundAnswersErasure(tables.answers) },
    privacyThreshold: config.privacyThreshold,
    commentThreshold: config.commentThreshold,
    respondentHmacKey: config.respondentHmacKey ?? localHmacKey(config.dataDir),
    now,
  };
  const background = createBackgroundWork(logger);
  // What the bot's handlers use; the due jobs that tell a channel something (roundJobHandlers) use it too.
  const botDeps: BotDeps = {
    services,
    membership: createTeamMembership(),
    teams: teamsPort,
    handledActivities: new HandledActivities(tables.activities, services.respondentHmacKey),
    logger,
    inBackground: background.run,
    safeguardingContact: config.safeguardingContact,
    uploadsToLoopback: config.botAuth.mode === 'local',
  };
  const bot = new AuditBot(createTurnRoutes(botDeps));

  const roundSummaries = new RoundSummaryCache(services.answers, config.privacyThreshold, {
    settleMs: answersSettleMs(services.roundCache),
    now: () => services.now().getTime(),
  });
  const { server, stopServing } = createHttpServer({ maxRequestBytes: config.maxRequestBytes, logger, storageReachable: createStorageProbe(tables.teams, logger) });
  server.post('/api/messages', botEndpoint(incomingActivities(adapter, bot), logger));
  registerTabApi(server, {
    // What the tab reads and writes, and nothing else of the service.
    teamCache: services.teamCache,
    teams,
    rounds,
    plans: services.plans,
    evidence: services.evidence,
    champions: services.champions,
    dueWork: services.dueWork,
    announcements: services.announcements,
    activityLog: services.activityLog,
    serviceRounds: services.serviceRounds,
    privacyThreshold: services.privacyThreshold,
    commentThreshold: services.commentThreshold,
    answers: services.answers,
    now: services.now,
    authenticate: createTabAuthenticator(config.tabAuth, logger),
    roster: createTabMembership({ teamsPort, teams: services.teams }),
    teamRoster: services.roster,
    roundSummaries,
    serviceSummaries: new ServiceSummaryCache(),
    tabServiceRounds: new ServiceRoundReadCache(services.serviceRounds, TAB_ROUND_CACHE_MS),
    tabRounds: new RoundReadCache(rounds, TAB_ROUND_CACHE_MS, { serveStale: true }),
    logger,
  });
  registerTabFiles(server, join(projectRoot(), 'tab', 'dist'));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = server.address().port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info('service_started', { url, botAuth: config.botAuth.mode, storage: config.storage.kind });
  background.run('warm_round_summaries', () => warmRoundSummaries(rounds, roundSummaries, logger));
  // Closed rounds with no deletion of their answers scheduled (closed before retention, or a
  // changed RETENTION_DAYS): scheduled once, in the background (app/retention/answerExpiry.ts).
  background.run('schedule_answer_expiries', async () => void (await scheduleMissingExpiries({ ...services, logger })));
  const dueWork = startDueWork({ queues: dueWorkQueues, handlers: dueJobHandlers(botDeps), logger, pollMs: config.dueWorkPollMs, now });

  const settled = async () => {
    await background.idle();
    await Promise.all([roundCards.drain(), services.levels.drain(), services.roundLevels.drain()]);
  };
  return {
    url,
    port,
    services,
    teamsPort,
    settled,
    async stop() {
      // Answers in flight are answered (or, past the deadline, cut off unacknowledged) before the drain.
      const { cutOff } = await stopServing();
      if (cutOff > 0) logger.warn('requests_cut_off_on_stop', { cutOff });
      // A job running now finishes (its cards and counts are then drained below); none starts after.
      await dueWork.stop();
      await settled().catch(() => undefined);
      roundCards.stop();
      services.roundLevels.stop();
      await azurite?.stop();
      logger.info('service_stopped');
    },
  };
}

/** Tables and due work's queues: one connection string names both; an endpoint pair shares one Entra credential. */
function storageConnectionsOf(config: AppConfig, azurite: SupervisedAzurite | undefined): { tables: TableConnection; queues: QueueConnection } {
  const connectionString = azurite?.connectionString ?? (config.storage.kind === 'connectionString' ? config.storage.connectionString : undefined);
  if (connectionString) return { tables: { kind: 'connectionString', connectionString }, queues: { kind: 'connectionString', connectionString } };
  if (config.storage.kind === 'endpoint') {
    const credential = tableCredentialFor(config.storage);
    return { tables: { kind: 'endpoint', endpoint: config.storage.endpoint, credential }, queues: { kind: 'endpoint', endpoint: config.storage.queueEndpoint, credential } };
  }
  throw new Error('Embedded storage was chosen but not started');
}
