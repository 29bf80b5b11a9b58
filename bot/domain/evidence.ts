import { z } from 'zod';
import { plainTextInput } from './plainText';
import type { CalendarDay } from './closeDate';
import type { ConditionId } from './conditions';
import { EVIDENCE_KINDS, MAX_EVIDENCE_SOURCE, MAX_EVIDENCE_TEXT, type EvidenceKind } from './evidenceKinds';

// Where the contract first put them (reports read the labels from here).
export { EVIDENCE_KIND_LABELS, type EvidenceKind } from './evidenceKinds';

/*
 * Evidence notes (issue 11): "how do you know?", Ofsted's second self-evaluation question. A
 * champion records, for a condition in a round, what another source found: a case audit, a
 * practice week, a supervision audit, feedback from children and families. Shown beside the
 * staff's figures in the tab and in every report. Plain text throughout (never markup).
 */


/** What a champion sends for a note; validated at the edge. */
export const evidenceNoteInput = z.object({
  conditionId: z.string(),
  kind: z.enum(EVIDENCE_KINDS, { error: `choose one of ${EVIDENCE_KINDS.join(', ')}` }),
  /** Who or what it came from, in words: "QA team's audit of 20 CIN cases". */
  source: plainTextInput(MAX_EVIDENCE_SOURCE).default(''),
  /** YYYY-MM-DD: when the evidence was gathered (the audit's date, say). */
  date: z.iso.date({ error: 'give the day the evidence was gathered, as YYYY-MM-DD' }),
  /** What it found. */
  found: plainTextInput(MAX_EVIDENCE_TEXT).min(1, 'say what the evidence found'),
});

export interface EvidenceNote {
  readonly noteId: string;
  readonly roundId: string;
  readonly conditionId: ConditionId;
  readonly kind: EvidenceKind;
  readonly source: string;
  readonly date: CalendarDay;
  readonly found: string;
  /** ISO 8601. */
  readonly addedAt: string;
  /** The champion's display name (left out of exports, as plan editors are). */
  readonly addedBy: string;
  /** Opaque: send it back when changing the note (If-Match). */
  readonly version: string;
}
