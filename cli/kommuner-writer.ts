// The single place `dh innbyggere` writes DH_Kommuner into a workbook file: through the package writer `dh oppdater`
// uses (cli/package), which updates a table in place (same name, sheet and position) and leaves every other part of
// the file as it was. DH_Kommuner is written whole from the plan (only Innbyggere and Referansedato differ from what
// the user had), DH_Endringer with it.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { KommunerUpdate } from '../core/workbook/kommuner-update.js';
import { CliError } from './io.js';
import { PackageRefusal, writeOwnedTables } from './package/owned-tables.js';
import { refuseIfOpen, writeAtomically } from './package/save.js';

export async function writeKommunerFile(file: string, out: string, update: KommunerUpdate): Promise<void> {
  await refuseIfOpen(file);
  if (resolve(out) !== resolve(file)) await refuseIfOpen(out);
  let bytes: Uint8Array;
  try {
    bytes = await writeOwnedTables(await readFile(resolve(file)), [update.table, ...(update.endringer ? [update.endringer] : [])]);
  } catch (error) {
    if (error instanceof PackageRefusal) throw new CliError(error.message);
    throw new CliError(`Kunne ikke skrive DH_Kommuner i «${basename(file)}» (${error instanceof Error ? error.message : String(error)}). Ingenting er skrevet.`);
  }
  await writeAtomically(out, bytes);
}
