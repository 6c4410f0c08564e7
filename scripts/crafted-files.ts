// Writes the crafted hostile/huge workbooks of issue 16 into a folder, for measuring `dh kontroll` and
// `dh oppdater` with /usr/bin/time -v (time and peak memory). The tests build smaller versions of the same.
//   npx tsx scripts/crafted-files.ts /tmp/crafted [--rader 1000000] [--mb 239]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bigRegister, deflateBomb, entityBomb, largeSheet, manyMerges, sparseWide, strictXlsx, wholeColumnValidation, encryptedContainer, writeTo } from '../tests/cli/crafted.js';

const [dir = '/tmp/dh-crafted', ...rest] = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : fallback;
};
mkdirSync(dir, { recursive: true });
const files: [string, () => Buffer][] = [
  ['sparsom-bred.xlsx', () => sparseWide()],
  ['register-stort.xlsx', () => bigRegister(flag('--rader', 1_000_000))],
  ['hel-kolonne-validering.xlsx', () => wholeColumnValidation(3)],
  ['sammenslaatte-50000.xlsx', () => manyMerges(50_000)],
  ['stor-ark-xml.xlsx', () => largeSheet(flag('--mb', 239))],
  ['entitetsbombe.xlsx', () => entityBomb()],
  ['pakkebombe.xlsx', () => deflateBomb(1500)],
  ['strict.xlsx', () => strictXlsx()],
  ['kryptert.xlsx', () => encryptedContainer()],
];
for (const [name, make] of files) {
  const path = writeTo(join(dir, name), make());
  process.stdout.write(`${path}\n`);
}
