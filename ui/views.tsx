// The panel's views, in tab order. Adding a view is local: a folder ui/<job>/ with its actions.ts and View.tsx,
// and one entry here. The panel names no view itself; it renders the tabs and the selected view from this list.
// Only the first view is imported statically: every other view is a dynamic import, so the Excel task pane
// (built with code splitting) loads its code when the tab is first opened and the first load stays small
// (issue 15). New views go in with onDemand(...), never as a static import.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { Status } from './common.js';
import type { DatasetOrigin, LoadedDataset } from './dataset/actions.js';
import { FordelingView } from './fordeling/FordelingView.js';
import type { PanelHost } from './host.js';
import type { StartWorker } from './worker/client.js';

/** A view whose module is fetched the first time it renders. */
function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return lazy(() => load().then((component) => ({ default: component })));
}

const Styremote = onDemand(() => import('./styremote/StyremoteView.js').then((m) => m.StyremoteView));
const Register = onDemand(() => import('./register/RegisterView.js').then((m) => m.RegisterView));
const Gevinst = onDemand(() => import('./gevinst/GevinstView.js').then((m) => m.GevinstView));
const HvaOm = onDemand(() => import('./hvaom/HvaOmView.js').then((m) => m.HvaOmView));
const Regnskap = onDemand(() => import('./regnskap/RegnskapView.js').then((m) => m.RegnskapView));

/** Shown for the moment a view's code is being fetched (the first time its tab is opened). */
function ViewLoading(): ReactNode {
  return (
    <div data-testid="view-loading" role="status" style={{ padding: '12px', fontSize: '12px' }}>
      Laster …
    </div>
  );
}

function suspended<P extends object>(View: ComponentType<P>, props: P): ReactNode {
  return (
    <Suspense fallback={<ViewLoading />}>
      <View {...props} />
    </Suspense>
  );
}

/** What every view may use: the host, the dataset in use (and the choice of it), the year, today's date. */
export interface PanelContext {
  readonly host: PanelHost;
  readonly loaded: LoadedDataset;
  readonly builtinLabel: string;
  readonly datasetChoice: DatasetOrigin;
  readonly onDatasetChoice: (choice: DatasetOrigin) => void;
  readonly datasetStatus?: Status;
  readonly datasetBusy: boolean;
  readonly year: number;
  readonly years: readonly number[];
  readonly onYear: (year: number) => void;
  /** ISO date (yyyy-mm-dd) used as «i dag». */
  readonly today: string;
  /** Increases each time the workbook's input tables may have changed: views with results recompute. */
  readonly revision: number;
  /** The host's panel worker for long checks (see PanelProps.startWorker). */
  readonly startWorker?: StartWorker;
}

export interface PanelViewDef {
  /** Tab value and test hooks: tab-<id>, view-<id>. */
  readonly id: string;
  /** The tab's label (Bokmål). */
  readonly label: string;
  readonly render: (context: PanelContext) => ReactNode;
}

export const PANEL_VIEWS = [
  {
    id: 'fordeling',
    label: 'Fordeling',
    render: (c: PanelContext) => (
      <FordelingView
        host={c.host}
        loaded={c.loaded}
        builtinLabel={c.builtinLabel}
        datasetChoice={c.datasetChoice}
        onDatasetChoice={c.onDatasetChoice}
        {...(c.datasetStatus ? { datasetStatus: c.datasetStatus } : {})}
        datasetBusy={c.datasetBusy}
        year={c.year}
        years={c.years}
        onYear={c.onYear}
        today={c.today}
      />
    ),
  },
  {
    id: 'styremote',
    label: 'Styremøte',
    render: (c: PanelContext) => suspended(Styremote, { host: c.host, loaded: c.loaded, year: c.year, years: c.years, onYear: c.onYear, today: c.today, revision: c.revision }),
  },
  { id: 'register', label: 'Systemregister', render: (c: PanelContext) => suspended(Register, { host: c.host, loaded: c.loaded, today: c.today, ...(c.startWorker ? { startWorker: c.startWorker } : {}) }) },
  { id: 'gevinst', label: 'Gevinst', render: (c: PanelContext) => suspended(Gevinst, { host: c.host, today: c.today, revision: c.revision }) },
  {
    id: 'hvaom',
    label: 'Hva om',
    render: (c: PanelContext) => suspended(HvaOm, { host: c.host, dataset: c.loaded.dataset, year: c.year, years: c.years, onYear: c.onYear, today: c.today }),
  },
  {
    id: 'regnskap',
    label: 'Regnskap',
    render: (c: PanelContext) => suspended(Regnskap, { dataset: c.loaded.dataset, year: c.year, years: c.years, onYear: c.onYear }),
  },
] as const satisfies readonly PanelViewDef[];

export type PanelTab = (typeof PANEL_VIEWS)[number]['id'];
