import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { CellScore } from '@domain/summary/roundSummary';
import { cellSummaryText } from '../format';
import { HiddenMark } from './heatmap/HiddenMark';
import { bandOfScore, useScaleTheme } from './heatmap/useScoreScale';

const useStyles = makeStyles({
  cell: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'top',
    minWidth: '96px',
  },
  // Set apart from the levels by a rule, since its fill now says its score.
  allStaff: { borderRight: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  unscoredAllStaff: { backgroundColor: tokens.colorNeutralBackground2 },
  // A fill's own text colour (scoreScale.ts) for every word in the cell, the detail line too.
  filled: { '& [data-part]': { color: 'inherit' }, boxShadow: `inset 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorNeutralBackground1}` },
  // Hidden: a dashed frame inside the cell and a struck-through mark, not colour alone.
  hidden: { outline: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStrokeAccessible}`, outlineOffset: '-4px' },
  score: { display: 'block', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400 },
  detail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hiddenDetail: { fontStyle: 'italic' },
  mark: { verticalAlign: '-2px', marginRight: tokens.spacingHorizontalXS, flexShrink: 0 },
});

/**
 * One condition as one level (or all staff) sees it: score and answers, or why it is hidden or
 * has no score. A scored cell is filled with its score's band of the heatmap's scale (none in
 * high contrast); the figures stay in the cell, written in the band's text colour.
 * `hiddenDetail`: what a hidden cell says instead of its own team's reason (the organisation's
 * cells, hidden because the teams' own views hide them, OrganisationView).
 */
export function OverviewCell({ cell, threshold, allStaff, hiddenDetail }: { cell: CellScore; threshold: number; allStaff?: boolean; hiddenDetail?: string }) {
  const styles = useStyles();
  const text = !cell.shown && hiddenDetail ? { score: '', detail: hiddenDetail } : cellSummaryText(cell, threshold);
  const band = bandOfScore(cell.shown ? cell.score : null, useScaleTheme());
  return (
    <td
      className={mergeClasses(styles.cell, allStaff && styles.allStaff, allStaff && !band && styles.unscoredAllStaff, band !== null && styles.filled, !cell.shown && styles.hidden)}
      style={band ? { backgroundColor: band.fill, color: band.text } : undefined}
      data-shown={cell.shown ? 'true' : 'false'}
      data-band={band?.index}
    >
      {text.score && <span className={styles.score} data-part="score">{text.score}</span>}
      <span className={mergeClasses(styles.detail, !cell.shown && styles.hiddenDetail)} data-part="detail">
        {!cell.shown && <HiddenMark className={styles.mark} />}
        {text.detail}
      </span>
    </td>
  );
}
