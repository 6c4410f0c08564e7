// «Styremøte»: «Oppdater alle tabeller» refreshes the owned board tables, lists what changed since the
// last refresh, and shows the kontroll findings (what does not add up).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, ProgressBar } from '@fluentui/react-components';
import type { Finding } from '../../core/index.js';
import type { LoadedDataset } from '../dataset/actions.js';
import { selectFinding } from '../findings/actions.js';
import { markUncreatedTables, reconcileActiveSheet, reconcileBoard, refreshBoard, refreshIntro, type RefreshOutcome, type SheetReconciliation } from './actions.js';
import type { PanelHost } from '../host.js';
import { KeyFigureList, StatusLine, statusOf, useCommonStyles, YearSelect, type Status } from '../common.js';
import { FindingList } from '../findings/FindingList.js';

export interface StyremoteViewProps {
  readonly host: PanelHost;
  readonly loaded: LoadedDataset;
  readonly year: number;
  readonly years: readonly number[];
  readonly onYear: (year: number) => void;
  readonly today: string;
  /** Changes when the workbook may have changed. */
  readonly revision?: number;
}

/** Rows of the change list the panel renders at most (DH_Endringer holds them all). */
const CHANGES_SHOWN = 300;

export function StyremoteView({ host, loaded, year, years, onYear, today, revision = 0 }: StyremoteViewProps): ReactNode {
  const styles = useCommonStyles();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [outcome, setOutcome] = useState<{ key: string; value: RefreshOutcome }>();
  const key = `${loaded.label}|${year}`;
  const current = outcome && outcome.key === key ? outcome.value : undefined;
  const precheck = useMemo(() => reconcileBoard(loaded.dataset, year), [loaded.dataset, year]);
  const [present, setPresent] = useState<readonly string[]>();
  useEffect(() => {
    let cancelled = false;
    host.listTables().then(
      (names) => !cancelled && setPresent(names),
      () => !cancelled && setPresent(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [host, current, revision]);
  const findings: readonly Finding[] = useMemo(() => {
    const shown = current?.findings ?? precheck;
    return present ? markUncreatedTables(shown, present) : shown;
  }, [current, precheck, present]);
  const [printed, setPrinted] = useState<SheetReconciliation>();

  const refresh = async () => {
    setBusy(true);
    setStatus({ intent: 'info', text: 'Oppdaterer tabellene …' });
    const result = await refreshBoard(host, loaded.dataset, year, today);
    if (result.ok) setOutcome({ key, value: result.value });
    setStatus(statusOf(result));
    setBusy(false);
  };

  const checkActive = async () => {
    setBusy(true);
    setStatus({ intent: 'info', text: 'Kontrollerer tabellene i det aktive arket …' });
    const result = await reconcileActiveSheet(host, loaded.dataset, year);
    setPrinted(result.ok ? result.value : undefined);
    setStatus(statusOf(result, result.ok && result.value.findings.some((f) => f.severity === 'error') ? 'warning' : 'success'));
    setBusy(false);
  };

  const select = async (finding: Finding) => {
    const result = await selectFinding(host, finding);
    if (!result.ok) setStatus(statusOf(result));
  };

  return (
    <div className={styles.view} data-testid="view-styremote">
      <div className={styles.muted}>{refreshIntro(loaded.dataset, loaded.label, year)}</div>
      <YearSelect id="styremote-year" year={year} years={years} onYear={onYear} />
      <div className={styles.row}>
        <Button appearance="primary" onClick={refresh} disabled={busy} data-testid="refresh-button">
          Oppdater alle tabeller
        </Button>
        <Button onClick={checkActive} disabled={busy} data-testid="reconcile-active">
          Kontroller tabellene i aktivt ark
        </Button>
      </div>
      {busy ? <ProgressBar data-testid="refresh-progress" aria-label="Oppdaterer" /> : null}
      <StatusLine status={status} testId="styremote-message" />
      {current ? (
        <section className={styles.view} aria-label="Endringer">
          <h3 className={styles.subheading} data-testid="changes-summary" data-count={current.changes.length}>
            {current.summary}
          </h3>
          {current.changeViews.length ? (
            <>
              <KeyFigureList
                label="Endringer siden forrige oppdatering"
                titleHeader="Kommune og kolonne"
                figureHeader="Etter"
                testId="changes-table"
                items={current.changeViews.slice(0, CHANGES_SHOWN).map((c, i) => {
                  const what = [c.kommune, c.column].filter(Boolean).join(': ');
                  return {
                  key: String(i),
                  title: what || c.table,
                  figure: c.after,
                  detail: what ? `Før ${c.before} · ${c.table}` : `Før ${c.before}`,
                  attributes: { 'data-testid': 'change-item' },
                  };
                })}
              />
              {current.changeViews.length > CHANGES_SHOWN ? (
                <div className={styles.muted}>{`Viser ${CHANGES_SHOWN} av ${current.changeViews.length}; alle står i DH_Endringer.`}</div>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      {printed ? (
        <section className={styles.view} aria-label="Kontroll av aktivt ark" data-testid="reconcile-active-result">
          <h3 className={styles.subheading}>{`Kontroll av «${printed.sheet}»`}</h3>
          {printed.tables.map((t) => (
            <div key={t} className={styles.muted}>
              {t}
            </div>
          ))}
          <FindingList findings={printed.findings} onSelect={select} testId="reconcile-active-list" />
        </section>
      ) : null}
      <section className={styles.view} aria-label="Kontroll" data-testid="reconcile-findings">
        <h3 className={styles.subheading}>{`Kontroll av styretabellene ${year}`}</h3>
        <FindingList findings={findings} onSelect={select} testId="reconcile-list" />
      </section>
    </div>
  );
}
