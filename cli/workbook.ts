// Reading and writing .xlsx files for the CLI. Reading is our own bounded, sparse reader (cli/xlsx): only the
// cells a sheet has, streamed, within the limits in cli/xlsx/limits.ts. Writing owned tables still goes
// through exceljs. Everything the engine sees is plain CellValue grids and TableData. exceljs and the package check
// (jszip) are imported only by the functions that write, so reading a file never loads them.
import { promises as fs } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { Dec } from '../core/money/kroner.js';
import type { SheetCells } from '../core/reconcile/locate.js';
import { cellText, isBlank, type CellValue } from '../core/util/cells.js';
import { normalizeKey } from '../core/util/text.js';
import { isFormulaCell, renderFormula, totalsRowName, type OwnedCell, type OwnedTable, type TableData } from '../core/workbook/table.js';
import { CliError } from './io.js';
import { Budget } from './xlsx/limits.js';
import { readWorkbookFile, type SheetData, type WorkbookData } from './xlsx/package.js';
import { cellKey, type CellRange } from './xlsx/sheet.js';
import { writeAtomically } from './package/save.js';

export type Workbook = ExcelJS.Workbook;
export type { CellRange, SheetData, WorkbookData };

/** The bytes each workbook was read from, so a save can check that nothing of the user's is lost. */
const originals = new WeakMap<Workbook, Uint8Array>();

async function checkPath(path: string): Promise<string> {
  const full = resolve(path);
  let stat;
  try {
    stat = await fs.stat(full);
  } catch {
    throw new CliError(`Fant ikke filen «${path}».`);
  }
  if (stat.isDirectory()) throw new CliError(`«${path}» er en mappe, ikke en Excel-fil.`);
  const ext = extname(full).toLowerCase();
  if (ext === '.xls' || ext === '.csv' || ext === '.ods') {
    throw new CliError(`«${basename(path)}» er ikke en .xlsx-fil. Lagre den som Excel-arbeidsbok (.xlsx) og prøv igjen.`);
  }
  return full;
}

/**
 * Reads an .xlsx/.xlsm file for checking: sparse, streamed and within the limits (cli/xlsx/limits.ts).
 * A missing, unreadable, encrypted, corrupt or too large file is a CliError with one Norwegian line.
 */
export async function readWorkbook(path: string, budget = new Budget(basename(path))): Promise<WorkbookData> {
  return readWorkbookFile(await checkPath(path), budget);
}

/**
 * Opens an .xlsx file with exceljs, for writing owned tables. Read with readWorkbook first: it refuses what
 * exceljs cannot hold within the limits, so this only sees files that passed.
 */
export async function loadWorkbook(path: string): Promise<Workbook> {
  const full = await checkPath(path);
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    const bytes = await fs.readFile(full);
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    originals.set(workbook, bytes);
  } catch {
    throw new CliError(`«${basename(path)}» kan leses, men ikke skrives tilbake av dh (exceljs kan ikke tolke pakken). Ingenting er skrevet; kontroller den med «dh kontroll».`);
  }
  if (workbook.worksheets.length === 0) throw new CliError(`«${basename(path)}» har ingen regneark.`);
  return workbook;
}

/** Formula cells that carry no result (the file was saved by a program that does not calculate): how many, and the first. */
export function formulasWithoutResult(sheet: SheetData): { count: number; first?: string } {
  return sheet.formulasWithoutResult;
}

/** A sheet's cells as a grid whose cells[0][0] is A1; each row as long as its last cell, never wider. */
export function sheetCells(sheet: SheetData): SheetCells {
  return { sheet: sheet.name, cells: sheet.rows, originRow: 1, originColumn: 1 };
}

/**
 * Tables whose numbers may be percentages (DH_Nokkel: Andel likt, Prisindeks). A cell Excel shows as «150 %»
 * holds 1.5; read bare, that would be 1,5 percent points. In these tables a number with a percent format is
 * passed on as the text the user sees («150 %»), which core reads as a percentage and never rescales.
 */
const PERCENT_TABLES = new Set(['DH_Nokkel'].map(normalizeKey));

