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
  { teams, champions, now }: Pick<AuditServices, 'teams' | 'champions' | 'now'>,
  team: { teamId: string; teamName: string; tenantId: string; postTo: PostingAddress },
  installedBy: Person | undefined,
): Promise<Champion[] | undefined> {
  const at = now().toISOString();
  if (!(await teams.add({ ...team, installedAt: at }))) return undefined;
  const existing = await champions.list(team.teamId);
  if (existing.length === 0 && installedBy) {
    await champions.add(team.teamId, championFrom(installedBy, at, installedBy.name));
  }
  return champions.list(team.teamId);
}

/** Refuses (NOT_A_CHAMPION, naming the team's champions) anyone who is not one of the team's practice champions. */
export async function requireChampion({ champions }: Pick<AuditServices, 'champions'>, teamId: string, person: Person): Promise<void> {
  if (await champions.isChampion(teamId, person.entraObjectId)) return;
  const names = (await champions.list(teamId)).map((c) => c.name);
  throw new AuditError('NOT_A_CHAMPION', `Only the team's practice champions can do that. ${championsSentence(names)}`);
}

export async function addChampion({ champions, now }: Pick<AuditServices, 'champions' | 'now'>, teamId: string, by: Person, newChampion: Person): Promise<Champion[]> {
  await requireChampion({ champions }, teamId, by);
  await champions.add(teamId, championFrom(newChampion, now().toISOString(), by.name));
  return champions.list(teamId);
}

/** Champions may name others and step down, but a team always keeps one. */
export async function removeChampion({ champions: repository }: Pick<AuditServices, 'champions'>, teamId: string, by: Person, leaving: Person): Promise<Champion[]> {
  await requireChampion({ champions: repository }, teamId, by);
  const champions = await repository.list(teamId);
  if (!champions.some((c) => c.entraObjectId === leaving.entraObjectId)) {
    throw new AuditError('BAD_REQUEST', `${leaving.name} is not one of this team's practice champions.`);
  }
  if (champions.length === 1) {
    throw new AuditError('LAST_CHAMPION', 'A team needs at least one practice champion: name another before stepping down.');
  }
  await repository.remove(teamId, leaving.entraObjectId);
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
