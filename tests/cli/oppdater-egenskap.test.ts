// Property (issue 16, "prove nothing changes"): for random workbooks — hyperlinks, dates with time formats,
// numbers, text that looks like a formula, real formulas, and notes typed beside an owned table on its own
// sheet — dh oppdater keeps every cell outside the owned tables exactly as it was (value, type, formula,
// hyperlink, number format), and every zip entry it does not own byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { boardTables } from '../../core/board/tables.js';
import { HELGELAND_2026 } from '../../core/dataset/helgeland2026.js';
import { writeOwnedTable } from '../../cli/workbook.js';
import { changedEntries, ownedBy, sheetParts } from './package-diff.js';
import { readBack, tempDir } from './workbooks.js';
import { dh } from './run-dh.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

type Kind = 'number' | 'text' | 'formulaText' | 'dateTime' | 'hyperlink' | 'formula';
interface UserCell {
  readonly sheet: 'Notater' | 'DH_Fordeling_2026';
  readonly row: number;
  readonly column: number;
  readonly kind: Kind;
  readonly n: number;
}

const cellArb: fc.Arbitrary<UserCell> = fc.record({
  sheet: fc.constantFrom('Notater' as const, 'DH_Fordeling_2026' as const),
  row: fc.integer({ min: 1, max: 30 }),
  // On the owned sheet, beside the table (it spans A:G): columns I..N.
  column: fc.integer({ min: 9, max: 14 }),
  kind: fc.constantFrom<Kind>('number', 'text', 'formulaText', 'dateTime', 'hyperlink', 'formula'),
  n: fc.integer({ min: 1, max: 1_000_000 }),
});

function put(ws: ExcelJS.Worksheet, cell: UserCell): void {
  const target = ws.getCell(cell.row, cell.column);
  switch (cell.kind) {
    case 'number':
      target.value = cell.n / 100;
      break;
    case 'text':
      target.value = `Notat ${cell.n}`;
      break;
    case 'formulaText':
      target.value = `=SUM(A1:A${cell.n % 50})`;
      break;
    case 'dateTime':
      // A date with a time: the serial has a fraction (0.1 = 02:24) that a re-serialisation could drift.
      target.value = new Date(Date.UTC(2026, cell.n % 12, 1 + (cell.n % 28), 2, 24));
      target.numFmt = 'dd.mm.yyyy hh:mm';
      break;
    case 'hyperlink':
      target.value = { text: String(cell.n), hyperlink: `https://example.org/sak/${cell.n}` };
      break;
    case 'formula':
      target.value = { formula: `${cell.n}*2`, result: cell.n * 2 };
      break;
  }
}

/** Every cell on every sheet, except inside the owned table's box on the owned sheets. */
async function cellsOutsideOwnedTables(path: string): Promise<Map<string, string>> {
  const wb = await readBack(path);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    const boxes = (ws.getTables() as unknown as { table: { name: string; tableRef?: string; ref?: string } }[])
      .filter((t) => t.table.name.startsWith('DH_'))
      .map((t) => /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(t.table.tableRef ?? t.table.ref ?? ''))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ c1: col(m[1]!), r1: Number(m[2]), c2: col(m[3]!), r2: Number(m[4]) }));
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (boxes.some((b) => r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2)) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ type: cell.type, value: cell.value, formula: cell.formula, link: cell.hyperlink, fmt: cell.numFmt }));
      }),
    );
  }
  return out;
}

const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

describe('dh oppdater beholder alt utenfor sine egne tabeller (egenskap)', () => {
  it('tilfeldige arbeidsbøker: hver fremmed celle og hver fremmed del er uendret', async () => {
    const built = boardTables(HELGELAND_2026, 2026);
    if (!built.ok) throw new Error(built.error.message);
    // An earlier version of the table (one population off), so oppdater rewrites it in place.
    const fordeling = built.value.find((t) => t.name === 'DH_Fordeling_2026')!;
    const stale = { ...fordeling, rows: fordeling.rows.map((r, i) => (i === 0 ? [r[0]!, r[1]!, (r[2] as number) + 1, ...r.slice(3)] : r)) };
    let runNo = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(cellArb, { minLength: 1, maxLength: 25 }), async (cells) => {
        const path = join(dir, `egenskap-${runNo++}.xlsx`);
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Notater').getCell('A1').value = 'Styrets notater';
        writeOwnedTable(wb, stale);
        for (const cell of cells) put(wb.getWorksheet(cell.sheet)!, cell);
        await wb.xlsx.writeFile(path);

        const before = readFileSync(path);
        const cellsBefore = await cellsOutsideOwnedTables(path);
        const r = await dh('oppdater', path);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('DH_Fordeling_2026: 1 endring');
        expect(await cellsOutsideOwnedTables(path)).toEqual(cellsBefore);
        expect(await changedEntries(before, path, ownedBy(await sheetParts(path, (s) => s.startsWith('DH_'))))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
