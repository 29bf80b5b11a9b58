import { useId } from 'react';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { HiddenMark } from './HiddenMark';
import { SCORE_BANDS } from './scoreScale';
import { useScaleTheme } from './useScoreScale';

const useStyles = makeStyles({
  legend: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
  title: { margin: 0, color: tokens.colorNeutralForeground2 },
  list: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  bands: { display: 'flex', flexWrap: 'wrap', margin: 0, padding: 0, listStyleType: 'none' },
  swatch: {
    display: 'inline-block', minWidth: '56px', textAlign: 'center', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold,
  },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  box: {
    display: 'inline-flex', alignItems: 'center', justifyContent: 'center', width: '28px', height: '20px', boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1,
  },
  hiddenBox: { border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStrokeAccessible}` },
});

/**
 * The key to the overview's heatmap: what each fill means (the score bands of scoreScale.ts, each
 * written in its own colours), and how a cell with no score and a hidden cell look. In high
 * contrast there are no fills, and the key says so.
 */
export function HeatmapLegend() {
  const styles = useStyles();
  const scale = useScaleTheme();
  const titleId = useId();
  const title = scale === null
    ? 'Each cell shows its score as a figure (high contrast shows no colours).'
    : `Colour shows each cell’s score, from 0 (not in place) to 3 (fully in place): ${scale === 'light' ? 'darker' : 'lighter'} blue is higher.`;
  return (
    <div className={styles.legend} data-testid="heatmap-legend">
      <p className={styles.title} id={titleId}>{title}</p>
      <ul className={styles.list} aria-labelledby={titleId}>
        {scale && (
          <li>
            <ul className={styles.bands} aria-label="Score bands">
              {SCORE_BANDS[scale].map((band) => (
                <li key={band.index} className={styles.swatch} style={{ backgroundColor: band.fill, color: band.text }} data-band={band.index}>
                  {band.label}
                </li>
              ))}
            </ul>
          </li>
        )}
        <li className={styles.item} data-legend="no-score">
          <span className={styles.box} aria-hidden="true" />
          No score (too few ratings, or all “don’t know”)
        </li>
        <li className={styles.item} data-legend="hidden">
          <span className={mergeClasses(styles.box, styles.hiddenBox)} aria-hidden="true"><HiddenMark /></span>
          Hidden (too few answers, or to protect a smaller group)
        </li>
      </ul>
    </div>
  );
}
