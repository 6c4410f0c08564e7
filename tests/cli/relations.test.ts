// `dh kontroll` and the relation finder on real .xlsx files: formulas (R1C1 pattern breaks, short SUM ranges,
// stored results that disagree with their formula), and every numeric block of every fixture workbook accounted
// for — read by a known kind, checked by the finder, or listed as read with no relation found.
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import { readWorkbook, sheetCells } from '../../cli/workbook.js';
import { a1 } from '../../core/findings/finding.js';
import { reconcileSheets, registerRange, type SheetRange } from '../../core/reconcile/index.js';
import { checkBlock, findBlocks, isClaimed } from '../../core/relations/index.js';
import { probes } from '../core/relations/probes.js';
import { putGrid, readBack, tempDir, vesteralenWorkbook, writeBoardWorkbook } from './workbooks.js';

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  expected: string | null;
  actual: string | null;
}

async function kontroll(path: string): Promise<{ code: number; findings: JsonFinding[]; text: string }> {
  let out = '';
  let text = '';
  const io = { stdout: (t: string) => (out += t), stderr: () => {}, now: () => new Date(2026, 0, 15) };
  const code = await run(['kontroll', path, '--json'], io);
  await run(['kontroll', path], { ...io, stdout: (t: string) => (text += t) });
  return { code, findings: JSON.parse(out) as JsonFinding[], text };
}

const { dir, cleanup } = tempDir();
const file = (name: string) => join(dir, name);
afterAll(cleanup);

