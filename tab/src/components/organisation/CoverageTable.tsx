import { findCondition } from '@domain/conditions';
import type { ConditionCoverage } from '../../api/types';
import { DataTable } from '../DataTable';
import { useTableStyles } from '../tableStyles';
import { coverageText } from './organisationFormat';

/**
 * What each condition's all-teams figures count and leave out (serviceSummary.ts's "published
 * parts" rule): a team too small to show is added in only with enough others that no one team
 * can be worked out, and a level hidden within its team is in no level's column.
 */
export function CoverageTable({ coverage }: { coverage: readonly ConditionCoverage[] }) {
  const table = useTableStyles();
  return (
    <DataTable
      testId="org-coverage"
      caption="What the all-teams figures count, by condition: nothing any team’s own tab hides can be worked out from them."
      columns={['Condition', 'What is counted']}
    >
      {coverage.map((row) => {
        const condition = findCondition(row.conditionId);
        return (
          <tr key={row.conditionId} data-condition={row.conditionId}>
            <th scope="row" className={table.rowHead}>{condition?.number}. {condition?.text ?? row.conditionId}</th>
            <td className={table.cell} data-part="coverage">{coverageText(row)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
