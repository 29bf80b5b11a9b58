import { useEffect, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ConditionId } from '@domain/conditions';
import { summariseNow, type NowSummary } from '@domain/summary/whatHappensNow';
import type { PlanApi } from '../api/client';
import { ApiError } from '../api/request';
import type { PlanAction, PlanActionFields, RoundListItem, RoundSummary } from '../api/types';
import { ActionForm, problemFrom, type FormProblem } from '../components/plan/ActionForm';
import type { ActionHandlers } from '../components/plan/ActionDetails';
import type { Members } from '../components/plan/OwnerPicker';
import { PlanStatus } from '../components/plan/PlanStatus';
import { PlanTable } from '../components/plan/PlanTable';
import { isOverdue, ukCalendarDay } from '../components/plan/planFormat';
import { usePlan, type PlanMode } from '../components/plan/usePlan';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

const CONFLICT = 'Someone else changed this action while you were editing it. Reload the plan to see their change.';

type Editing = { conditionId: ConditionId; action?: PlanAction } | null;

/**
 * The team's plan as Appendix 2's grid. For a round with no closed round after it (the open round,
 * and the latest closed one: an open round has no results yet) it is the living plan, which
 * champions change (add, change, delete, notes, "Tell the team"); for a round a later round has
 * closed after, it is the plan as it stood at that round's close, read only,
 * with a way to the plan now. Changes carry the action's version, so a concurrent edit is refused
 * (409) and the plan reloads rather than overwriting. Render it with a `key` of the team and
 * round: another round's plan starts afresh.
 */
