import { useId, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { ApiError } from '../../api/request';
import type { ProgressNoteFields } from '../../api/types';
import { MAX_NOTE_TEXT } from './planFormat';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  wide: { gridColumn: '1 / -1' },
  buttons: { gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Problem = { readonly field: 'date' | 'text' | null; readonly message: string };

/**
 * A "what we did" note for one action: when it was done (today unless changed: notes are often
 * written the day after) and what was done. The API validates both; its refusal is shown by the
 * field its message names ("The note's text is not valid: …"), anything else over the form.
 */
export function NoteForm(props: { actionName: string; today: string; onAdd: (fields: ProgressNoteFields) => Promise<void>; onCancel: () => void }) {
  const styles = useStyles();
  const headingId = useId();
  const [date, setDate] = useState(props.today);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await props.onAdd({ date, text });
    } catch (error) {
      const message = error instanceof Error ? error.message : 'The note could not be saved just now. Please try again.';
      const field = error instanceof ApiError && error.status === 400 ? /The note's (date|text) /.exec(message)?.[1] : undefined;
      setProblem({ field: (field as Problem['field'] | undefined) ?? null, message });
      setSaving(false);
    }
  };
  const fieldProblem = (field: 'date' | 'text') => (problem?.field === field ? problem.message : undefined);

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate data-testid="note-form">
      <span id={headingId} className={styles.wide}><strong>What we did: {props.actionName}</strong></span>
      {problem && problem.field === null && (
        <MessageBar intent="error" className={styles.wide}><MessageBarBody>{problem.message}</MessageBarBody></MessageBar>
      )}
      <Field label="When" validationMessage={fieldProblem('date')} validationState={fieldProblem('date') ? 'error' : 'none'}>
        <Input type="date" value={date} onChange={(_e, data) => setDate(data.value)} name="date" />
      </Field>
      <Field label="What was done?" className={styles.wide} validationMessage={fieldProblem('text')} validationState={fieldProblem('text') ? 'error' : 'none'}>
        <Textarea value={text} maxLength={MAX_NOTE_TEXT} onChange={(_e, data) => setText(data.value)} name="text" />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving}>Add note</Button>
        <Button type="button" onClick={props.onCancel} disabled={saving}>Cancel</Button>
      </div>
    </form>
  );
}
