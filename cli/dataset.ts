import { DatasetContext } from '../core/dataset/context.js';
import { HELGELAND_2026 } from '../core/dataset/helgeland2026.js';

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

/** --fil given: the workbook's tables; otherwise the embedded default. */
export async function datasetFor(file: string | undefined): Promise<ActiveDataset> {
  if (!file) return defaultDataset();
  // The file reader only when a file is given: `dh kostnad Rana 2026` never loads (nor, bundled, parses) it.
  const [{ readWorkbook }, { datasetFromWorkbook }] = await Promise.all([import('./workbook.js'), import('./workbook-dataset.js')]);
  return datasetFromWorkbook(await readWorkbook(file));
}