describe('formler i arbeidsboken', () => {
  it('finner formelbrudd i kolonnen, en SUM som utelater rader, og lagrede resultater som ikke stemmer', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Gevinst');
    ws.addRow(['Tiltak', 'Antall', 'Minutter', 'Timer', 'Timesats', 'Gevinst']);
    const counts = [1200, 3400, 560, 2100, 1450, 800, 2650, 975];
    const minutes = [5, 3, 12, 4, 6, 30, 2, 8];
    counts.forEach((n, i) => {
      const r = i + 2;
      const hours = (n * minutes[i]!) / 60;
      ws.addRow([`Tiltak ${i + 1}`, n, minutes[i], { formula: `B${r}*C${r}/60`, result: hours }, 650, { formula: `D${r}*E${r}`, result: hours * 650 }]);
    });
    const hoursAt = (r: number) => (counts[r - 2]! * minutes[r - 2]!) / 60;
    // F5 reads the next row's hours (=D6*E5); its stored result is what that formula gives.
    ws.getCell('F5').value = { formula: 'D6*E5', result: hoursAt(6) * 650 } as ExcelJS.CellFormulaValue;
    // F7 holds a typed figure where the column otherwise computes.
    ws.getCell('F7').value = hoursAt(7) * 650;
    const total = (col: number, from: number) => counts.reduce((s, _n, i) => (i + 2 >= from ? s + (col === 2 ? counts[i]! : hoursAt(i + 2)) : s), 0);
    ws.addRow(['Sum', { formula: 'SUM(B2:B9)', result: total(2, 2) }, null, { formula: 'SUM(D3:D9)', result: total(4, 3) }, null, { formula: 'SUM(F2:F9)', result: 1 }]);
    // F10's stored result (1) is not what SUM(F2:F9) gives: the file was not recalculated.
    const path = file('formler.xlsx');
    await wb.xlsx.writeFile(path);
    const { findings } = await kontroll(path);
    const at = (cell: string) => findings.filter((f) => f.cell === cell);
    expect(at('F5').map((f) => f.rule)).toEqual(['tabell.formel-avvik']);
    expect(at('F5')[0]!.message).toContain('=D6*E5');
    expect(at('F7').map((f) => f.rule)).toEqual(['tabell.formel-avvik']);
    expect(at('F7')[0]!.message).toContain('innskrevet tall');
    expect(at('D10').map((f) => f.rule)).toEqual(['tabell.formel-omrade']);
    expect(at('D10')[0]!.message).toContain('rad 2');
    expect(at('F10').map((f) => f.rule)).toEqual(['tabell.uberegnelig']);
    expect(at('F10')[0]!.message).toMatch(/kan ikke kontrolleres/);
    // Nothing else on the sheet is reported: the other formulas follow their pattern and add up.
    expect(findings.filter((f) => f.sheet === 'Gevinst' && !['F5', 'F7', 'D10', 'F10'].includes(f.cell))).toEqual([]);
  });

  it('formler som følger mønsteret gir ingen funn', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Budsjett');
    ws.addRow(['Post', 'Jan', 'Feb', 'Mar', 'Sum']);
    const rows = [[12000, 13000, 12500], [4000, 4100, 3900], [800, 950, 700], [15000, 15000, 16500]];
    rows.forEach((v, i) => ws.addRow([`Post ${i + 1}`, ...v, { formula: `SUM(B${i + 2}:D${i + 2})`, result: v[0]! + v[1]! + v[2]! }]));
    const col = (k: number) => rows.reduce((s, r) => s + r[k]!, 0);
    ws.addRow(['Sum', ...[0, 1, 2].map((k, j) => ({ formula: `SUM(${'BCD'[j]}2:${'BCD'[j]}5)`, result: col(k) })), { formula: 'SUM(E2:E5)', result: col(0) + col(1) + col(2) }]);
    const path = file('ren.xlsx');
    await wb.xlsx.writeFile(path);
    const { findings, code } = await kontroll(path);
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('ingen tabell med tall er ulest', () => {
  /** The fixture workbooks: the board document (numbers and text), Vesterålen's own tables, the probe tables and the real files. */
  async function fixtures(): Promise<{ name: string; path: string }[]> {
    const list: { name: string; path: string }[] = [];
    for (const style of ['numbers', 'text'] as const) {
      const path = file(`styret-${style}.xlsx`);
      await writeBoardWorkbook(path, style);
      list.push({ name: `styredokument (${style})`, path });
    }
    const vest = file('vesteralen.xlsx');
    await vesteralenWorkbook().xlsx.writeFile(vest);
    list.push({ name: 'Vesterålen', path: vest });
    const wb = new ExcelJS.Workbook();
    probes().forEach((p, i) => putGrid(wb.addWorksheet(`Prøve ${i + 1}`), p.grid));
    const probePath = file('prover.xlsx');
    await wb.xlsx.writeFile(probePath);
    list.push({ name: 'prøvetabeller', path: probePath });
    // Every workbook file kept under tests/fixtures (real files saved by Apache POI and LibreOffice).
    const real = resolve(import.meta.dirname, '../fixtures/real');
    for (const name of readdirSync(real).filter((n) => /\.xls[xm]$/i.test(n))) list.push({ name, path: join(real, name) });
    return list;
  }

  it('hver tallblokk er lest av en kjent tabelltype, kontrollert av relasjonsfinneren, eller meldt som lest uten sammenhenger', async () => {
    const tally: string[] = [];
    for (const { name, path } of await fixtures()) {
      const { findings } = await kontroll(path);
      const workbook = await readWorkbook(path);
      const grids = workbook.sheets.map((ws) => ({ ...sheetCells(ws), formulas: ws.formulas }));
      // What the known kinds read: board tables and budgets by their headers, registers, and the DH_* tables.
      const claimed: SheetRange[] = [...reconcileSheets(grids).claimed];
      for (const g of grids) {
        const register = registerRange(g);
        if (register) claimed.push(register);
        if (/^DH_/i.test(g.sheet)) claimed.push({ sheet: g.sheet, top: 1, left: 1, bottom: g.cells.length, right: 100 });
      }
      const counts = { known: 0, relations: 0, none: 0 };
      for (const g of grids) {
        for (const block of findBlocks(g)) {
          if (isClaimed(block, claimed)) {
            counts.known++;
            continue;
          }
          const check = checkBlock(block, g);
          const top = a1(block.originRow + block.rows[0]!, block.originColumn + block.columns[0]!);
          if (check.related) {
            counts.relations++;
            // The command reports exactly what the finder found in this block.
            const mine = new Set(check.findings.map((f) => f.cell));
            expect(findings.filter((f) => f.sheet === g.sheet && f.rule.startsWith('tabell.') && mine.has(f.cell)).length, `${name} ${g.sheet}!${top}`).toBe(check.findings.length);
          } else {
            counts.none++;
            const info = findings.find((f) => f.sheet === g.sheet && f.cell === top && f.rule === 'tabell.ingen-sammenheng');
            expect(info, `${name} ${g.sheet}!${top} er verken kjent, kontrollert eller meldt`).toBeDefined();
            expect(info!.severity).toBe('info');
            expect(info!.message).toContain('er lest, ingen sammenhenger funnet');
          }
        }
      }
      tally.push(`${name}: ${counts.known} kjente, ${counts.relations} med sammenhenger, ${counts.none} uten`);
    }
    console.log(tally.join('\n'));
  });

  it('et ark med tall bare i tabeller relasjonsfinneren leser, er ikke «ikke lest»', async () => {
    const wb = new ExcelJS.Workbook();
    // Kommune names and figures in a table no known kind reads: the finder reads it, so nothing is unread.
    putGrid(wb.addWorksheet('Tilskudd'), [
      ['Kommune', 'Søkt', 'Innvilget', 'Avslått'],
      ['Rana', 500000, 300000, 200000],
      ['Vefsn', 420000, 420000, 0],
      ['Alstahaug', 150000, 90000, 60000],
      ['Brønnøy', 275000, 175000, 100000],
    ]);
    const path = file('tilskudd-kommuner.xlsx');
    await wb.xlsx.writeFile(path);
    const { findings } = await kontroll(path);
    expect(findings.filter((f) => f.rule === 'kontroll.ikke-lest')).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('en tabell uten sammenhenger meldes som lest (info), og tekst som «3.300.000,-» er tall', async () => {
    const wb = new ExcelJS.Workbook();
    putGrid(wb.addWorksheet('Tilskudd'), [
      ['Søker', 'Søkt', 'Innvilget'],
      ['Lag A', '3.300.000,-', 'kr 412 500'],
      ['Lag B', '1 234,5', '-12 000'],
      ['Lag C', 'kr 98 000', '15 000'],
    ]);
    const path = file('uten.xlsx');
    await wb.xlsx.writeFile(path);
    const { findings, code, text } = await kontroll(path);
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([['tabell.ingen-sammenheng', 'info', 'B2']]);
    expect(findings[0]!.message).toContain('B2:C4 (3 rader, 2 tallkolonner) er lest, ingen sammenhenger funnet');
    expect(code).toBe(0);
    expect(text).toContain('Leste 1 annen tabell med tall');
  });
});
