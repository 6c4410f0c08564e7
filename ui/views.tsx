// The panel's views, in tab order. Adding a view is local: a folder ui/<job>/ with its actions.ts and View.tsx,
// and one entry here. The panel names no view itself; it renders the tabs and the selected view from this list.
import type { ReactNode } from 'react';
import type { Status } from './common.js';
import type { DatasetOrigin, LoadedDataset } from './dataset/actions.js';
import { FordelingView } from './fordeling/FordelingView.js';
import { GevinstView } from './gevinst/GevinstView.js';
import type { PanelHost } from './host.js';
import { RegisterView } from './register/RegisterView.js';
import { StyremoteView } from './styremote/StyremoteView.js';

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
      />
    ),
  },
  {
    id: 'styremote',
    label: 'Styremøte',
    render: (c: PanelContext) => <StyremoteView host={c.host} loaded={c.loaded} year={c.year} years={c.years} onYear={c.onYear} today={c.today} revision={c.revision} />,
  },
  { id: 'register', label: 'Systemregister', render: (c: PanelContext) => <RegisterView host={c.host} loaded={c.loaded} today={c.today} /> },
  { id: 'gevinst', label: 'Gevinst', render: (c: PanelContext) => <GevinstView host={c.host} today={c.today} revision={c.revision} /> },
] as const satisfies readonly PanelViewDef[];

export type PanelTab = (typeof PANEL_VIEWS)[number]['id'];
