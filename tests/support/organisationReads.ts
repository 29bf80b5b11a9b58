import type { OrganisationReadDeps } from '../../bot/app/organisation/organisationReads';
import { ServiceSummaryCache } from '../../bot/app/organisation/serviceSummaryCache';
import type { RosterMember } from '../../bot/app/roster';
import { RoundSummaryCache } from '../../bot/app/tab/roundSummaryCache';
import type { AnswersRepository } from '../../bot/storage/answersRepository';
import { RoundReadCache } from '../../bot/storage/roundReadCache';
import type { RoundsRepository } from '../../bot/storage/roundsRepository';
import type { ServiceRoundsRepository } from '../../bot/storage/serviceRoundsRepository';

/** Twenty people in every team, as the roster gives them (the response rates' denominator). */
const TWENTY_MEMBERS: readonly RosterMember[] = Array.from({ length: 20 }, (_, i) => ({ teamsUserId: `29:m${i}`, entraObjectId: `m${i}`, name: `Member ${i}`, guest: false }));

/**
 * What the organisation view's reads use, over the given repositories (real ones, in Azurite) and
 * on the test's clock (ms), as bot/service.ts wires them for the tab: rounds and their counts served
 * at once and read again behind once 2 s old, the figures' caches of one instance, a threshold of 5.
 * The plans and installed teams are not wired (the organisation's plans are read elsewhere).
 */
export function organisationReadDeps(parts: { answers: AnswersRepository; rounds: RoundsRepository; serviceRounds: ServiceRoundsRepository; now: () => number }): OrganisationReadDeps {
  const { answers, rounds, serviceRounds, now } = parts;
  return {
    tabServiceRounds: serviceRounds,
    serviceRounds,
    tabRounds: new RoundReadCache(rounds, 2000, { serveStale: true, now }),
    roundSummaries: new RoundSummaryCache(answers, 5, { maxAgeMs: 2000, now }),
    serviceSummaries: new ServiceSummaryCache(),
    teamRoster: { membersOf: async () => TWENTY_MEMBERS, forget: () => undefined },
    answers,
    privacyThreshold: 5,
    now: () => new Date(now()),
  } as unknown as OrganisationReadDeps;
}
