import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CellSummary } from '@domain/summary/roundSummary';
import { cellSummaryText } from '../format';
import { DistributionBar } from './DistributionBar';

const useStyles = makeStyles({
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    minWidth: '96px',
  },
  allStaff: { backgroundColor: tokens.colorNeutralBackground2 },
  score: { display: 'block', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  detail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: { fontStyle: 'italic' },
});

/** One condition as one level (or all staff) sees it: score and answers, or why it is hidden or has no score. */
export function OverviewCell({ cell, threshold, allStaff }: { cell: CellSummary; threshold: number; allStaff?: boolean }) {
  const styles = useStyles();
  const text = cellSummaryText(cell, threshold);
  return (
    <td className={mergeClasses(styles.cell, allStaff && styles.allStaff)} data-shown={cell.shown ? 'true' : 'false'}>
      {text.score && <span className={styles.score} data-part="score">{text.score}</span>}
      <span className={mergeClasses(styles.detail, !cell.shown && styles.hidden)} data-part="detail">{text.detail}</span>
      {cell.shown && cell.distribution && <DistributionBar distribution={cell.distribution} />}
    </td>
  );
}
