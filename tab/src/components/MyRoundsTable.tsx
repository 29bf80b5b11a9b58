import { Button } from '@fluentui/react-components';
import type { MyRound } from '../api/types';
import { formatDate } from '../format';
import { DataTable } from './DataTable';
import { useTableStyles } from './tableStyles';

/** An open round has no results to show yet, only how many have answered. */
const showWhat = (round: MyRound) => (round.status === 'open' ? 'Show participation' : 'Show overview');
const same = (a: MyRound | null, b: MyRound) => a?.teamId === b.teamId && a.roundId === b.roundId;

/** The person's rounds across their teams, newest first, each with a way to open its overview. */
export function MyRoundsTable(props: { rounds: readonly MyRound[]; chosen: MyRound | null; onChoose: (round: MyRound) => void }) {
  const table = useTableStyles();
  return (
    <DataTable testId="my-rounds" caption="Audit rounds in your teams, newest first" columns={['Team', 'Round', 'Status', 'Started', 'Closed', 'Results']}>
      {props.rounds.map((round) => (
        <tr key={`${round.teamId}\n${round.roundId}`}>
          <th scope="row" className={table.rowHead}>{round.teamName}</th>
          <td className={table.cell}>{round.number}</td>
          <td className={table.cell}>{round.status === 'open' ? 'Open' : 'Closed'}</td>
          <td className={table.cell}>{formatDate(round.openedAt)}</td>
          <td className={table.cell}>{formatDate(round.closedAt) || '—'}</td>
          <td className={table.cell}>
            <Button
              size="small"
              appearance={same(props.chosen, round) ? 'primary' : 'secondary'}
              aria-pressed={same(props.chosen, round)}
              aria-label={`${showWhat(round)}: ${round.teamName}, round ${round.number}`}
              onClick={() => props.onChoose(round)}
            >
              {showWhat(round)}
            </Button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
