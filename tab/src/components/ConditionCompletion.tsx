import { CONDITIONS } from '@domain/conditions';
import { completionText, type TeamSize } from '@domain/responseRate';
import type { RoundParticipationReply } from '../api/types';
import { DataTable } from './DataTable';
import { useTableStyles } from './tableStyles';

/**
 * Each condition's completion, "30 of 52 (58%)" (issue 10): how many answered it, of the team's
 * members now (an open round) or kept at close (a closed one); the count alone when the team's
 * size is not known. Participation only (how many answered, never what or at which level), as
 * the round's cards show it in the channel.
 */
export function ConditionCompletion(props: { participation: Pick<RoundParticipationReply, 'answersByCondition' | 'teamSize'>; open: boolean }) {
  const table = useTableStyles();
  const { answersByCondition, teamSize } = props.participation;
  return (
    <DataTable testId="answers-by-condition" caption={captionOf(teamSize, props.open)} columns={['Condition', teamSize.known ? 'Answered' : 'Answers']}>
      {CONDITIONS.map((condition) => (
        <tr key={condition.id} data-condition={condition.id}>
          <th scope="row" className={table.rowHead}>{condition.number}. {condition.text}</th>
          <td className={table.cell}>{completionText(answersByCondition[condition.id] ?? 0, teamSize)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function captionOf(teamSize: TeamSize, open: boolean): string {
  if (open) return teamSize.known ? 'Answers so far, by condition, of the team’s members' : 'Answers so far, by condition';
  return teamSize.known ? 'Answers by condition, of the team’s members when the round closed' : 'Answers by condition';
}
