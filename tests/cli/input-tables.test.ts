// The workbook's own input tables (SPEC §6) read from real .xlsx files: a bad value is reported in the cell
// it really sits in, however the table is placed and whatever blank rows it has.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../core/util/cells.js';
import { addExcelTable, putGrid, tempDir } from './workbooks.js';
import { dh } from './run-dh.js';

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

describe('--fil: prosentformaterte celler i DH_Nokkel', () => {
  /** DH_Nokkel as an Excel table where Andel likt and Prisindeks are numbers with a percent format, as Excel stores «40 %». */
  async function withKey(alpha: number, index: number): Promise<string> {
    const wb = new ExcelJS.Workbook();
    addExcelTable(wb.addWorksheet('Medlemmer'), 'DH_Kommuner', 'A1', HEADERS, rows(1903).filter((r) => r[0] !== null));
    const ws = wb.addWorksheet('Nøkkel');
    addExcelTable(ws, 'DH_Nokkel', 'B2', ['År', 'Andel likt', 'Sum å fordele', 'Prisindeks'], [
      [2027, alpha, 1000000, null],
      [2028, null, null, index],
    ]);
    ws.getCell('C3').numFmt = '0%';
    ws.getCell('E4').numFmt = '0.0%';
    const path = join(dir, `prosent-${alpha}-${index}.xlsx`);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('«40 %» (0,4) er 40 % og «3,9 %» (0,039) er 3,9 %', async () => {
    const path = await withKey(0.4, 0.039);
    const r = await dh('fordeling', '2028', '--fil', path, '--json');
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { sum: string }).sum).toBe('1039000.00');
  });

  it('«150 %» (1,5) er 150 %, ikke 1,5 %: feil som peker på cellen', async () => {
    const r = await dh('fordeling', '2027', '--fil', await withKey(1.5, 0.039));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('DH_Nokkel rad 3 (Nøkkel!C3): Andel likt «150 %» må være mellom 0 og 100 %.');
  });

  it('«103,9 %» som prisindeks (1,039) er en endring over 100 %: feil', async () => {
    const r = await dh('fordeling', '2028', '--fil', await withKey(0.4, 1.039));
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('DH_Nokkel rad 4 (Nøkkel!E4): Prisindeks «103,9 %» må være en endring mellom −100 % og 100 %.');
  });
});

describe('--fil: kommunenummer som ikke er i bruk', () => {
  it('3004 (Fredrikstad før 2024) stopper innlesingen med én linje som sier hva nummeret er nå', async () => {
    const wb = new ExcelJS.Workbook();
    putGrid(wb.addWorksheet('DH_Kommuner'), [HEADERS, [1804, 'Bodø', 53712], [3004, 'Fredrikstad', 80000]]);
    putGrid(wb.addWorksheet('DH_Nokkel'), NOKKEL);
    const path = join(dir, 'gammelt-nummer.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await dh('fordeling', '2027', '--fil', path);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('DH_Kommuner rad 3 (DH_Kommuner!A3): Ukjent kommunenummer 3004: 3004 var Fredrikstads kommunenummer før 2024; nå 3107. Bruk det nye nummeret.\n');
  });
});
