/**
 * The kinds of evidence a champion records beside the staff's figures (issue 11), and the
 * limits on a note's words. Apart from bot/domain/evidence.ts (which validates with zod), so the
 * tab can show the labels and apply the limits without bringing zod into its bundle.
 */
export const EVIDENCE_KINDS = ['case-audit', 'practice-week', 'supervision-audit', 'family-feedback', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  'case-audit': 'Case audit',
  'practice-week': 'Practice week',
  'supervision-audit': 'Supervision audit',
  'family-feedback': 'Feedback from children and families',
  other: 'Other',
};

/** What it found: at most this many characters (UTF-16 code units, as a browser's maxLength counts them). */
export const MAX_EVIDENCE_TEXT = 2000;
/** Who or what it came from. */
export const MAX_EVIDENCE_SOURCE = 200;
