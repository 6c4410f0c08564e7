/// <reference types="office-js" />
// PanelHost for Excel (ui/host.ts), over Office.js. The shared panel never touches Excel; everything it
// may do to a workbook goes through here (STYLE §4, §7):
// - one Excel.run per job, as few context.sync calls as possible (loads are queued, then synced once);
// - big ranges move in row chunks sized so each sync's payload stays under ~5 MB (Excel on the web's limit);
// - owned tables are refreshed in place (same table, sheet and position) so the user's formulas, charts and
//   names keep pointing at them; the new version is staged on a hidden sheet and copied in when complete,
//   so a failure part-way leaves the previous version untouched (SPEC §6, §8);
// - strings are written with number format "@" (text), so "=SUM(A1)", "+47…", "-", "@x" never become formulas.
import {
  BALANCE_INPUT_TABLES,
  columnLetter,
  createFunctionContext,
  HELGELAND_2026,
  isCellError,
  isFormulaCell,
  isOwnedTableName,
  printedRows,
  renderFormula,
  tableFromValues,
  totalsRowName,
  type CellUpdate,
  type CellValue,
  type Dataset,
  type OwnedCell,
  type OwnedTable,
  type TableData,
} from '../../../core/index.js';
import type { CellMark, PanelHost, SheetValues } from '../../../ui/host.js';
import { localToday, setModel } from '../functions/model-store.js';
import { isPayloadLimitError, nextChunkRows, PAYLOAD_HEADROOM, payloadBytes } from './payload.js';

/** Excel on the web refuses request/response payloads above 5 MB; stay under it. */
export const MAX_PAYLOAD_BYTES = 5_000_000;
/** Estimated JSON size of one cell in a payload (value, quotes, separator, Office's envelope). */
export const BYTES_PER_CELL = 64;
/** Input tables whose changes reload the functions' model. */
export const WATCHED_INPUT_TABLES = ['DH_Kommuner', 'DH_Nokkel', 'DH_Prosjekter', ...BALANCE_INPUT_TABLES] as const;
/** Temporary and backup sheets/tables never start with "DH_", so they are never listed or mistaken for owned tables. */
const TEMP_PREFIX = 'DHtmp_';

export const MARK_COLOURS: Readonly<Record<CellMark['severity'], string>> = {
  error: '#F8CBAD',
  warning: '#FFE699',
  info: '#BDD7EE',
};

/** Rows per chunk so that rows × columns × bytesPerCell ≤ maxPayloadBytes (at least 1). */
export function rowsPerChunk(columns: number, maxPayloadBytes: number = MAX_PAYLOAD_BYTES, bytesPerCell: number = BYTES_PER_CELL): number {
  return Math.max(1, Math.floor(maxPayloadBytes / (Math.max(1, columns) * bytesPerCell)));
}

export interface ExcelHostOptions {
  /** ISO date used as "today" by the functions' model (default: the user's local date). */
  readonly today?: string;
  /** Dataset used for everything the workbook's DH_* tables do not override. */
  readonly base?: Dataset;
  /** Payload budget per sync (tests lower it to force several chunks). */
  readonly maxPayloadBytes?: number;
  /** Called when a change-triggered reload fails (e.g. a bad row in DH_Kommuner), with a Norwegian message. */
  readonly onModelError?: (message: string) => void;
  /** Called after the model was reloaded from the workbook, with the tables used. */
  readonly onModelLoaded?: (used: readonly string[]) => void;
}

/** One block of cells to read: a rectangle on a worksheet; rows are appended to `out` in order. */
interface ReadBlock {
  readonly sheet: Excel.Worksheet;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
  readonly out: CellValue[][];
}

