import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanAction } from '../../api/types';
import { formatUkDay, statusLabel } from './planFormat';

const useStyles = makeStyles({
  details: { marginTop: tokens.spacingVerticalXS },
  summary: {
    cursor: 'pointer',
    width: 'fit-content',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    borderRadius: tokens.borderRadiusSmall,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  list: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
});

/**
 * The action's status history on demand, oldest first (a history is read as it happened): a
 * native disclosure, which keyboards and screen readers know, e.g. "Not started, 1 February 2027,
 * Sam Patel" then "In progress, 3 March 2027, Sam Patel". Nothing when none was kept.
 */
export function StatusHistory({ action }: { action: PlanAction }) {
  const styles = useStyles();
  if (action.statusHistory.length === 0) return null;
  return (
    <details className={styles.details} data-part="status-history">
      <summary className={styles.summary}>Status history</summary>
      <ol className={styles.list}>
        {action.statusHistory.map((change, index) => (
          <li key={`${change.changedAt}-${index}`}>
            <strong>{statusLabel(change.status)}</strong>
            {`, ${formatUkDay(change.changedAt)}, ${index === 0 ? 'added by' : 'by'} ${change.changedBy}`}
          </li>
        ))}
      </ol>
    </details>
  );
}
