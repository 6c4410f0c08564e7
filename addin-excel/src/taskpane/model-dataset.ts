// The dataset the custom functions compute with, from the workbook's input tables. Its own module because
// ExcelHost.inputsChanged imports it on demand: the parser is needed only once a workbook has DH_Kommuner,
// DH_Nokkel, DH_Prosjekter, DH_Gevinst or DH_Tilskudd, so the task pane's first load does without it (issue 15).
import { datasetFromTables, type Dataset, type TableData } from '../../../core/index.js';

/** The dataset and the tables used; a bad table throws its Norwegian message (the caller keeps the old model). */
export function modelDataset(tables: ReadonlyMap<string, TableData | undefined>, base: Dataset): { readonly dataset: Dataset; readonly used: readonly string[] } {
  const parsed = datasetFromTables((name) => tables.get(name), base);
  if (!parsed.ok) throw new Error(`${parsed.error.message} Funksjonene bruker fortsatt forrige versjon av dataene.`);
  return parsed.value;
}
