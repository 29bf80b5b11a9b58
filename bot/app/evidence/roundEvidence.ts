import { randomUUID } from 'node:crypto';
import type { TabUser } from '../../auth/ssoTokenVerifier';
import { ukDayOf } from '../../domain/closeDate';
import { isConditionId } from '../../domain/conditions';
import { AuditError } from '../../domain/errors';
import { evidenceNoteInput, type EvidenceNote } from '../../domain/evidence';
import { roundOfTeam, type RoundOfTeamDeps } from '../tab/roundSummary';
import type { TabDeps } from '../tab/tabDeps';
import { isTabChampion } from '../tab/teamAccess';
import type { EvidenceFields } from './evidenceStore';

/** What reading and changing a round's evidence notes use. */
export type EvidenceDeps = RoundOfTeamDeps & Pick<TabDeps, 'evidence' | 'champions' | 'now'>;

/** GET …/rounds/:roundId/evidence: the round's notes, and whether this person may change them. */
export interface RoundEvidenceReply {
  readonly notes: EvidenceNote[];
  readonly canEdit: boolean;
}

/**
 * A round's evidence notes ("how do you know?", issue 11): every member of the team reads them;
 * its practice champions add, change and remove them, in an open round or a closed one alike
 * (a case audit or practice week often reports after the round has closed). Notes are what a
 * champion wrote, not staff's answers: the privacy rules of a round's results do not hold them
 * back while it is open. Refusals: NOT_A_TEAM_MEMBER (403), ROUND_NOT_FOUND (404, also for
 * another team's round), NOT_A_CHAMPION (403) for a change.
 */
export async function roundEvidence(deps: EvidenceDeps, user: TabUser, teamId: string, roundId: string): Promise<RoundEvidenceReply> {
  await roundOfTeam(deps, user, teamId, roundId);
  const [notes, canEdit] = await Promise.all([deps.evidence.list(roundId), isTabChampion(deps, user, teamId)]);
  return { notes, canEdit };
}

/** Adds a note (BAD_REQUEST, naming the field, for one that is not valid); answers it with its version. */
export async function addEvidence(deps: EvidenceDeps, user: TabUser, teamId: string, roundId: string, body: unknown): Promise<EvidenceNote> {
  await requireChampion(deps, user, teamId, roundId);
  const fields = noteFields(body, deps.now());
  return deps.evidence.create(roundId, randomUUID(), { ...fields, addedAt: deps.now().toISOString(), addedBy: user.name });
}

/**
 * Changes a note at the version its editor saw (If-Match): EVIDENCE_CHANGED (409) when someone
 * changed it since, EVIDENCE_NOT_FOUND (404) when it is gone, VERSION_NOT_VALID (428) for a
 * version that is none. Who added it, and when, stay as they were.
 */
export async function changeEvidence(deps: EvidenceDeps, user: TabUser, teamId: string, roundId: string, noteId: string, version: string | undefined, body: unknown): Promise<EvidenceNote> {
  await requireChampion(deps, user, teamId, roundId);
  const seen = requireVersion(version);
  const fields = noteFields(body, deps.now());
  const note = (await deps.evidence.list(roundId)).find((n) => n.noteId === noteId);
  if (!note) throw new AuditError('EVIDENCE_NOT_FOUND');
  return deps.evidence.update(roundId, noteId, seen, { ...fields, addedAt: note.addedAt, addedBy: note.addedBy });
}

/** Removes a note at the version its editor saw; the same refusals as a change. */
export async function removeEvidence(deps: EvidenceDeps, user: TabUser, teamId: string, roundId: string, noteId: string, version: string | undefined): Promise<void> {
  await requireChampion(deps, user, teamId, roundId);
  await deps.evidence.remove(roundId, noteId, requireVersion(version));
}

async function requireChampion(deps: EvidenceDeps, user: TabUser, teamId: string, roundId: string): Promise<void> {
  await roundOfTeam(deps, user, teamId, roundId);
  if (!(await isTabChampion(deps, user, teamId))) throw new AuditError('NOT_A_CHAMPION', "Only the team's practice champions can add or change evidence notes.");
}

function requireVersion(version: string | undefined): string {
  if (!version) throw new AuditError('BAD_REQUEST', 'Send the version of the evidence note you are changing (If-Match).');
  return version;
}

/**
 * The note's fields from what was sent (evidenceNoteInput); the first problem, naming its field, as
 * BAD_REQUEST. Its date is when the evidence was gathered: today (UK, at `now`) or before.
 */
function noteFields(body: unknown, now: Date): Omit<EvidenceFields, 'addedAt' | 'addedBy'> {
  const parsed = evidenceNoteInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AuditError('BAD_REQUEST', `The evidence note's ${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}.`);
  }
  const { conditionId, ...fields } = parsed.data;
  if (fields.date > ukDayOf(now)) throw new AuditError('BAD_REQUEST', "The evidence note's date is not valid: give the day the evidence was gathered, today or before.");
  if (!isConditionId(conditionId)) throw new AuditError('BAD_REQUEST', "The evidence note's conditionId is not valid: that condition is not one of the audit's conditions.");
  return { conditionId, ...fields };
}
