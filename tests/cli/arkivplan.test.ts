// dh kontroll and dh oppdater on a workbook holding the board's printed arkivplan table (seed 004).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { arkivplanGrid } from '../core/reconcile/arkivplan-grid.js';
import { putGrid, readBack, tempDir } from './workbooks.js';
import { dhOn } from './run-dh.js';

const dh = dhOn(new Date(2025, 9, 20));

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('the arkivplan table in a workbook', () => {
  it('dh kontroll finds the table and the effect-date contradiction for the six paid SSA-L contracts', async () => {
    const path = join(dir, 'styremote.xlsx');
    const wb = new ExcelJS.Workbook();
    putGrid(wb.addWorksheet('Sak 42-25'), arkivplanGrid());
    await wb.xlsx.writeFile(path);
    const r = await dh('kontroll', path, '--dato', '2025-10-20', '--json');
    const findings = JSON.parse(r.stdout) as { rule: string; cell: string; message: string }[];
    const effect = findings.filter((f) => f.rule === 'kontroll.arkivplan-effekt');
    expect(effect.map((f) => f.message.split(' ')[0])).toEqual(['Dønna', 'Herøy', 'Leirfjord', 'Nesna', 'Rødøy', 'Vefsn']);
    expect(findings.filter((f) => f.rule === 'kontroll.ikke-lest' || f.rule === 'kontroll.sum')).toEqual([]);
    const text = await dh('kontroll', path, '--dato', '2025-10-20');
    expect(text.stdout).toContain('arkivplantabell Sak 42-25!A4 (19 rader)');
  });

  it('dh oppdater writes DH_Arkivplanstatus with the Sum 12 172 and a second run changes nothing', async () => {
    const path = join(dir, 'bok.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Forside').getCell('A1').value = 'Styremøte';
    await wb.xlsx.writeFile(path);
    expect((await dh('oppdater', path)).code).toBe(0);
    const back = await readBack(path);
    const ws = back.getWorksheet('DH_Arkivplanstatus')!;
    // The Sum is the table's totals row: its label in the first column, Excel's SUBTOTAL with 12 172 as its result.
    const sumRow = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((row) => row.getCell(1).value === 'SUM')!;
    expect(sumRow.getCell(4).value).toEqual({ formula: 'SUBTOTAL(109,DH_Arkivplanstatus[Kostnad pr mnd])', result: 12172 });
    expect((await dh('oppdater', path)).stdout).toMatch(/^Ingen endringer/);
  });
});
