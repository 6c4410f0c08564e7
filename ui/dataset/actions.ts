// Which dataset the panel computes with: the embedded one, or the workbook's DH_Kommuner / DH_Nokkel / DH_Prosjekter.
import { BALANCE_INPUT_TABLES, HELGELAND_2026, type Dataset } from '../../core/index.js';
import { type ActionResult, success, failure, readTables, reasonOf } from '../result.js';
import type { PanelHost } from '../host.js';

/** Input tables a workbook may use to override the embedded dataset (SPEC §6). */
export const DATASET_TABLES = ['DH_Kommuner', 'DH_Nokkel', 'DH_Prosjekter'] as const;

export type DatasetOrigin = 'builtin' | 'workbook';

export interface LoadedDataset {
  readonly dataset: Dataset;
  /** Input tables that were read and used (empty for the embedded dataset). */
  readonly used: readonly string[];
  readonly origin: DatasetOrigin;
  /** What the panel shows: «Innebygd: Digitale Helgeland 2026» or «Arbeidsboken (DH_Kommuner, …)». */
  readonly label: string;
}

/** The embedded dataset, ready to use without touching the workbook. */
export function builtinDataset(base: Dataset = HELGELAND_2026): LoadedDataset {
  return { dataset: base, used: [], origin: 'builtin', label: `Innebygd: ${base.name}` };
}

/** Names of the dataset input tables present in the workbook (DH_Kommuner, DH_Nokkel, DH_Prosjekter). */
export async function detectDatasetTables(host: PanelHost): Promise<ActionResult<string[]>> {
  try {
    const names = await host.listTables();
    const present = DATASET_TABLES.filter((t) => names.some((n) => n.toLowerCase() === t.toLowerCase()));
    return success(present, present.length ? `Arbeidsboken har ${present.join(', ')}.` : 'Arbeidsboken har ingen DH_Kommuner, DH_Nokkel eller DH_Prosjekter.');
  } catch (error) {
    return failure(`Kunne ikke se hvilke tabeller arbeidsboken har: ${reasonOf(error)}.`);
  }
}

/**
 * Reads DH_Kommuner / DH_Nokkel / DH_Prosjekter (where present) and builds the dataset, the rest from
 * `base`. Only reads: a bad table gives a Norwegian message naming the cell, and nothing is written.
 */
export async function loadDataset(host: PanelHost, base: Dataset = HELGELAND_2026): Promise<ActionResult<LoadedDataset>> {
  const read = await readTables(host, [...DATASET_TABLES, ...BALANCE_INPUT_TABLES], 'Ingenting er endret.');
  if (!read.ok) return read;
  // The parser (and the board tables it names) loads only when a workbook has input tables: the panel opens on
  // the embedded dataset, so the first load does without it (issue 15).
  let parser: typeof import('./from-workbook.js');
  try {
    parser = await import('./from-workbook.js');
  } catch (error) {
    return failure(`Kunne ikke hente denne delen av panelet: ${reasonOf(error)}. Ingenting er endret.`);
  }
  return parser.datasetFromWorkbook(read.value, base);
}

/** The years the dataset has a key for, ascending. */
export function keyYears(dataset: Dataset): number[] {
  return [...new Set(dataset.keys.map((k) => k.year))].sort((a, b) => a - b);
}

/** The year the panel opens on: the first key year of the dataset (2026 for Digitale Helgeland). */
export function defaultYear(dataset: Dataset): number {
  return keyYears(dataset)[0] ?? new Date().getFullYear();
}

/**
 * After the workbook's input tables may have changed: the dataset the panel should now use, or undefined to keep
 * the current one. A workbook dataset is read again; the embedded one switches to the workbook only when the
 * user did not choose «Innebygd» and input tables have appeared.
 */
export async function datasetAfterChange(
  host: PanelHost,
  current: DatasetOrigin,
  userChoseBuiltin: boolean,
  base: Dataset = HELGELAND_2026,
): Promise<ActionResult<LoadedDataset | undefined>> {
  if (current === 'builtin') {
    if (userChoseBuiltin) return success(undefined, '');
    const found = await detectDatasetTables(host);
    if (!found.ok || found.value.length === 0) return success(undefined, '');
  }
  return loadDataset(host, base);
}
