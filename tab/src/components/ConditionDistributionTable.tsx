import { LEVELS } from '@domain/levels';
import { RATINGS } from '@domain/ratings';
import type { CellSummary, ConditionSummary } from '@domain/summary/roundSummary';
import { formatScore, hiddenWording, withheldWording } from '../format';
import { DataTable } from './DataTable';
import { useTableStyles } from './tableStyles';

/** The four ratings other than "don't know": the columns a withheld cell spans. */
const JUDGEMENTS = RATINGS.filter((rating) => rating.id !== 'dont-know');
const COLUMNS = ['Level', ...RATINGS.map((rating) => rating.label), 'Score'];

function CutRow({ label, cell, threshold, id }: { label: string; cell: CellSummary; threshold: number; id: string }) {
  const table = useTableStyles();
  return (
    <tr data-level={id} data-shown={String(cell.shown)}>
      <th scope="row" className={table.rowHead}>{label}</th>
      {cell.shown && cell.distribution === null && (
        <>
          <td className={table.cell} colSpan={JUDGEMENTS.length} data-part="withheld">{withheldWording(cell, threshold)}</td>
          <td className={table.cell}>{cell.dontKnow}</td>
          <td className={table.cell} data-part="score">No score</td>
        </>
      )}
      {cell.shown && cell.distribution !== null && (
        <>
          {RATINGS.map((rating) => <td key={rating.id} className={table.cell}>{cell.distribution[rating.id]}</td>)}
          <td className={table.cell} data-part="score">{cell.score === null ? (cell.answers === 0 ? 'No answers yet' : 'No score') : formatScore(cell.score)}</td>
        </>
      )}
      {!cell.shown && (
        <td className={table.cell} colSpan={RATINGS.length + 1} data-part="hidden">{hiddenWording(cell.reason, threshold)}</td>
      )}
    </tr>
  );
}

/** One condition's answers by rating, for all staff and each level; hidden cuts say why. */
export function ConditionDistributionTable({ condition, threshold }: { condition: ConditionSummary; threshold: number }) {
  const caption = (
    <>
      Answers by rating and level. Scores run from 0 (not in place) to 3 (fully in place); “don’t know” is counted
      but not scored. Groups of fewer than {threshold} are hidden.
    </>
  );
  return (
    <DataTable testId="condition-distribution" caption={caption} columns={COLUMNS}>
      <CutRow label="All staff" id="all-staff" cell={condition.allStaff} threshold={threshold} />
      {LEVELS.map((level) => <CutRow key={level.id} id={level.id} label={level.label} cell={condition.byLevel[level.id]} threshold={threshold} />)}
    </DataTable>
  );
}
