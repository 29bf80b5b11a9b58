import { levelLabel } from '@domain/levels';
import type { RoundSummary } from '@domain/summary/roundSummary';
import { dontKnowByLevel, type LevelDontKnow } from '@domain/summary/dontKnowByLevel';
import { hiddenWording, percent, plural } from '../format';
import { DataTable } from './DataTable';
import { useTableStyles } from './tableStyles';

function shareText(row: LevelDontKnow, threshold: number): { share: string; detail: string } {
  if (!row.shown) return { share: '', detail: hiddenWording(row.reason, threshold) };
  if (row.dontKnowShare === null) return { share: '', detail: 'No answers yet' };
  const across = `across ${plural(row.conditions, 'condition', 'conditions')}`;
  const hidden = row.hiddenIn > 0 ? `; hidden in ${plural(row.hiddenIn, 'condition', 'conditions')} to protect small groups` : '';
  return { share: percent(row.dontKnowShare), detail: `${row.dontKnow} of ${plural(row.answers, 'answer', 'answers')}, ${across}${hidden}` };
}

/** Where each level doesn't know, from the cuts the summary shows; hidden levels say why. */
export function DontKnowTable({ summary }: { summary: RoundSummary }) {
  const table = useTableStyles();
  const threshold = summary.privacyThreshold;
  return (
    <DataTable
      testId="dont-know"
      caption="Share of “don’t know” answers by level, over the conditions where that level is shown."
      columns={['Level', 'Don’t know', 'From']}
    >
      {dontKnowByLevel(summary).map((row) => {
        const text = shareText(row, threshold);
        return (
          <tr key={row.level} data-level={row.level} data-shown={String(row.shown)}>
            <th scope="row" className={table.rowHead}>{levelLabel(row.level)}</th>
            <td className={table.cell} data-part="share">{text.share}</td>
            <td className={table.cell} data-part="detail">{text.detail}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
