// Reading and writing .xlsx files for the CLI (exceljs). Everything the engine sees is plain CellValue
// grids and TableData; exceljs stays at this edge.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { Dec } from '../core/money/kroner.js';
import type { SheetCells } from '../core/reconcile/locate.js';
import { cellText, isBlank, type CellValue } from '../core/util/cells.js';
import { normalizeKey } from '../core/util/text.js';
import { isFormulaCell, renderFormula, type OwnedCell, type OwnedTable, type TableData } from '../core/workbook/table.js';
import { CliError } from './io.js';
import { carryOverDocumentParts, findLosses, lossMessage } from './package-check.js';

export type Workbook = ExcelJS.Workbook;
type Worksheet = ExcelJS.Worksheet;

/** The bytes each workbook was read from, so a save can check that nothing of the user's is lost. */
const originals = new WeakMap<Workbook, Uint8Array>();

/** Opens an .xlsx file. A missing, unreadable or corrupt file is a CliError with one Norwegian line. */
export async function loadWorkbook(path: string): Promise<Workbook> {
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
  const workbook = new ExcelJS.Workbook();
  try {
    const bytes = await fs.readFile(full);
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    originals.set(workbook, bytes);
  } catch {
    throw new CliError(`Kan ikke lese «${basename(path)}» som en Excel-arbeidsbok (.xlsx): filen er skadet eller har feil format.`);
  }
  if (workbook.worksheets.length === 0) throw new CliError(`«${basename(path)}» har ingen regneark.`);
  return workbook;
}

/** One exceljs cell value as the engine's CellValue: formulas give their result, rich text its text. */
export function toCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if ('error' in v && typeof v.error === 'string') return { cellError: v.error };
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result as ExcelJS.CellValue | undefined;
      if (result !== null && typeof result === 'object' && 'error' in (result as object)) return { cellError: String((result as { error: unknown }).error) };
      return toCellValue(result);
    }
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('hyperlink' in v && typeof v.hyperlink === 'string') return v.hyperlink;
  }
  return String(value);
}

/**
 * Formula cells that carry no result: the file was saved by a program that does not calculate (a script, an
 * export), so the figures dh would check are simply not in it. Returns how many, and the first one.
 */
export function formulasWithoutResult(ws: Worksheet): { count: number; first?: string } {
  let count = 0;
  let first: string | undefined;
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      if (v === null || typeof v !== 'object' || v instanceof Date) return;
      const o = v as Record<string, unknown>;
      if (!('formula' in o || 'sharedFormula' in o)) return;
      if (o.result !== undefined && o.result !== null) return;
      count++;
      first ??= cell.address;
    });
  });
  return first === undefined ? { count } : { count, first };
}

/** The used range of a sheet as a grid whose cells[0][0] is A1. */
export function sheetCells(ws: Worksheet): SheetCells {
  const rows: CellValue[][] = [];
  const rowCount = ws.rowCount;
  const columnCount = ws.columnCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const line: CellValue[] = [];
    if (row.cellCount > 0) {
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        // exceljs repeats a merged cell's value in every cell it covers; Excel keeps it in the upper-left cell only.
        line.push(cell.isMerged && cell.master !== cell ? null : toCellValue(cell.value));
      }
      while (line.length && isBlank(line[line.length - 1])) line.pop();
    }
    rows.push(line);
  }
  return { sheet: ws.name, cells: rows, originRow: 1, originColumn: 1 };
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

/** An Excel table found in the workbook: its sheet and its ref (header row included). */
interface FoundTable {
  ws: Worksheet;
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

/**
 * Tables whose numbers may be percentages (DH_Nokkel: Andel likt, Prisindeks). A cell Excel shows as «150 %»
 * holds 1.5; read bare, that would be 1,5 percent points. In these tables a number with a percent format is
 * passed on as the text the user sees («150 %»), which core reads as a percentage and never rescales.
 */
const PERCENT_TABLES = new Set(['DH_Nokkel'].map(normalizeKey));

function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && /%/.test(numFmt.replace(/"[^"]*"|\\./g, ''));
}

/** A cell's value; with `percent`, a number formatted as a percentage becomes its text («3,9 %»). */
function tableCell(cell: ExcelJS.Cell | undefined, percent: boolean): CellValue {
  if (!cell) return null;
  const value = toCellValue(cell.value);
  if (percent && typeof value === 'number' && isPercentFormat(cell.numFmt)) return `${new Dec(String(value)).times(100).toFixed().replace('.', ',')} %`;
  return value;
}

/** The values of a block of cells, read without creating any (the workbook may be saved afterwards). */
function block(ws: Worksheet, from: Address, to: Address, percent = false): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = from.row; r <= to.row; r++) {
    const line: CellValue[] = [];
    for (let c = from.column; c <= to.column; c++) line.push(tableCell(ws.findCell(r, c), percent));
    out.push(line);
  }
  return out;
}