/** The values of a block of cells; with `percent`, a number formatted as a percentage becomes its text («3,9 %»). */
function block(sheet: SheetData, range: CellRange, percent = false): CellValue[][] {
  const out: CellValue[][] = [];
  // Only the rows and columns the sheet has: a range over whole columns costs no more than the used cells.
  const lastRow = Math.min(range.toRow, sheet.rows.length);
  for (let r = range.fromRow; r <= lastRow; r++) {
    const row = sheet.rows[r - 1] ?? [];
    const lastColumn = Math.min(range.toColumn, row.length);
    const line: CellValue[] = [];
    for (let c = range.fromColumn; c <= lastColumn; c++) {
      const value = row[c - 1] ?? null;
      if (percent && typeof value === 'number' && sheet.percent.has(cellKey(r, c))) line.push(`${new Dec(String(value)).times(100).toFixed().replace('.', ',')} %`);
      else line.push(value);
    }
    out.push(line);
  }
  return out;
}

/**
 * The block as TableData. Blank rows inside the table are kept, as core's tableFromValues keeps them: rows[i]
 * is sheet row origin.row + 1 + i, so every message names the real cell. Trailing blank rows are dropped.
 */
function tableData(name: string, sheet: SheetData, values: CellValue[][], range: CellRange, totals?: CellValue[]): TableData {
  const [header = [], ...rows] = values;
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every(isBlank)) end--;
  const width = range.toColumn - range.fromColumn + 1;
  // The header keeps the table's width (blank names included); data rows may be shorter, as a sheet row is.
  const headers = Array.from({ length: Math.min(width, Math.max(header.length, ...rows.slice(0, end).map((r) => r.length), 0)) }, (_, c) => cellText(header[c] ?? null));
  return {
    name,
    sheet: sheet.name,
    headers,
    rows: rows.slice(0, end).map((r) => (r.length < headers.length ? [...r, ...Array<CellValue>(headers.length - r.length).fill(null)] : r)),
    ...(totals ? { totals: totals.length < headers.length ? [...totals, ...Array<CellValue>(headers.length - totals.length).fill(null)] : totals } : {}),
    originRow: range.fromRow,
    originColumn: range.fromColumn,
  };
}

/**
 * The table called `name` (SPEC §6): an Excel table, else a named range, else a sheet of that name
 * (its first non-empty row is the header). Names compare case-insensitively.
 */
export function readTable(book: WorkbookData, name: string): TableData | undefined {
  const wanted = normalizeKey(name);
  const percent = PERCENT_TABLES.has(wanted);
  const sheetOf = (sheetName: string) => book.sheets.find((s) => s.name === sheetName) ?? book.sheets.find((s) => normalizeKey(s.name) === normalizeKey(sheetName));
  const table = book.tables.find((t) => normalizeKey(t.name) === wanted);
  const tableSheet = table && sheetOf(table.sheet);
  if (table && tableSheet) {
    const values = block(tableSheet, table.range, percent);
    const rowsInRange = table.range.toRow - table.range.fromRow + 1;
    // The totals row (totalsRowCount) is the table's Sum, not a member: handed back apart.
    const totals = table.totalsRow && values.length === rowsInRange && values.length > 1 ? values.pop() : undefined;
    return tableData(table.name, tableSheet, values, table.range, totals);
  }
  const defined = book.definedNames.find((d) => normalizeKey(d.name) === wanted && d.range && d.sheet);
  const definedSheet = defined?.sheet !== undefined ? sheetOf(defined.sheet) : undefined;
  if (defined?.range && definedSheet) {
    // A named range the Sheets add-on wrote keeps its totals row directly under it, marked by totalsRowName.
    const marker = book.definedNames.find((d) => normalizeKey(d.name) === normalizeKey(totalsRowName(defined.name)) && d.range && d.sheet === defined.sheet);
    const below = marker?.range && marker.range.fromRow === defined.range.toRow + 1 && marker.range.toRow === marker.range.fromRow && marker.range.fromColumn === defined.range.fromColumn;
    const totals = below ? block(definedSheet, { ...defined.range, fromRow: marker.range!.fromRow, toRow: marker.range!.fromRow }, percent)[0] : undefined;
    return tableData(defined.name, definedSheet, block(definedSheet, defined.range, percent), defined.range, totals ?? (below ? [] : undefined));
  }
  const sheet = book.sheets.find((s) => normalizeKey(s.name) === wanted);
  if (sheet) {
    const first = sheet.rows.findIndex((row) => row.some((c) => !isBlank(c)));
    if (first < 0) return undefined;
    let width = 1;
    for (const row of sheet.rows) width = Math.max(width, row.length);
    const range = { fromRow: first + 1, fromColumn: 1, toRow: sheet.rows.length, toColumn: width };
    return tableData(sheet.name, sheet, block(sheet, range, percent), range);
  }
  return undefined;
}

