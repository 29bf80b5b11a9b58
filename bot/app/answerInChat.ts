import { CONDITIONS, type Condition } from '../domain/conditions';
import { isPastCloseDate, type AuditRound } from '../domain/auditRound';
import type { LevelId } from '../domain/levels';
import { respondentIdFor } from '../domain/respondent';
import type { AuditServices, Person } from './auditServices';

export interface RoundToAnswer {
  readonly round: AuditRound;
  readonly teamName: string;
  readonly remaining: number;
}

/**
 * The open rounds of the teams a person belongs to, in their tenant, leaving out any whose close
 * date has come (its close may not have run yet). Membership is the Teams roster's answer, which
 * the edge supplies.
 */
export async function openRoundsOfTeams(
  { teams, rounds, now }: Pick<AuditServices, 'teams' | 'rounds' | 'now'>,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<{ round: AuditRound; teamName: string }[]> {
  const [tenantTeams, openRounds] = await Promise.all([teams.listIn(tenantId), rounds.listOpen()]);
  const teamNames = new Map(tenantTeams.map((t) => [t.teamId, t.teamName]));
  const at = now();
  const candidates = openRounds.filter((round) => teamNames.has(round.teamId) && !isPastCloseDate(round, at));
  const results = await Promise.all(
    candidates.map(async (round) => ((await isMember(round.teamId)) ? { round, teamName: teamNames.get(round.teamId) ?? round.teamName ?? 'your team' } : undefined)),
  );
  return results.filter((r) => r !== undefined);
}

/** The open rounds of a person's teams, with how many conditions they have left to answer in each. */
export async function roundsToAnswer(
  { teams, rounds, answers, respondentHmacKey, now }: Pick<AuditServices, 'teams' | 'rounds' | 'answers' | 'respondentHmacKey' | 'now'>,
  person: Person,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<RoundToAnswer[]> {
  const open = await openRoundsOfTeams({ teams, rounds, now }, tenantId, isMember);
  return Promise.all(open.map(async ({ round, teamName }) => ({ round, teamName, remaining: (await unansweredConditions({ answers, respondentHmacKey }, person, round)).length })));
}

/** The conditions of the round a person has not answered yet, in the audit's order. */
export async function unansweredConditions({ answers, respondentHmacKey }: Pick<AuditServices, 'answers' | 'respondentHmacKey'>, person: Person, round: AuditRound): Promise<Condition[]> {
  const answered = await answers.answeredConditions(round.roundId, respondentIdFor(person.entraObjectId, respondentHmacKey));
  return CONDITIONS.filter((c) => !answered.has(c.id));
}

/** The level a person last gave in the team, to fill in on their next card. */
export async function rememberedLevelOf({ levels, respondentHmacKey }: Pick<AuditServices, 'levels' | 'respondentHmacKey'>, person: Person, teamId: string): Promise<LevelId | undefined> {
  return levels.levelOf(teamId, respondentIdFor(person.entraObjectId, respondentHmacKey));
}
