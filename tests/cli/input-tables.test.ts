// The workbook's own input tables (SPEC §6) read from real .xlsx files: a bad value is reported in the cell
// it really sits in, however the table is placed and whatever blank rows it has.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import type { CellValue } from '../../core/util/cells.js';
import { addExcelTable, putGrid, tempDir } from './workbooks.js';

async function dh(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date(2026, 0, 15) });
  return { code, stdout, stderr };
}

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const HEADERS = ['Kommunenr', 'Kommune', 'Innbyggere'];
const NOKKEL: CellValue[][] = [['År', 'Fast beløp', 'Sats pr innbygger'], [2027, 100000, 20]];
/** Salten: two members, two blank rows, then `bad` as Sørfold's population, then one more member. */
const rows = (bad: CellValue): CellValue[][] => [
  [1804, 'Bodø', 53712],
  [1840, 'Saltdal', 4614],
  [null, null, null],
  [null, null, null],
  [1839, 'Beiarn', 1013],
  [1845, 'Sørfold', bad],
  [1848, 'Steigen', 2517],
];

type Layout = (wb: ExcelJS.Workbook, data: CellValue[][]) => void;
const layouts: [string, Layout, string][] = [
  // A sheet named DH_Kommuner whose header is in row 2 (row 1 empty): Sørfold sits in row 8.
  ['ark med tom første rad', (wb, data) => putGrid(wb.addWorksheet('DH_Kommuner'), [HEADERS, ...data], 2), 'DH_Kommuner rad 8 (DH_Kommuner!C8)'],
  // An Excel table with its header in C4: Sørfold sits in row 10, Innbyggere is column E.
  ['Excel-tabell i C4', (wb, data) => addExcelTable(wb.addWorksheet('Medlemmer'), 'DH_Kommuner', 'C4', HEADERS, data), 'DH_Kommuner rad 10 (Medlemmer!E10)'],
  // A named range (Sheets style) from B3: Sørfold sits in row 9, Innbyggere is column D.
  [
    'navngitt område fra B3',
    (wb, data) => {
      putGrid(wb.addWorksheet('Data'), [HEADERS, ...data], 3, 2);
      wb.definedNames.add(`'Data'!$B$3:$D$${3 + data.length}`, 'DH_Kommuner');
    },
    'DH_Kommuner rad 9 (Data!D9)',
  ],
];

async function workbook(name: string, layout: Layout, bad: CellValue): Promise<string> {
  const wb = new ExcelJS.Workbook();
  layout(wb, rows(bad));
  putGrid(wb.addWorksheet('DH_Nokkel'), NOKKEL);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('--fil: tomme rader i DH_Kommuner', () => {
  it.each(layouts)('%s: feilmeldingen peker på cellen der verdien står', async (name, layout, place) => {
    const path = await workbook(`feil-${name}.xlsx`, layout, 'mange');
    const r = await dh('fordeling', '2027', '--fil', path);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${place}: innbyggertallet «mange» er ikke et helt tall.`);
  });

  it.each(layouts)('%s: tomme rader hoppes over i fordelingen', async (name, layout) => {
    const path = await workbook(`god-${name}.xlsx`, layout, 1903);
    const r = await dh('fordeling', '2027', '--fil', path, '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { rader: { kommunenr: string }[]; sum: string };
    expect(out.rader.map((x) => x.kommunenr).sort()).toEqual(['1804', '1839', '1840', '1845', '1848']);
    expect(out.sum).toBe(String(5 * 100000 + 20 * (53712 + 4614 + 1013 + 1903 + 2517)) + '.00');
  });
});
