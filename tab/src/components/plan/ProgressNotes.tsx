import { useRef, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PlanAction, ProgressNoteFields } from '../../api/types';
import { NoteForm } from './NoteForm';
import { actionName, formatDueDate } from './planFormat';

const useStyles = makeStyles({
  notes: { marginTop: tokens.spacingVerticalXS },
  label: { display: 'block', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  who: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/**
 * The action's "what we did" notes, NEWEST FIRST: a plan is read for where an action stands,
 * and the latest update says that; older ones follow, each with the day it was done. Champions
 * add one (`onAdd` rejects with the API's refusal, which the form shows).
 */
export function ProgressNotes(props: { action: PlanAction; canAdd: boolean; today: string; onAdd: (fields: ProgressNoteFields) => Promise<void> }) {
  const { action } = props;
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  // The form has gone: the keyboard goes back to the button that opened it, not to the page's start.
  const focusOnReturn = useRef(false);
  const addButton = (button: HTMLButtonElement | null) => {
    if (button && focusOnReturn.current) {
      focusOnReturn.current = false;
      button.focus();
    }
  };

  const notes = [...action.notes].sort((a, b) => b.date.localeCompare(a.date) || b.writtenAt.localeCompare(a.writtenAt));
  const close = () => {
    focusOnReturn.current = true;
    setAdding(false);
  };
  if (notes.length === 0 && !props.canAdd) return null;
  return (
    <div className={styles.notes} data-part="notes">
      {notes.length > 0 && (
        <>
          <span className={styles.label}>What we did</span>
          <ul className={styles.list} aria-label={`What we did: ${actionName(action)}`}>
            {notes.map((note) => (
              <li key={note.noteId} data-note={note.noteId}>
                <strong><time dateTime={note.date}>{formatDueDate(note.date)}</time></strong>
                {': '}
                <span className={styles.text}>{note.text}</span>
                <span className={styles.who}>{` (${note.writtenBy})`}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {props.canAdd && !adding && (
        <Button ref={addButton} size="small" appearance="subtle" onClick={() => setAdding(true)} aria-label={`Add a note of what was done: ${actionName(action)}`}>
          Add a note
        </Button>
      )}
      {props.canAdd && adding && (
        <NoteForm
          actionName={actionName(action)}
          today={props.today}
          onAdd={async (fields) => {
            await props.onAdd(fields);
            close();
          }}
          onCancel={close}
        />
      )}
    </div>
  );
}
