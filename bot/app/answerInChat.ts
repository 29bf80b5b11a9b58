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
export async function openRoundsOfTeams(
  services: AuditServices,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<{ round: AuditRound; teamName: string }[]> {
  const [teams, openRounds] = await Promise.all([services.teams.listIn(tenantId), services.rounds.listOpen()]);
  const teamNames = new Map(teams.map((t) => [t.teamId, t.teamName]));
  const candidates = openRounds.filter((round) => teamNames.has(round.teamId));
  const results = await Promise.all(
    candidates.map(async (round) => ((await isMember(round.teamId)) ? { round, teamName: teamNames.get(round.teamId) ?? round.teamName ?? 'your team' } : undefined)),
  );
  return results.filter((r) => r !== undefined);
}

/** The open rounds of a person's teams, with how many conditions they have left to answer in each. */
export async function roundsToAnswer(
  services: AuditServices,
  person: Person,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<RoundToAnswer[]> {
  const rounds = await openRoundsOfTeams(services, tenantId, isMember);
  return Promise.all(rounds.map(async ({ round, teamName }) => ({ round, teamName, remaining: (await unansweredConditions(services, person, round)).length })));
}

export async function unansweredConditions(services: AuditServices, person: Person, round: AuditRound): Promise<Condition[]> {
  const answered = await services.answers.answeredConditions(round.roundId, respondentIdFor(person.entraObjectId, services.respondentHmacKey));
  return CONDITIONS.filter((c) => !answered.has(c.id));
}

export async function rememberedLevelOf(services: AuditServices, person: Person, teamId: string): Promise<LevelId | undefined> {
  return services.levels.levelOf(teamId, respondentIdFor(person.entraObjectId, services.respondentHmacKey));
}