/** Names of every Excel table, named range and sheet in the workbook. */
export function tableNames(book: WorkbookData): string[] {
  return [...book.tables.map((t) => t.name), ...book.definedNames.map((d) => d.name), ...book.sheets.map((s) => s.name)];
}

interface Address {
  row: number;
  column: number;
}

function parseA1(ref: string): Address | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

function parseRange(ref: string): { from: Address; to: Address } | undefined {
  const [a, b] = ref.split(':');
  const from = a ? parseA1(a) : undefined;
  const to = b ? parseA1(b) : from;
  return from && to ? { from, to } : undefined;
}

/** An Excel table found in an exceljs workbook: its sheet and its ref (header row included). */
interface FoundTable {
  ws: ExcelJS.Worksheet;
  name: string;
  ref: string;
  totalsRow: boolean;
}

function excelTables(workbook: Workbook): FoundTable[] {
  const found: FoundTable[] = [];
  for (const ws of workbook.worksheets) {
    for (const entry of ws.getTables() as unknown as { table?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean } }[]) {
      const t = entry.table;
      const ref = t?.tableRef ?? t?.ref;
      if (t?.name && ref) found.push({ ws, name: t.name, ref, totalsRow: !!t.totalsRow });
    }
  }
  return found;
}

/** Number format for an owned column, from its header and values: kroner, whole numbers or percent. */
export function numberFormat(header: string, values: readonly OwnedCell[]): string | undefined {
  const h = normalizeKey(header);
  const numbers = values.map((v) => (isFormulaCell(v) ? v.value : v)).filter((v): v is number => typeof v === 'number');
  if (numbers.length === 0) return undefined;
  if (/andel|prosent/.test(h)) return '0.0000';
  if (/innbygger|antall|handtering/.test(h) && !/fordelt|kr/.test(h)) return '#,##0';
  if (/kostnad|belop|fast|fordelt|total|besparelse|netto|sum|kr/.test(h) || numbers.some((n) => !Number.isInteger(n))) return '#,##0.00';
  return undefined;
}

/** A value for a plain cell: strings starting with = + - @ stay text (exceljs writes strings as text). */
function plainValue(cell: OwnedCell): ExcelJS.CellValue {
  if (isFormulaCell(cell)) return { formula: renderFormula(cell, 'excel-api').slice(1), result: cell.value as number } as ExcelJS.CellFormulaValue;
  if (cell === undefined) return null;
  if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) return cellText(cell);
  return cell as ExcelJS.CellValue;
}

/**
 * Writes an owned table as a real Excel table at A1 of the sheet named after it. Only owned tables are
 * touched: a previous version of the table (on any sheet) is removed and its cells cleared first.
 */
