import * as restify from 'restify';
import { isConditionId } from '../../bot/domain/conditions';
import { evidenceNoteInput, type EvidenceNote } from '../../bot/domain/evidence';
import { TEAM_ID } from './fixtures';

/**
 * The evidence notes' stand-in for the tab's tests (the real routes are bot/http/tabApi.ts, tested
 * in tests/tabApi/evidence.spec.ts): notes by round, versions W/"evidence-n"; tests change `notes`
 * to play another champion, and `canEdit` to be a member who is not one.
 */
export interface EvidenceFixture {
  readonly notes: Map<string, EvidenceNote[]>;
  canEdit: boolean;
}

/** A note as the API answers it, with `fields` in place of the defaults. */
export function evidenceNote(fields: Partial<EvidenceNote>): EvidenceNote {
  return {
    noteId: 'note-fixture-1',
    roundId: 'round-2',
    conditionId: 'C06',
    kind: 'case-audit',
    source: 'QA team’s audit of 20 CIN cases',
    date: '2025-07-14',
    found: 'Supervision recorded in 17 of 20 files; reflective discussion in 6.',
    addedAt: '2025-07-20T10:00:00.000Z',
    addedBy: 'Priya Shah',
    version: 'W/"evidence-fixture-1"',
    ...fields,
  };
}

const refuse = (res: restify.Response, status: number, code: string, message: string) => res.send(status, { error: { code, message } });

/** Registers GET/POST …/rounds/:roundId/evidence and PUT/DELETE …/evidence/:noteId for the rounds `roundKnown` knows. */
export function registerEvidenceRoutes(server: restify.Server, roundKnown: (roundId: string) => boolean): EvidenceFixture {
  const fixture: EvidenceFixture = { notes: new Map(), canEdit: true };
  let version = 0;
  const path = '/api/teams/:teamId/rounds/:roundId/evidence';

  const notesOf = (req: restify.Request, res: restify.Response): EvidenceNote[] | null => {
    if (req.params.teamId !== TEAM_ID || !roundKnown(req.params.roundId)) {
      refuse(res, 404, 'ROUND_NOT_FOUND', 'That audit round could not be found.');
      return null;
    }
    if (req.method !== 'GET' && !fixture.canEdit) {
      refuse(res, 403, 'NOT_A_CHAMPION', "Only the team's practice champions can add or change evidence notes.");
      return null;
    }
    if (!fixture.notes.has(req.params.roundId)) fixture.notes.set(req.params.roundId, []);
    return fixture.notes.get(req.params.roundId)!;
  };
  const fields = (req: restify.Request, res: restify.Response) => {
    const parsed = evidenceNoteInput.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      refuse(res, 400, 'BAD_REQUEST', `The evidence note's ${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}.`);
      return null;
    }
    const { conditionId, ...given } = parsed.data;
    if (!isConditionId(conditionId)) {
      refuse(res, 400, 'BAD_REQUEST', "The evidence note's conditionId is not valid: that condition is not one of the audit's conditions.");
      return null;
    }
    return { ...given, conditionId };
  };
  const existing = (req: restify.Request, res: restify.Response, notes: EvidenceNote[]): number => {
    const index = notes.findIndex((note) => note.noteId === req.params.noteId);
    if (index < 0) refuse(res, 404, 'EVIDENCE_NOT_FOUND', 'That evidence note is no longer there.');
    else if (req.header('if-match') !== notes[index]!.version) {
      refuse(res, 409, 'EVIDENCE_CHANGED', 'Someone else changed this evidence note while you were editing it. Reload to see their change.');
      return -1;
    }
    return index;
  };
  const sorted = (notes: EvidenceNote[]) => [...notes].sort((a, b) => a.conditionId.localeCompare(b.conditionId) || a.date.localeCompare(b.date) || a.addedAt.localeCompare(b.addedAt));

  server.get(path, async (req, res) => {
    const notes = notesOf(req, res);
    if (notes) res.send(200, { notes: sorted(notes), canEdit: fixture.canEdit });
  });
  server.post(path, restify.plugins.bodyParser(), async (req, res) => {
    const notes = notesOf(req, res);
    const body = notes && fields(req, res);
    if (!notes || !body) return;
    version += 1;
    const note: EvidenceNote = { ...body, noteId: `note-${version}`, roundId: req.params.roundId, addedAt: new Date().toISOString(), addedBy: 'Local developer', version: `W/"evidence-${version}"` };
    notes.push(note);
    res.send(201, note);
  });
  server.put(`${path}/:noteId`, restify.plugins.bodyParser(), async (req, res) => {
    const notes = notesOf(req, res);
    const index = notes ? existing(req, res, notes) : -1;
    const body = index >= 0 && fields(req, res);
    if (!notes || !body) return;
    version += 1;
    const note: EvidenceNote = { ...notes[index]!, ...body, version: `W/"evidence-${version}"` };
    notes[index] = note;
    res.send(200, note);
  });
  server.del(`${path}/:noteId`, async (req, res) => {
    const notes = notesOf(req, res);
    const index = notes ? existing(req, res, notes) : -1;
    if (!notes || index < 0) return;
    notes.splice(index, 1);
    res.send(204);
  });
  return fixture;
}
