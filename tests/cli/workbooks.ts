// xlsx fixtures for the CLI tests, built with exceljs into a fresh temp folder: the board's document laid
// out like the minutes (title rows, header repeated before Rana, Sum rows), a system register, and
// workbooks with their own DH_* input tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../core/util/cells.js';
import { allocationGrid, budgetGrid, duoGrid, rpaGrid, type Style } from '../core/reconcile/board-tables.js';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dh-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function toExcel(value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && 'cellError' in value) return { error: value.cellError } as ExcelJS.CellErrorValue;
  return value as ExcelJS.CellValue;
}

export function putGrid(ws: ExcelJS.Worksheet, grid: readonly (readonly CellValue[])[], top = 1, left = 1): void {
  grid.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null && value !== undefined && value !== '') ws.getCell(top + r, left + c).value = toExcel(value);
  }));
}

/** Header row of the register template (SPEC §5, a subset). */
export const REGISTER_HEADER = [
  'Kommune', 'Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Arkivverdig', 'Uttrekk/depot', 'Avtale utløper', 'Oppsigelsestid (mnd)', 'Kostnad pr mnd', 'Status',
];

/** A small system register: header at row 2 under a title, an empty row 4 that must report nothing. */
export function registerGrid(): CellValue[][] {
  return [
    ['Systemoversikt – Helgeland'],
    [...REGISTER_HEADER],
    ['Rana', '1833', 'Elements', 'Sikri AS', 'Ola Nordmann', 'Kari Nordmann', 'Ja', '', '31.12.2025', 3, '12 000', 'I bruk'],
    [],
    ['Vefsn', '1824', 'Visma Enterprise', 'VISMA AS', '', 'Per Hansen', 'Nei', '', '30.06.2027', 6, 8000, 'I bruk'],
  ];
}

/** The board document (seed 004) as a workbook: budget, allocation, RPA + DUO, and a register sheet. */
export async function writeBoardWorkbook(path: string, style: Style = 'numbers', edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  putGrid(wb.addWorksheet('Budsjett 2026'), budgetGrid(style));
  putGrid(wb.addWorksheet('Fordeling 2026'), allocationGrid(style));
  putGrid(wb.addWorksheet('Gevinster'), [...rpaGrid(style), [], [], ...duoGrid(style)]);
  putGrid(wb.addWorksheet('Systemoversikt'), registerGrid());
  edit?.(wb);
  await wb.xlsx.writeFile(path);
}

/** Adds a real Excel table (ws.addTable) holding `headers` + `rows` at `ref`. */
export function addExcelTable(ws: ExcelJS.Worksheet, name: string, ref: string, headers: string[], rows: CellValue[][]): void {
  ws.addTable({
    name,
    ref,
    headerRow: true,
    columns: headers.map((h) => ({ name: h })),
    rows: rows.map((r) => r.map(toExcel)),
  });
}

export async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
