import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * A table's region (TableRegion, a size container) as narrow as a phone's screen: Teams mobile
 * is 360 px wide and up, less the page's margins.
 */
export const NARROW_REGION = '@container (max-width: 479px)';

/** Out of sight, still read by screen readers. */
export const VISUALLY_HIDDEN = {
  position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden',
  clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0,
} as const;

/** The look the overview's table has, shared by the other views' tables. */
export const useTableStyles = makeStyles({
  /** TableRegion's box: a table wider than the screen scrolls in here, never the page. */
  scroller: {
    overflowX: 'auto',
    // Holds absolutely placed text (visually hidden words) inside the scroll, not out past the page.
    position: 'relative',
    // Lets the caption wrap at the region's visible width (100cqi) rather than the table's.
    containerType: 'inline-size',
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  caption: {
    textAlign: 'left', padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200,
    boxSizing: 'border-box', maxWidth: '100cqi',
  },
  head: {
    textAlign: 'left',
    verticalAlign: 'bottom',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  rowHead: {
    textAlign: 'left',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    maxWidth: '360px',
  },
  cell: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { fontVariantNumeric: 'tabular-nums', textAlign: 'right' },
  muted: { color: tokens.colorNeutralForeground2 },
  visuallyHidden: VISUALLY_HIDDEN,
});

/** "Senior leaders" from "senior leaders": for the start of a sentence. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
