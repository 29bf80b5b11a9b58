import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { findCondition } from '@domain/conditions';
import type { Disagreement, RoundSummary } from '@domain/summary/roundSummary';
import { rankDisagreements } from '@domain/summary/rankDisagreements';
import { LEVEL_PLURAL } from '@domain/summary/whatHappensNow';
import { formatScore } from '../format';
import { DataTable } from './DataTable';
import { NARROW_REGION, capitalise, useTableStyles } from './tableStyles';

/** "Senior leaders more positive than practitioners: 2.5 against 0.8". */
function disagreementWording({ mostPositive, leastPositive }: Disagreement): string {
  return `${capitalise(LEVEL_PLURAL[mostPositive.level])} more positive than ${LEVEL_PLURAL[leastPositive.level]}: `
    + `${formatScore(mostPositive.score)} against ${formatScore(leastPositive.score)}`;
}

const useStyles = makeStyles({
  track: { width: '120px', [NARROW_REGION]: { width: '48px' }, height: '8px', borderRadius: tokens.borderRadiusSmall, backgroundColor: tokens.colorNeutralBackground4, overflow: 'hidden' },
  fill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  gap: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  // Squeezed to its longest word, "which way" would read a word a line; the region scrolls to it instead.
  direction: { [NARROW_REGION]: { minWidth: '12em' } },
});

/** Conditions whose shown levels disagree, largest gap first (the gap runs 0 to 3). */
export function DisagreementTable({ summary }: { summary: RoundSummary }) {
  const table = useTableStyles();
  const styles = useStyles();
  const ranked = rankDisagreements(summary);
  if (ranked.length === 0) return <p data-testid="no-disagreement">No condition has levels that disagree yet.</p>;
  const threshold = summary.privacyThreshold;
  const caption = (
    <>
      Conditions where levels’ scores differ, largest gap first. Scores run from 0 (not in place) to 3 (fully in
      place); only levels with a score (at least {threshold} answers, {threshold} of them
      ratings other than “don’t know”) are compared. Gaps are between the scores as shown.
    </>
  );
  return (
    <DataTable testId="disagreement" caption={caption} columns={['Condition', 'Gap', 'Which way']}>
      {ranked.map((row) => {
        const condition = findCondition(row.conditionId);
        const { gap } = row.disagreement;
        return (
          <tr key={row.conditionId} data-condition={row.conditionId}>
            <th scope="row" className={table.rowHead}>{condition?.number}. {condition?.text ?? row.conditionId}</th>
            <td className={table.cell} data-part="gap">
              <span className={styles.gap}>
                <span className={table.number}>{formatScore(gap)}</span>
                <span className={styles.track} aria-hidden="true">
                  <span className={styles.fill} style={{ display: 'block', width: `${Math.min(100, (gap / 3) * 100)}%` }} />
                </span>
              </span>
            </td>
            <td className={mergeClasses(table.cell, styles.direction)} data-part="direction">{disagreementWording(row.disagreement)}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
