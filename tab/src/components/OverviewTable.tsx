import { useId } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { findCondition } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import type { RoundSummary } from '../../../bot/domain/summary/roundSummary';
import { OverviewCell } from './OverviewCell';

const useStyles = makeStyles({
  scroller: {
    overflowX: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  head: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  allStaff: { backgroundColor: tokens.colorNeutralBackground2 },
  rowHead: {
    textAlign: 'left',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: '220px',
    maxWidth: '340px',
  },
  number: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
});

/**
 * The Appendix 2 grid for "what happens now": conditions as rows, levels as columns, all staff
 * first. A real table with row and column headers: the accessible form of everything shown.
 */
export function OverviewTable({ summary }: { summary: RoundSummary }) {
  const styles = useStyles();
  const captionId = useId();
  const threshold = summary.privacyThreshold;
  return (
    <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={styles.table} data-testid="overview">
        <caption id={captionId} className={styles.caption}>
          What happens now, by condition and level. Scores run from 0 (not in place) to 3 (fully in place);
          “don’t know” answers are counted but not scored. Groups of fewer than {threshold} are hidden.
        </caption>
        <thead>
          <tr>
            <th scope="col" className={styles.head}>Condition</th>
            <th scope="col" className={mergeClasses(styles.head, styles.allStaff)}>All staff</th>
            {LEVELS.map((level) => <th key={level.id} scope="col" className={styles.head}>{level.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {summary.conditions.map((row) => {
            const condition = findCondition(row.conditionId);
            return (
              <tr key={row.conditionId} data-condition={row.conditionId}>
                <th scope="row" className={styles.rowHead}>
                  <span className={styles.number}>{condition?.number ?? row.conditionId}.</span>
                  {condition?.text ?? row.conditionId}
                </th>
                <OverviewCell cell={row.allStaff} threshold={threshold} allStaff />
                {LEVELS.map((level) => <OverviewCell key={level.id} cell={row.byLevel[level.id]} threshold={threshold} />)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
