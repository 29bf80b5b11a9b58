import { useId, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ConditionId } from '@domain/conditions';
import { findCondition } from '@domain/conditions';
import type { EvidenceApi } from '../../api/client';
import { ApiError } from '../../api/request';
import type { EvidenceNote, EvidenceNoteFields } from '../../api/types';
import { useRoundEvidence } from '../../hooks/roundFeed';
import { EvidenceForm, evidenceProblemFrom, type EvidenceProblem } from './EvidenceForm';
import { EvidenceNoteText } from './EvidenceNoteText';
import { noteName } from './evidenceFormat';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
  intro: { margin: 0, maxWidth: '80ch', color: tokens.colorNeutralForeground2 },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  note: {
    display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow2,
    // Invisible, except in high contrast, where shadows vanish and this draws the note's edge.
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
  add: { alignSelf: 'flex-start' },
});

const CHANGED = 'Someone else changed this evidence note while you were editing it. The notes have been reloaded: make your change again on the newer note.';

/** Which note is being written: a new one, or one being changed. */
type Editing = { readonly note?: EvidenceNote } | null;

/**
 * "How do you know?": a condition's evidence notes in a round, beside its staff figures. Everyone
 * in the team reads them; a practice champion (`canEdit`) adds, changes and removes them. A change
 * carries the note's version, so one made on a note someone else has since changed is refused
 * (409) and the notes reload rather than overwrite. Render with a `key` of the condition.
 */
export function EvidenceSection(props: { api: EvidenceApi; teamId: string; roundId: string; conditionId: ConditionId }) {
  const { api, teamId, roundId, conditionId } = props;
  const styles = useStyles();
  const headingId = useId();
  const evidence = useRoundEvidence();
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<EvidenceProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const condition = findCondition(conditionId);
  const notes = (evidence.data?.notes ?? []).filter((note) => note.conditionId === conditionId);
  const canEdit = evidence.data?.canEdit === true;

  const failed = (error: unknown, during: 'save' | 'remove') => {
    if (error instanceof ApiError && (error.status === 409 || error.status === 404)) {
      setNotice(error.status === 404 ? `${error.message} The notes have been reloaded.` : CHANGED);
      setEditing(null);
      setProblem(null);
      evidence.refresh();
    } else if (during === 'save' && error instanceof ApiError && error.status === 400) {
      setProblem(evidenceProblemFrom(error.message));
    } else {
      const message = error instanceof Error ? error.message : 'The evidence note could not be saved just now. Please try again.';
      if (during === 'save') setProblem({ field: null, message });
      else setNotice(message);
    }
  };

  // save() and remove() never reject (a failure is shown here), so buttons start them without awaiting.
  const save = async (fields: EvidenceNoteFields) => {
    if (!editing) return;
    setSaving(true);
    setProblem(null);
    try {
      if (editing.note) await api.changeNote(teamId, roundId, editing.note.noteId, editing.note.version, fields);
      else await api.addNote(teamId, roundId, fields);
      setEditing(null);
      setNotice(null);
      evidence.refresh();
    } catch (error) {
      failed(error, 'save');
    } finally {
      setSaving(false);
    }
  };
  const remove = async (note: EvidenceNote) => {
    setSaving(true);
    setNotice(null);
    try {
      await api.removeNote(teamId, roundId, note.noteId, note.version);
      evidence.refresh();
    } catch (error) {
      failed(error, 'remove');
    } finally {
      setSaving(false);
    }
  };

  const form = (note?: EvidenceNote) => (
    <EvidenceForm
      key={note?.noteId ?? 'new'}
      conditionId={conditionId}
      conditionNumber={condition?.number ?? 0}
      note={note}
      saving={saving}
      problem={problem}
      onSave={(fields) => void save(fields)}
      onCancel={() => { setEditing(null); setProblem(null); }}
    />
  );
  const startEditing = (next: Editing) => { setProblem(null); setNotice(null); setEditing(next); };

  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="evidence-notes">
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>Evidence: how do you know?</Subtitle2>
      <p className={styles.intro}>What other sources found about this condition: case audits, practice weeks, supervision audits, feedback from children and families.</p>
      {notice && (
        <MessageBar intent="warning" data-testid="evidence-notice">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions><Button onClick={() => { setNotice(null); evidence.refresh(); }}>Reload</Button></MessageBarActions>
        </MessageBar>
      )}
      {evidence.error && <MessageBar intent="error"><MessageBarBody>{evidence.error.message}</MessageBarBody></MessageBar>}
      {evidence.loading && !evidence.data && <Spinner size="small" label="Loading the evidence notes…" />}
      {evidence.data && notes.length === 0 && <p className={styles.intro} data-testid="no-evidence">No evidence notes for this condition yet.</p>}
      {notes.length > 0 && (
        <ul className={styles.list} aria-labelledby={headingId}>
          {notes.map((note) => (
            <li key={note.noteId} className={styles.note} data-note={note.noteId}>
              {editing?.note?.noteId === note.noteId ? form(note) : (
                <>
                  <EvidenceNoteText note={note} />
                  {canEdit && (
                    <div className={styles.buttons}>
                      <Button size="small" disabled={saving} onClick={() => startEditing({ note })} aria-label={`Change ${noteName(note)}`}>Change</Button>
                      <Button size="small" disabled={saving} onClick={() => void remove(note)} aria-label={`Remove ${noteName(note)}`}>Remove</Button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && editing && !editing.note && form()}
      {canEdit && !editing && (
        <Button className={styles.add} disabled={saving} onClick={() => startEditing({})}>Add evidence for condition {condition?.number}</Button>
      )}
    </section>
  );
}
