import { AuditError } from '../domain/errors';
import type { PostingAddress } from '../domain/auditRound';
import type { Champion } from '../storage/championsRepository';
import type { AuditServices, Person } from './auditServices';
import { logActivity, personActor, type LogActivityDeps } from './activityLog/logActivity';
import { championNamedSummary, championSteppedDownSummary } from '../domain/activitySummaries';

/**
 * The app was added to a team: remember the team, and the person who added it becomes its first champion.
 * Undefined when the team was already known (Teams says so twice, often at the same moment): only the
 * first announcement is acted on. The first champion is recorded in the team's activity log.
 */
export async function recordInstallation(
  deps: Pick<AuditServices, 'teams' | 'champions' | 'now'> & LogActivityDeps,
  team: { teamId: string; teamName: string; tenantId: string; postTo: PostingAddress },
  installedBy: Person | undefined,
): Promise<Champion[] | undefined> {
  const { teams, champions } = deps;
  const at = deps.now().toISOString();
  if (!(await teams.add({ ...team, installedAt: at }))) return undefined;
  const existing = await champions.list(team.teamId);
  if (existing.length === 0 && installedBy) {
    await champions.add(team.teamId, championFrom(installedBy, at, installedBy.name));
    const summary = championNamedSummary(installedBy.name, installedBy.name);
    await logActivity(deps, team.teamId, { kind: 'champion-named', actor: personActor(installedBy), summary, happenedAt: at });
  }
  return champions.list(team.teamId);
}

/** Refuses (NOT_A_CHAMPION, naming the team's champions) anyone who is not one of the team's practice champions. */
export async function requireChampion({ champions }: Pick<AuditServices, 'champions'>, teamId: string, person: Person): Promise<void> {
  if (await champions.isChampion(teamId, person.entraObjectId)) return;
  const names = (await champions.list(teamId)).map((c) => c.name);
  throw new AuditError('NOT_A_CHAMPION', `Only the team's practice champions can do that. ${championsSentence(names)}`);
}

/** A champion names another; recorded in the team's activity log (unless they were one already). Throws NOT_A_CHAMPION. */
export async function addChampion(deps: Pick<AuditServices, 'champions' | 'now'> & LogActivityDeps, teamId: string, by: Person, newChampion: Person): Promise<Champion[]> {
  const { champions } = deps;
  await requireChampion({ champions }, teamId, by);
  const already = await champions.isChampion(teamId, newChampion.entraObjectId);
  await champions.add(teamId, championFrom(newChampion, deps.now().toISOString(), by.name));
  if (!already) await logActivity(deps, teamId, { kind: 'champion-named', actor: personActor(by), summary: championNamedSummary(by.name, newChampion.name) });
  return champions.list(teamId);
}

/**
 * Champions may name others and step down, but a team always keeps one. Recorded in the team's
 * activity log. Throws NOT_A_CHAMPION; BAD_REQUEST (not a champion); LAST_CHAMPION.
 */
export async function removeChampion(deps: Pick<AuditServices, 'champions'> & LogActivityDeps, teamId: string, by: Person, leaving: Person): Promise<Champion[]> {
  const repository = deps.champions;
  await requireChampion({ champions: repository }, teamId, by);
  const champions = await repository.list(teamId);
  if (!champions.some((c) => c.entraObjectId === leaving.entraObjectId)) {
    throw new AuditError('BAD_REQUEST', `${leaving.name} is not one of this team's practice champions.`);
  }
  if (champions.length === 1) {
    throw new AuditError('LAST_CHAMPION', 'A team needs at least one practice champion: name another before stepping down.');
  }
  if (await repository.remove(teamId, leaving.entraObjectId)) {
    const summary = championSteppedDownSummary(by.name, leaving.name, by.entraObjectId === leaving.entraObjectId);
    await logActivity(deps, teamId, { kind: 'champion-stepped-down', actor: personActor(by), summary });
  }
  return repository.list(teamId);
}

/**
 * Who the team's practice champions are, as a sentence: "This team's practice champion is Priya
 * Shah." for one, "…champions are A and B." for more, and says so when there are none. `now`
 * after a change ("…is now…").
 */
export function championsSentence(names: readonly string[], options: { now?: boolean } = {}): string {
  if (names.length === 0) return 'This team has no practice champions yet.';
  const now = options.now ? ' now' : '';
  return names.length === 1 ? `This team's practice champion is${now} ${names[0]}.` : `This team's practice champions are${now} ${joinNames(names)}.`;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function championFrom(person: Person, at: string, addedBy: string): Champion {
  return { entraObjectId: person.entraObjectId, name: person.name, teamsUserId: person.teamsUserId, addedAt: at, addedBy };
}
