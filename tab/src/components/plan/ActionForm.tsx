import { useId, useState, type SubmitEvent } from 'react';
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { ApiError } from '../../api/request';
import { useFormStyles } from '../formStyles';
import type { ActionStatus, PlanAction, PlanActionFields } from '../../api/types';
import { OwnerPicker, type Members, type OwnerChoice } from './OwnerPicker';
import { ACTION_STATUSES, MAX_PLAN_TEXT, statusLabel } from './planFormat';

/** Which field a validation message from the API is about (its words name the field). */
export type FieldName = 'need' | 'progress' | 'owner' | 'dueDate' | 'status';
export interface FormProblem {
  readonly field: FieldName | null;
  readonly message: string;
}

/**
 * Add or change one action of a condition's plan. `need` is required here as in the API;
 * everything the API refuses comes back as `problem`, shown by its field or over the form.
 */
export function ActionForm(props: {
  conditionId: string;
  conditionLabel: string;
  action?: PlanAction;
  /** The team's members, for the owner picker. */
  members: Members;
  saving: boolean;
  problem: FormProblem | null;
  onSave: (fields: PlanActionFields) => void;
  onCancel: () => void;
}) {
  const styles = useFormStyles();
  const headingId = useId();
  const { action } = props;
  const [need, setNeed] = useState(action?.need ?? '');
  const [progress, setProgress] = useState(action?.progress ?? '');
  const [owner, setOwner] = useState<OwnerChoice>({ owner: action?.owner ?? '', memberId: action?.ownerMember?.teamsUserId ?? null });
  const [dueDate, setDueDate] = useState(action?.dueDate ?? '');
  const [status, setStatus] = useState<ActionStatus>(action?.status ?? 'not-started');
  const [needMissing, setNeedMissing] = useState(false);

  const fieldProblem = (field: FieldName): string | undefined => (props.problem?.field === field ? props.problem.message : undefined);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!need.trim()) {
      setNeedMissing(true);
      return;
    }
    setNeedMissing(false);
    props.onSave({ conditionId: props.conditionId, need, progress, owner: owner.owner, ownerMemberId: owner.memberId, dueDate: dueDate || null, status });
  };
  const title = action ? `Change the action for condition ${props.conditionLabel}` : `Add an action for condition ${props.conditionLabel}`;
  const needError = needMissing ? 'Say what needs to happen.' : fieldProblem('need');

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate data-testid="action-form">
      <span id={headingId} className={styles.wide}><strong>{title}</strong></span>
      {props.problem && props.problem.field === null && (
        <MessageBar intent="error" className={styles.wide}><MessageBarBody>{props.problem.message}</MessageBarBody></MessageBar>
      )}
      <Field label="What needs to happen?" required className={styles.wide} validationMessage={needError} validationState={needError ? 'error' : 'none'}>
        <Textarea value={need} maxLength={MAX_PLAN_TEXT} onChange={(_e, data) => setNeed(data.value)} name="need" />
      </Field>
      <Field label="How will you progress this?" className={styles.wide} validationMessage={fieldProblem('progress')} validationState={fieldProblem('progress') ? 'error' : 'none'}>
        <Textarea value={progress} maxLength={MAX_PLAN_TEXT} onChange={(_e, data) => setProgress(data.value)} name="progress" />
      </Field>
      <OwnerPicker members={props.members} value={owner} onChange={setOwner} problem={fieldProblem('owner')} />
      <Field label="Due date" validationMessage={fieldProblem('dueDate')} validationState={fieldProblem('dueDate') ? 'error' : 'none'}>
        <Input type="date" value={dueDate} onChange={(_e, data) => setDueDate(data.value)} name="dueDate" />
      </Field>
      <Field label="Status" validationMessage={fieldProblem('status')} validationState={fieldProblem('status') ? 'error' : 'none'}>
        <Select value={status} onChange={(_e, data) => setStatus(data.value as ActionStatus)} name="status">
          {ACTION_STATUSES.map((id) => <option key={id} value={id}>{statusLabel(id)}</option>)}
        </Select>
      </Field>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={props.saving}>{action ? 'Save changes' : 'Add action'}</Button>
        <Button type="button" onClick={props.onCancel} disabled={props.saving}>Cancel</Button>
      </div>
    </form>
  );
}

/**
 * Which field the API's refusal (400) is about: its message names it ("The action's owner is not
 * valid: …"), or its code does (OWNER_NOT_A_MEMBER: the member picked has left the team).
 */
export function problemFrom(error: ApiError): FormProblem {
  if (error.code === 'OWNER_NOT_A_MEMBER') return { field: 'owner', message: error.message };
  const match = /The action's (need|progress|owner|dueDate|status) /.exec(error.message);
  return { field: (match?.[1] as FieldName | undefined) ?? null, message: error.message };
}
