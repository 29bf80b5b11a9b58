import { makeStyles } from '@fluentui/react-components';
import { CONDITIONS } from '@domain/conditions';
import type { ServiceSummary } from '../../api/types';
import { DataTable } from '../DataTable';
import { OverviewCell } from '../OverviewCell';
import { useScaleTheme } from '../heatmap/useScoreScale';
import { useTableStyles } from '../tableStyles';

const useStyles = makeStyles({
  team: { minWidth: '140px' },
  answered: { whiteSpace: 'nowrap' },
});

/** "Condition 1" to "Condition 12": the overview's rows, by number. */
export const CONDITION_COLUMNS = CONDITIONS.map((condition) => `Condition ${condition.number}`);

/**
 * Each team's all-staff score per condition, exactly as the team's own view shows it (hidden
 * and withheld cells say why in words, with a mark: not colour alone), teams as rows.
 */
export function TeamScoresTable({ summary }: { summary: ServiceSummary }) {
  const styles = useStyles();
  const table = useTableStyles();
  const threshold = summary.privacyThreshold;
  const filled = useScaleTheme() !== null;
  const answered = new Map(summary.teams.map((team) => [team.teamId, team.respondents]));
  const caption = (
    <>
      Each team’s score for all its staff, by condition (numbered as in the overview), as the team’s own tab shows it:
      a team, or a condition, with fewer than {threshold} answers is hidden, and a score needs at least {threshold} ratings
      other than “don’t know”.{filled && ' Each scored cell is coloured by its score.'}
    </>
  );
  return (
    <DataTable testId="org-team-scores" caption={caption} columns={['Team', 'Answered', ...CONDITION_COLUMNS]}>
      {summary.byTeam.map((team) => (
        <tr key={team.teamId} data-team={team.teamId}>
          <th scope="row" className={`${table.rowHead} ${styles.team}`}>{team.teamName}</th>
          <td className={`${table.cell} ${table.number} ${styles.answered}`}>{answered.get(team.teamId) ?? '—'}</td>
          {CONDITIONS.map((condition) => <OverviewCell key={condition.id} cell={team.conditions[condition.id]} threshold={threshold} />)}
        </tr>
      ))}
    </DataTable>
  );
}
