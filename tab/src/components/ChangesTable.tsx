import { findCondition } from '@domain/conditions';
import { levelLabel } from '@domain/levels';
import type { ConditionChange, ScoreChange } from '../api/types';
import { formatScore } from '../format';
import { DataTable } from './DataTable';
import { useTableStyles } from './tableStyles';

/**
 * "+0.4" / "−0.3" / "0.0" as shown, and "up 0.4" / "down 0.3" / "no change" for screen readers:
 * the service's change, already worked out from the two scores as shown (compareRounds.ts), so
 * it always agrees with "before → after" beside it.
 */
export function changeWording({ change, direction }: Pick<ScoreChange, 'change' | 'direction'>): { shown: string; spoken: string } {
  if (direction === 'none') return { shown: '0.0', spoken: 'no change' };
  const size = formatScore(Math.abs(change));
  return direction === 'up' ? { shown: `+${size}`, spoken: `up ${size}` } : { shown: `−${size}`, spoken: `down ${size}` };
}

function ChangeCells({ change }: { change: ScoreChange | null }) {
  const table = useTableStyles();
  if (!change) return <td className={table.cell} colSpan={2} data-part="not-compared">Not comparable: hidden, or no score, in one of the rounds</td>;
  const words = changeWording(change);
  return (
    <>
      <td className={table.cell} data-part="scores">{formatScore(change.before)} → {formatScore(change.after)}</td>
      <td className={table.cell} data-part="change">
        <span aria-hidden="true">{words.shown}</span>
        <span className={table.visuallyHidden}>{words.spoken}</span>
      </td>
    </>
  );
}

const COLUMNS = ['Condition', 'Group', 'Before → after', 'Change'];

/**
 * Each condition's move since the previous round: all staff, then each level shown in both rounds.
 * `roundName`: what the rounds are called ("round", or "service-wide round" in the organisation view).
 */
export function ChangesTable({ conditions, previousNumber, roundName = 'round' }: { conditions: readonly ConditionChange[]; previousNumber: number; roundName?: string }) {
  const table = useTableStyles();
  const caption = (
    <>
      Scores in {roundName} {previousNumber} and now, from 0 (not in place) to 3 (fully in place). A level is compared only
      where it was shown with a score in both rounds.
    </>
  );
  return (
    <DataTable testId="changes" caption={caption} columns={COLUMNS} rowGroups>
      {conditions.map((row) => {
        const condition = findCondition(row.conditionId);
        const groups = 1 + row.byLevel.length;
        return (
          <tbody key={row.conditionId} data-condition={row.conditionId}>
            <tr data-group="all-staff">
              <th scope="rowgroup" rowSpan={groups} className={table.rowHead}>{condition?.number}. {condition?.text ?? row.conditionId}</th>
              <th scope="row" className={table.rowHead}>All staff</th>
              <ChangeCells change={row.allStaff} />
            </tr>
            {row.byLevel.map((level) => (
              <tr key={level.level} data-group={level.level}>
                <th scope="row" className={table.rowHead}>{levelLabel(level.level)}</th>
                <ChangeCells change={level} />
              </tr>
            ))}
          </tbody>
        );
      })}
    </DataTable>
  );
}
