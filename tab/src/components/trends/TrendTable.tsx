import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DataTable } from '../DataTable';
import { useTableStyles } from '../tableStyles';
import { HiddenMark } from '../heatmap/HiddenMark';
import { plural } from '../../format';
import type { TrendRow } from './trendFigures';

const useStyles = makeStyles({
  score: { fontWeight: tokens.fontWeightSemibold },
  hidden: { fontStyle: 'italic' },
  mark: { verticalAlign: '-2px', marginRight: tokens.spacingHorizontalXS },
});

/**
 * The trend chart's figures as a table, one row per closed round: what screen-reader users read,
 * and anyone who wants the numbers. A hidden round says why, as the overview does.
 */
export function TrendTable({ rows, conditionName }: { rows: readonly TrendRow[]; conditionName: string }) {
  const styles = useStyles();
  const table = useTableStyles();
  const caption = `${conditionName}: the all-staff score in each closed round (0 not in place to 3 fully in place)`;
  return (
    <DataTable testId="trend-table" caption={caption} columns={['Round', 'Closed', 'Score', 'Answers', 'People who answered']}>
      {rows.map((row) => (
        <tr key={row.roundId} data-round={row.number} data-shown={row.cell.shown ? 'true' : 'false'}>
          <th scope="row" className={table.rowHead}>Round {row.number}</th>
          <td className={table.cell}>{row.closed}</td>
          <td className={mergeClasses(table.cell, styles.score)} data-part="score">{row.scoreText}</td>
          <td className={mergeClasses(table.cell, !row.cell.shown && styles.hidden)} data-part="detail">
            {!row.cell.shown && <HiddenMark className={styles.mark} />}
            {row.detail}
          </td>
          <td className={mergeClasses(table.cell, table.number)}>{plural(row.respondents, 'person', 'people')}</td>
        </tr>
      ))}
    </DataTable>
  );
}
