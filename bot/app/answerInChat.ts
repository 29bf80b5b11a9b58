import { CONDITIONS, type Condition } from '../domain/conditions';
import type { AuditRound } from '../domain/auditRound';
import type { LevelId } from '../domain/levels';
import { respondentIdFor } from '../domain/respondent';
import type { AuditServices, Person } from './auditServices';

export interface RoundToAnswer {
  readonly round: AuditRound;
  readonly teamName: string;
  readonly remaining: number;
}

/**
 * The open rounds of the teams a person belongs to, in their tenant. Membership is the
 * Teams roster's answer, which the edge supplies.
 */
export async function roundsToAnswer(
  services: AuditServices,
  person: Person,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<RoundToAnswer[]> {
  const [teams, openRounds] = await Promise.all([services.teams.listIn(tenantId), services.rounds.listOpen()]);
  const teamNames = new Map(teams.map((t) => [t.teamId, t.teamName]));
  const candidates = openRounds.filter((round) => teamNames.has(round.teamId));
  const results = await Promise.all(
    candidates.map(async (round): Promise<RoundToAnswer | undefined> => {
      if (!(await isMember(round.teamId))) return undefined;
      const next = await unansweredConditions(services, person, round);
      return { round, teamName: teamNames.get(round.teamId) ?? round.teamName ?? 'your team', remaining: next.length };
    }),
  );
  return results.filter((r): r is RoundToAnswer => r !== undefined);
}

export async function unansweredConditions(services: AuditServices, person: Person, round: AuditRound): Promise<Condition[]> {
  const answered = await services.answers.answeredConditions(round.roundId, respondentIdFor(person.entraObjectId, services.respondentHmacKey));
  return CONDITIONS.filter((c) => !answered.has(c.id));
}

export async function rememberedLevelOf(services: AuditServices, person: Person, teamId: string): Promise<LevelId | undefined> {
  return services.levels.levelOf(teamId, respondentIdFor(person.entraObjectId, services.respondentHmacKey));
}