export function PlanView(props: { api: PlanApi; teamId: string; round: RoundListItem; latest: boolean; summary: RoundSummary | undefined }) {
  const { api, teamId, round, summary } = props;
  const styles = useStyles();
  const [mode, setMode] = useState<PlanMode>(props.latest ? 'living' : 'frozen');
  const { plan, error: loadError, reload, update } = usePlan(api, teamId, round.roundId, mode);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [onlyOverdue, setOnlyOverdue] = useState(false);
  const members = useMembers(api, teamId, editing !== null);

  const now = useMemo(() => new Map<ConditionId, NowSummary>((summary ? summariseNow(summary) : []).map((row) => [row.conditionId, row])), [summary]);
  const canEdit = plan?.canEdit === true;
  // A frozen plan is judged on the day it was kept: whether an action was overdue then, not
  // now (it may have been done since); the living plan on today, as the API reports it.
  const overdue = plan?.frozenAt ? { day: ukCalendarDay(plan.frozenAt), label: 'Overdue at close' } : { day: plan?.today ?? '', label: 'Overdue' };
  const overdueActions = plan ? plan.actions.filter((action) => isOverdue(action, overdue.day)) : [];
  const filtering = onlyOverdue && canEdit && overdueActions.length > 0;

  const failed = (error: unknown) => {
    if (error instanceof ApiError && (error.code === 'PLAN_CHANGED' || error.code === 'ACTION_NOT_FOUND' || error.status === 409)) {
      setNotice(error.code === 'ACTION_NOT_FOUND' ? `${error.message} The plan has been reloaded.` : CONFLICT);
      setEditing(null);
      setProblem(null);
      reload();
      return;
    }
    if (error instanceof ApiError && error.status === 400) {
      setProblem(problemFrom(error));
      return;
    }
    setProblem({ field: null, message: error instanceof Error ? error.message : 'The plan could not be saved just now. Please try again.' });
  };

  // save() and remove() never reject (a failure is shown in the plan), so the table and form
  // start them without awaiting.
  const save = async (fields: PlanActionFields) => {
    if (!editing) return;
    setSaving(true);
    setProblem(null);
    try {
      // The changed action shows at once, as the API answered it; the plan is then read again.
      if (editing.action) update(await api.changeAction(teamId, editing.action.actionId, editing.action.version, fields));
      else await api.addAction(teamId, fields);
      setEditing(null);
      setNotice(null);
      reload();
    } catch (error) {
      failed(error);
    } finally {
      setSaving(false);
    }
  };

  const remove = async (action: PlanAction) => {
    setSaving(true);
    setNotice(null);
    try {
      await api.removeAction(teamId, action.actionId, action.version);
      reload();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 404)) failed(error);
      else setNotice(error instanceof Error ? error.message : 'The action could not be deleted just now.');
    } finally {
      setSaving(false);
    }
  };

  const handlers: ActionHandlers = {
    canEdit,
    busy: saving,
    today: plan?.today ?? '',
    overdue,
    onEdit: (action) => { setProblem(null); setEditing({ conditionId: action.conditionId, action }); },
    onDelete: (action) => void remove(action),
    addNote: async (action, fields) => {
      try {
        const noted = await api.addNote(teamId, action.actionId, fields);
        update(noted);
        // The action's form, open from the version the note was added to, now saves on top of the note.
        setEditing((open) => (open?.action?.actionId === noted.actionId && open.action.version === action.version ? { ...open, action: { ...open.action, version: noted.version } } : open));
      } catch (error) {
        // An action removed meanwhile: the plan is read again, and the form says why.
        if (error instanceof ApiError && error.code === 'ACTION_NOT_FOUND') reload();
        throw error;
      }
    },
    announce: (action) => api.announceAction(teamId, action.actionId),
  };

  return (
    <section className={styles.section} aria-label="Plan">
      <Subtitle2 as="h2" className={styles.heading}>Plan</Subtitle2>
      {notice && (
        <MessageBar intent="warning" data-testid="plan-notice">
          <MessageBarBody>{notice}</MessageBarBody>
          <MessageBarActions><Button onClick={() => { setNotice(null); reload(); }}>Reload</Button></MessageBarActions>
        </MessageBar>
      )}
      {loadError && (
        <MessageBar intent="error" data-testid="plan-load-error">
          <MessageBarBody>{loadError}</MessageBarBody>
          <MessageBarActions><Button onClick={reload}>Try again</Button></MessageBarActions>
        </MessageBar>
      )}
      {!plan && !loadError && <Spinner size="small" label="Loading the plan…" />}
      {plan && (
        <>
          <PlanStatus
            plan={plan}
            round={round}
            onMode={(next) => { setEditing(null); setNotice(null); setMode(next); }}
            overdue={overdueActions.length}
            onlyOverdue={filtering}
            onOnlyOverdue={setOnlyOverdue}
          />
          <PlanTable
            now={now}
            actions={filtering ? overdueActions : plan.actions}
            onlyOverdue={filtering}
            handlers={handlers}
            onAdd={(conditionId) => { setProblem(null); setEditing({ conditionId }); }}
            renderForm={(conditionId) =>
              canEdit && editing?.conditionId === conditionId ? (
                <ActionForm
                  key={editing.action?.actionId ?? 'new'}
                  conditionId={conditionId}
                  conditionLabel={String(Number(conditionId.slice(1)))}
                  action={editing.action}
                  members={members}
                  saving={saving}
                  problem={problem}
                  onSave={(fields) => void save(fields)}
                  onCancel={() => { setEditing(null); setProblem(null); }}
                />
              ) : null
            }
          />
        </>
      )}
    </section>
  );
}

/**
 * The team's members for the owner picker, read once the first form opens (only champions
 * open one, and only they may read the members), then kept while the view is open.
 */
function useMembers(api: PlanApi, teamId: string, wanted: boolean): Members {
  const [members, setMembers] = useState<Members>('loading');
  const [asked, setAsked] = useState(false);
  if (wanted && !asked) setAsked(true);
  useEffect(() => {
    const controller = new AbortController();
    if (asked) {
      api.members(teamId, controller.signal).then(
        (loaded) => { if (!controller.signal.aborted) setMembers(loaded); },
        () => { if (!controller.signal.aborted) setMembers('failed'); },
      );
    }
    return () => controller.abort();
  }, [api, teamId, asked]);
  return members;
}
