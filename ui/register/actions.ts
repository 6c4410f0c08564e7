// The Systemregister view's logic: check the active sheet or DH_Register (SPEC §5) and list shared systems.
import { formatNumber, HELGELAND_2026, type Dataset, type Finding, type Severity } from '../../core/index.js';
import { type ActionResult, success, failure, reasonOf } from '../result.js';
import { groupFindings, type FindingGroup } from '../findings/actions.js';
import type { PanelHost } from '../host.js';
import { analyseRegisterInBackground, CheckCancelled, type StartWorker } from '../worker/client.js';
import type { CommonSystemView, RegisterAnalysis, RegisterCells } from './analysis.js';

export { commonSystemViews, type CommonSystemView } from './analysis.js';

export type RegisterSource = 'active' | 'DH_Register';

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

/** How the check runs: in the host's panel worker when it gives one, and stopped by `signal` («Avbryt»). */
export interface RegisterRunOptions {
  readonly startWorker?: StartWorker;
  readonly signal?: AbortSignal;
}

/** The message when the user stopped the check. */
export const CHECK_CANCELLED = 'Kontrollen ble avbrutt. Ingen funn er vist.';

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
  run: RegisterRunOptions = {},
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
  if (run.signal?.aborted) return failure(CHECK_CANCELLED);
  let analysis: RegisterAnalysis;
  try {
    analysis = await analyseRegisterInBackground(cells, { sheet, originRow, originColumn, today }, dataset, {
      ...run,
      onProgress: (f) => progress(0.3 + 0.7 * f),
    });
  } catch (error) {
    if (error instanceof CheckCancelled) return failure(CHECK_CANCELLED);
    return failure(`Kontrollen av «${sheet}» kunne ikke kjøres: ${reasonOf(error)}.`);
  }
  if (analysis.status === 'empty') {
    return failure(`${source === 'active' ? `Arket «${sheet}»` : 'DH_Register'} er tomt. Åpne systemoversikten og prøv igjen.`);
  }
  if (analysis.status === 'no-header') {
    return failure(
      `Fant ingen overskriftsrad for et systemregister i «${sheet}». Overskriftsraden må ha kolonnen System (eller Systemnavn) og minst to andre kolonner fra malen, f.eks. Kommune, Leverandør og Systemeier.`,
    );
  }
  progress(1);
  const { findings: sorted, rows, common } = analysis;
  const groups = groupFindings(sorted, true);
  const counts = { error: groups[0]!.findings.length, warning: groups[1]!.findings.length, info: groups[2]!.findings.length };
  const total = sorted.length;
  return success(
    { sheet, rows, findings: sorted, groups, counts, ...(common ? { common } : {}) },
    total
      ? `Kontrollerte «${sheet}»: ${formatNumber(counts.error)} feil, ${formatNumber(counts.warning)} ${counts.warning === 1 ? 'advarsel' : 'advarsler'}, ${formatNumber(counts.info)} info.`
      : `Kontrollerte «${sheet}»: ingen funn.`,
  );
}
