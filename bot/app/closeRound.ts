import { AuditError } from '../domain/errors';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';
import { participationIn, type RoundStatus } from './roundStatus';

/**
 * A champion closes the team's open round. From then on answers are refused; the cards
 * are updated to say so, with the participation figures.
 */
export async function closeRound(services: AuditServices, teamId: string, closedBy: Person): Promise<RoundStatus> {
  await requireChampion(services, teamId, closedBy);
  const open = await services.rounds.findOpen(teamId);
  if (!open) throw new AuditError('NO_OPEN_ROUND');
  const round = await services.rounds.close(teamId, open.roundId, services.now().toISOString());
  const participation = await participationIn(services, round);
  await services.publisher.publishClosure(round, participation);
  return { round, participation };
}
