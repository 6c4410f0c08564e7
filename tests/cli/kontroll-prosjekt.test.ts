// `dh kontroll` on a workbook with its own DH_Prosjekter and a printed per-project split: the table is checked
// against that project's participants and split, so a charged non-participant is exactly one error.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { putGrid, tempDir } from './workbooks.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function kontroll(path: string): Promise<{ code: number; findings: { rule: string; severity: string; cell: string; sheet: string; message: string }[] }> {
  let stdout = '';
  const code = await run(['kontroll', path, '--json'], { stdout: (t) => (stdout += t), stderr: () => {}, now: () => new Date(2026, 0, 15) });
  return { code, findings: JSON.parse(stdout) };
}

describe('dh kontroll på en prosjekttabell', () => {
  it('en kommune som belastes uten å delta i prosjektet i DH_Prosjekter, gir nøyaktig feilen «deltar ikke i …»', async () => {
    const wb = new ExcelJS.Workbook();
    putGrid(wb.addWorksheet('DH_Prosjekter'), [
      ['Prosjekt', 'Kommune', 'Deltar', 'Kostnad', 'Fordeling'],
      ['Felles sak/arkiv', '', '', '240 000', 'flatt'],
      ['Felles sak/arkiv', 'Rana', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Vefsn', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Alstahaug', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Brønnøy', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Hemnes', 'Nei', '', ''],
    ]);
    putGrid(wb.addWorksheet('Sak-arkiv 2026'), [
      ['Felles sak/arkiv – fordeling 2026'],
      ['Kommune', 'Innbyggere', 'Andel', 'Kostnad'],
      ['Rana', 25899, '25 %', 60000],
      ['Vefsn', 13491, '25 %', 60000],
      ['Alstahaug', 7409, '25 %', 60000],
      ['Brønnøy', 7956, '25 %', 60000],
      ['Hemnes', 4475, '25 %', 60000],
      ['Sum', 59230, '100 %', 300000],
    ]);
    const path = join(dir, 'prosjekt.xlsx');
    await wb.xlsx.writeFile(path);
    const { code, findings } = await kontroll(path);
    expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`)).toEqual(['Sak-arkiv 2026!D7 kontroll.deltakelse error']);
    expect(findings.find((f) => f.severity === 'error')!.message).toMatch(/^Hemnes er belastet 60 000 kr, men deltar ikke i Felles sak\/arkiv\./);
    expect(code).toBe(1);
  });
});
