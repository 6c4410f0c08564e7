/**
 * The shared DH panel (React 19 + Fluent UI v9): Excel task pane, Google Sheets sidebar and the local
 * preview render it with their own PanelHost. It never touches a host API; each view's logic is in ui/<job>/actions.ts and the views are listed in ./views.tsx.
 *
 *   import { Panel, PanelApp, mountPanel } from '../../ui/Panel';
 *   <FluentProvider theme={webLightTheme}><Panel host={host} today="2026-03-01" /></FluentProvider>
 *   // or: <PanelApp host={host} />   // or: mountPanel(document.getElementById('root')!, host)
 *
 * Stable test hooks (data-testid) for browser e2e tests — keep them when changing the markup:
 *   Tabs          tab-fordeling, tab-styremote, tab-register, tab-gevinst  (the Tab buttons; aria-selected)
 *                 view-fordeling, view-styremote, view-register, view-gevinst (the visible view's root)
 *   Fordeling     dataset-builtin, dataset-workbook (radio inputs), dataset-message (dataset status line),
 *                 year-select (native <select>, also on Styremøte), fordeling-key (key description),
 *                 fordeling-table, fordeling-row (data-kommunenr="1833"), fordeling-total (the row's Totalt cell),
 *                 fordeling-sum («Sum 4 905 406,12 kr»), fordeling-kontroll («Kontroll 0,00 kr»), fordeling-budget,
 *                 fordeling-error (no key for the year), insert-fordeling («Sett inn DH_Fordeling_<år>»),
 *                 export-percentages, export-result, export-output (CSV textarea), export-copy, export-download,
 *                 fordeling-message (status line after an action)
 *   Styremøte     refresh-button, refresh-progress, styremote-message, changes-summary (data-count; text
 *                 «N endringer siden forrige oppdatering» / «Ingen endringer»), changes-table, change-item,
 *                 reconcile-findings (section: kontroll of the board tables), reconcile-list,
 *                 reconcile-active («Kontroller tabellene i aktivt ark»), reconcile-active-result, reconcile-active-list
 *   Systemregister register-source-active, register-source-table (radio inputs), check-button, check-progress,
 *                 register-message, register-result, finding-counts, count-error / count-warning / count-info
 *                 (Badges, data-count), highlight-checkbox (only when the host can highlight), write-findings,
 *                 register-findings, finding-group-error|warning|info, common-systems, common-system-row,
 *                 common-systems-none
 *   Findings      finding-item (a button; data-cell="Ark!A1", data-severity="error|warning|info", data-rule;
 *                 clicking calls host.selectCell(sheet, cell)), show-all-<severity>
 *   Gevinst       gevinst-insert, gevinst-compute, gevinst-message, gevinst-result, gevinst-table, gevinst-row
 *                 (data-row = sheet row), gevinst-total, gevinst-per-kommune, gevinst-findings
 * Status lines carry data-intent="success|error|info|warning".
 */
