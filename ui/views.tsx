// The panel's views, in tab order. Adding a view is local: a folder ui/<job>/ with its actions.ts and View.tsx,
// and one entry here. The panel names no view itself; it renders the tabs and the selected view from this list.
// Only the first view is imported statically: every other view is a dynamic import, so the Excel task pane
// (built with code splitting) loads its code when the tab is first opened and the first load stays small
// (issue 15). New views go in with onDemand(...), never as a static import.
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import { StatusLine, type Status } from './common.js';
import type { DatasetOrigin, LoadedDataset } from './dataset/actions.js';
import { FordelingView } from './fordeling/FordelingView.js';
import type { PanelHost } from './host.js';
import type { StartWorker } from './worker/client.js';

/** A view whose module is fetched the first time it renders; `retry` fetches it again after a failure. */
interface OnDemand<P extends object> {
  readonly View: ComponentType<P>;
  readonly retry: () => void;
  /** Keeps each view's error state its own when the panel switches tabs. */
  readonly key: string;
}

let views = 0;

function onDemand<P extends object>(load: () => Promise<ComponentType<P>>): OnDemand<P> {
  const make = () => lazy(() => load().then((component) => ({ default: component })));
  // React.lazy keeps a failed load for good: a retry needs a new lazy component.
  let current = make();
  const View = (props: P): ReactNode => {
    const Current = current;
    return <Current {...props} />;
  };
  return { View, retry: () => void (current = make()), key: `view-${++views}` };
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

/**
 * A view whose code could not be fetched (no network, a server error in Sheets) or that failed while showing:
 * a Norwegian message and «Prøv igjen» in its place, and the other tabs keep working.
 */
class ViewBoundary extends Component<{ readonly children: ReactNode; readonly onRetry: () => void }, { readonly error?: unknown }> {
  override state: { readonly error?: unknown } = {};

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    const reason = this.state.error instanceof Error && this.state.error.message ? this.state.error.message : String(this.state.error);
    const status: Status = { intent: 'error', text: `Denne fanen kunne ikke vises: ${reason}` };
    return (
      <div data-testid="view-failed" style={{ display: 'flex', flexDirection: 'column', rowGap: '8px', paddingBlock: '12px' }}>
        <StatusLine status={status} testId="view-failed-message" />
        <div>
          <Button
            onClick={() => {
              this.props.onRetry();
              this.setState({ error: undefined });
            }}
            data-testid="view-retry"
          >
            Prøv igjen
          </Button>
        </div>
      </div>
    );
  }
}

function suspended<P extends object>(view: OnDemand<P>, props: P): ReactNode {
  return (
    <ViewBoundary key={view.key} onRetry={view.retry}>
      <Suspense fallback={<ViewLoading />}>
        <view.View {...props} />
      </Suspense>
    </ViewBoundary>
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
