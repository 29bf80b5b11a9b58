import { closeRound, type ClosedRound } from '../../bot/app/closeRound';
import type { RunningService } from '../../bot/service';
import { eventually } from './serviceProcess';
import { PEOPLE, TEAM, type TestPerson } from './teamsActivities';

/**
 * Closes TEAM's open round as its champion would, through the use case rather than the chat
 * command (whose wording and confirmation are not what these tests are about), waits for the
 * cards' updates, then for the tab's API to serve the round's results: the tab reads a round's
 * status through a cache that may show it a few seconds late (bot/service.ts).
 */
export async function closeRoundNow(service: RunningService, options: { champion?: TestPerson; authorization?: string } = {}): Promise<ClosedRound> {
  const champion = options.champion ?? PEOPLE.champion;
  const closed = await closeRound(service.services, TEAM.id, { entraObjectId: champion.aadObjectId, name: champion.name, teamsUserId: champion.id });
  await service.settled();
  const participation = `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${encodeURIComponent(closed.round.roundId)}/participation`;
  const headers: Record<string, string> = options.authorization ? { authorization: options.authorization } : {};
  await eventually(async () => {
    const reply = (await (await fetch(participation, { headers })).json()) as { results?: string };
    return reply.results === 'released' ? true : undefined;
  }, 15_000, `round ${closed.round.number}'s results in the tab's API`);
  return closed;
}
