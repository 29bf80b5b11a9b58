import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { MyRound } from '../api/types';
import { formatDate } from '../format';

const useStyles = makeStyles({
  table: {
    borderCollapse: 'collapse',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    minWidth: '60%',
  },
  caption: { textAlign: 'left', padding: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

/** An open round has no results to show yet, only how many have answered. */
const showWhat = (round: MyRound) => (round.status === 'open' ? 'Show participation' : 'Show overview');
const same = (a: MyRound | null, b: MyRound) => a?.teamId === b.teamId && a.roundId === b.roundId;

/** The person's rounds across their teams, newest first, each with a way to open its overview. */
export function MyRoundsTable(props: { rounds: readonly MyRound[]; chosen: MyRound | null; onChoose: (round: MyRound) => void }) {
  const styles = useStyles();
  return (
    <table className={styles.table} data-testid="my-rounds">
      <caption className={styles.caption}>Audit rounds in your teams, newest first</caption>
      <thead>
        <tr>
          {['Team', 'Round', 'Status', 'Started', 'Closed', 'Results'].map((name) => (
            <th key={name} scope="col" className={styles.cell}>{name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.rounds.map((round) => (
          <tr key={`${round.teamId}\n${round.roundId}`}>
            <th scope="row" className={styles.cell}>{round.teamName}</th>
            <td className={styles.cell}>{round.number}</td>
            <td className={styles.cell}>{round.status === 'open' ? 'Open' : 'Closed'}</td>
            <td className={styles.cell}>{formatDate(round.openedAt)}</td>
            <td className={styles.cell}>{formatDate(round.closedAt) || '—'}</td>
            <td className={styles.cell}>
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
      </tbody>
    </table>
  );
}
