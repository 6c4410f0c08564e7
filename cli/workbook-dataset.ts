// The dataset a workbook file describes with its own input tables (SPEC §6). Apart from cli/dataset.ts, which
// imports it only when a file is given, so the commands that need no file never load the .xlsx reader.
import { DatasetContext } from '../core/dataset/context.js';
import { HELGELAND_2026 } from '../core/dataset/helgeland2026.js';
import { datasetFromTables } from '../core/workbook/from-tables.js';
import { defaultDataset, type ActiveDataset } from './dataset.js';
import { CliError } from './io.js';
import { readTable, type WorkbookData } from './workbook.js';

/** The dataset a workbook's own DH_Kommuner / DH_Nokkel / DH_Prosjekter describe (the default for the rest). */
export function datasetFromWorkbook(workbook: WorkbookData): ActiveDataset {
  const result = datasetFromTables((name) => readTable(workbook, name), HELGELAND_2026);
  if (!result.ok) throw new CliError(result.error.message);
  // Only DH_Gevinst / DH_Tilskudd: the default's members and key, with the workbook's benefits for the balance.
  if (result.value.used.length === 0) return result.value.dataset === HELGELAND_2026 ? defaultDataset() : { data: new DatasetContext(result.value.dataset), used: [] };
  return { data: new DatasetContext(result.value.dataset), used: result.value.used };
}
