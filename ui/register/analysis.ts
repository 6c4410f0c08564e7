// Everything the «Kontroller» button computes from the cells the host read, in one function with no host, no React
// and no DOM: the panel worker (ui/worker) runs it off the panel's thread, and the panel runs the same function in
// slices where no worker can be started. Its result is plain data (strings and numbers), so it crosses postMessage
// unchanged.
import {
  cellText,
  commonSystems,
  DatasetContext,
  findRegisterHeader,
  formatKroner,
  formatNumber,
  registerDataRowCount,
  sortFindings,
  type CommonSystem,
  type Dataset,
  type Finding,
  type RegisterCheckOptions,
} from '../../core/index.js';

export type RegisterCells = readonly (readonly unknown[])[];

export interface CommonSystemView {
  readonly system: string;
  readonly supplier: string;
  readonly kommuneCount: number;
  readonly kommuner: string;
  /** Summed monthly cost, nb-NO («12 500,00 kr»), or «–» when no cost is given. */
  readonly monthlyCost: string;
}

/** Where the cells came from and the date the contract rules count from. */
export interface RegisterPlace {
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  readonly today: string;
}

export type RegisterAnalysis =
  | { readonly status: 'empty' }
  | { readonly status: 'no-header' }
  | {
      readonly status: 'checked';
      /** Findings in report order (sortFindings). */
      readonly findings: readonly Finding[];
      /** Data rows below the header that were checked. */
      readonly rows: number;
      /** Systems used by ≥ 2 kommuner; undefined only if the report could not be made. */
      readonly common?: readonly CommonSystemView[];
    };

/** How the register rules are run: checkRegister at once (in a worker) or checkRegisterInSlices (on the panel's thread). */
export type RegisterChecker = (cells: RegisterCells, options: RegisterCheckOptions) => Finding[] | Promise<Finding[]>;

/** The «Felles systemer» table rows, formatted nb-NO. */
export function commonSystemViews(systems: readonly CommonSystem[]): CommonSystemView[] {
  return systems.map((s) => ({
    system: s.system,
    supplier: s.supplier,
    kommuneCount: s.count,
    kommuner: s.kommuner.map((k) => k.name).join(', '),
    monthlyCost:
      formatKroner(s.monthlyCost) +
      (s.rowsWithoutCost ? ` (${formatNumber(s.rowsWithoutCost)} ${s.rowsWithoutCost === 1 ? 'rad' : 'rader'} uten kostnad)` : ''),
  }));
}

/**
 * Checks a register the host read (SPEC §5) with `dataset` for kommune lookups. `onProgress` gets 0…1 for the rule
 * pass (the «Felles systemer» report and the row count after it are quick next to it). Throwing from `onProgress`
 * stops the analysis (that is how the slices path is cancelled).
 */
export async function analyseRegister(
  cells: RegisterCells,
  place: RegisterPlace,
  dataset: Dataset,
  check: RegisterChecker,
  onProgress?: (fraction: number) => void,
): Promise<RegisterAnalysis> {
  if (cells.length === 0 || cells.every((r) => r.every((c) => cellText(c) === ''))) return { status: 'empty' };
  const header = findRegisterHeader(cells);
  if (!header) return { status: 'no-header' };
  const data = new DatasetContext(dataset);
  const options: RegisterCheckOptions = { ...place, data, ...(onProgress ? { onProgress } : {}) };
  const findings = sortFindings(await check(cells, options));
  let common: CommonSystemView[] | undefined;
  try {
    common = commonSystemViews(commonSystems(cells, { ...place, data }));
  } catch {
    common = undefined; // the report is an extra: the findings stand on their own
  }
  const rows = registerDataRowCount(cells, header);
  return { status: 'checked', findings, rows, ...(common ? { common } : {}) };
}
