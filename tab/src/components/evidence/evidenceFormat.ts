import { EVIDENCE_KIND_LABELS, type EvidenceKind } from '@domain/evidenceKinds';
import type { EvidenceNote } from '../../api/types';
import { formatDay } from '../../format';

export { EVIDENCE_KINDS, MAX_EVIDENCE_SOURCE, MAX_EVIDENCE_TEXT } from '@domain/evidenceKinds';

/** "Case audit", "Feedback from children and families"…; a kind the tab does not know, as sent. */
export function kindLabel(kind: EvidenceKind): string {
  return EVIDENCE_KIND_LABELS[kind] ?? kind;
}

/** A note in a few words, to name it on its buttons: "the case audit of 14 October 2026". */
export function noteName(note: Pick<EvidenceNote, 'kind' | 'date'>): string {
  return `the ${kindLabel(note.kind).toLowerCase()} of ${formatDay(note.date)}`;
}

/** What a note says of itself before what it found: "Case audit · 14 October 2026 · QA team's audit of 20 CIN cases". */
export function noteHeading(note: Pick<EvidenceNote, 'kind' | 'date' | 'source'>): string {
  return [kindLabel(note.kind), formatDay(note.date), note.source].filter(Boolean).join(' · ');
}

/** Notes by condition id, in the order the API gave them (by date, then when they were added). */
export function notesByCondition(notes: readonly EvidenceNote[]): ReadonlyMap<string, readonly EvidenceNote[]> {
  const grouped = new Map<string, EvidenceNote[]>();
  for (const note of notes) grouped.set(note.conditionId, [...(grouped.get(note.conditionId) ?? []), note]);
  return grouped;
}
