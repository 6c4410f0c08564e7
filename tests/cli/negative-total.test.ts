// Issue 16: a negative Sum å fordele (a credit shared out by the key) has one meaning everywhere: every
// kommune's part is negative, with the same shares as for the positive amount. `dh fordeling` and
// `dh oppdater` read the same workbook to the same øre, and oppdater writes shares that add up to 100 %.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, readWorkbook } from '../../cli/workbook.js';
import { addExcelTable, tempDir } from './workbooks.js';
import { dh } from './run-dh.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function workbook(name: string, key: (string | number)[][], headers = ['År', 'Andel likt', 'Sum å fordele']): Promise<string> {
  const wb = new ExcelJS.Workbook();
  addExcelTable(wb.addWorksheet('Medlemmer'), 'DH_Kommuner', 'A1', ['Kommunenr', 'Kommune', 'Innbyggere'], [
    ['1833', 'Rana', 25899],
    ['1824', 'Vefsn', 13491],
    ['1818', 'Herøy', 1760],
  ]);
  addExcelTable(wb.addWorksheet('Nøkkel'), 'DH_Nokkel', 'A1', headers, key);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('a negative total to allocate', () => {
  it('fordeling and oppdater agree to the øre, and the shares are those of the positive total', async () => {
    const path = await workbook('kreditt.xlsx', [[2027, 0.4, -100000]]);
    const fordeling = await dh('fordeling', '2027', '--fil', path, '--json');
    expect(fordeling.stderr).toBe('');
    const json = JSON.parse(fordeling.stdout) as { rader: { kommunenr: string; kr: string }[]; sum: string };
    expect(json.sum).toBe('-100000.00');
    expect(json.rader.every((r) => Number(r.kr) < 0)).toBe(true);

    const out = join(dir, 'kreditt-ut.xlsx');
    const oppdater = await dh('oppdater', path, '-o', out, '--år', '2027');
    expect(oppdater.stderr).toBe('');
    expect(oppdater.code).toBe(0);
    const table = readTable(await readWorkbook(out), 'DH_Fordeling_2027')!;
    const col = (name: string) => table.headers.findIndex((h) => h.startsWith(name));
    const written = new Map(table.rows.filter((r) => r[0]).map((r) => [String(r[0]), r]));
    for (const r of json.rader) expect(written.get(r.kommunenr)![col('Totalt')]).toBe(Number(r.kr));

    const positive = await workbook('kostnad.xlsx', [[2027, 0.4, 100000]]);
    await dh('oppdater', positive, '-o', join(dir, 'kostnad-ut.xlsx'), '--år', '2027');
    const plus = readTable(await readWorkbook(join(dir, 'kostnad-ut.xlsx')), 'DH_Fordeling_2027')!;
    expect(plus.rows.map((r) => r[col('Andel')])).toEqual(table.rows.map((r) => r[col('Andel')]));
  });

  it('a key that charges with one part and credits with the other is refused, in both commands alike', async () => {
    const path = await workbook('blandet.xlsx', [[2027, -100000, 20]], ['År', 'Fast beløp', 'Sats pr innbygger']);
    const fordeling = await dh('fordeling', '2027', '--fil', path);
    const oppdater = await dh('oppdater', path, '-o', join(dir, 'blandet-ut.xlsx'), '--år', '2027');
    expect(fordeling.code).toBe(2);
    expect(oppdater.code).toBe(2);
    expect(fordeling.stderr).toMatch(/^Fast beløp og sats pr innbygger for 2027 har motsatt fortegn/);
    expect(oppdater.stderr).toBe(fordeling.stderr);
  });
});
