// Small building blocks the four views share: status line, year picker, finding list with severity badges.
import { useMemo, useState, type ReactNode } from 'react';
import { Badge, makeStyles, MessageBar, MessageBarBody, Select, tokens } from '@fluentui/react-components';
import { formatNumber, type Finding, type Severity } from '../../core/index.js';
import { findingAddress, groupFindings, SEVERITY_LABEL, type ActionResult } from '../actions.js';

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

const BADGE_COLOR: Readonly<Record<Severity, 'danger' | 'warning' | 'informative'>> = { error: 'danger', warning: 'warning', info: 'informative' };

export function SeverityBadges({ counts }: { counts: Readonly<Record<Severity, number>> }): ReactNode {
  const styles = useCommonStyles();
  return (
    <div className={styles.row} data-testid="finding-counts">
      {(['error', 'warning', 'info'] as const).map((s) => (
        <Badge key={s} color={BADGE_COLOR[s]} appearance={counts[s] ? 'filled' : 'outline'} data-testid={`count-${s}`} data-count={counts[s]}>
          {`${SEVERITY_LABEL[s]}: ${formatNumber(counts[s])}`}
        </Badge>
      ))}
    </div>
  );
}

/** How many findings of one severity the list renders (DH_Funn gets them all). */
export const FINDINGS_SHOWN = 200;

/**
 * Findings grouped Feil / Advarsel / Info. Each finding with a cell is a button that selects the cell
 * (data-testid="finding-item", data-cell="Ark!A1", data-severity).
 */
export function FindingList({ findings, onSelect, testId = 'findings' }: { findings: readonly Finding[]; onSelect?: (finding: Finding) => void; testId?: string }): ReactNode {
  const styles = useCommonStyles();
  const [expanded, setExpanded] = useState<Partial<Record<Severity, boolean>>>({});
  const groups = useMemo(() => groupFindings(findings).filter((g) => g.findings.length > 0), [findings]);
  if (groups.length === 0) return null;
  return (
    <div data-testid={testId} className={styles.view}>
      {groups.map((group) => {
        const shown = expanded[group.severity] ? group.findings : group.findings.slice(0, FINDINGS_SHOWN);
        return (
          <section key={group.severity} data-testid={`finding-group-${group.severity}`} aria-label={group.label}>
            <div className={styles.row}>
              <h4 className={styles.subheading}>{group.label}</h4>
              <Badge color={BADGE_COLOR[group.severity]}>{formatNumber(group.findings.length)}</Badge>
            </div>
            <ul className={styles.list}>
              {shown.map((f, i) => (
                <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`}>
                  <button
                    type="button"
                    className={f.cell && onSelect ? styles.findingButton : `${styles.findingButton} ${styles.findingStatic}`}
                    data-testid="finding-item"
                    data-cell={f.cell ? findingAddress(f) : ''}
                    data-severity={f.severity}
                    data-rule={f.rule}
                    disabled={!f.cell || !onSelect}
                    title={f.cell ? `Gå til ${findingAddress(f)}` : undefined}
                    onClick={() => onSelect?.(f)}
                  >
                    {f.cell ? <span className={styles.address}>{findingAddress(f)}</span> : null}
                    <span>{f.message}</span>
                    {f.expected !== undefined || f.actual !== undefined ? (
                      <span className={styles.detail}>
                        {f.expected !== undefined ? `Forventet: ${f.expected}` : ''}
                        {f.expected !== undefined && f.actual !== undefined ? ' · ' : ''}
                        {f.actual !== undefined ? `Faktisk: ${f.actual}` : ''}
                      </span>
                    ) : null}
                  </button>
                </li>
              ))}
            </ul>
            {group.findings.length > shown.length ? (
              <button type="button" className={styles.findingButton} onClick={() => setExpanded({ ...expanded, [group.severity]: true })} data-testid={`show-all-${group.severity}`}>
                {`Viser ${formatNumber(shown.length)} av ${formatNumber(group.findings.length)}. Vis alle`}
              </button>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
