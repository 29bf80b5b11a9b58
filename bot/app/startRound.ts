import { randomBytes } from 'node:crypto';
import { newRoundId, type AuditRound, type PostingAddress } from '../domain/auditRound';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';

export type StartRoundOutcome = { readonly started: true; readonly round: AuditRound } | { readonly started: false; readonly openRound: AuditRound };

/**
 * A champion opens a round for their team. Posting the cards is the publisher's job and
 * is paced, so the caller decides whether to wait for it (see RoundCards.publishRound).
 */
export async function startRound(
  { rounds, champions, now }: Pick<AuditServices, 'rounds' | 'champions' | 'now'>,
  request: { teamId: string; teamName?: string; startedBy: Person; postTo: PostingAddress },
): Promise<StartRoundOutcome> {
  await requireChampion({ champions }, request.teamId, request.startedBy);
  const open = await rounds.findOpen(request.teamId);
  if (open) return { started: false, openRound: open };

  const at = now();
  const round: AuditRound = {
    teamId: request.teamId,
    roundId: newRoundId(at, () => randomBytes(4).toString('hex')),
    number: (await rounds.countForTeam(request.teamId)) + 1,
    status: 'open',
    openedAt: at.toISOString(),
    openedBy: request.startedBy.name,
    ...(request.teamName ? { teamName: request.teamName } : {}),
    postedIn: request.postTo,
    conditionMessageIds: {},
  };
  const outcome = await rounds.open(round);
  return outcome.opened ? { started: true, round } : { started: false, openRound: outcome.openRound };
}
