// The finding list (grouped Feil / Advarsel / Info, each finding a button to its cell) and the severity badges,
// shared by the Styremøte, Systemregister and Gevinst views.
import { useMemo, useState, type ReactNode } from 'react';
import { Badge } from '@fluentui/react-components';
import { formatNumber, type Finding, type Severity } from '../../core/index.js';
import { useCommonStyles } from '../common.js';
import { findingAddress, groupFindings, SEVERITY_LABEL } from './actions.js';

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

/**
 * How many findings of one severity the list renders before «Vis alle» (DH_Funn gets them all). A 100 000-row
 * register has thousands; 100 of each is more than a 300 px panel shows, and keeps the result's first render short.
 */
export const FINDINGS_SHOWN = 100;

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
                <li key={`${f.sheet}!${f.cell}:${f.rule}:${i}`} className={styles.longListItem}>
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
