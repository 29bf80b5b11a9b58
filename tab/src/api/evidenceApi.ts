import type { Request } from './request';
import type { EvidenceNote, EvidenceNoteFields, RoundEvidence } from './types';

/** A round's evidence notes: read by members, written by champions; a change carries the note's version (If-Match). */
export interface EvidenceApi {
  notes(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundEvidence>;
  addNote(teamId: string, roundId: string, fields: EvidenceNoteFields): Promise<EvidenceNote>;
  changeNote(teamId: string, roundId: string, noteId: string, version: string, fields: EvidenceNoteFields): Promise<EvidenceNote>;
  removeNote(teamId: string, roundId: string, noteId: string, version: string): Promise<void>;
}


/** A call's answer: JSON, or nothing for 204 (a deleted note). */
async function json<T>(response: Promise<Response>): Promise<T> {
  const answered = await response;
  return (answered.status === 204 ? undefined : await answered.json()) as T;
}

export function createEvidenceApi(request: Request, roundPath: (teamId: string, roundId: string) => string): EvidenceApi {
  const evidence = (teamId: string, roundId: string) => `${roundPath(teamId, roundId)}/evidence`;
  const note = (teamId: string, roundId: string, noteId: string) => `${evidence(teamId, roundId)}/${encodeURIComponent(noteId)}`;
  return {
    notes: (teamId, roundId, signal) => json(request(evidence(teamId, roundId), { signal })),
    addNote: (teamId, roundId, fields) => json(request(evidence(teamId, roundId), { method: 'POST', body: fields, wording: 'evidence' })),
    changeNote: (teamId, roundId, noteId, version, fields) =>
      json(request(note(teamId, roundId, noteId), { method: 'PUT', body: fields, ifMatch: version, wording: 'evidence' })),
    removeNote: (teamId, roundId, noteId, version) =>
      json(request(note(teamId, roundId, noteId), { method: 'DELETE', ifMatch: version, wording: 'evidence' })),
  };
}
