// The Systemregister view's logic: check the active sheet or DH_Register (SPEC §5) and list shared systems.
import {
  cellText,
  checkRegisterInSlices,
  commonSystems,
  DatasetContext,
  findRegisterHeader,
  formatKroner,
  formatNumber,
  HELGELAND_2026,
  registerDataRowCount,
  sortFindings,
  type CommonSystem,
  type Dataset,
  type Finding,
  type RegisterCheckOptions,
  type Severity,
} from '../../core/index.js';
import { type ActionResult, success, failure, reasonOf } from '../result.js';
import { groupFindings, type FindingGroup } from '../findings/actions.js';
import type { PanelHost } from '../host.js';

export type RegisterSource = 'active' | 'DH_Register';

export interface CommonSystemView {
  readonly system: string;
  readonly supplier: string;
  readonly kommuneCount: number;
  readonly kommuner: string;
  /** Summed monthly cost, nb-NO («12 500,00 kr»), or «–» when no cost is given. */
  readonly monthlyCost: string;
}

export interface RegisterCheckOutcome {
  readonly sheet: string;
  /** Data rows below the header that were checked. */
  readonly rows: number;
  readonly findings: readonly Finding[];
  readonly groups: readonly FindingGroup[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Systems used by ≥ 2 kommuner (licence renegotiation); undefined only if the report could not be made. */
  readonly common?: readonly CommonSystemView[];
}

type RegisterCells = readonly (readonly unknown[])[];

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

function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * «Kontroller»: reads the active sheet (or DH_Register) and runs the register checks (SPEC §5) with the
 * active dataset for kommune lookups. `onProgress` gets 0…1 (reading is the first 30 %).
 */
export async function checkRegisterOnSheet(
  host: PanelHost,
  source: RegisterSource,
  today: string,
  onProgress?: (fraction: number) => void,
  dataset: Dataset = HELGELAND_2026,
): Promise<ActionResult<RegisterCheckOutcome>> {
  const progress = (f: number) => {
    try {
      onProgress?.(Math.max(0, Math.min(1, f)));
    } catch {
      // A progress callback is never a reason to stop the check.
    }
  };
  progress(0);
  let cells: RegisterCells;
  let sheet: string;
  let originRow: number;
  let originColumn: number;
  try {
    if (source === 'active') {
      const values = await host.readActiveSheet((f) => progress(0.3 * f));
      cells = values.values;
      sheet = values.sheet;
      originRow = values.originRow;
      originColumn = values.originColumn;
    } else {
      const table = await host.readTable('DH_Register');
      if (!table) return failure('Fant ikke tabellen DH_Register. Gi registeret dette navnet, eller velg «Aktivt ark».');
      cells = [table.headers, ...table.rows];
      sheet = table.sheet ?? table.name;
      originRow = table.originRow ?? 1;
      originColumn = table.originColumn ?? 1;
    }
  } catch (error) {
    return failure(`Kunne ikke lese ${source === 'active' ? 'det aktive arket' : 'DH_Register'}: ${reasonOf(error)}.`);
  }
  progress(0.3);
  if (cells.length === 0 || cells.every((r) => r.every((c) => cellText(c) === ''))) {
    return failure(`${source === 'active' ? `Arket «${sheet}»` : 'DH_Register'} er tomt. Åpne systemoversikten og prøv igjen.`);
  }
  const header = findRegisterHeader(cells);
  if (!header) {
    return failure(
      `Fant ingen overskriftsrad for et systemregister i «${sheet}». Overskriftsraden må ha kolonnen System (eller Systemnavn) og minst to andre kolonner fra malen, f.eks. Kommune, Leverandør og Systemeier.`,
    );
  }
  const options: RegisterCheckOptions = {
    sheet,
    originRow,
    originColumn,
    today,
    data: new DatasetContext(dataset),
    onProgress: (f: number) => progress(0.3 + 0.65 * f),
  };
  let findings: Finding[];
  try {
    // In slices with a pause between them, so the pane repaints its progress bar on a 100 000-row register.
    findings = await checkRegisterInSlices(cells, options, nextTick);
  } catch (error) {
    return failure(`Kontrollen av «${sheet}» kunne ikke kjøres: ${reasonOf(error)}.`);
  }
  let common: CommonSystemView[] | undefined;
  try {
    common = commonSystemViews(commonSystems(cells, { sheet, originRow, originColumn, today, data: options.data! }));
  } catch {
    common = undefined; // the report is an extra: the findings stand on their own
  }
  progress(1);
  const sorted = sortFindings(findings);
  const groups = groupFindings(sorted, true);
  const counts = { error: groups[0]!.findings.length, warning: groups[1]!.findings.length, info: groups[2]!.findings.length };
  const rows = registerDataRowCount(cells, header);
  const total = findings.length;
  return success(
    { sheet, rows, findings: sorted, groups, counts, ...(common ? { common } : {}) },
    total
      ? `Kontrollerte «${sheet}»: ${formatNumber(counts.error)} feil, ${formatNumber(counts.warning)} ${counts.warning === 1 ? 'advarsel' : 'advarsler'}, ${formatNumber(counts.info)} info.`
      : `Kontrollerte «${sheet}»: ingen funn.`,
  );
}
