// Small building blocks every view shares: status line, year picker, styles.
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, Select } from '@fluentui/react-components';
import { useCommonStyles } from './common.styles.js';
import type { ActionResult } from './result.js';

export type StatusIntent = 'success' | 'error' | 'info' | 'warning';

export interface Status {
  readonly intent: StatusIntent;
  readonly text: string;
}

/** A status from an action result: green on success, red on failure. */
export function statusOf(result: ActionResult<unknown>, successIntent: StatusIntent = 'success'): Status {
  return { intent: result.ok ? successIntent : 'error', text: result.message };
}

export { useCommonStyles } from './common.styles.js';

/** The status line under a view's buttons (role=status so screen readers announce it). */
export function StatusLine({ status, testId }: { status: Status | undefined; testId: string }): ReactNode {
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} layout="multiline" data-testid={testId} data-intent={status.intent} role={status.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{status.text}</MessageBarBody>
    </MessageBar>
  );
}

export function YearSelect({ year, years, onYear, id }: { year: number; years: readonly number[]; onYear: (year: number) => void; id: string }): ReactNode {
  const styles = useCommonStyles();
  const options = years.includes(year) ? years : [...years, year].sort((a, b) => a - b);
  return (
    <div className={styles.row}>
      <label htmlFor={id}>År</label>
      <Select id={id} data-testid="year-select" value={String(year)} onChange={(_, data) => onYear(Number(data.value))}>
        {options.map((y) => (
          <option key={y} value={String(y)}>
            {y}
          </option>
        ))}
      </Select>
    </div>
  );
}

export interface KeyFigureItem {
  readonly key: string;
  /** What the row is (kommune, gevinst, system): wraps when long. */
  readonly title: ReactNode;
  /** The row's key figure (Totalt, netto pr år, …): never wraps, always visible. */
  readonly figure: ReactNode;
  /** A second line of secondary facts, wrapping at any width. */
  readonly detail?: ReactNode;
  /** Shown only when the list's «Vis detaljer» is on. */
  readonly more?: ReactNode;
  /** The Sum row: bold, no divider. */
  readonly total?: boolean;
  /** data-* attributes and data-testid of the row. */
  readonly attributes?: Readonly<Record<string, string | number>>;
  readonly figureTestId?: string;
}

/**
 * A two-line list instead of a wide table: the title and the key figure on the first line, the rest below.
 * A 300 px sidebar shows every row's key figure without horizontal scrolling; the full table belongs in the sheet.
 */
export function KeyFigureList(props: {
  readonly label: string;
  readonly titleHeader: string;
  readonly figureHeader: string;
  readonly items: readonly KeyFigureItem[];
  readonly showMore?: boolean;
  readonly testId?: string;
}): ReactNode {
  const styles = useCommonStyles();
  return (
    <div>
      <div className={styles.keyHead} aria-hidden="true">
        <span>{props.titleHeader}</span>
        <span>{props.figureHeader}</span>
      </div>
      <ul className={styles.keyList} aria-label={props.label} data-testid={props.testId}>
        {props.items.map((item) => (
          <li key={item.key} className={item.total ? `${styles.keyItem} ${styles.keyTotal}` : styles.keyItem} {...(item.attributes ?? {})}>
            <div className={styles.keyLine}>
              <span className={styles.keyTitle}>{item.title}</span>
              <span className={styles.keyFigure} data-testid={item.figureTestId} data-key-figure="">
                {item.figure}
              </span>
            </div>
            {item.detail ? <span className={styles.keyDetail}>{item.detail}</span> : null}
            {props.showMore && item.more ? <span className={styles.keyDetail}>{item.more}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
