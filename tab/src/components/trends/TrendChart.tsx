import { useContext } from 'react';
import { LineChart, type LineChartDataPoint, type LineChartGap } from '@fluentui/react-charts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { fluentTheme, ThemeNameContext } from '../../theme';
import type { TrendRow } from './trendFigures';

const useStyles = makeStyles({
  chart: { width: '100%', maxWidth: '720px', minWidth: 0 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

/**
 * The points a condition's line joins: the rounds with a score as shown, and a gap in the line
 * wherever a round between two of them had none (hidden, or no score), so that no line claims a
 * figure a round never showed.
 */
export function chartPoints(rows: readonly TrendRow[]): { data: LineChartDataPoint[]; gaps: LineChartGap[] } {
  const data: LineChartDataPoint[] = [];
  const gaps: LineChartGap[] = [];
  let skipped = false;
  for (const row of rows) {
    if (row.shownScore === null) {
      skipped = data.length > 0;
      continue;
    }
    if (skipped) gaps.push({ startIndex: data.length - 1, endIndex: data.length });
    skipped = false;
    data.push({ x: row.number, y: row.shownScore });
  }
  return { data, gaps };
}

/**
 * One condition's all-staff score across the closed rounds, as Fluent's line chart draws it: the
 * score (0–3) up, the rounds along, a marker on each round with a score. The line is in the
 * theme's brand colour (high contrast's own in that theme).
 *
 * A picture for sighted readers: the table under it (TrendTable) holds the same figures and is
 * what screen readers and keyboards use. So the chart is `inert` (out of the accessibility tree
 * and the Tab order). Left live, its arrow-key navigation (tabster) puts focusable aria-hidden
 * elements in the page, which axe reports as serious (microsoft/tabster#288), and its own data
 * labels misplace the last point's text, so none are drawn.
 */
export function TrendChart({ rows, conditionName }: { rows: readonly TrendRow[]; conditionName: string }) {
  const styles = useStyles();
  const theme = useContext(ThemeNameContext);
  const { data, gaps } = chartPoints(rows);
  if (data.length === 0) return <p className={styles.note} data-testid="trend-chart-empty">No round has a score to plot for this condition: the table says why.</p>;
  const numbers = rows.map((row) => row.number);
  return (
    <div className={styles.chart} data-testid="trend-chart" inert>
      <LineChart
        data={{ chartTitle: `${conditionName}: score by round`, lineChartData: [{ legend: 'All staff', data, gaps, color: fluentTheme(theme).colorBrandForeground1, lineOptions: { mode: 'lines+markers' } }] }}
        height={260}
        yMinValue={0}
        yMaxValue={3}
        yAxisTickValues={[0, 1, 2, 3]}
        yAxisTickFormat={(value: number) => value.toFixed(1)}
        tickValues={numbers}
        xAxis={{ tickText: numbers.map((n) => `Round ${n}`) }}
        xMinValue={Math.min(...numbers) - 0.25}
        xMaxValue={Math.max(...numbers) + 0.25}
        xAxisTitle="Round"
        yAxisTitle="Score (0 to 3)"
        hideLegend
        culture="en-GB"
      />
    </div>
  );
}
