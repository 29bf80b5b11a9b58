import { findCondition } from '@domain/conditions';
import { LEVELS } from '@domain/levels';
import type { CellSummary, RoundSummary } from '@domain/summary/roundSummary';
import { cellSummaryText } from '../../format';
import { DataTable } from '../DataTable';
import { useTableStyles } from '../tableStyles';

function PrintCell({ cell, threshold }: { cell: CellSummary; threshold: number }) {
  const table = useTableStyles();
  const text = cellSummaryText(cell, threshold);
  return (
    <td className={table.cell} data-shown={String(cell.shown)}>
      {text.score && <strong data-part="score">{text.score}</strong>}
      {text.score && <br />}
      <span data-part="detail">{text.detail}</span>
    </td>
  );
}

/**
 * The overview's figures for the printed page: conditions as rows, all staff then each level as
 * columns, each cell its score and answers in words (the same words as the tab's overview,
 * format.ts), without the bars and colours that print poorly. Hidden cuts say why, as on screen.
 */
export function PrintOverviewTable({ summary }: { summary: RoundSummary }) {
  const table = useTableStyles();
  const threshold = summary.privacyThreshold;
  const caption = (
    <>
      What happens now, by condition and level. Scores run from 0 (not in place) to 3 (fully in place); “don’t know”
      answers are counted but not scored. Groups of fewer than {threshold} are hidden, and a score needs at least {threshold} ratings
      other than “don’t know”.
    </>
  );
  return (
    <DataTable testId="print-overview" caption={caption} columns={['Condition', 'All staff', ...LEVELS.map((level) => level.label)]}>
      {summary.conditions.map((row) => {
        const condition = findCondition(row.conditionId);
        return (
          <tr key={row.conditionId} data-condition={row.conditionId}>
            <th scope="row" className={table.rowHead}>{condition ? `${condition.number}. ${condition.text}` : row.conditionId}</th>
            <PrintCell cell={row.allStaff} threshold={threshold} />
            {LEVELS.map((level) => <PrintCell key={level.id} cell={row.byLevel[level.id]} threshold={threshold} />)}
          </tr>
        );
      })}
    </DataTable>
  );
}
