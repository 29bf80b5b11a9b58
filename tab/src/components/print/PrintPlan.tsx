import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CONDITIONS } from '@domain/conditions';
import type { PlanAction, RoundPlan } from '../../api/types';
import { formatDay, formatUkDay } from '../../format';
import { DataTable } from '../DataTable';
import { statusLabel } from '../plan/planFormat';
import { useTableStyles } from '../tableStyles';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  notes: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

/** Not done, with a due date before today (UK): bot/domain/plan.ts `isOverdue`, whose module brings zod. */
const overdue = (action: PlanAction, today: string) => action.status !== 'done' && action.dueDate !== null && action.dueDate < today;

/**
 * Which plan the page shows, in words: the plan as it stood at the round's close (a closed round's
 * plan, kept then), or as it stands today (an open round's, the living plan). A reply without
 * `frozenAt` is read as the living plan; one without `today`, as it stands when the page was prepared (`preparedAt`, ISO 8601).
 */
function planWording(plan: Pick<RoundPlan, 'frozenAt' | 'today'>, roundNumber: number, preparedAt: string): string {
  return plan.frozenAt
    ? `The plan as it stood when round ${roundNumber} closed, on ${formatUkDay(plan.frozenAt)}.`
    : `The plan as it stands on ${formatDay(plan.today) || formatUkDay(preparedAt)}.`;
}

/**
 * The round's plan for the printed page, as the plan route gives it: each action under its
 * condition (in the conditions' order), what needs to happen, how it will be progressed with its
 * dated progress notes, its owner, due date and status (overdue only for a living plan).
 */
export function PrintPlan({ plan, roundNumber, preparedAt }: { plan: RoundPlan; roundNumber: number; preparedAt: string }) {
  const table = useTableStyles();
  const styles = useStyles();
  const order = new Map(CONDITIONS.map((condition, index) => [condition.id as string, index]));
  const actions = [...plan.actions].sort((a, b) => (order.get(a.conditionId) ?? 99) - (order.get(b.conditionId) ?? 99));
  const today = plan.today ?? '';
  if (actions.length === 0) return <p data-testid="print-no-plan">{planWording(plan, roundNumber, preparedAt)} It has no actions.</p>;
  return (
    <DataTable testId="print-plan" caption={planWording(plan, roundNumber, preparedAt)} columns={['Condition', 'What needs to happen', 'How it will be progressed', 'Owner', 'Due', 'Status']}>
      {actions.map((action) => {
        const condition = CONDITIONS.find((c) => c.id === action.conditionId);
        return (
          <tr key={action.actionId} data-condition={action.conditionId}>
            <th scope="row" className={table.rowHead}>{condition ? `${condition.number}. ${condition.text}` : action.conditionId}</th>
            <td className={mergeClasses(table.cell, styles.text)} data-part="need">{action.need}</td>
            <td className={mergeClasses(table.cell, styles.text)} data-part="progress">
              {action.progress}
              {(action.notes ?? []).length > 0 && (
                <ul className={styles.notes} aria-label="Progress notes">
                  {action.notes.map((note) => <li key={note.noteId}>{formatDay(note.date)}: {note.text}</li>)}
                </ul>
              )}
            </td>
            <td className={table.cell} data-part="owner">{action.owner}</td>
            <td className={table.cell} data-part="due">{formatDay(action.dueDate)}</td>
            <td className={table.cell} data-part="status">
              {statusLabel(action.status)}{!plan.frozenAt && today && overdue(action, today) ? ' (overdue)' : ''}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
