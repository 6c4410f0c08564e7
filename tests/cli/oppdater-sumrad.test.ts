// dh oppdater writes each owned table's Sum line as the table's totals row (issue 9, Build 4): totalsRowCount="1"
// on the table part (ECMA-376 Part 1 §18.5.1.2 «table»: totalsRowCount, the number of totals rows shown at the
// bottom of the table; tableColumn totalsRowLabel / totalsRowFunction), the autoFilter over header and data only,
// the label «Sum» in the first column, and Excel's own SUBTOTAL(109, Table[Column]) with the Sum as its cached result
// where the Sum is the column's sum. A workbook from Google Sheets keeps its named range over header + data, with
// the Sum row under it marked by DHsum_<tabell>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { boardTables } from '../../core/board/tables.js';
import { HELGELAND_2026 } from '../../core/dataset/helgeland2026.js';
import { displayValue } from '../../core/workbook/table.js';
import { putGrid, readBack, tempDir } from './workbooks.js';
import { dh } from './run-dh.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

async function part(path: string, predicate: (name: string, text: string) => boolean): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name]!.dir) continue;
    const text = await zip.file(name)!.async('string');
    if (predicate(name, text)) return text;
  }
  throw new Error('fant ikke delen');
}

const built = boardTables(HELGELAND_2026, 2026);
if (!built.ok) throw new Error(built.error.message);
const fordeling = built.value[0]!;

describe('dh oppdater: Sum-raden er tabellens totalrad', () => {
  it('table part: totalsRowCount="1", autoFilter without it, «Sum» as label, SUBTOTAL(109, …) with the Sum as result', async () => {
    const path = join(dir, 'ny.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Forside').getCell('A1').value = 'Styremøte';
    await wb.xlsx.writeFile(path);
    expect((await dh('oppdater', path)).code).toBe(0);
    const table = await part(path, (name, text) => name.startsWith('xl/tables/') && text.includes('displayName="DH_Fordeling_2026"'));
    expect(table).toMatch(/<table\b[^>]*\bref="A1:G21"[^>]*totalsRowCount="1"/);
    expect(table).not.toMatch(/totalsRowShown="0"/);
    expect(table).toMatch(/<autoFilter ref="A1:G20"\/>/);
    expect(table).toContain('<tableColumn id="1" name="Kommunenr" totalsRowLabel="Sum"/>');
    expect(table).toContain('<tableColumn id="6" name="Totalt pr kommune" totalsRowFunction="sum"/>');
    const back = (await readBack(path)).getWorksheet('DH_Fordeling_2026')!;
    expect(back.getCell('A21').value).toBe('Sum');
    expect(back.getCell('F21').value).toEqual({ formula: 'SUBTOTAL(109,DH_Fordeling_2026[Totalt pr kommune])', result: displayValue(fordeling.totals![5]!) });
    expect(back.getCell('G21').value).toEqual({ formula: 'SUBTOTAL(109,DH_Fordeling_2026[Andel (%)])', result: 100 });
    // DH_Deltakelse's Sum line is text («3/19»): labels, no function.
    const deltakelse = await part(path, (name, text) => name.startsWith('xl/tables/') && text.includes('displayName="DH_Deltakelse"'));
    expect(deltakelse).toContain('totalsRowLabel="Deltakere (av 19)"');
    expect(deltakelse).not.toContain('totalsRowFunction');
    // DH_Endringer has no Sum line.
    const endringer = await part(path, (name, text) => name.startsWith('xl/tables/') && text.includes('displayName="DH_Endringer"'));
    expect(endringer).toContain('totalsRowShown="0"');
    expect((await dh('oppdater', path)).stdout).toMatch(/^Ingen endringer/);
  }, 60_000);

  it('a workbook from Google Sheets: the named range is cut to header + members, the Sum row under it is marked, nothing counted twice', async () => {
    const path = join(dir, 'fra-sheets.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DH_Fordeling_2026');
    // An older Sheets add-on: the Sum as the range's last row, its label in Kommune.
    const totals = fordeling.totals!.map(displayValue);
    putGrid(ws, [[...fordeling.headers], ...fordeling.rows.map((r) => r.map(displayValue)), ['', 'Sum', ...totals.slice(2)]]);
    wb.definedNames.add("'DH_Fordeling_2026'!$A$1:$G$21", 'DH_Fordeling_2026');
    await wb.xlsx.writeFile(path);

    const first = await dh('oppdater', path);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('DH_Fordeling_2026: 1 endring');
    const workbookXml = await part(path, (name) => name === 'xl/workbook.xml');
    expect(workbookXml).toMatch(/<definedName name="DH_Fordeling_2026">'DH_Fordeling_2026'!\$A\$1:\$G\$20<\/definedName>/);
    expect(workbookXml).toMatch(/<definedName name="DHsum_DH_Fordeling_2026">'DH_Fordeling_2026'!\$A\$21:\$G\$21<\/definedName>/);
    const back = (await readBack(path)).getWorksheet('DH_Fordeling_2026')!;
    expect(back.getCell('A21').value).toBe('Sum');
    // A named range has no structured references: its Sum row holds values.
    expect(back.getCell('F21').value).toBe(displayValue(fordeling.totals![5]!));
    expect(back.getCell('B21').value).toBe(null);

    const again = readFileSync(path);
    expect((await dh('oppdater', path)).stdout).toMatch(/^Ingen endringer/);
    expect(readFileSync(path).equals(again)).toBe(true);
  }, 60_000);
});
