import { useRef, type KeyboardEvent } from 'react';
import { CounterBadge, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

/*
 * Fluent's TabList would do, but its arrow-key handling (tabster) puts focusable aria-hidden
 * elements into the page, which axe reports as a serious violation (microsoft/fluentui#25133).
 * This is the WAI-ARIA tabs pattern with Fluent's tokens: one tab in the Tab order (the
 * selected one); arrow keys, Home and End move between tabs and select as they go.
 */
const useStyles = makeStyles({
  list: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  tab: {
    appearance: 'none', border: 'none', backgroundColor: 'transparent', cursor: 'pointer',
    color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderRadius: tokens.borderRadiusMedium,
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    // Hover's own foreground: in high contrast the hover background is cyan, on which white would not read.
    ':hover': { color: tokens.colorNeutralForeground1Hover, backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  selected: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorCompoundBrandStroke },
  badge: { marginLeft: tokens.spacingHorizontalXS },
  // Read by screen readers, not shown: the badge's number in words.
  spoken: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

export interface ViewTab<T extends string> {
  readonly value: T;
  readonly label: string;
  /** A count that asks for attention (held comments waiting for review), shown as a badge; none when 0 or absent. */
  readonly badge?: number;
  /** The badge's meaning, read after its number by screen readers ("waiting"). */
  readonly badgeWords?: string;
}

export function ViewTabs<T extends string>(props: {
  label: string;
  tabs: readonly ViewTab<T>[];
  selected: T;
  onSelect: (value: T) => void;
  tabId: (value: T) => string;
  panelId: string;
}) {
  const { tabs, selected, onSelect, tabId, panelId } = props;
  const styles = useStyles();
  const buttons = useRef(new Map<T, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = tabs.findIndex((tab) => tab.value === selected);
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length]!.value;
    onSelect(next);
    buttons.current.get(next)?.focus();
  };
  return (
    <div role="tablist" aria-label={props.label} className={styles.list} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.value}
          ref={(element) => { if (element) buttons.current.set(tab.value, element); else buttons.current.delete(tab.value); }}
          type="button"
          role="tab"
          id={tabId(tab.value)}
          aria-selected={tab.value === selected}
          aria-controls={panelId}
          tabIndex={tab.value === selected ? 0 : -1}
          className={mergeClasses(styles.tab, tab.value === selected && styles.selected)}
          onClick={() => onSelect(tab.value)}
        >
          {tab.label}
          {tab.badge ? (
            <>
              <CounterBadge className={styles.badge} count={tab.badge} size="small" color="danger" aria-hidden />
              <span className={styles.spoken}>, {tab.badge} {tab.badgeWords ?? ''}</span>
            </>
          ) : null}
        </button>
      ))}
    </div>
  );
}
