import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { NARROW_REGION, useTableStyles } from './tableStyles';
import { DataTable } from './DataTable';
import { findCondition } from '@domain/conditions';
import { LEVELS } from '@domain/levels';
import type { RoundSummary } from '@domain/summary/roundSummary';
import { OverviewCell } from './OverviewCell';
import { EvidenceMarker } from './evidence/EvidenceMarker';
import { useScaleTheme } from './heatmap/useScoreScale';

const useStyles = makeStyles({
  conditionNumber: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  allStaff: { backgroundColor: tokens.colorNeutralBackground2, borderRight: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  // On a phone the all-staff column shows beside the condition before the table scrolls.
  conditionColumn: { minWidth: '220px', maxWidth: '340px', [NARROW_REGION]: { minWidth: '150px' } },
});

/** An organisation cell hidden: its teams' views hide it, whatever the number across teams. */
const HIDDEN_ACROSS_TEAMS = 'Hidden within the teams';

/**
 * The Appendix 2 grid for "what happens now": conditions as rows, levels as columns, all staff
 * first. A real table with row and column headers: the accessible form of everything shown.
 * A heatmap too: each scored cell is filled by its score (OverviewCell, heatmap/HeatmapLegend).
 * `across`: the organisation's grid (issue 13), whose cells are hidden when the teams' own views
 * hide them: it says so, rather than a count ("fewer than 5") no one counted across teams.
 */
export function OverviewTable({ summary, across }: { summary: RoundSummary; across?: 'teams' }) {
  const styles = useStyles();
  const shared = useTableStyles();
  const threshold = summary.privacyThreshold;
  // High contrast has no fills (HeatmapLegend says so): the caption must not promise colours.
  const filled = useScaleTheme() !== null;
  const caption = (
    <>
      What happens now, by condition and level. Scores run from 0 (not in place) to 3 (fully in place);
      “don’t know” answers are counted but not scored. Groups of fewer than {threshold} are hidden, and a score needs
      at least {threshold} ratings other than “don’t know”.{across === 'teams' && ' A cell is hidden here when the teams’ own views hide it (too few to show, or hidden to protect a smaller group).'}
      {filled && ' Each scored cell is coloured by its score.'}
    </>
  );
  const hiddenDetail = across === 'teams' ? HIDDEN_ACROSS_TEAMS : undefined;
  const columns = ['Condition', { label: 'All staff', className: styles.allStaff }, ...LEVELS.map((level) => level.label)];
  return (
    <DataTable testId="overview" caption={caption} columns={columns}>
      {summary.conditions.map((row) => {
        const condition = findCondition(row.conditionId);
        return (
          <tr key={row.conditionId} data-condition={row.conditionId}>
            <th scope="row" className={mergeClasses(shared.rowHead, styles.conditionColumn)}>
              <span className={styles.conditionNumber}>{condition?.number ?? row.conditionId}.</span>
              {condition?.text ?? row.conditionId}
              <EvidenceMarker conditionId={row.conditionId} />
            </th>
            <OverviewCell cell={row.allStaff} threshold={threshold} allStaff hiddenDetail={hiddenDetail} />
            {LEVELS.map((level) => <OverviewCell key={level.id} cell={row.byLevel[level.id]} threshold={threshold} hiddenDetail={hiddenDetail} />)}
          </tr>
        );
      })}
    </DataTable>
  );
}
