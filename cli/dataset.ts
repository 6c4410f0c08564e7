import { DatasetContext } from '../core/dataset/context.js';
import { HELGELAND_2026 } from '../core/dataset/helgeland2026.js';
import { datasetFromTables } from '../core/workbook/from-tables.js';
import { CliError } from './io.js';
import { readTable, readWorkbook, type WorkbookData } from './workbook.js';

export interface ActiveDataset {
  readonly data: DatasetContext;
  /** Input tables the workbook supplied (empty: the embedded default is used). */
  readonly used: readonly string[];
}

let defaultContext: DatasetContext | undefined;

/** The embedded default: Digitale Helgeland 2026 (seed 004). */
export function defaultDataset(): ActiveDataset {
  defaultContext ??= new DatasetContext(HELGELAND_2026);
  return { data: defaultContext, used: [] };
}

/** The dataset a workbook's own DH_Kommuner / DH_Nokkel / DH_Prosjekter describe (the default for the rest). */
export function datasetFromWorkbook(workbook: WorkbookData): ActiveDataset {
  const result = datasetFromTables((name) => readTable(workbook, name), HELGELAND_2026);
  if (!result.ok) throw new CliError(result.error.message);
  // Only DH_Gevinst / DH_Tilskudd: the default's members and key, with the workbook's benefits for the balance.
  if (result.value.used.length === 0) return result.value.dataset === HELGELAND_2026 ? defaultDataset() : { data: new DatasetContext(result.value.dataset), used: [] };
  return { data: new DatasetContext(result.value.dataset), used: result.value.used };
}

/** --fil given: the workbook's tables; otherwise the embedded default. */
export async function datasetFor(file: string | undefined): Promise<ActiveDataset> {
  if (!file) return defaultDataset();
  return datasetFromWorkbook(await readWorkbook(file));
}
