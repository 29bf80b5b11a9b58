import { odata, type TableClient } from '@azure/data-tables';
import type { EvidenceFields, EvidenceStore } from '../app/evidence/evidenceStore';
import type { EvidenceNote } from '../domain/evidence';
import { checkConditionalChange, conditionalChangeError, type ConditionalChangeCodes } from './conditionalChange';
import { canBeKey } from './keys';
import { storageCall } from './storageErrors';

/** How changes to a note are refused (storage/conditionalChange.ts). */
const NOTE_CHANGES: ConditionalChangeCodes = {
  notFound: 'EVIDENCE_NOT_FOUND',
  changed: 'EVIDENCE_CHANGED',
  versionWording: 'Send the version of the evidence note you are changing in If-Match, exactly as the notes gave it ("*" is not a version).',
};

/** A note's row: its fields as they are, every one a string. */
type NoteRow = EvidenceFields & { partitionKey: string; rowKey: string };

/**
 * The `evidence` table: each round's evidence notes, one row per note in the round's partition
 * (PartitionKey the round id, RowKey the note id), so a round's notes are one partition query.
 * Changes are conditional on the version (the row's etag) the editor saw: a concurrent edit is
 * refused (EVIDENCE_CHANGED), never lost. Ids that cannot be keys (keys.ts) name no note.
 */
export class EvidenceRepository implements EvidenceStore {
  constructor(private readonly table: TableClient) {}

  async list(roundId: string): Promise<EvidenceNote[]> {
    const notes: EvidenceNote[] = [];
    if (!canBeKey(roundId)) return notes;
    const rows = this.table.listEntities<EvidenceFields>({ queryOptions: { filter: odata`PartitionKey eq ${roundId}` } });
    await storageCall(async () => {
      for await (const row of rows) notes.push(toNote(roundId, row.rowKey!, row, row.etag));
    });
    return notes.sort((a, b) => a.conditionId.localeCompare(b.conditionId) || a.date.localeCompare(b.date) || a.addedAt.localeCompare(b.addedAt));
  }

  async create(roundId: string, noteId: string, fields: EvidenceFields): Promise<EvidenceNote> {
    const result = await storageCall(() => this.table.createEntity(rowOf(roundId, noteId, fields)));
    return toNote(roundId, noteId, fields, result.etag ?? '');
  }

  /** Replaces a note at the version its editor saw; EVIDENCE_NOT_FOUND, EVIDENCE_CHANGED or VERSION_NOT_VALID otherwise. */
  async update(roundId: string, noteId: string, version: string, fields: EvidenceFields): Promise<EvidenceNote> {
    checkConditionalChange(NOTE_CHANGES, [roundId, noteId], version);
    try {
      const result = await storageCall(() => this.table.updateEntity(rowOf(roundId, noteId, fields), 'Replace', { etag: version }));
      return toNote(roundId, noteId, fields, result.etag ?? '');
    } catch (error) {
      throw conditionalChangeError(NOTE_CHANGES, error);
    }
  }

  /** Removes a note at the version its editor saw; the same refusals as update. */
  async remove(roundId: string, noteId: string, version: string): Promise<void> {
    checkConditionalChange(NOTE_CHANGES, [roundId, noteId], version);
    try {
      await storageCall(() => this.table.deleteEntity(roundId, noteId, { etag: version }));
    } catch (error) {
      throw conditionalChangeError(NOTE_CHANGES, error);
    }
  }
}

/** Only the note's own fields are written: whatever else an object carries stays out of storage. */
function rowOf(roundId: string, noteId: string, fields: EvidenceFields): NoteRow {
  const { conditionId, kind, source, date, found, addedAt, addedBy } = fields;
  return { partitionKey: roundId, rowKey: noteId, conditionId, kind, source, date, found, addedAt, addedBy };
}

function toNote(roundId: string, noteId: string, row: EvidenceFields, version: string): EvidenceNote {
  return {
    noteId,
    roundId,
    conditionId: row.conditionId,
    kind: row.kind,
    source: row.source ?? '',
    date: row.date,
    found: row.found,
    addedAt: row.addedAt,
    addedBy: row.addedBy ?? '',
    version,
  };
}
