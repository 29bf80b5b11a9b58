import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ConditionId } from '@domain/conditions';
import { summariseNow, type NowSummary } from '@domain/summary/whatHappensNow';
import type { PlanApi } from '../api/client';
import { ApiError } from '../api/request';
import type { PlanAction, PlanActionFields, RoundSummary, TeamPlanReply } from '../api/types';
import { ActionForm, problemFrom, type FormProblem } from '../components/plan/ActionForm';
import { PlanTable } from '../components/plan/PlanTable';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: `${tokens.spacingVerticalM} 0 0` },
});

const CONFLICT = 'Someone else changed this action while you were editing it. Reload the plan to see their change.';

type Editing = { conditionId: ConditionId; action?: PlanAction } | null;

/**
 * The team's living plan (issue 11: the plan belongs to the team) as Appendix 2's grid, beside the
 * chosen round's "what happens now". Everyone in the team reads it; with `canEdit` (a practice
 * champion) each condition gets add, change and delete. Changes carry the action's
 * version, so a concurrent edit is refused (409) and the plan reloads rather than overwriting.
 * Render it with a `key` of the team and round: another round's plan starts afresh.
 */
export function PlanView(props: { api: PlanApi; teamId: string; roundId: string; summary: RoundSummary | undefined }) {
  const { api, teamId, roundId, summary } = props;
  const styles = useStyles();
  const [plan, setPlan] = useState<TeamPlanReply | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [saving, setSaving] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    api.teamPlan(teamId, controller.signal).then(
      (loaded) => {
        if (!controller.signal.aborted) setPlan(loaded);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(error instanceof Error ? error.message : 'The plan could not be loaded.');
      },
    );
    return () => controller.abort();
  }, [api, teamId, roundId, generation]);

  const reload = useCallback(() => {
    setLoadError(null);
    setGeneration((n) => n + 1);
  }, []);
  const now = useMemo(() => new Map<ConditionId, NowSummary>((summary ? summariseNow(summary) : []).map((row) => [row.conditionId, row])), [summary]);

  const failed = (error: unknown) => {
    if (error instanceof ApiError && (error.code === 'PLAN_CHANGED' || error.code === 'ACTION_NOT_FOUND' || error.status === 409)) {
      setNotice(error.code === 'ACTION_NOT_FOUND' ? `${error.message} The plan has been reloaded.` : CONFLICT);
      setEditing(null);
      setProblem(null);
      reload();
      return;
    }
    if (error instanceof ApiError && error.status === 400) {
      setProblem(problemFrom(error.message));
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
      if (editing.action) await api.changeAction(teamId, editing.action.actionId, editing.action.version, fields);
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

  const canEdit = plan?.canEdit === true;
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
        <MessageBar intent="error"><MessageBarBody>{loadError}</MessageBarBody></MessageBar>
      )}
      {!plan && !loadError && <Spinner size="small" label="Loading the plan…" />}
      {plan && (
        <PlanTable
          now={now}
          actions={plan.actions}
          canEdit={canEdit}
          busy={saving}
          onAdd={(conditionId) => { setProblem(null); setEditing({ conditionId }); }}
          onEdit={(action) => { setProblem(null); setEditing({ conditionId: action.conditionId, action }); }}
          onDelete={(action) => void remove(action)}
          renderForm={(conditionId) =>
            canEdit && editing?.conditionId === conditionId ? (
              <ActionForm
                key={editing.action?.actionId ?? 'new'}
                conditionId={conditionId}
                conditionLabel={String(Number(conditionId.slice(1)))}
                action={editing.action}
                saving={saving}
                problem={problem}
                onSave={(fields) => void save(fields)}
                onCancel={() => { setEditing(null); setProblem(null); }}
              />
            ) : null
          }
        />
      )}
    </section>
  );
}