export function writeOwnedTable(workbook: Workbook, table: OwnedTable): void {
  for (const old of excelTables(workbook).filter((t) => normalizeKey(t.name) === normalizeKey(table.name))) {
    old.ws.removeTable(old.name);
    const range = parseRange(old.ref);
    if (range) {
      for (let r = range.from.row; r <= range.to.row + (old.totalsRow ? 1 : 0); r++) {
        for (let c = range.from.column; c <= range.to.column; c++) old.ws.getRow(r).getCell(c).value = null;
      }
    }
  }
  let ws = workbook.getWorksheet(table.name);
  if (!ws) ws = workbook.addWorksheet(table.name);
  else {
    // The sheet is the table's own: clear what a previous plain (non-table) version left behind.
    for (let r = 1; r <= ws.rowCount; r++) for (let c = 1; c <= Math.max(ws.columnCount, table.headers.length); c++) ws.getRow(r).getCell(c).value = null;
  }
  const headers = uniqueHeaders(table.headers);
  // The Sum line as the table's totals row: text is its label, a number Excel's SUBTOTAL with the Sum as result.
  const totals = table.totals?.map((cell) => (isFormulaCell(cell) ? cell.value : cell));
  ws.addTable({
    name: table.name,
    ref: 'A1',
    headerRow: true,
    totalsRow: !!totals,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: headers.map((name, c) => {
      const t = totals?.[c];
      if (typeof t === 'string' && t !== '') return { name, filterButton: true, totalsRowLabel: t };
      if (typeof t === 'number') return { name, filterButton: true, totalsRowFunction: 'sum' as const, totalsRowResult: t };
      return { name, filterButton: true };
    }),
    rows: table.rows.map((row) => headers.map((_, c) => plainValue(row[c] ?? null))),
  });
  headers.forEach((header, c) => {
    const column = ws!.getColumn(c + 1);
    const format = numberFormat(header, table.rows.map((r) => r[c] ?? null));
    if (format) for (let r = 2; r <= table.rows.length + 1; r++) ws!.getRow(r).getCell(c + 1).numFmt = format;
    const longest = Math.max(header.length, ...table.rows.map((r) => cellText(isFormulaCell(r[c]) ? (r[c] as { value: CellValue }).value : (r[c] as CellValue)).length + 3));
    column.width = Math.min(Math.max(10, longest + 2), 60);
  });
}

/** Excel tables need distinct, non-empty column names. */
export function uniqueHeaders(headers: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, i) => {
    let name = h.trim() || `Kolonne ${i + 1}`;
    const key = name.toLowerCase();
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n > 0) name = `${name} (${n + 1})`;
    return name;
  });
}

/**
 * Removes an owned table the refresh no longer produces: the Excel table (its cells cleared), and the
 * sheet named after it, which is the table's own. Returns the sheets removed.
 */
export function removeOwnedTable(workbook: Workbook, name: string): string[] {
  for (const old of excelTables(workbook).filter((t) => normalizeKey(t.name) === normalizeKey(name))) {
    old.ws.removeTable(old.name);
    const range = parseRange(old.ref);
    if (range) {
      for (let r = range.from.row; r <= range.to.row + (old.totalsRow ? 1 : 0); r++) {
        for (let c = range.from.column; c <= range.to.column; c++) old.ws.getRow(r).getCell(c).value = null;
      }
    }
  }
  const ws = workbook.worksheets.find((w) => normalizeKey(w.name) === normalizeKey(name));
  if (!ws) return [];
  workbook.removeWorksheet(ws.id);
  return [ws.name];
}

export interface SaveOptions {
  /** Sheets removed on purpose (stale owned tables): not reported as lost. */
  readonly removedSheets?: readonly string[];
}

/**
 * Saves atomically: a temporary file next to the target, then a rename — never a half-written workbook.
 * Before anything is written, the document-level parts exceljs leaves out (custom properties, a sensitivity
 * label) are copied over, and the package is compared with the file the workbook was read from; if the
 * user's charts, pivot tables, macros or anything else would be lost, nothing is written and the CliError
 * says what.
 */
export async function saveWorkbook(workbook: Workbook, path: string, options: SaveOptions = {}): Promise<void> {
  let bytes: Uint8Array = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  const original = originals.get(workbook);
  if (original) {
    const { carryOverDocumentParts, findLosses, lossMessage } = await import('./package-check.js');
    let losses;
    try {
      bytes = await carryOverDocumentParts(original, bytes);
      losses = await findLosses(original, bytes, options);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CliError(`Kunne ikke kontrollere at resten av arbeidsboken blir bevart (${reason}). Ingenting er skrevet.`);
    }
    if (losses.length) throw new CliError(lossMessage(losses));
  }
  await writeAtomically(path, bytes);
}
