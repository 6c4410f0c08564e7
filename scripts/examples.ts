// Writes examples/: the workbooks README's `dh` lines use, so a newcomer has something real to try.
//   examples/styremote-2026.xlsx  — the board's own 2026 tables as the secretary keeps them (seed 004, Sak 40-25 and
//                                   41-25): budget, the allocation with its title rows and the header repeated before
//                                   Rana, RPA and DUO — with the figures exactly as adopted, problems included.
//   examples/systemregister.xlsx  — an archive lead's system overview for four kommuner (title rows, an empty row,
//                                   typical problems: missing owner, expired agreement, supplier spelling variants).
// Run: npx tsx scripts/examples.ts   (tests/examples/examples.test.ts checks the files are what this writes)
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { CellValue } from '../core/util/cells.js';
import { allocationGrid, budgetGrid, duoGrid, rpaGrid } from '../tests/core/reconcile/board-tables.js';

export const EXAMPLES = resolve(import.meta.dirname, '..', 'examples');
export const BOARD_WORKBOOK = 'styremote-2026.xlsx';
export const REGISTER_WORKBOOK = 'systemregister.xlsx';
/** Fixed so the files are byte-for-byte the same every time the script runs. */
const CREATED = new Date(Date.UTC(2025, 9, 16, 8, 0, 0));

type Grid = readonly (readonly CellValue[])[];

function put(ws: ExcelJS.Worksheet, grid: Grid): void {
  grid.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      ws.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }),
  );
}

/** Money columns shown as the secretary formats them: «# ##0,00 kr». */
function money(ws: ExcelJS.Worksheet, columns: readonly number[]): void {
  for (const c of columns) ws.getColumn(c).numFmt = '#,##0.00 "kr"';
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Digitale Helgeland';
  wb.created = CREATED;
  wb.modified = CREATED;
  return wb;
}

/** The board's tables as numbers in a spreadsheet (what the secretary's own workbook holds). */
export function boardWorkbook(): ExcelJS.Workbook {
  const wb = workbook();
  const budget = wb.addWorksheet('Budsjett 2026');
  put(budget, budgetGrid('numbers'));
  budget.getColumn(1).width = 48;
  money(budget, [2, 3, 4]);
  const fordeling = wb.addWorksheet('Fordeling 2026');
  put(fordeling, allocationGrid('numbers'));
  fordeling.getColumn(1).width = 16;
  for (const c of [2, 3, 4]) fordeling.getColumn(c).width = 22;
  money(fordeling, [3, 4]);
  const gevinster = wb.addWorksheet('RPA og DUO');
  put(gevinster, [...rpaGrid('numbers'), [], [], ...duoGrid('numbers')]);
  gevinster.getColumn(1).width = 16;
  for (const c of [2, 3, 4, 5, 6]) gevinster.getColumn(c).width = 20;
  return wb;
}

/** The archive lead's system overview (tests/fixtures/register: fictive, with the problems registers really have). */
export function registerWorkbook(): ExcelJS.Workbook {
  const source = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'register', 'helgeland-systemoversikt.json'), 'utf8')) as {
    ark: string;
    celler: CellValue[][];
  };
  const wb = workbook();
  const ws = wb.addWorksheet(source.ark);
  put(ws, source.celler);
  ws.getColumn(1).width = 14;
  ws.getColumn(3).width = 22;
  ws.getColumn(4).width = 18;
  return wb;
}

export async function writeExamples(dir = EXAMPLES): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, make] of [
    [BOARD_WORKBOOK, boardWorkbook],
    [REGISTER_WORKBOOK, registerWorkbook],
  ] as const) {
    const path = join(dir, name);
    await make().xlsx.writeFile(path);
    written.push(path);
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = await writeExamples();
  for (const path of written) console.log(`Skrev ${path}`);
}
