import type { EvidenceNote } from '../../domain/evidence';

/** A note's own fields, as a champion sets them. */
export type EvidenceFields = Omit<EvidenceNote, 'noteId' | 'roundId' | 'version'>;

/**
 * Each round's evidence notes (issue 11; bot/storage/evidenceRepository.ts implements it). Changes
 * are made at the version their editor saw (EVIDENCE_CHANGED otherwise, EVIDENCE_NOT_FOUND when
 * gone, VERSION_NOT_VALID for a version that is none). STORAGE_UNAVAILABLE when storage cannot be reached.
 */
export interface EvidenceStore {
  /** The round's notes, by condition, then date, then when they were added. */
  list(roundId: string): Promise<EvidenceNote[]>;
  create(roundId: string, noteId: string, fields: EvidenceFields): Promise<EvidenceNote>;
  update(roundId: string, noteId: string, version: string, fields: EvidenceFields): Promise<EvidenceNote>;
  remove(roundId: string, noteId: string, version: string): Promise<void>;
}
