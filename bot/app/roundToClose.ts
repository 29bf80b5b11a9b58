import { AuditError } from '../domain/errors';
import type { AuditRound } from '../domain/auditRound';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';

/**
 * The round a champion is about to close: the team's open round. When a confirmation card names
 * a round (`roundId`), it must be that round still: a card left from an earlier round, or one
 * answered after someone else closed it, closes nothing.
 *
 * Throws AuditError NOT_A_CHAMPION; NO_OPEN_ROUND when nothing is open; ROUND_NOT_FOUND for a
 * round id the team never had; ROUND_CLOSED (naming the round) when the card's round is closed.
 */
export async function roundToClose({ champions, rounds }: Pick<AuditServices, 'champions' | 'rounds'>, teamId: string, person: Person, roundId?: string): Promise<AuditRound> {
  await requireChampion({ champions }, teamId, person);
  const open = await rounds.findOpen(teamId);
  if (roundId !== undefined && open?.roundId !== roundId) {
    const asked = await rounds.get(teamId, roundId);
    if (!asked) throw new AuditError('ROUND_NOT_FOUND');
    const now = open ? ` Audit round ${open.number} is open now: say "close" to close it.` : '';
    throw new AuditError('ROUND_CLOSED', `Audit round ${asked.number} is already closed, so nothing changed.${now}`);
  }
  if (!open) throw new AuditError('NO_OPEN_ROUND', 'There is no open audit round in this team, so there is nothing to close.');
  return open;
}
