// Small building blocks every view shares: status line, year picker, styles.
import type { ReactNode } from 'react';
import { makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
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

export const useCommonStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, paddingBlock: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  strong: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  findingButton: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  findingStatic: { cursor: 'default', ':hover': { backgroundColor: tokens.colorNeutralBackground1 } },
  address: { display: 'block', overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalS },
  detail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  /** A compact list (KeyFigureList): each row's key figure stays visible at 300 px, details wrap below. */
  keyList: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  keyHead: {
    display: 'flex',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  keyItem: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBlock: tokens.spacingVerticalXS, minWidth: 0 },
  keyTotal: { borderBottom: 'none', fontWeight: tokens.fontWeightSemibold },
  keyLine: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  keyTitle: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' },
  keyFigure: { flex: 'none', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, textAlign: 'right' },
  keyDetail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  textarea: { width: '100%', minHeight: '8em', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  periodInput: { width: '7em', font: 'inherit', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
});

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