function reason(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

/** A cell as the core reads it: Excel gives numbers, strings (errors as "#N/A" text) and booleans. */
function fromExcel(value: unknown): CellValue {
  if (value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return String(value);
}

/** Excel number formats are written in the invariant (en-US) form; Excel shows them in the user's locale. */
function columnFormat(header: string): string {
  const h = header.toLowerCase();
  if (/andel|%/.test(h)) return '0.00';
  if (/\bkr\b|beløp|kostnad|totalt|fordelt|besparelse|gevinst|sum\b|investering/.test(h)) return '#,##0.00';
  if (/innbygger|antall/.test(h)) return '#,##0';
  return 'General';
}

interface ChunkData {
  readonly formats: string[][];
  readonly values: (string | number | boolean | null)[][];
  /** Formula cells grouped as vertical runs in one column: rows [row, row + formulas.length). */
  readonly formulaRuns: { row: number; column: number; formulas: string[] }[];
}

/**
 * Values, formats and formula runs for rows [start, end) of header+rows. Every string is written with
 * number format "@" so Excel stores it as text: never a formula (§8), and "1833" stays "1833".
 */
function chunkData(table: OwnedTable, start: number, end: number): ChunkData {
  const all: readonly (readonly OwnedCell[])[] = [table.headers, ...printedRows(table)];
  const numberFormats = table.headers.map((h) => columnFormat(String(h)));
  const width = table.headers.length;
  const formats: string[][] = [];
  const values: (string | number | boolean | null)[][] = [];
  const formulaRuns: ChunkData['formulaRuns'] = [];
  const open = new Map<number, ChunkData['formulaRuns'][number]>();
  for (let r = start; r < end; r++) {
    const source = all[r]!;
    const fRow: string[] = [];
    const vRow: (string | number | boolean | null)[] = [];
    for (let c = 0; c < width; c++) {
      const cell = source[c];
      if (isFormulaCell(cell)) {
        fRow.push(numberFormats[c]!);
        vRow.push(null);
        const formula = renderFormula(cell, 'excel-api');
        const run = open.get(c);
        if (run && run.row + run.formulas.length === r - start) run.formulas.push(formula);
        else {
          const fresh = { row: r - start, column: c, formulas: [formula] };
          formulaRuns.push(fresh);
          open.set(c, fresh);
        }
        continue;
      }
      open.delete(c);
      if (typeof cell === 'number') {
        fRow.push(r === 0 ? '@' : numberFormats[c]!);
        vRow.push(Number.isFinite(cell) ? cell : String(cell));
      } else if (typeof cell === 'boolean') {
        fRow.push('General');
        vRow.push(cell);
      } else if (cell instanceof Date) {
        fRow.push('@');
        vRow.push(cell.toISOString().slice(0, 10));
      } else if (isCellError(cell)) {
        fRow.push('@');
        vRow.push(cell.cellError);
      } else if (cell === null || cell === undefined || cell === '') {
        fRow.push('General');
        vRow.push('');
      } else {
        fRow.push('@');
        vRow.push(String(cell));
      }
    }
    formats.push(fRow);
    values.push(vRow);
  }
  return { formats, values, formulaRuns };
}

/** The sheet of an A1 address as Excel returns it: "Ark1!A1:B2" or "'Mitt ark'!A1" (quotes doubled inside). */
export function sheetOfAddress(address: string): string {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(address);
  if (!m) return '';
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!;
}

/** Where an owned table stands before a refresh (ExcelHost.locateOwned). */
type Placement =
  | { kind: 'table'; table: Excel.Table; totals: boolean; sheet: Excel.Worksheet; row: number; column: number; rows: number; columns: number }
  | { kind: 'name'; named: Excel.NamedItem; totalsName?: Excel.NamedItem; sheet: Excel.Worksheet; row: number; column: number; rows: number; columns: number }
  | { kind: 'sheet'; sheet: Excel.Worksheet; row: number; column: number; rows: number; columns: number }
  | { kind: 'new'; row: number; column: number; rows: number; columns: number };

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
const columnLetters = (column: number): string => columnLetter(column + 1);

/** A sheet name as a formula writes it: quoted, with quotes doubled. */
function sheetReference(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`.slice(-10);
}

export class ExcelHost implements PanelHost {
  readonly kind = 'excel' as const;
  private readonly maxPayload: number;
  /** Fill colours before highlightCells painted them, by "sheet!cell", so clearHighlights can restore them. */
  private readonly painted = new Map<string, { sheet: string; cell: string; colour: string }>();
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The panel's own subscribers (PanelHost.onInputsChanged): told after each reload an input-table change causes. */
  private paneListeners = new Set<() => void>();

  constructor(private readonly options: ExcelHostOptions = {}) {
    this.maxPayload = options.maxPayloadBytes ?? MAX_PAYLOAD_BYTES;
  }

  private today(): string {
    return this.options.today ?? localToday();
  }

  // -------------------------------------------------------------------------------------------------
  // Reading

  /**
   * Reads blocks in as few syncs as the 5 MB payload allows, sized from what Excel actually returns (payload.ts):
   * each block starts with a small sample, later chunks follow the largest bytes per row seen, pieces of several
   * blocks share a sync while they fit, and a sync Excel refuses for its size is read again in smaller pieces.
   */
  private async readBlocks(context: Excel.RequestContext, blocks: readonly ReadBlock[], onProgress?: (fraction: number) => void): Promise<void> {
    const budget = this.maxPayload;
    const states = blocks.map((block) => ({ block, next: 0, perRow: undefined as number | undefined, cap: Number.POSITIVE_INFINITY }));
    const totalRows = blocks.reduce((n, b) => n + b.rows, 0);
    let doneRows = 0;
    let alone = false; // after a refused sync: one piece per sync until it succeeds
    for (;;) {
      const batch: { state: (typeof states)[number]; start: number; rows: number }[] = [];
      let planned = 0;
      for (const state of states) {
        if (state.next >= state.block.rows || (alone && batch.length > 0)) continue;
        const rows = Math.min(nextChunkRows(state.block.columns, budget, state.perRow, state.cap), state.block.rows - state.next);
        const estimate = rows * (state.perRow ?? state.block.columns * BYTES_PER_CELL);
        if (batch.length > 0 && planned + estimate > budget * PAYLOAD_HEADROOM) break;
        batch.push({ state, start: state.next, rows });
        planned += estimate;
      }
      if (batch.length === 0) break;
      const loaded = batch.map((piece) => {
        const { block } = piece.state;
        const range = block.sheet.getRangeByIndexes(block.row + piece.start, block.column, piece.rows, block.columns);
        range.load('values');
        return { piece, range };
      });
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadLimitError(error)) throw error;
        // Nothing of a refused read arrived: try again alone, then in halves.
        if (batch.length > 1) {
          alone = true;
          continue;
        }
        const piece = batch[0]!;
        if (piece.rows <= 1) throw new Error(`Rad ${piece.state.block.row + piece.start + 1} er for stor til at Excel kan sende den (over 5 MB).`);
        piece.state.cap = Math.max(1, Math.floor(piece.rows / 2));
        piece.state.perRow = Math.max(piece.state.perRow ?? 0, Math.ceil(budget / piece.rows));
        continue;
      }
      alone = false;
      for (const { piece, range } of loaded) {
        const values = range.values as unknown[][];
        if (!Array.isArray(values)) throw new Error(`Excel ga ingen verdier for ${piece.rows} rader.`);
        const perRow = Math.ceil(payloadBytes(values) / Math.max(1, values.length));
        piece.state.perRow = Math.max(piece.state.perRow ?? 0, perRow);
        for (const row of values) piece.state.block.out.push(row.map(fromExcel));
        piece.state.next = piece.start + piece.rows;
        doneRows += piece.rows;
      }
      onProgress?.(totalRows === 0 ? 1 : Math.min(1, doneRows / totalRows));
    }
    if (totalRows === 0) onProgress?.(1);
  }

  /** Reads several tables (Excel table, else named range, else sheet of that name) in one Excel.run. */
  private async readTablesIn(context: Excel.RequestContext, names: readonly string[]): Promise<Map<string, TableData | undefined>> {
    const workbook = context.workbook;
    const lookups = names.map((name) => ({
      name,
      table: workbook.tables.getItemOrNullObject(name),
      named: workbook.names.getItemOrNullObject(name),
      // The totals row the Sheets add-on writes under its named range (totalsRowName), when the table is a name.
      totalsNamed: workbook.names.getItemOrNullObject(totalsRowName(name)),
      sheet: workbook.worksheets.getItemOrNullObject(name),
    }));
    await context.sync();
    // sheetName: read after the sync (a named range's sheet comes from its address, so nothing is loaded
    // through a range that may turn out to be a null object, e.g. a name that holds a constant).
    const located: { name: string; range: Excel.Range; sheet: () => Excel.Worksheet; sheetName: () => string; body?: Excel.Range; table?: Excel.Table; totals?: Excel.Range }[] = [];
    for (const l of lookups) {
      if (!l.table.isNullObject) {
        const header = l.table.getHeaderRowRange();
        const body = l.table.getDataBodyRange();
        header.load(['rowIndex', 'columnIndex', 'columnCount']);
        body.load(['rowCount']);
        // A totals row (showTotals) lies directly below the data: read with it, handed back as totals.
        l.table.load('showTotals');
        const sheet = l.table.worksheet;
        sheet.load('name');
        located.push({ name: l.name, range: header, body, table: l.table, sheet: () => sheet, sheetName: () => sheet.name });
      } else if (!l.named.isNullObject) {
        const range = l.named.getRangeOrNullObject();
        range.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        const totals = l.totalsNamed.isNullObject ? undefined : l.totalsNamed.getRangeOrNullObject();
        totals?.load(['rowIndex', 'columnIndex', 'rowCount']);
        located.push({ name: l.name, range, sheet: () => range.worksheet, sheetName: () => sheetOfAddress(range.address), ...(totals ? { totals } : {}) });
      } else if (!l.sheet.isNullObject) {
        const range = l.sheet.getUsedRangeOrNullObject(true);
        range.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
        l.sheet.load('name');
        located.push({ name: l.name, range, sheet: () => l.sheet, sheetName: () => l.sheet.name });
      }
    }
    const result = new Map<string, TableData | undefined>(names.map((n) => [n, undefined]));
    if (located.length === 0) return result;
    await context.sync();
    const blocks: (ReadBlock & { name: string; sheetName: string; withTotals: boolean })[] = [];
    for (const l of located) {
      if (l.range.isNullObject) continue;
      // The marked row counts as totals only where it stands: directly below the named range, one row.
      const totalsBelow = !!l.totals && !l.totals.isNullObject && l.totals.rowCount === 1 && l.totals.rowIndex === l.range.rowIndex + l.range.rowCount && l.totals.columnIndex === l.range.columnIndex;
      const withTotals = (l.table ? l.table.showTotals === true : false) || totalsBelow;
      const rows = (l.body ? 1 + l.body.rowCount : l.range.rowCount) + (withTotals ? 1 : 0);
      blocks.push({ name: l.name, sheetName: l.sheetName(), sheet: l.sheet(), row: l.range.rowIndex, column: l.range.columnIndex, rows, columns: l.range.columnCount, out: [], withTotals });
    }
    await this.readBlocks(context, blocks);
    for (const b of blocks) {
      const origin = { sheet: b.sheetName, row: b.row + 1, column: b.column + 1 };
      result.set(b.name, b.withTotals && b.out.length > 1 ? tableFromValues(b.name, b.out.slice(0, -1), { ...origin, totals: b.out.at(-1)! }) : tableFromValues(b.name, b.out, origin));
    }
    return result;
  }

  async listTables(): Promise<string[]> {
    return Excel.run(async (context) => {
      const tables = context.workbook.tables.load('items/name');
      const names = context.workbook.names.load('items/name');
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const seen = new Set<string>();
      const out: string[] = [];
      for (const item of [...tables.items, ...names.items, ...sheets.items]) {
        const name = item.name;
        if (!/^DH_/i.test(name) || seen.has(name.toLowerCase())) continue;
        seen.add(name.toLowerCase());
        out.push(name);
      }
      return out;
    });
  }

  async readTable(name: string): Promise<TableData | undefined> {
    return Excel.run(async (context) => (await this.readTablesIn(context, [name])).get(name));
  }

  /** Reads the given tables in one Excel.run (fewer round trips than one readTable each). */
  async readTables(names: readonly string[]): Promise<Map<string, TableData | undefined>> {
    return Excel.run(async (context) => this.readTablesIn(context, names));
  }

  /**
   * The active sheet's used range, in row chunks: one sync for its size, then one sync per chunk
   * (≤ ceil(rows / chunk) + 1 syncs in all), with progress after each chunk.
   */
  async readActiveSheet(onProgress?: (fraction: number) => void): Promise<SheetValues> {
    return Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      await context.sync();
      if (used.isNullObject) {
        onProgress?.(1);
        return { sheet: sheet.name, values: [], originRow: 1, originColumn: 1 };
      }
      const block: ReadBlock = { sheet, row: used.rowIndex, column: used.columnIndex, rows: used.rowCount, columns: used.columnCount, out: [] };
      await this.readBlocks(context, [block], onProgress);
      return { sheet: sheet.name, values: block.out, originRow: used.rowIndex + 1, originColumn: used.columnIndex + 1 };
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Writing

  /**
   * Writes header+rows at A1 of `sheet` in payload-sized chunks (one sync each, the last one left queued).
   */
  private async writeCells(context: Excel.RequestContext, sheet: Excel.Worksheet, table: OwnedTable): Promise<void> {
    const width = table.headers.length;
    const total = printedRows(table).length + 1;
    // values + number formats travel together: twice the bytes per cell.
    const step = rowsPerChunk(width, this.maxPayload, BYTES_PER_CELL * 2);
    for (let start = 0; start < total; start += step) {
      const end = Math.min(total, start + step);
      const data = chunkData(table, start, end);
      const range = sheet.getRangeByIndexes(start, 0, end - start, width);
      range.numberFormat = data.formats;
      range.values = data.values;
      for (const run of data.formulaRuns) {
        sheet.getRangeByIndexes(start + run.row, run.column, run.formulas.length, 1).formulas = run.formulas.map((f) => [f]);
      }
      if (end < total) await context.sync();
    }
  }

  /** Writes a new table at A1 of `sheet` and makes it an Excel table named `tableName`. */
  private async writeTableOnSheet(context: Excel.RequestContext, sheet: Excel.Worksheet, table: OwnedTable, tableName: string): Promise<Excel.Table> {
    // Header and data first; the totals row is written once the table shows it (the row below must be empty then).
    const { totals, ...body } = table;
    await this.writeCells(context, sheet, body);
    const whole = sheet.getRangeByIndexes(0, 0, table.rows.length + 1, table.headers.length);
    const created = sheet.tables.add(whole, true);
    created.name = tableName;
    created.style = 'TableStyleMedium2';
    if (totals) {
      created.showTotals = true;
      const data = chunkData(table, table.rows.length + 1, table.rows.length + 2);
      const row = sheet.getRangeByIndexes(table.rows.length + 1, 0, 1, table.headers.length);
      row.numberFormat = data.formats;
      row.values = data.values;
    }
    if (table.rows.length < 5000) sheet.getRangeByIndexes(0, 0, printedRows(table).length + 1, table.headers.length).format.autofitColumns();
    await context.sync();
    return created;
  }

  private validateShape(table: OwnedTable): void {
    if (table.headers.length === 0) throw new Error(`${table.name} har ingen kolonner.`);
    const rows = printedRows(table);
    const bad = rows.findIndex((r) => r.length > table.headers.length);
    if (bad >= 0) throw new Error(`${table.name} rad ${bad + 2} har flere celler (${rows[bad]!.length}) enn overskrifter (${table.headers.length}).`);
  }

  /**
   * Where the owned table stands now: an Excel table, else a named range the Sheets add-on wrote (on the sheet
   * of the table's name), else a sheet of that name, else nowhere. A name of the table's name that points
   * anywhere else is the user's: Excel keeps table names and defined names in one namespace, so the table could
   * not be created without taking it — that is refused before anything is written.
   */
  private async locateOwned(context: Excel.RequestContext, name: string): Promise<Placement> {
    const workbook = context.workbook;
    const table = workbook.tables.getItemOrNullObject(name);
    const named = workbook.names.getItemOrNullObject(name);
    const sheet = workbook.worksheets.getItemOrNullObject(name);
    await context.sync();
    if (!table.isNullObject) {
      const range = table.getRange();
      range.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      table.load('showTotals');
      await context.sync();
      return { kind: 'table', table, totals: table.showTotals === true, sheet: table.worksheet, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
    }
    if (!named.isNullObject) {
      const range = named.getRangeOrNullObject();
      range.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      named.load('formula');
      const totalsNamed = workbook.names.getItemOrNullObject(totalsRowName(name));
      await context.sync();
      const where = range.isNullObject ? `verdien ${String(named.formula)}` : range.address;
      if (range.isNullObject || sheetOfAddress(range.address).toLowerCase() !== name.toLowerCase()) {
        throw new Error(
          `Arbeidsboken har allerede navnet «${name}», og det peker på ${where}, ikke på en tabell tillegget har skrevet. ` +
            `Excel lar ikke en tabell og et navn hete det samme. Gi navnet et annet navn eller slett det (Formler > Navnebehandling), og prøv igjen. Ingenting er skrevet`,
        );
      }
      // The Sheets add-on's totals row under the range is the table's too: its extent reaches over it.
      let below = 0;
      if (!totalsNamed.isNullObject) {
        const totalsRange = totalsNamed.getRangeOrNullObject();
        totalsRange.load(['rowIndex', 'rowCount']);
        await context.sync();
        if (!totalsRange.isNullObject && totalsRange.rowIndex === range.rowIndex + range.rowCount) below = totalsRange.rowCount;
      }
      return { kind: 'name', named, ...(totalsNamed.isNullObject ? {} : { totalsName: totalsNamed }), sheet: range.worksheet, row: range.rowIndex, column: range.columnIndex, rows: range.rowCount + below, columns: range.columnCount };
    }
    if (!sheet.isNullObject) {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      await context.sync();
      // A sheet of the table's name without the table: an earlier plain version; its used block is the table's.
      const rows = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      const columns = used.isNullObject ? 0 : used.columnIndex + used.columnCount;
      return { kind: 'sheet', sheet, row: 0, column: 0, rows, columns };
    }
    return { kind: 'new', row: 0, column: 0, rows: 0, columns: 0 };
  }

  /**
   * Refreshes an owned table in place, so every formula, chart and name that points at it keeps working
   * (Excel rewrites references when a table or sheet is renamed, and turns them into #REF! when it is deleted).
   * The new version is written to a hidden staging sheet first (chunked, one sync per chunk); only when it is
   * complete is it copied into place in one batch: resize the existing table, copy, clear rows it no longer
   * covers, delete the staging sheet. A failure while staging leaves the previous table untouched. The final
   * batch is a single request that Excel applies in order; if one of its operations fails, the ones before it
   * stay applied (Office.js has no transactions), so the copy comes first and the clean-up after it.
   */
  async writeOwnedTable(table: OwnedTable): Promise<void> {
    if (!isOwnedTableName(table.name)) {
      throw new Error(
        `«${table.name}» er ikke en tabell tillegget eier. Tillegget skriver bare DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO, DH_Funn og DH_Endringer.`,
      );
    }
    this.validateShape(table);
    const name = table.name;
    await Excel.run(async (context) => {
      const workbook = context.workbook;
      const place = await this.locateOwned(context, name);
      if (place.kind === 'new') {
        const sheet = workbook.worksheets.add(name);
        await this.writeTableOnSheet(context, sheet, table, name);
        return;
      }
      const width = table.headers.length;
      // Header + data rows, then the totals row (if any) directly below them.
      const bodyRows = table.rows.length + 1;
      const total = printedRows(table).length + 1;
      await this.refuseGrowthOverUserCells(context, place, name, total, width);

      const tempName = `${TEMP_PREFIX}${uniqueSuffix()}`;
      const temp = workbook.worksheets.add(tempName);
      temp.visibility = Excel.SheetVisibility.hidden;
      try {
        await this.writeCells(context, temp, table);
        await context.sync();
      } catch (error) {
        await this.dropSheet(context, tempName);
        throw new Error(`Kunne ikke skrive ${name}: ${reason(error)}. Forrige versjon er beholdt.`);
      }

      try {
        // A shown totals row is taken away first, so the table is header + data while it is resized; Excel then
        // puts the totals row back directly below the new data (Table.showTotals), and the Sum is copied into it.
        if (place.kind === 'table' && place.totals) place.table.showTotals = false;
        const target = place.sheet.getRangeByIndexes(place.row, place.column, bodyRows, width);
        target.copyFrom(temp.getRangeByIndexes(0, 0, bodyRows, width), 'All');
        let excelTable: Excel.Table | undefined;
        if (place.kind === 'table') {
          place.table.resize(target);
          excelTable = place.table;
        } else if (place.kind === 'name') place.named.formula = `=${sheetReference(name)}!$${columnLetters(place.column)}$${place.row + 1}:$${columnLetters(place.column + width - 1)}$${place.row + bodyRows}`;
        else {
          excelTable = place.sheet.tables.add(target, true);
          excelTable.name = name;
          excelTable.style = 'TableStyleMedium2';
        }
        // What the previous version covered below the new data (its old rows, its old Sum): cleared, so the
        // totals row can take the row under the data.
        if (place.rows > bodyRows) place.sheet.getRangeByIndexes(place.row + bodyRows, place.column, place.rows - bodyRows, Math.max(place.columns, width)).clear();
        if (table.totals) {
          if (excelTable) excelTable.showTotals = true;
          place.sheet.getRangeByIndexes(place.row + bodyRows, place.column, 1, width).copyFrom(temp.getRangeByIndexes(bodyRows, 0, 1, width), 'All');
          // A taken-over Sheets range stays a name: its totals row keeps its marking name, as the Sheets add-on writes it.
          if (place.kind === 'name') {
            const totalsAddress = `=${sheetReference(name)}!$${columnLetters(place.column)}$${place.row + bodyRows + 1}:$${columnLetters(place.column + width - 1)}$${place.row + bodyRows + 1}`;
            if (place.totalsName) place.totalsName.formula = totalsAddress;
            else workbook.names.add(totalsRowName(name), place.sheet.getRangeByIndexes(place.row + bodyRows, place.column, 1, width));
          }
        } else if (place.kind === 'name' && place.totalsName) place.totalsName.delete();
        // To the right of the new columns, in the rows both versions share.
        if (place.columns > width) place.sheet.getRangeByIndexes(place.row, place.column + width, Math.min(place.rows, total), place.columns - width).clear();
        temp.delete();
        await context.sync();
      } catch (error) {
        await this.dropSheet(context, tempName);
        throw new Error(`Kunne ikke flytte ny ${name} på plass: ${reason(error)}. Kontroller tabellen og prøv igjen.`);
      }
    });
  }

  /**
   * A table that grows takes cells below or beside it; if the user has anything there, refuse rather than
   * overwrite it. Reads only the cells the table would grow into.
   */
  private async refuseGrowthOverUserCells(context: Excel.RequestContext, place: Exclude<Placement, { kind: 'new' }>, name: string, total: number, width: number): Promise<void> {
    const areas: { row: number; column: number; rows: number; columns: number }[] = [];
    if (total > place.rows) areas.push({ row: place.row + place.rows, column: place.column, rows: total - place.rows, columns: width });
    if (width > place.columns) areas.push({ row: place.row, column: place.column + place.columns, rows: Math.min(total, place.rows), columns: width - place.columns });
    if (areas.length === 0 || place.kind === 'sheet') return;
    const ranges = areas.map((a) => {
      const range = place.sheet.getRangeByIndexes(a.row, a.column, a.rows, a.columns);
      range.load('formulas');
      return { a, range };
    });
    await context.sync();
    for (const { a, range } of ranges) {
      const formulas = range.formulas as unknown[][];
      for (let r = 0; r < formulas.length; r++) {
        const c = formulas[r]!.findIndex((v) => v !== '' && v !== null && v !== undefined);
        if (c < 0) continue;
        const cell = `${columnLetters(a.column + c)}${a.row + r + 1}`;
        throw new Error(
          `${name} trenger ${total - 1} rader og ${width} kolonner, men celle ${cell} ved siden av tabellen er ikke tom. ` +
            `Flytt det som står der, og prøv igjen. Ingenting er skrevet`,
        );
      }
    }
  }

  private async dropSheet(context: Excel.RequestContext, sheetName: string): Promise<void> {
    try {
      const leftover = context.workbook.worksheets.getItemOrNullObject(sheetName);
      await context.sync();
      if (!leftover.isNullObject) {
        leftover.delete();
        await context.sync();
      }
    } catch {
      // Best effort: a leftover hidden DHtmp_ sheet is harmless and never read as a DH_ table.
    }
  }

  /**
   * Sets cells inside an existing input table (Excel table, named range or sheet), in one Excel.run: the table is
   * located as readTable locates it, every cell is checked to lie inside it before any is written, then one sync.
   */
  async updateTableCells(name: string, cells: readonly CellUpdate[]): Promise<void> {
    await Excel.run(async (context) => {
      const table = (await this.readTablesIn(context, [name])).get(name);
      if (!table) throw new Error(`Fant ikke ${name}`);
      for (const c of cells) {
        if (c.row < 0 || c.row >= table.rows.length || c.column < 0 || c.column >= table.headers.length) throw new Error(`Cellen rad ${c.row + 1}, kolonne ${c.column + 1} er utenfor ${name}`);
      }
      const sheet = context.workbook.worksheets.getItem(table.sheet!);
      // originRow is the 1-based header row, so it is also the 0-based index of the first data row.
      const top = table.originRow ?? 1;
      const left = (table.originColumn ?? 1) - 1;
      for (const c of cells) {
        const value = typeof c.value === 'string' && /^[=+\-@]/.test(c.value) ? `'${c.value}` : c.value;
        sheet.getRangeByIndexes(top + c.row, left + c.column, 1, 1).values = [[value as string | number | boolean]];
      }
      await context.sync();
    });
  }

  async insertTemplate(table: OwnedTable): Promise<'created' | 'exists'> {
    this.validateShape(table);
    return Excel.run(async (context) => {
      const workbook = context.workbook;
      const existingTable = workbook.tables.getItemOrNullObject(table.name);
      const existingName = workbook.names.getItemOrNullObject(table.name);
      const existingSheet = workbook.worksheets.getItemOrNullObject(table.name);
      await context.sync();
      if (!existingTable.isNullObject || !existingName.isNullObject || !existingSheet.isNullObject) return 'exists' as const;
      const sheet = workbook.worksheets.add(table.name);
      await this.writeTableOnSheet(context, sheet, table, table.name);
      sheet.activate();
      await context.sync();
      return 'created' as const;
    });
  }

  // -------------------------------------------------------------------------------------------------
  // Selection and marks

  async selectCell(sheet: string, cell: string): Promise<void> {
    await Excel.run(async (context) => {
      const worksheet = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  async highlightCells(marks: readonly CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    await Excel.run(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      const BATCH = 5000;
      for (let i = 0; i < marks.length; i += BATCH) {
        const part = marks.slice(i, i + BATCH).map((mark) => {
          const sheetName = mark.sheet || active.name;
          const range = context.workbook.worksheets.getItem(sheetName).getRange(mark.cell);
          const key = `${sheetName}!${mark.cell}`;
          if (!this.painted.has(key)) range.format.fill.load('color');
          return { mark, sheetName, key, range };
        });
        await context.sync();
        for (const { mark, sheetName, key, range } of part) {
          if (!this.painted.has(key)) this.painted.set(key, { sheet: sheetName, cell: mark.cell, colour: range.format.fill.color });
          range.format.fill.color = MARK_COLOURS[mark.severity];
        }
        await context.sync();
      }
    });
  }

  async clearHighlights(): Promise<void> {
    if (this.painted.size === 0) return;
    const entries = [...this.painted.values()];
    await Excel.run(async (context) => {
      for (const { sheet, cell, colour } of entries) {
        const fill = context.workbook.worksheets.getItem(sheet).getRange(cell).format.fill;
        // Excel reports "no fill" as white; restore it as no fill.
        if (!colour || /^#?FFFFFF$/i.test(colour)) fill.clear();
        else fill.color = colour;
      }
      await context.sync();
    });
    this.painted.clear();
  }

  // -------------------------------------------------------------------------------------------------
  // Functions model

  /**
   * Rebuilds the functions' model from DH_Kommuner / DH_Nokkel / DH_Prosjekter and recalculates.
   * A bad table throws its Norwegian message and leaves the previous model in place.
   */
  async inputsChanged(): Promise<void> {
    const tables = await this.readTables(WATCHED_INPUT_TABLES);
    const { modelDataset } = await import('./model-dataset.js');
    const { dataset, used } = modelDataset(tables, this.options.base ?? HELGELAND_2026);
    setModel(createFunctionContext(dataset, this.today()), used.length ? dataset.name : `${dataset.name}`, this.options.today);
    await Excel.run(async (context) => {
      context.workbook.application.calculate(Excel.CalculationType.full);
      await context.sync();
    });
    this.options.onModelLoaded?.(used);
  }

  /** Debounced reload after a change event (typing in DH_Kommuner fires one event per edit). */
  scheduleReload(delayMs = 400): void {
    if (this.reloadTimer !== undefined) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = undefined;
      this.inputsChanged()
        .catch((error: unknown) => this.options.onModelError?.(reason(error)))
        .finally(() => {
          // The pane reads the tables itself, so it follows even when the functions' model kept its old version.
          for (const listener of [...this.paneListeners]) listener();
        });
    }, delayMs);
  }

  /** The panel follows the same onChanged events as the functions (registered by watchInputTables). */
  onInputsChanged(listener: () => void): () => void {
    this.paneListeners.add(listener);
    return () => this.paneListeners.delete(listener);
  }

  /**
   * Registers onChanged on the DH_Kommuner / DH_Nokkel / DH_Prosjekter tables that exist (or the sheet of
   * that name when there is no table), so editing them refreshes the model and recalculates.
   * Returns the names watched.
   */
  async watchInputTables(): Promise<string[]> {
    return Excel.run(async (context) => {
      const lookups = WATCHED_INPUT_TABLES.map((name) => ({
        name,
        table: context.workbook.tables.getItemOrNullObject(name),
        sheet: context.workbook.worksheets.getItemOrNullObject(name),
      }));
      await context.sync();
      const watched: string[] = [];
      const handler = async () => {
        this.scheduleReload();
      };
      for (const l of lookups) {
        if (!l.table.isNullObject) l.table.onChanged.add(handler);
        else if (!l.sheet.isNullObject) l.sheet.onChanged.add(handler);
        else continue;
        watched.push(l.name);
      }
      if (watched.length) await context.sync();
      return watched;
    });
  }
}
