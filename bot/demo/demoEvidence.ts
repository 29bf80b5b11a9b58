import type { EvidenceStore } from '../app/evidence/evidenceStore';
import type { EvidenceNote } from '../domain/evidence';

type DemoNote = Pick<EvidenceNote, 'conditionId' | 'kind' | 'source' | 'date' | 'found'>;

/** What other sources found about round 1's conditions (made up, as the answers are), added by its champion after the close. */
const DEMO_EVIDENCE: readonly DemoNote[] = [
  {
    conditionId: 'C02', kind: 'case-audit', source: 'Quality assurance team’s audit of 20 child in need cases', date: '2026-03-19',
    found: 'Practice leads were named in 14 of 20 files, but only 5 recorded a discussion with them about the child’s plan.',
  },
  {
    conditionId: 'C02', kind: 'family-feedback', source: 'Parents’ forum, March meeting', date: '2026-04-08',
    found: 'Parents said decisions were explained by their worker, but could not say who else in the service was involved.',
  },
  {
    conditionId: 'C06', kind: 'supervision-audit', source: 'Principal social worker', date: '2026-04-02',
    found: 'Supervision was recorded monthly in most files; reflective discussion in fewer than a third. Group case discussion ran in two of six teams.',
  },
];

/**
 * Adds the demo's evidence notes to a closed round, at fixed ids (`demo-evidence-N`): a second
 * run that did not clear them first would fail on the first, rather than add them again.
 */
export async function addDemoEvidence(evidence: EvidenceStore, roundId: string, addedBy: string): Promise<void> {
  for (const [i, note] of DEMO_EVIDENCE.entries()) {
    await evidence.create(roundId, `demo-evidence-${i + 1}`, { ...note, addedAt: '2026-04-14T10:00:00.000Z', addedBy });
  }
}
