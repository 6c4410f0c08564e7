import { copyFile, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { planRefresh, skippedTablesNote } from '../../core/board/refresh.js';
import { projectColumnNames } from '../../core/board/tables.js';
import { MAX_COLUMN_NAME } from '../../core/workbook/owned-text.js';
import { joinWords } from '../../core/util/text.js';
import { HELGELAND_2026 } from '../../core/dataset/helgeland2026.js';
import { OPTIONS, parseArgs, parseYear, stringFlag } from '../args.js';
import { datasetFromWorkbook } from '../workbook-dataset.js';
import { countText } from '../format.js';
import { CliError, EXIT_OK, isoDate, type CliIo } from '../io.js';
import { USAGE_OPPDATER } from '../usage.js';
import { readTable, readWorkbook, tableNames } from '../workbook.js';
import { PackageRefusal, writeOwnedTables } from '../package/owned-tables.js';
import { refuseIfOpen, writeAtomically } from '../package/save.js';

/**
 * dh oppdater <fil.xlsx> [-o ut.xlsx] [--år ÅÅÅÅ] — rebuilds the owned tables from the workbook's own
 * tables, writes only those that changed, and logs the changes in DH_Endringer. A second run finds
 * nothing to change and leaves the file as it is. The file is edited as a package (cli/package): only the
 * owned tables' cells and parts change, every other part keeps its bytes.
 */
export async function oppdater(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [OPTIONS.help, OPTIONS.ut, OPTIONS.aar]);
  if (args.flags.has('help')) {
    io.stdout(USAGE_OPPDATER);
    return EXIT_OK;
  }
  const [file, ...extra] = args.positional;
  if (!file) throw new CliError('Oppgi arbeidsboken som skal oppdateres, f.eks. «dh oppdater arbeidsbok.xlsx».');
  if (extra.length) throw new CliError(`For mange argumenter: «${extra.join(' ')}». Bruk: dh oppdater <fil.xlsx> [-o ut.xlsx].`);
  const out = stringFlag(args, 'ut');
  const book = await readWorkbook(file);
  const { data, used } = datasetFromWorkbook(book);

  const yearArg = stringFlag(args, 'aar');
  let year: number;
  if (yearArg !== undefined) year = parseYear(yearArg);
  else {
    const existing = tableNames(book)
      .map((n) => /^DH_Fordeling_(\d{4})$/i.exec(n)?.[1])
      .filter((y): y is string => !!y)
      .map(Number);
    const keyYears = data.dataset.keys.map((k) => k.year);
    const candidates = existing.length ? existing : keyYears;
    if (candidates.length === 0) throw new CliError('Datasettet har ingen fordelingsnøkkel. Legg inn DH_Nokkel eller oppgi --år.');
    year = Math.max(...candidates);
  }

  const today = isoDate(io.now?.() ?? new Date());
  const plan = planRefresh(data.dataset, year, (name) => readTable(book, name), today, { removeStale: true });
  if (!plan.ok) throw new CliError(plan.error.message);
  const { toWrite, toRemove, skipped, changes, endringer } = plan.value;
  const source = used.length ? `arbeidsbokens tabeller ${used.join(', ')}` : data.dataset.name;
  const skippedLine = skipped.length ? skippedText(skipped, toRemove, used) : undefined;

  if (toWrite.length === 0 && toRemove.length === 0 && !endringer) {
    if (out && resolve(out) !== resolve(file)) await copyAtomically(file, out);
    const lines = [`Ingen endringer: tabellene for ${year} i «${basename(file)}» er allerede oppdatert (kilde: ${source}).${out ? ` Skrev «${out}».` : ''}`];
    if (skippedLine) lines.push(skippedLine);
    io.stdout(lines.join('\n') + '\n');
    return EXIT_OK;
  }

  const target = out ?? file;
  await refuseIfOpen(file);
  if (resolve(target) !== resolve(file)) await refuseIfOpen(target);
  let bytes: Uint8Array;
  try {
    bytes = await writeOwnedTables(await readFile(resolve(file)), [...toWrite, ...(endringer ? [endringer] : [])], toRemove);
  } catch (error) {
    if (error instanceof PackageRefusal) throw new CliError(error.message);
    throw new CliError(`Kunne ikke oppdatere tabellene i «${basename(file)}» (${error instanceof Error ? error.message : String(error)}). Ingenting er skrevet.`);
  }
  await writeAtomically(target, bytes);

  const done = [
    ...(toWrite.length || !toRemove.length ? [`oppdaterte ${countText(toWrite.length, 'tabell', 'tabeller')}`] : []),
    ...(toRemove.length ? [`fjernet ${countText(toRemove.length, 'tabell', 'tabeller')}`] : []),
  ].join(' og ');
  const lines = [`${done.charAt(0).toUpperCase()}${done.slice(1)} for ${year} fra ${source}:`];
  for (const table of toWrite) {
    const own = changes.filter((c) => c.table === table.name);
    const created = own.length === 1 && own[0]!.before === '(ingen tabell)';
    lines.push(`  ${table.name}: ${created ? `ny tabell med ${countText(table.rows.length, 'rad', 'rader')}` : countText(own.length, 'endring', 'endringer')}`);
  }
  for (const name of toRemove) lines.push(`  ${name}: fjernet`);
  if (skippedLine) lines.push(skippedLine);
  if (toWrite.some((t) => t.name === 'DH_Deltakelse')) {
    for (const c of projectColumnNames(data.dataset).filter((c) => c.shortened)) {
      lines.push(`Merk: prosjektnavnet «${Array.from(c.project).slice(0, 40).join('')}…» er lengre enn ${MAX_COLUMN_NAME} tegn og er forkortet i kolonnenavnet i DH_Deltakelse. Gi prosjektet et kortere navn i DH_Prosjekter.`);
    }
  }
  lines.push(`${countText(changes.length, 'endring', 'endringer')} ført i DH_Endringer. Skrev «${target}».`);
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

/** The skipped-tables sentence, and what was removed. */
function skippedText(skipped: readonly string[], removed: readonly string[], used: readonly string[]): string {
  const removedText = removed.length === 0 ? '' : removed.length === 1 ? ` Den gamle tabellen ${removed[0]} er fjernet.` : ` De gamle tabellene ${joinWords(removed)} er fjernet.`;
  return skippedTablesNote(skipped, used.some((u) => /^DH_Prosjekter$/i.test(u)), HELGELAND_2026.name) + removedText;
}

async function copyAtomically(from: string, to: string): Promise<void> {
  const target = resolve(to);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await copyFile(resolve(from), temp);
    await rename(temp, target);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new CliError(`Kunne ikke skrive «${to}». Filen er ikke endret.`);
  }
}
