import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { CONDITIONS } from '@domain/conditions';
import type { OrganisationPlans } from '../../api/types';
import { formatDay, plural } from '../../format';
import { DataTable } from '../DataTable';
import { useTableStyles } from '../tableStyles';
import { CONDITION_COLUMNS } from './TeamScoresTable';

const useStyles = makeStyles({
  cell: { minWidth: '96px' },
  line: { display: 'block' },
  overdue: { marginTop: tokens.spacingVerticalXXS },
});

type PlanCell = OrganisationPlans['teams'][number]['conditions'][keyof OrganisationPlans['teams'][number]['conditions']];

function PlanCellView({ cell }: { cell: PlanCell | undefined }) {
  const styles = useStyles();
  const table = useTableStyles();
  if (!cell || cell.actions === 0) return <td className={`${table.cell} ${table.muted} ${styles.cell}`} data-part="no-actions">No actions</td>;
  return (
    <td className={`${table.cell} ${styles.cell}`} data-part="actions" data-overdue={cell.overdue}>
      <span className={styles.line}>{plural(cell.actions, 'action', 'actions')}</span>
      <span className={styles.line}>{cell.done} done</span>
      {/* Words in a filled badge, as the team's own plan marks overdue: not colour alone. */}
      {cell.overdue > 0 && <Badge className={styles.overdue} appearance="filled" color="danger" shape="rounded" data-part="overdue">{cell.overdue} overdue</Badge>}
    </td>
  );
}

/** The teams' living plans side by side: per condition, each team's actions, those done, and those overdue. */
export function PlansTable({ plans }: { plans: OrganisationPlans }) {
  const table = useTableStyles();
  const caption = `Actions in each team’s plan, by condition (numbered as in the overview). Overdue: past its due date on ${formatDay(plans.today)} and not done.`;
  return (
    <DataTable testId="org-plans" caption={caption} columns={['Team', ...CONDITION_COLUMNS]}>
      {plans.teams.map((team) => (
        <tr key={team.teamId} data-team={team.teamId}>
          <th scope="row" className={table.rowHead}>{team.teamName}</th>
          {CONDITIONS.map((condition) => <PlanCellView key={condition.id} cell={team.conditions[condition.id]} />)}
        </tr>
      ))}
    </DataTable>
  );
}
