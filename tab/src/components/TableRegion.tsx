import type { ReactNode } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { useTableStyles } from './tableStyles';

/**
 * The box every table sits in. A table wider than the screen (a phone is 360 px) scrolls inside
 * it, never the page: a region named by `labelledBy` (the table's caption id) that the keyboard
 * reaches (tabIndex 0), so arrow keys scroll it and screen readers announce what it holds
 * (WCAG 1.4.10 Reflow; axe's scrollable-region-focusable).
 */
export function TableRegion({ labelledBy, className, children }: { labelledBy: string; className?: string; children: ReactNode }) {
  const table = useTableStyles();
  return (
    <div className={mergeClasses(table.scroller, className)} role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
