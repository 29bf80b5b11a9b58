import { CONDITIONS } from '../../bot/domain/conditions';
import type { LevelId } from '../../bot/domain/levels';
import type { RatingId } from '../../bot/domain/ratings';
import { VERBS } from '../../bot/teams/cards/actions';
import { buttonWithVerb, cardOf, cardText, inputValues } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { startLocalIdentityProvider, TAB_AUDIENCE } from '../support/ssoTokens';
import { asRosterMember, cardAction, installedInTeam, person, TENANT_ID, type TestPerson } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import type { SignedInService } from './inTeamsHarness';

/**
 * Issue 13's end-to-end scene: one tenant whose teams have the app, each with its roster, its
 * practice champion (who added the app) and the people who will answer a service-wide round
 * through the bot, at their levels. Made-up people. Privacy threshold 5 (the default).
 */
const team = (name: string) => ({ id: `19:${name.toLowerCase()}-general@thread.tacv2`, name: `Children's Services – ${name}` });
type Team = ReturnType<typeof team>;

/** One person answering every condition the same way, at their level. */
export interface Answerer {
  readonly who: TestPerson;
  readonly level: LevelId;
  readonly rating: RatingId;
}

export interface OrganisationTeam {
  readonly team: Team;
  readonly champion: TestPerson;
  readonly answerers: readonly Answerer[];
  /** Members who do not answer (the response rate's denominator counts them). */
  readonly others: number;
}

let numbered = 700;
const staff = (count: number, level: LevelId, rating: RatingId, prefix: string): Answerer[] =>
  Array.from({ length: count }, (_, i) => ({ who: person(`${prefix} ${level} ${i + 1}`, numbered++), level, rating }));

/**
 * Avon: 6 practitioners (mostly in place), 5 supervisors (partly) and its lone senior leader (not
 * in place): the senior leader is too few to show within Avon, and the supervisors are hidden
 * with them (else all staff less the practitioners gives one person's rating).
 * Bath: 5 practitioners (partly) and 5 supervisors (fully): every cut shown.
 * Chew: 3 practitioners (fully): too small to show at all.
 * Dart: has the app, but an admin leaves it out.
 */
export const AVON: OrganisationTeam = {
  team: team('Avon'),
  champion: person('Avon Champion', 690),
  answerers: [...staff(6, 'practitioner', 'mostly', 'Avon'), ...staff(5, 'supervisor', 'partly', 'Avon'), ...staff(1, 'senior-leader', 'not-in-place', 'Avon')],
  others: 2,
};
export const BATH: OrganisationTeam = {
  team: team('Bath'),
  champion: person('Bath Champion', 691),
  answerers: [...staff(5, 'practitioner', 'partly', 'Bath'), ...staff(5, 'supervisor', 'fully', 'Bath')],
  others: 1,
};
export const CHEW: OrganisationTeam = { team: team('Chew'), champion: person('Chew Champion', 692), answerers: staff(3, 'practitioner', 'fully', 'Chew'), others: 2 };
export const DART: OrganisationTeam = { team: team('Dart'), champion: person('Dart Champion', 693), answerers: [], others: 4 };
const ORGANISATION_TEAMS = [AVON, BATH, CHEW, DART];

/** A team's members: its champion, who answers, and the others. */
export const membersOf = (t: OrganisationTeam): TestPerson[] => [
  t.champion,
  ...t.answerers.map((a) => a.who),
  ...Array.from({ length: t.others }, (_, i) => person(`${t.team.name} member ${i + 1}`, 800 + ORGANISATION_TEAMS.indexOf(t) * 10 + i)),
];

export interface OrganisationInTeams extends SignedInService {
  readonly connector: FakeConnector;
}

/**
 * The real service with Teams sign-in on and due work polled often (a service-wide round opens
 * team by team through it), the fake connector with the four rosters, and the app added to each
 * team by its champion.
 */
export async function startOrganisationInTeams(): Promise<OrganisationInTeams> {
  const connector = await startFakeConnector();
  for (const t of ORGANISATION_TEAMS) connector.setRoster(t.team.id, membersOf(t).map(asRosterMember));
  const identity = await startLocalIdentityProvider(TENANT_ID);
  const service = await startTestService({ DUE_WORK_POLL_MS: '100', TAB_SSO_AUDIENCE: TAB_AUDIENCE, TAB_SSO_TENANT_ID: TENANT_ID, TAB_SSO_JWKS_URI: identity.jwksUri });
  const stop = async () => {
    await service.stop();
    await identity.close();
    await connector.close();
  };
  try {
    for (const t of ORGANISATION_TEAMS) await postToBot(service, installedInTeam(connector.serviceUrl, t.champion, t.team));
    await service.settled();
    return { connector, identity, service, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Each of the team's answerers answers every condition on the one-go form that the round's intro
 * card in the channel opens ("Answer all in one go", then "Submit answers"), as Teams sends those
 * presses; resolves once every form said it was all recorded.
 */
export async function answerThroughTheBot(scene: OrganisationInTeams, t: OrganisationTeam, roundNumber: number): Promise<void> {
  const { connector, service } = scene;
  const intro = connector.sentActivities().find((s) => s.conversationId.startsWith(t.team.id) && new RegExp(`^Audit round ${roundNumber} is open`).test(cardText(cardOf(s.activity))));
  if (!intro) throw new Error(`No intro card of round ${roundNumber} in ${t.team.name}'s channel`);
  const press = (who: TestPerson, action: { verb: string; data: Record<string, unknown> }, inputs: Record<string, unknown> = {}) =>
    postToBot(service, cardAction(connector.serviceUrl, who, action.verb, { ...action.data, ...inputs }, 'channel', t.team));
  for (const { who, level, rating } of t.answerers) {
    const form = cardOf((await press(who, buttonWithVerb(cardOf(intro.activity), VERBS.openOneGo))).body);
    const ratings = Object.fromEntries(CONDITIONS.map((c) => [`rating-${c.id}`, rating]));
    const done = cardText(cardOf((await press(who, buttonWithVerb(form, VERBS.answerAll), { ...inputValues(form), ...ratings, level })).body));
    if (!done.includes(`Audit round ${roundNumber}: you have answered every condition`)) throw new Error(`${who.name}'s answers were not all recorded:\n${done}`);
  }
}
