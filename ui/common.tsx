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
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  /** Fluent's Table is fixed-layout at 100 %: in a narrow pane the columns must size to their content and scroll. */
  table: { tableLayout: 'auto', width: 'max-content', minWidth: '100%' },
  numeric: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  nowrap: { whiteSpace: 'nowrap' },
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
  address: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, marginRight: tokens.spacingHorizontalS },
  detail: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  textarea: { width: '100%', minHeight: '8em', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

/** The status line under a view's buttons (role=status so screen readers announce it). */
export function StatusLine({ status, testId }: { status: Status | undefined; testId: string }): ReactNode {
  if (!status) return null;
  return (
    <MessageBar intent={status.intent} data-testid={testId} data-intent={status.intent} role={status.intent === 'error' ? 'alert' : 'status'}>
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