import { StrictMode, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';
import { HELGELAND_2026, type Dataset } from '../core/index.js';
import type { Status } from './common.js';
import { builtinDataset, datasetAfterChange, defaultYear, detectDatasetTables, keyYears, loadDataset, type DatasetOrigin, type LoadedDataset } from './dataset/actions.js';
import type { PanelHost } from './host.js';
import type { StartWorker } from './worker/client.js';
import { PANEL_VIEWS, type PanelContext, type PanelTab } from './views.js';
import { usePanelStyles } from './Panel.styles.js';
import { TabStrip } from './TabStrip.js';

export type { PanelTab } from './views.js';

export interface PanelProps {
  readonly host: PanelHost;
  /** ISO date used as «i dag» (contract deadlines, DH_Endringer). Default: the local date. */
  readonly today?: string;
  readonly initialTab?: PanelTab;
  /** The embedded dataset (default Digitale Helgeland 2026). */
  readonly base?: Dataset;
  /**
   * Look for DH_Kommuner / DH_Nokkel / DH_Prosjekter when the panel opens and use them if present
   * (default true). The user can always switch with the dataset choice.
   */
  readonly autoDetectWorkbook?: boolean;
  /**
   * Starts the panel worker (ui/worker/entry.ts) as this host can: a file next to the page (Excel, preview) or a
   * Blob URL (Sheets). Without it, a register is checked in slices on the panel's thread.
   */
  readonly startWorker?: StartWorker;
}

/** Today's date as ISO yyyy-mm-dd in local time. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}


export function Panel({ host, today: todayProp, initialTab = 'fordeling', base = HELGELAND_2026, autoDetectWorkbook = true, startWorker }: PanelProps): ReactNode {
  const styles = usePanelStyles();
  const today = todayProp ?? todayIso();
  const builtin = useMemo(() => builtinDataset(base), [base]);
  const [tab, setTab] = useState<PanelTab>(initialTab);
  const [choice, setChoice] = useState<DatasetOrigin>('builtin');
  const [loaded, setLoaded] = useState<LoadedDataset>(builtin);
  const [datasetStatus, setDatasetStatus] = useState<Status>();
  const [datasetBusy, setDatasetBusy] = useState(false);
  const [year, setYear] = useState(() => defaultYear(base));
  const years = useMemo(() => keyYears(loaded.dataset), [loaded.dataset]);
  const request = useRef(0);

  const use = useCallback((next: LoadedDataset) => {
    setLoaded(next);
    const available = keyYears(next.dataset);
    setYear((y) => (available.includes(y) ? y : defaultYear(next.dataset)));
  }, []);

  const chooseDataset = useCallback(
    async (next: DatasetOrigin, quiet = false, follow = false) => {
      const id = ++request.current;
      setChoice(next);
      if (next === 'builtin') {
        use(builtin);
        setDatasetStatus(undefined);
        return;
      }
      // Following an edit reads in the background: no busy state, so the figures do not flicker.
      if (!follow) {
        setDatasetBusy(true);
        setDatasetStatus({ intent: 'info', text: 'Leser arbeidsbokens DH_*-tabeller …' });
      }
      const result = await loadDataset(host, base);
      if (id !== request.current) return;
      setDatasetBusy(false);
      if (result.ok) {
        use(result.value);
        setChoice(result.value.origin);
        setDatasetStatus(quiet && result.value.origin === 'builtin' ? undefined : { intent: result.value.origin === 'workbook' ? 'success' : 'info', text: result.message });
      } else {
        use(builtin);
        setChoice('builtin');
        setDatasetStatus({ intent: 'error', text: `${result.message} Viser ${builtin.label.replace('Innebygd: ', '')} inntil videre.` });
      }
    },
    [host, base, builtin, use],
  );

  // The figures follow the workbook: after an edit (hosts with change events), on «Oppdater» and when the
  // sidebar gets focus back (hosts without). A user who chose «Innebygd» keeps it; otherwise input tables
  // added later are picked up.
  const choiceRef = useRef(choice);
  choiceRef.current = choice;
  const userChoseBuiltin = useRef(false);
  const [revision, setRevision] = useState(0);
  const follow = useCallback(async () => {
    const id = ++request.current;
    const next = await datasetAfterChange(host, choiceRef.current, userChoseBuiltin.current, base);
    if (id !== request.current) return;
    if (next.ok && next.value) {
      use(next.value);
      setChoice(next.value.origin);
      setDatasetStatus((old) => (old?.intent === 'error' ? undefined : old));
    } else if (!next.ok) {
      setDatasetStatus({ intent: 'error', text: `${next.message} Tallene under er fra forrige gyldige versjon.` });
    }
    setRevision((r) => r + 1);
  }, [host, base, use]);
  const watches = typeof host.onInputsChanged === 'function';
  useEffect(() => {
    if (host.onInputsChanged) return host.onInputsChanged(() => void follow());
    const onFocus = () => void follow();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [host, follow]);

  useEffect(() => {
    if (!autoDetectWorkbook) return;
    let cancelled = false;
    void detectDatasetTables(host).then((found) => {
      if (!cancelled && found.ok && found.value.length > 0) void chooseDataset('workbook', true);
    });
    return () => {
      cancelled = true;
    };
  }, [host, autoDetectWorkbook, chooseDataset]);

  const context: PanelContext = {
    host,
    loaded,
    builtinLabel: builtin.label,
    datasetChoice: choice,
    onDatasetChoice: (c) => {
      userChoseBuiltin.current = c === 'builtin';
      void chooseDataset(c);
    },
    ...(datasetStatus ? { datasetStatus } : {}),
    datasetBusy,
    year,
    years,
    onYear: setYear,
    today,
    revision,
    ...(startWorker ? { startWorker } : {}),
  };

  return (
    <div className={styles.root} lang="nb" data-testid="dh-panel">
      <TabStrip tabs={PANEL_VIEWS} selected={tab} onSelect={setTab} label="DH-tillegget" />
      {watches ? null : (
        <div className={styles.follow}>
          <span className={styles.followText}>Tallene leses når panelet får fokus.</span>
          <Button size="small" onClick={() => void follow()} data-testid="panel-reload">
            Oppdater
          </Button>
        </div>
      )}
      {PANEL_VIEWS.find((view) => view.id === tab)?.render(context)}
    </div>
  );
}

/** The panel inside a FluentProvider with the light Office theme: what the host entries render. */
export function PanelApp(props: PanelProps): ReactNode {
  return (
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <Panel {...props} />
    </FluentProvider>
  );
}

export interface MountOptions extends Omit<PanelProps, 'host'> {
  /** Wrap in React.StrictMode (default false: effects run once, as in production). */
  readonly strict?: boolean;
}

export interface MountedPanel {
  unmount(): void;
}

/** Renders PanelApp into `element` with react-dom/client; returns a handle to unmount it. */
export function mountPanel(element: Element, host: PanelHost, options: MountOptions = {}): MountedPanel {
  const { strict, ...props } = options;
  const root = createRoot(element);
  const app = <PanelApp host={host} {...props} />;
  root.render(strict ? <StrictMode>{app}</StrictMode> : app);
  return { unmount: () => root.unmount() };
}
