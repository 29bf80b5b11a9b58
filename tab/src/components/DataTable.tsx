import { useId, type ReactNode } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { useTableStyles } from './tableStyles';
import { TableRegion } from './TableRegion';

/** A column's header: its words, with a class of its own where the column looks different. */
export type Column = string | { readonly label: string; readonly className?: string };

/**
 * One of the tab's tables, as every table is framed: in a TableRegion named by its caption (it
 * scrolls there on a phone, never the page), with the shared look (tableStyles.ts), one header
 * row of column headers (scope="col"), and `children` as the body's rows. With `rowGroups`,
 * `children` are the <tbody> elements themselves (rows grouped under one row header each).
 * `classNames` add to the shared look: the plan stacks its table on a narrow screen.
 */
export function DataTable(props: {
  testId: string;
  caption: ReactNode;
  columns: readonly Column[];
  children: ReactNode;
  rowGroups?: boolean;
  classNames?: { readonly table?: string; readonly caption?: string; readonly head?: string; readonly body?: string };
}) {
  const table = useTableStyles();
  const captionId = useId();
  const { classNames = {} } = props;
  return (
    <TableRegion labelledBy={captionId}>
      <table className={mergeClasses(table.table, classNames.table)} data-testid={props.testId}>
        <caption id={captionId} className={mergeClasses(table.caption, classNames.caption)}>{props.caption}</caption>
        <thead className={classNames.head}>
          <tr>
            {props.columns.map((column) => {
              const { label, className } = typeof column === 'string' ? { label: column, className: undefined } : column;
              return <th key={label} scope="col" className={mergeClasses(table.head, className)}>{label}</th>;
            })}
          </tr>
        </thead>
        {props.rowGroups ? props.children : <tbody className={classNames.body}>{props.children}</tbody>}
      </table>
    </TableRegion>
  );
}
