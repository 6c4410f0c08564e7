// Writing the refreshed package: never into a file another program has open, never half.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError } from '../io.js';

/**
 * The lock files office programs leave beside a workbook they have open: Excel's owner file «~$Navn.xlsx»
 * (for long names the first two characters give way to «~$»), and LibreOffice's «.~lock.Navn.xlsx#».
 */
export function lockFilesFor(path: string): string[] {
  const dir = dirname(resolve(path));
  const name = basename(path);
  return [`~$${name}`, `~$${name.slice(2)}`, `.~lock.${name}#`].map((n) => join(dir, n));
}

/** Refuses, before anything is written, a file that Excel or LibreOffice has open. */
export async function refuseIfOpen(path: string): Promise<void> {
  for (const lock of lockFilesFor(path)) {
    const found = await fs.stat(lock).then(() => true, () => false);
    if (found) {
      throw new CliError(`«${basename(path)}» er åpen i Excel eller LibreOffice (fant «${basename(lock)}»). Lukk filen der og prøv igjen. Ingenting er skrevet.`);
    }
  }
}

/** A temporary file beside the target, then a rename: a crash leaves the old file or the new one, never half. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const reason = error instanceof Error && 'code' in error ? ` (${String((error as NodeJS.ErrnoException).code)})` : '';
    throw new CliError(`Kunne ikke skrive «${path}»${reason}. Filen er ikke endret.`);
  }
}
