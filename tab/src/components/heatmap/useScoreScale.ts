import { useContext } from 'react';
import { scoreInTenths } from '@domain/summary/shownScore';
import { ThemeNameContext } from '../../theme';
import { bandOfTenths, type ScaleTheme, type ScoreBand } from './scoreScale';

/** The heatmap's scale for the Teams theme shown: null in high contrast, where cells get no fill. */
export function useScaleTheme(): ScaleTheme | null {
  const theme = useContext(ThemeNameContext);
  if (theme === 'contrast') return null;
  return theme === 'dark' ? 'dark' : 'light';
}

/** The band of a score (0–3, full precision) as the tab shows it (one decimal place); null for no score or no scale. */
export function bandOfScore(score: number | null, scale: ScaleTheme | null): ScoreBand | null {
  return score === null || scale === null ? null : bandOfTenths(scoreInTenths(score), scale);
}
