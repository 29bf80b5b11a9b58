import type { AuditRound } from '../../domain/auditRound';
import { respondentIdFor } from '../../domain/respondent';
import type { StoredAnswer } from '../../storage/answersRepository';
import type { AuditServices, Person } from '../auditServices';

/** A team the person belongs to, as installed in their tenant. */
export interface TeamOfTheirs {
  readonly teamId: string;
  readonly teamName: string;
}

/** A round of one of the person's teams, and what they answered in it (oldest condition first). */
export interface TheirRound {
  readonly round: AuditRound;
  readonly teamName: string;
  readonly answers: readonly StoredAnswer[];
}

/** Rounds whose answers are read at once: twelve point reads each, so at most this many × 12 calls in flight. */
const ROUNDS_AT_ONCE = 8;

/**
 * The teams of the person's tenant the app is in and they belong to (Teams' roster, asked through
 * `isMember`), by name. Their own data is only ever looked up in their own teams.
 */
export async function teamsOfTheirs({ teams }: Pick<AuditServices, 'teams'>, tenantId: string, isMember: (teamId: string) => Promise<boolean>): Promise<TeamOfTheirs[]> {
  const installed = await teams.listIn(tenantId);
  const member = await Promise.all(installed.map((team) => isMember(team.teamId)));
  return installed.filter((_, i) => member[i]).map(({ teamId, teamName }) => ({ teamId, teamName }));
}

/**
 * Every round (open and closed) of `teams`, newest opened first, each with the person's answers
 * in it, found by point reads of their own respondent id (a keyed HMAC of their Entra object id:
 * only they, acting in Teams, can ask for it). `onlyAnswered`: leave out rounds they have no
 * answers in (a closed round past its retention has none). Rejects as storage does.
 */
export async function theirRounds(
  { rounds, answers, respondentHmacKey }: Pick<AuditServices, 'rounds' | 'answers' | 'respondentHmacKey'>,
  person: Person,
  teams: readonly TeamOfTheirs[],
  options: { readonly onlyAnswered: boolean },
): Promise<TheirRound[]> {
  const respondentId = respondentIdFor(person.entraObjectId, respondentHmacKey);
  const perTeam = await Promise.all(teams.map(async ({ teamId, teamName }) => (await rounds.listForTeam(teamId)).map((round) => ({ round, teamName }))));
  const all = perTeam.flat().sort((a, b) => b.round.openedAt.localeCompare(a.round.openedAt));
  const found: TheirRound[] = [];
  for (let start = 0; start < all.length; start += ROUNDS_AT_ONCE) {
    const slice = all.slice(start, start + ROUNDS_AT_ONCE);
    const read = await Promise.all(slice.map(async (r) => ({ ...r, answers: await answers.answersOf(r.round.roundId, respondentId) })));
    found.push(...read.filter((r) => !options.onlyAnswered || r.answers.length > 0));
  }
  return found;
}
