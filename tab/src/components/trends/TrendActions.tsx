import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanAction } from '../../api/types';
import { formatDueDate, statusLabel } from '../plan/planFormat';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  action: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  need: { margin: 0, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  facts: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** The plan's actions for one condition, beside its trend: what was agreed, whose it is, when it is due, and where it stands. */
export function TrendActions({ actions }: { actions: readonly PlanAction[] }) {
  const styles = useStyles();
  if (actions.length === 0) return <p className={styles.none} data-testid="trend-actions-none">No actions in the plan for this condition.</p>;
  return (
    <ul className={styles.list} data-testid="trend-actions">
      {actions.map((action) => {
        const due = formatDueDate(action.dueDate);
        const facts = [statusLabel(action.status), action.owner && `Owner: ${action.owner}`, due && `Due ${due}`].filter(Boolean).join(' · ');
        return (
          <li key={action.actionId} className={styles.action} data-action={action.actionId}>
            <p className={styles.need}>{action.need}</p>
            <p className={styles.facts}>{facts}</p>
          </li>
        );
      })}
    </ul>
  );
}
