import { Fragment, useId } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTableStyles } from '../tableStyles';
import { CONDITIONS, type ConditionId } from '../../../../bot/domain/conditions';
import type { NowSummary } from '../../../../bot/domain/summary/whatHappensNow';
import type { PlanAction } from '../../api/types';
import { formatDueDate, statusLabel } from './planFormat';

const useStyles = makeStyles({
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  condition: { minWidth: '200px', maxWidth: '300px' },
  number: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  meta: { display: 'block', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  none: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
});

/**
 * Appendix 2's grid: each condition with what happens now (from the summary) and the plan's
 * actions as what needs to happen and how it will be progressed. All text is rendered as text.
 */
export function PlanTable(props: {
  now: ReadonlyMap<ConditionId, NowSummary>;
  actions: readonly PlanAction[];
  canEdit: boolean;
  busy: boolean;
  /** The form open under a condition's row, if any. */
  renderForm: (conditionId: ConditionId) => React.ReactNode;
  onAdd: (conditionId: ConditionId) => void;
  onEdit: (action: PlanAction) => void;
  onDelete: (action: PlanAction) => void;
}) {
  const styles = useStyles();
  const shared = useTableStyles();
  const captionId = useId();
  return (
    <div className={shared.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={shared.table} data-testid="plan">
        <caption id={captionId} className={shared.caption}>
          The audit of services: for each condition, what happens now, what needs to happen and how you will progress it.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={shared.head}>Condition</th>
            <th scope="col" className={shared.head}>What happens now?</th>
            <th scope="col" className={shared.head}>What needs to happen?</th>
            <th scope="col" className={shared.head}>How will you progress this?</th>
          </tr>
        </thead>
        <tbody>
          {CONDITIONS.map((condition) => {
            const actions = props.actions.filter((action) => action.conditionId === condition.id);
            const now = props.now.get(condition.id);
            const form = props.renderForm(condition.id);
            return (
              <Fragment key={condition.id}>
                <tr data-condition={condition.id}>
                  <th scope="row" className={`${styles.cell} ${styles.condition}`}>
                    <span className={styles.number}>{condition.number}.</span>
                    {condition.text}
                  </th>
                  <td className={styles.cell} data-part="now">{now?.text ?? 'Not available yet'}</td>
                  <td className={styles.cell} data-part="need">
                    {actions.length === 0 ? (
                      <span className={styles.none}>No actions yet</span>
                    ) : (
                      <ol className={styles.list}>
                        {actions.map((action) => <li key={action.actionId} className={styles.text}>{action.need}</li>)}
                      </ol>
                    )}
                    {props.canEdit && !form && (
                      <div className={styles.actions}>
                        <Button size="small" onClick={() => props.onAdd(condition.id)} disabled={props.busy} aria-label={`Add action for condition ${condition.number}`}>
                          Add action
                        </Button>
                      </div>
                    )}
                  </td>
                  <td className={styles.cell} data-part="progress">
                    {actions.length > 0 && (
                      <ol className={styles.list}>
                        {actions.map((action) => (
                          <li key={action.actionId} data-action={action.actionId}>
                            {action.progress && <span className={styles.text}>{action.progress}</span>}
                            <span className={styles.meta}>
                              {[
                                action.owner ? `Owner: ${action.owner}` : 'No owner yet',
                                action.dueDate ? `Due ${formatDueDate(action.dueDate)}` : 'No due date',
                                statusLabel(action.status),
                              ].join(' · ')}
                            </span>
                            {props.canEdit && (
                              <span className={styles.actions}>
                                <Button size="small" onClick={() => props.onEdit(action)} disabled={props.busy} aria-label={`Change the action “${truncate(action.need)}”`}>Change</Button>
                                <Button size="small" onClick={() => props.onDelete(action)} disabled={props.busy} aria-label={`Delete the action “${truncate(action.need)}”`}>Delete</Button>
                              </span>
                            )}
                          </li>
                        ))}
                      </ol>
                    )}
                  </td>
                </tr>
                {form && (
                  <tr>
                    <td colSpan={4} className={styles.cell}>{form}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
