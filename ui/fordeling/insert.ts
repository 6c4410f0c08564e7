// «Sett inn DH_Fordeling_<år>»: builds the owned table and writes it through the host. Its own module so the
// Fordeling view loads the board tables' code when the button is first used (ui/fordeling/actions.ts).
import { fordelingTable, type Dataset } from '../../core/index.js';
import { type ActionResult, success, failure, reasonOf } from '../result.js';
import type { PanelHost } from '../host.js';

/** insertFordeling's work (actions.ts loads this module on demand). */
export async function insertFordelingTable(host: PanelHost, dataset: Dataset, year: number): Promise<ActionResult<{ readonly table: string; readonly rows: number }>> {
  let table: ReturnType<typeof fordelingTable>;
  try {
    table = fordelingTable(dataset, year);
  } catch (error) {
    return failure(`Fordelingen for ${year} kunne ikke beregnes: ${reasonOf(error)}. Ingenting er skrevet.`);
  }
  if (!table.ok) return failure(`${table.error.message} Ingenting er skrevet.`);
  try {
    await host.writeOwnedTable(table.value);
  } catch (error) {
    return failure(`Kunne ikke skrive ${table.value.name}: ${reasonOf(error)}. Den forrige versjonen av tabellen er beholdt.`);
  }
  const members = table.value.rows.length;
  return success({ table: table.value.name, rows: members }, `Satte inn ${table.value.name} med ${members} kommuner og sumrad.`);
}
