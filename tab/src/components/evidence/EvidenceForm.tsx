import { useId, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useFormStyles } from '../formStyles';
import { usePickerStyles } from '../pickerStyles';
import type { EvidenceKind, EvidenceNote, EvidenceNoteFields } from '../../api/types';
import { EVIDENCE_KINDS, MAX_EVIDENCE_SOURCE, MAX_EVIDENCE_TEXT, kindLabel, noteName } from './evidenceFormat';

/** The fields a note's form has, as the API names them in its refusals ("The evidence note's date is not valid: …"). */
export type EvidenceFieldName = 'kind' | 'source' | 'date' | 'found';
export interface EvidenceProblem {
  readonly field: EvidenceFieldName | null;
  readonly message: string;
}

/** Which field a refusal from the API is about: its words name the field. */
export function evidenceProblemFrom(message: string): EvidenceProblem {
  const match = /The evidence note's (kind|source|date|found) /.exec(message);
  return { field: (match?.[1] as EvidenceFieldName | undefined) ?? null, message };
}

/**
 * Add or change one evidence note of a condition: its kind, where it came from, the day it was
 * gathered, and what it found. The day and what it found are required here as in the API;
 * anything the API refuses comes back as `problem`, shown by its field or over the form.
 */
export function EvidenceForm(props: {
  conditionId: string;
  conditionNumber: number;
  note?: EvidenceNote;
  saving: boolean;
  problem: EvidenceProblem | null;
  onSave: (fields: EvidenceNoteFields) => void;
  onCancel: () => void;
}) {
  const styles = useFormStyles();
  // The kind's longest option ("Feedback from children and families") is wider than a column of the
  // form's grid: without these the select spilled under the date field beside it.
  const picker = usePickerStyles();
  const headingId = useId();
  const { note } = props;
  const [kind, setKind] = useState<EvidenceKind>(note?.kind ?? 'case-audit');
  const [source, setSource] = useState(note?.source ?? '');
  const [date, setDate] = useState(note?.date ?? '');
  const [found, setFound] = useState(note?.found ?? '');
  const [missing, setMissing] = useState<{ date: boolean; found: boolean }>({ date: false, found: false });

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nowMissing = { date: !date, found: !found.trim() };
    setMissing(nowMissing);
    if (nowMissing.date || nowMissing.found) return;
    props.onSave({ conditionId: props.conditionId, kind, source, date, found });
  };
  const fromApi = (field: EvidenceFieldName): string | undefined => (props.problem?.field === field ? props.problem.message : undefined);
  const problems: Record<EvidenceFieldName, string | undefined> = {
    kind: fromApi('kind'),
    source: fromApi('source'),
    date: missing.date ? 'Give the day the evidence was gathered.' : fromApi('date'),
    found: missing.found ? 'Say what the evidence found.' : fromApi('found'),
  };
  const state = (field: EvidenceFieldName) => (problems[field] ? 'error' : 'none');
  const title = note ? `Change ${noteName(note)}` : `Add evidence for condition ${props.conditionNumber}`;

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate data-testid="evidence-form">
      <span id={headingId} className={styles.wide}><strong>{title}</strong></span>
      {props.problem && props.problem.field === null && (
        <MessageBar intent="error" className={styles.wide}><MessageBarBody>{props.problem.message}</MessageBarBody></MessageBar>
      )}
      <Field label="Kind of evidence" className={picker.field} validationMessage={problems.kind} validationState={state('kind')}>
        <Select className={picker.select} value={kind} onChange={(_e, data) => setKind(data.value as EvidenceKind)} name="kind">
          {EVIDENCE_KINDS.map((id) => <option key={id} value={id}>{kindLabel(id)}</option>)}
        </Select>
      </Field>
      <Field label="Date gathered" required validationMessage={problems.date} validationState={state('date')}>
        <Input type="date" value={date} onChange={(_e, data) => setDate(data.value)} name="date" />
      </Field>
      <Field label="Source" hint="Who or what it came from, e.g. the QA team’s audit of 20 cases" className={styles.wide} validationMessage={problems.source} validationState={state('source')}>
        <Input value={source} maxLength={MAX_EVIDENCE_SOURCE} onChange={(_e, data) => setSource(data.value)} name="source" />
      </Field>
      <Field label="What it found" required className={styles.wide} validationMessage={problems.found} validationState={state('found')}>
        <Textarea value={found} maxLength={MAX_EVIDENCE_TEXT} rows={4} resize="vertical" onChange={(_e, data) => setFound(data.value)} name="found" />
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={props.saving}>{note ? 'Save changes' : 'Add evidence note'}</Button>
        <Button type="button" onClick={props.onCancel} disabled={props.saving}>Cancel</Button>
      </div>
    </form>
  );
}
