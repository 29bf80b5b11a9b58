import { setTimeout } from 'node:timers/promises';
import { AuditError } from '../domain/errors';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';
import { participationOf } from '../domain/participation';
import { countsOfAnswers } from '../domain/summary';
import type { RoundStatus } from './roundStatus';
import type { DeliveryReport } from './deliveryReport';

export interface ClosedRound extends RoundStatus {
  /** Which cards now show the closed round, and which could not be updated. */
  readonly delivery: DeliveryReport;
}

/** Longer than an answer's write takes even under load (the benchmark's p99 is well under this). */
const ANSWERS_IN_FLIGHT_MS = 1000;

/** How long after a close the answers other instances accepted may still land: what closing waits out. */
export function answersSettleMs(roundCache: { readonly ttlMs: number }): number {
  return roundCache.ttlMs > 0 ? roundCache.ttlMs + ANSWERS_IN_FLIGHT_MS : 0;
}

/**
 * A champion closes the team's open round. From then on answers are refused; the cards
 * are updated to say so, with the participation figures. A card that cannot be updated
 * (deleted, or Teams refusing after retries) does not stop the others: `delivery` says.
 */
export async function closeRound(services: AuditServices, teamId: string, closedBy: Person): Promise<ClosedRound> {
  await requireChampion(services, teamId, closedBy);
  const open = await services.rounds.findOpen(teamId);
  if (!open) throw new AuditError('NO_OPEN_ROUND');
  const round = await services.rounds.close(teamId, open.roundId, services.now().toISOString());
  services.roundCache.forget(teamId, round.roundId);
  // Other instances may still hold the round as open for the cache's lifetime: wait that out
  // (and the writes already under way), so every answer they accepted is counted here.
  await setTimeout(answersSettleMs(services.roundCache));
  // One read of the answers gives both the closing figures and the counts the round keeps.
  const answers = await services.answers.allRatedAnswers(round.roundId);
  const participation = participationOf(answers, services.privacyThreshold);
  const finalCounts = countsOfAnswers(answers);
  // Not kept (storage failing now): the tab makes the summary from the answers instead.
  await services.rounds.recordFinalCounts(teamId, round.roundId, finalCounts).catch(() => undefined);
  const delivery = await services.publisher.publishClosure(round, participation);
  return { round: { ...round, finalCounts }, participation, delivery };
}
