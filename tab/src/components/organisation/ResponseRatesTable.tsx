import type { ServiceRoundTeamProgress } from '../../api/types';
import { DataTable } from '../DataTable';
import { useTableStyles } from '../tableStyles';
import { openingText, rateText } from './organisationFormat';

/**
 * Each team of a service-wide round: how its opening went, whether its round is open, and how
 * many of its members have answered (live while it is open, fixed at its close). Response rates
 * are never hidden: they say who took part, not what anyone said.
 */
export function ResponseRatesTable({ teams, open }: { teams: readonly ServiceRoundTeamProgress[]; open: boolean }) {
  const table = useTableStyles();
  const caption = open
    ? 'Response rates by team, kept up to date while the round is open: people who have answered of the team’s members now.'
    : 'Response rates by team: people who answered of the team’s members when its round closed.';
  return (
    <DataTable testId="org-response-rates" caption={caption} columns={['Team', 'Opening', 'Round', 'Answered']}>
      {teams.map((team) => (
        <tr key={team.teamId} data-team={team.teamId}>
          <th scope="row" className={table.rowHead}>{team.teamName}</th>
          <td className={table.cell} data-part="opening">{openingText(team.opening)}</td>
          <td className={table.cell} data-part="round">{team.roundStatus === 'open' ? 'Open' : team.roundStatus === 'closed' ? 'Closed' : '—'}</td>
          <td className={table.cell} data-part="answered">{team.responseRate ? rateText(team.responseRate) : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
