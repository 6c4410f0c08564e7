// The dataset from the workbook's DH_Kommuner / DH_Nokkel / DH_Prosjekter (and DH_Gevinst / DH_Tilskudd). Its own
// module because actions.ts imports it on demand: the parser is only needed once a workbook has input tables.
import { datasetFromTables, lowerFirst, skippedBoardTables, skippedTablesNote, type Dataset, type TableData } from '../../core/index.js';
import { type ActionResult, success, failure, reasonOf } from '../result.js';
import { builtinDataset, type LoadedDataset } from './actions.js';

/** Builds the dataset from tables already read; a bad table gives a Norwegian message naming the cell. */
export function datasetFromWorkbook(tables: ReadonlyMap<string, TableData>, base: Dataset): ActionResult<LoadedDataset> {
  let parsed: ReturnType<typeof datasetFromTables>;
  try {
    parsed = datasetFromTables((name) => tables.get(name), base);
  } catch (error) {
    return failure(`Arbeidsbokens tabeller kunne ikke leses: ${reasonOf(error)}. Ingenting er endret.`);
  }
  if (!parsed.ok) return failure(`${parsed.error.message} Rett tabellen og prøv igjen; ingenting er endret.`);
  const { dataset, used } = parsed.value;
  if (used.length === 0) {
    // DH_Gevinst / DH_Tilskudd alone: the embedded key, with the workbook's benefits for «Kommunens regnskap».
    const loaded = dataset === base ? builtinDataset(base) : { ...builtinDataset(base), dataset };
    return success(loaded, `Arbeidsboken har ingen DH_Kommuner, DH_Nokkel eller DH_Prosjekter: bruker ${base.name}.`);
  }
  // The dataset says what came from the workbook and what from the base; without project data the project
  // tables are left out of a refresh, and the panel says so up front.
  const skipped = skippedTablesNote(skippedBoardTables(dataset), used.includes('DH_Prosjekter'), base.name);
  return success({ dataset, used, origin: 'workbook', label: `Arbeidsboken (${used.join(', ')})` }, `Bruker ${lowerFirst(dataset.source)}.${skipped ? ` ${skipped}` : ''}`);
}
