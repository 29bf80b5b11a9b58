import { CONDITIONS } from '@domain/conditions';
import type { ScoreChange, ServiceRoundChanges } from '../../api/types';
import { formatScore } from '../../format';
import { changeWording } from '../ChangesTable';
import { DataTable } from '../DataTable';
import { useTableStyles } from '../tableStyles';
import { CONDITION_COLUMNS } from './TeamScoresTable';

function ChangeCell({ change }: { change: ScoreChange | null }) {
  const table = useTableStyles();
  if (!change) return <td className={`${table.cell} ${table.muted}`} data-part="not-compared">Not comparable</td>;
  const words = changeWording(change);
  return (
    <td className={table.cell} data-part="change">
      <span aria-hidden="true">{words.shown}</span>
      <span className={table.visuallyHidden}>{words.spoken}</span>
      <span className={table.muted}> ({formatScore(change.before)} → {formatScore(change.after)})</span>
    </td>
  );
}

/** Each team's all-staff score change per condition since the previous service-wide round (null: hidden, or no score, in one of them, or the team was not in both). */
export function TeamChangesTable({ changes }: { changes: ServiceRoundChanges }) {
  const table = useTableStyles();
  const caption = `Each team’s change for all its staff since service-wide round ${changes.previousNumber}, by condition. “Not comparable”: hidden or without a score in one of the rounds, or the team was not in both.`;
  return (
    <DataTable testId="org-team-changes" caption={caption} columns={['Team', ...CONDITION_COLUMNS]}>
      {changes.byTeam.map((team) => (
        <tr key={team.teamId} data-team={team.teamId}>
          <th scope="row" className={table.rowHead}>{team.teamName}</th>
          {CONDITIONS.map((condition) => <ChangeCell key={condition.id} change={team.conditions[condition.id]} />)}
        </tr>
      ))}
    </DataTable>
  );
}