/**
 * The block as TableData. Blank rows inside the table are kept, as core's tableFromValues keeps them: rows[i]
 * is sheet row origin.row + 1 + i, so every message names the real cell. Trailing blank rows are dropped.
 */
function tableData(name: string, ws: Worksheet, values: CellValue[][], origin: Address): TableData {
  const [header = [], ...rows] = values;
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every(isBlank)) end--;
  return {
    name,
    sheet: ws.name,
    headers: header.map((h) => cellText(h)),
    rows: rows.slice(0, end),
    originRow: origin.row,
    originColumn: origin.column,
  };
}

/**
 * The table called `name` (SPEC §6): an Excel table, else a named range, else a sheet of that name
 * (its first non-empty row is the header). Names compare case-insensitively.
 */
export function readTable(workbook: Workbook, name: string): TableData | undefined {
  const wanted = normalizeKey(name);
  const percent = PERCENT_TABLES.has(wanted);
  const table = excelTables(workbook).find((t) => normalizeKey(t.name) === wanted);
  if (table) {
    const range = parseRange(table.ref);
    if (range) {
      const values = block(table.ws, range.from, range.to, percent);
      if (table.totalsRow && values.length > 1) values.pop();
      return tableData(table.name, table.ws, values, range.from);
    }
  }
  const defined = definedRange(workbook, name);
  if (defined) return tableData(name, defined.ws, block(defined.ws, defined.from, defined.to, percent), defined.from);
  const ws = workbook.worksheets.find((w) => normalizeKey(w.name) === wanted);
  if (ws) {
    const grid = sheetCells(ws).cells;
    const first = grid.findIndex((row) => row.some((c) => !isBlank(c)));
    if (first < 0) return undefined;
    const width = Math.max(...grid.map((r) => r.length));
    const to = { row: grid.length, column: Math.max(width, 1) };
    return tableData(ws.name, ws, block(ws, { row: first + 1, column: 1 }, to, percent), { row: first + 1, column: 1 });
  }
  return undefined;
}

function definedRange(workbook: Workbook, name: string): { ws: Worksheet; from: Address; to: Address } | undefined {
  const model = (workbook.definedNames as unknown as { model?: { name: string; ranges: string[] }[] }).model ?? [];
  const entry = model.find((d) => normalizeKey(d.name) === normalizeKey(name));
  const ref = entry?.ranges?.[0];
  if (!ref) return undefined;
  const m = /^'?(.+?)'?!(.+)$/.exec(ref);
  if (!m) return undefined;
  const ws = workbook.getWorksheet(m[1]!.replace(/''/g, "'"));
  const range = parseRange(m[2]!);
  return ws && range ? { ws, ...range } : undefined;
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
  ws.addTable({
    name: table.name,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: headers.map((name) => ({ name, filterButton: true })),
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
  const target = resolve(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, bytes, { flag: 'wx' });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const reason = error instanceof Error && 'code' in error ? ` (${String((error as NodeJS.ErrnoException).code)})` : '';
    throw new CliError(`Kunne ikke skrive «${path}»${reason}. Filen er ikke endret.`);
  }
}

/** Names of every Excel table, named range and sheet in the workbook. */
export function tableNames(workbook: Workbook): string[] {
  const model = (workbook.definedNames as unknown as { model?: { name: string }[] }).model ?? [];
  return [...excelTables(workbook).map((t) => t.name), ...model.map((d) => d.name), ...workbook.worksheets.map((w) => w.name)];
}
