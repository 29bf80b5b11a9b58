import { Fragment, type ReactNode } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { VISUALLY_HIDDEN } from '../tableStyles';
import { CONDITIONS, type ConditionId } from '@domain/conditions';
import type { NowSummary } from '@domain/summary/whatHappensNow';
import type { PlanAction } from '../../api/types';
import { ActionDetails, type ActionHandlers } from './ActionDetails';
import { DataTable } from '../DataTable';

/** The grid's columns, as its header row and (stacked) each cell names them. */
const COLUMNS = ['Condition', 'What happens now?', 'What needs to happen?', 'How will you progress this?'] as const;

/**
 * Narrower than this (a phone; Teams' side panel), each condition stacks into a card, its
 * columns one under another, each named: four columns of sentences side by side would leave
 * the plan's own two off screen. The table stays a table to screen readers.
 */
const STACKED = '@container (max-width: 639px)';
const blockInStack = { [STACKED]: { display: 'block' } };

const useStyles = makeStyles({
  table: blockInStack,
  caption: blockInStack,
  body: blockInStack,
  head: { [STACKED]: VISUALLY_HIDDEN },
  row: {
    [STACKED]: {
      display: 'block',
      padding: `${tokens.spacingVerticalS} 0`,
      borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    },
  },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [STACKED]: { display: 'block', borderBottom: 'none', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  },
  condition: { minWidth: '200px', maxWidth: '300px', [STACKED]: { minWidth: 0, maxWidth: 'none', fontWeight: tokens.fontWeightSemibold } },
  /**
   * Once stacked, each cell shows its column's name (its data-label) above it. The alternative
   * text after "/" is empty, so screen readers, which announce the column header, do not hear
   * it twice; a browser without that syntax takes the plain fallback.
   */
  named: {
    [STACKED]: {
      '::before': {
        content: ['attr(data-label)', 'attr(data-label) / ""'],
        display: 'block',
        color: tokens.colorNeutralForeground2,
        fontSize: tokens.fontSizeBase200,
        fontWeight: tokens.fontWeightSemibold,
      },
    },
  },
  number: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  none: { color: tokens.colorNeutralForeground2, fontStyle: 'italic' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, marginTop: tokens.spacingVerticalXS },
});

/**
 * Appendix 2's grid: each condition with what happens now (from the summary) and the plan's
 * actions as what needs to happen and how it will be progressed. All text is rendered as text.
 * With `onlyOverdue`, `actions` are the overdue ones and only their conditions are listed.
 */
export function PlanTable(props: {
  now: ReadonlyMap<ConditionId, NowSummary>;
  actions: readonly PlanAction[];
  onlyOverdue: boolean;
  handlers: ActionHandlers;
  /** The form open under a condition's row, if any. */
  renderForm: (conditionId: ConditionId) => ReactNode;
  onAdd: (conditionId: ConditionId) => void;
}) {
  const styles = useStyles();
  const named = mergeClasses(styles.cell, styles.named);
  const { canEdit, busy } = props.handlers;
  const caption = props.onlyOverdue
    ? 'The audit of services, overdue actions only: for each condition with one, what happens now, what needs to happen and how you will progress it.'
    : 'The audit of services: for each condition, what happens now, what needs to happen and how you will progress it.';
  return (
    <DataTable
      testId="plan"
      caption={caption}
      columns={COLUMNS}
      classNames={{ table: styles.table, caption: styles.caption, head: styles.head, body: styles.body }}
    >
      {CONDITIONS.map((condition) => {
        const actions = props.actions.filter((action) => action.conditionId === condition.id);
        if (props.onlyOverdue && actions.length === 0) return null;
        const now = props.now.get(condition.id);
        const form = props.renderForm(condition.id);
        return (
          <Fragment key={condition.id}>
            <tr data-condition={condition.id} className={styles.row}>
              <th scope="row" className={mergeClasses(styles.cell, styles.named, styles.condition)} data-label={COLUMNS[0]}>
                <span className={styles.number}>{condition.number}.</span>
                {condition.text}
              </th>
              <td className={named} data-label={COLUMNS[1]} data-part="now">{now?.text ?? 'Not available yet'}</td>
              <td className={named} data-label={COLUMNS[2]} data-part="need">
                {actions.length === 0 ? (
                  <span className={styles.none}>No actions yet</span>
                ) : (
                  <ol className={styles.list}>
                    {actions.map((action) => <li key={action.actionId} className={styles.text}>{action.need}</li>)}
                  </ol>
                )}
                {canEdit && !form && !props.onlyOverdue && (
                  <div className={styles.actions}>
                    <Button size="small" onClick={() => props.onAdd(condition.id)} disabled={busy} aria-label={`Add action for condition ${condition.number}`}>
                      Add action
                    </Button>
                  </div>
                )}
              </td>
              <td className={named} data-label={COLUMNS[3]} data-part="progress">
                {actions.length > 0 && (
                  <ol className={styles.list}>
                    {actions.map((action) => (
                      <li key={action.actionId} data-action={action.actionId}>
                        <ActionDetails action={action} handlers={props.handlers} />
                      </li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
            {form && (
              <tr className={styles.row}>
                <td colSpan={COLUMNS.length} className={styles.cell}>{form}</td>
              </tr>
            )}
          </Fragment>
        );
      })}
    </DataTable>
  );
}
