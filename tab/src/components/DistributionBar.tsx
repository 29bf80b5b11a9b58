import { useContext } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { RATINGS, type RatingId } from '@domain/ratings';
import { ContrastContext } from '../theme';

const COLOURS: Record<RatingId, string> = {
  'not-in-place': tokens.colorPaletteRedBackground3,
  partly: tokens.colorPaletteMarigoldBackground3,
  mostly: tokens.colorPaletteLightGreenBackground3,
  fully: tokens.colorPaletteGreenBackground3,
  'dont-know': tokens.colorNeutralStrokeAccessible,
};

const useStyles = makeStyles({
  bar: { display: 'flex', height: '6px', width: '100%', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', marginTop: tokens.spacingVerticalXS },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none', fontSize: tokens.fontSizeBase200 },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  swatch: { width: '12px', height: '12px', borderRadius: tokens.borderRadiusSmall },
});

/**
 * How a cell's answers spread across the ratings. Decorative: the table's numbers say the same
 * in words, so the bar is hidden from assistive technology (and in high contrast, where colour fails).
 */
export function DistributionBar({ distribution }: { distribution: Readonly<Record<RatingId, number>> }) {
  const styles = useStyles();
  const contrast = useContext(ContrastContext);
  const total = RATINGS.reduce((sum, rating) => sum + distribution[rating.id], 0);
  if (contrast || total === 0) return null;
  return (
    <div className={styles.bar} aria-hidden="true">
      {RATINGS.map((rating) => distribution[rating.id] > 0 && (
        <span key={rating.id} style={{ flexGrow: distribution[rating.id], backgroundColor: COLOURS[rating.id] }} />
      ))}
    </div>
  );
}

/** The key to the bars' colours, for sighted readers. */
export function RatingLegend() {
  const styles = useStyles();
  const contrast = useContext(ContrastContext);
  if (contrast) return null;
  return (
    <ul className={styles.legend} aria-hidden="true">
      {RATINGS.map((rating) => (
        <li key={rating.id} className={styles.item}>
          <span className={styles.swatch} style={{ backgroundColor: COLOURS[rating.id] }} />
          {rating.label}
        </li>
      ))}
    </ul>
  );
}
