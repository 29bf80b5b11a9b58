import { AuditError } from '../domain/errors';
import type { PostingAddress } from '../domain/auditRound';
import type { Champion } from '../storage/championsRepository';
import type { AuditServices, Person } from './auditServices';

/**
 * The app was added to a team: remember the team, and the person who added it becomes its first champion.
 * Undefined when the team was already known (Teams says so twice, often at the same moment): only the
 * first announcement is acted on.
 */
export async function recordInstallation(
  services: AuditServices,
  team: { teamId: string; teamName: string; tenantId: string; postTo: PostingAddress },
  installedBy: Person | undefined,
): Promise<Champion[] | undefined> {
  const at = services.now().toISOString();
  if (!(await services.teams.add({ ...team, installedAt: at }))) return undefined;
  const existing = await services.champions.list(team.teamId);
  if (existing.length === 0 && installedBy) {
    await services.champions.add(team.teamId, championFrom(installedBy, at, installedBy.name));
  }
  return services.champions.list(team.teamId);
}

export async function requireChampion(services: AuditServices, teamId: string, person: Person): Promise<void> {
  if (await services.champions.isChampion(teamId, person.entraObjectId)) return;
  const champions = await services.champions.list(teamId);
  throw new AuditError('NOT_A_CHAMPION', `Only the team's practice champions can do that. ${championsSentence(champions.map((c) => c.name))}`);
}

export async function addChampion(services: AuditServices, teamId: string, by: Person, newChampion: Person): Promise<Champion[]> {
  await requireChampion(services, teamId, by);
  await services.champions.add(teamId, championFrom(newChampion, services.now().toISOString(), by.name));
  return services.champions.list(teamId);
}

/** Champions may name others and step down, but a team always keeps one. */
export async function removeChampion(services: AuditServices, teamId: string, by: Person, leaving: Person): Promise<Champion[]> {
  await requireChampion(services, teamId, by);
  const champions = await services.champions.list(teamId);
  if (!champions.some((c) => c.entraObjectId === leaving.entraObjectId)) {
    throw new AuditError('BAD_REQUEST', `${leaving.name} is not one of this team's practice champions.`);
  }
  if (champions.length === 1) {
    throw new AuditError('LAST_CHAMPION', 'A team needs at least one practice champion: name another before stepping down.');
  }
  await services.champions.remove(teamId, leaving.entraObjectId);
  return services.champions.list(teamId);
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
