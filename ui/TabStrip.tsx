// The panel's tabs: role=tablist with one role=tab button per view, as the WAI-ARIA «Tabs» pattern has it (arrow
// keys, Home and End move between tabs, Enter/Space or a click opens one; only the open tab is in the Tab order).
// It looks like Fluent's small TabList. Fluent's TabList brought the tabster focus library and the styles of every
// tab variant, 26 kB gzip of the first load (issue 15), for a row of six buttons.
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { useTabStripStyles } from './TabStrip.styles.js';

export interface TabStripTab<T extends string> {
  readonly id: T;
  readonly label: string;
}

export interface TabStripProps<T extends string> {
  readonly tabs: readonly TabStripTab<T>[];
  readonly selected: T;
  readonly onSelect: (id: T) => void;
  /** The tab list's accessible name. */
  readonly label: string;
  readonly className?: string;
}

export function TabStrip<T extends string>({ tabs, selected, onSelect, label, className }: TabStripProps<T>): ReactNode {
  const styles = useTabStripStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  // The tab that takes focus from the Tab key: the open one, or the one arrow keys moved to.
  const [focusable, setFocusable] = useState<T | undefined>(undefined);
  const current = focusable !== undefined && tabs.some((t) => t.id === focusable) ? focusable : selected;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === current);
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    setFocusable(tabs[next]!.id);
    buttons.current[next]?.focus();
  };

  return (
    <div
      role="tablist"
      aria-label={label}
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, className)}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Focus leaving the strip (not moving between its tabs) gives the Tab order back to the open tab.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocusable(undefined);
      }}
    >
      {tabs.map((tab, i) => {
        const open = tab.id === selected;
        return (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            aria-selected={open}
            tabIndex={tab.id === current ? 0 : -1}
            className={mergeClasses(styles.tab, open && styles.selected)}
            onClick={() => onSelect(tab.id)}
            data-testid={`tab-${tab.id}`}
          >
            <span className={mergeClasses(styles.content, open && styles.contentSelected)}>{tab.label}</span>
            <span className={mergeClasses(styles.content, styles.contentSelected, styles.reserved)} aria-hidden="true">
              {tab.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
