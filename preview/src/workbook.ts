// The preview's workbook: one HyperFormula engine with the DH functions, the sheets' display formats,
// the selection and the finding marks. No DOM here, so the host and the tests run it in Node too.
import { DetailedCellError, HyperFormula, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import {
  BALANCE_INPUT_TABLES,
  HELGELAND_2026,
  a1,
  cellText,
  columnLetter,
  createFunctionContext,
  datasetFromTables,
  formatDate,
  isCellError,
  isFormulaCell,
  isOwnedTableName,
  printedRows,
  renderFormula,
  tableFromValues,
  type CellValue,
  type Dataset,
  type OwnedCell,
  type OwnedTable,
  type Severity,
  type TableData,
} from '../../core/index.js';
import { displayCell, formatOfFormula, type CellFormat, type DisplayedCell } from './format.js';
import { createEngine, setPreviewModel } from './hyperformula-plugin.js';

/** A sheet as the workbook is built from it: raw contents as a user would type them (nb-NO). */
export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly RawCellContent[])[];
  /** Display format per 0-based column. */
  readonly formats?: Readonly<Record<number, CellFormat>>;
  /** Column widths in pixels per 0-based column. */
  readonly widths?: Readonly<Record<number, number>>;
  /** Display format of single cells by A1 address (an opened workbook's number formats); wins over the column's. */
  readonly cellFormats?: Readonly<Record<string, CellFormat>>;
}

/** A named table inside a sheet (like an Excel table): its header row starts at row/col (0-based). */
export interface TableRegion {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface Selection {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

export interface CellView extends DisplayedCell {
  readonly formula?: string;
  readonly mark?: Severity;
  readonly format: CellFormat;
}

export interface EditResult {
  readonly ok: boolean;
  readonly message: string;
}

/** Tables that make up the dataset (SPEC §6): an edit in them rebuilds the functions' model. */
export const DATASET_INPUT_TABLES = ['DH_Kommuner', 'DH_Nokkel', 'DH_Prosjekter', ...BALANCE_INPUT_TABLES] as const;

const KRONER_HEADER = /beløp|belop|totalt|kostnad|besparelse|netto|fordelt|gevinst \(kr|\bkr\b|investering|årlig gevinst|sum å fordele|budsjett/i;
const INTEGER_HEADER = /innbyggere|antall/i;

/** Display formats for an owned table's columns, from its headers («Totalt pr kommune» → kroner). */
export function formatsFromHeaders(headers: readonly string[]): Record<number, CellFormat> {
  const formats: Record<number, CellFormat> = {};
  headers.forEach((h, i) => {
    if (/andel \(%\)/i.test(h)) formats[i] = 'percentValue';
    else if (/^(kommunenr|nøkkel|rad)$/i.test(h.trim())) formats[i] = 'text';
    else if (KRONER_HEADER.test(h)) formats[i] = 'kroner';
    else if (INTEGER_HEADER.test(h)) formats[i] = 'integer';
  });
  return formats;
}

/** Column widths that fit an owned table's headers. */
export function widthsFromHeaders(headers: readonly string[]): Record<number, number> {
  return Object.fromEntries(headers.map((h, i) => [i, Math.max(90, Math.min(260, 16 + 7.5 * String(h ?? '').length))]));
}

/**
 * True when text would not stay text if typed without a leading apostrophe (a formula, a number, a date,
 * SANN/USANN): the formula bar then shows the apostrophe, as Excel does.
 */
export function needsApostrophe(text: string): boolean {
  const t = text.trim();
  return /^[=+\-@]/.test(t) || /^[\d\s.,%:/−-]+$/.test(t) || /^(sann|usann|true|false)$/i.test(t) || t !== text;
}

/** What a string becomes when the add-in writes it: always text, never a formula (SPEC §8), even "=1+1" or "1833". */
export function textCell(value: string): RawCellContent {
  return value === '' ? null : `'${value}`;
}

/** An owned-table cell as engine content: FormulaCell → nb-NO formula, strings as text, dates as dd.mm.åååå. */
export function ownedCellContent(cell: OwnedCell): RawCellContent {
  if (isFormulaCell(cell)) return renderFormula(cell, 'nb');
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') return textCell(cell);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`${cell} er ikke et endelig tall`);
    return cell;
  }
  if (typeof cell === 'boolean') return cell;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw new Error('ugyldig dato');
    return formatDate(cell.toISOString().slice(0, 10));
  }
  if (isCellError(cell)) return textCell(cell.cellError);
  return textCell(String(cell));
}

/** Engine value → core CellValue (errors as {cellError}). */
function toCellValue(value: unknown): CellValue {
  if (value instanceof DetailedCellError) return { cellError: value.value };
  if (value === undefined) return null;
  return value as CellValue;
}

/** Parses "B12", "$B$12" or "Ark!B12" into a 0-based row/column (and the sheet, if given). */
export function parseAddress(address: string): { sheet?: string; row: number; col: number } | undefined {
  const m = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const letters = m[3]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { ...(sheet !== undefined ? { sheet } : {}), row: Number(m[4]) - 1, col: col - 1 };
}

export interface PreviewWorkbookOptions {
  /** ISO date the DH functions use as "today" (register deadlines). Default: the real date. */
  readonly today?: string;
  /** Dataset the workbook's own DH_* tables override. Default: Digitale Helgeland 2026. */
  readonly base?: Dataset;
  readonly regions?: readonly TableRegion[];
  /** Sheet opened first. Default: the first sheet. */
  readonly activeSheet?: string;
}

/**
 * The preview workbook. Formulas live in HyperFormula; this class adds what a spreadsheet UI needs
 * (formats, selection, marks, named tables) and keeps the DH functions' model in step with the
 * workbook's DH_Kommuner / DH_Nokkel / DH_Prosjekter.
 */
export class PreviewWorkbook {
  readonly hf: HyperFormula;
  readonly today: string;
  readonly base: Dataset;
  private formats = new Map<string, Map<number, CellFormat>>();
  private cellFormats = new Map<string, Map<string, CellFormat>>();
  private widths = new Map<string, Map<number, number>>();
  private regions = new Map<string, TableRegion>();
  /**
   * Owned sheets whose last row is the table's totals row (lower-case names). HyperFormula has no tables, so the
   * preview remembers it as Excel's table does: readTable hands that row back as totals, never as a member.
   */
  private totalsRows = new Set<string>();
  private marks = new Map<string, Map<string, Severity>>();
  private listeners = new Set<() => void>();
  private editListeners = new Set<() => void>();
  private version = 0;
  private _selection: Selection;
  /** Where the functions' data comes from, in words («Arbeidsboken (DH_Kommuner, DH_Nokkel)»). */
  datasetLabel = '';
  /** Set when the input tables cannot be read: what to fix. The functions keep the last valid model. */
  modelProblem: string | undefined;

  constructor(sheets: readonly SheetSpec[], options: PreviewWorkbookOptions = {}) {
    this.today = options.today ?? new Date().toISOString().slice(0, 10);
    this.base = options.base ?? HELGELAND_2026;
    setPreviewModel(createFunctionContext(this.base, this.today));
    const content: Record<string, RawCellContent[][]> = {};
    for (const sheet of sheets) {
      content[sheet.name] = sheet.rows.map((r) => [...r]);
      this.setSheetLayout(sheet.name, sheet.formats, sheet.widths, sheet.cellFormats);
    }
    this.hf = createEngine(content as never);
    for (const region of options.regions ?? []) this.regions.set(region.name.toLowerCase(), region);
    const first = options.activeSheet ?? sheets[0]?.name ?? '';
    this._selection = { sheet: first, row: 1, col: 0 };
    this.refreshModel();
  }

  // ------------------------------------------------------------------ change notification

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls `listener` after every cell a user edits (not after the panel's own writes): the panel follows the workbook. */
  subscribeEdits(listener: () => void): () => void {
    this.editListeners.add(listener);
    return () => this.editListeners.delete(listener);
  }

  /** Increases on every change; React reads it with useSyncExternalStore. */
  getVersion = (): number => this.version;

  private emit(): void {
    this.version++;
    for (const listener of [...this.listeners]) listener();
  }

  // ------------------------------------------------------------------ sheets

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /** Finds a sheet by name, case-insensitively (Excel sheet names are). */
  sheetName(name: string): string | undefined {
    const lower = name.toLowerCase();
    return this.sheetNames().find((s) => s.toLowerCase() === lower);
  }

  private sheetId(name: string): number {
    const actual = this.sheetName(name);
    const id = actual === undefined ? undefined : this.hf.getSheetId(actual);
    if (id === undefined) throw new Error(`Arket «${name}» finnes ikke.`);
    return id;
  }

  private setSheetLayout(name: string, formats?: Readonly<Record<number, CellFormat>>, widths?: Readonly<Record<number, number>>, cellFormats?: Readonly<Record<string, CellFormat>>): void {
    this.cellFormats.set(name, new Map(Object.entries(cellFormats ?? {})));
    this.formats.set(name, new Map(Object.entries(formats ?? {}).map(([k, v]) => [Number(k), v])));
    this.widths.set(name, new Map(Object.entries(widths ?? {}).map(([k, v]) => [Number(k), v])));
  }

  dimensions(sheet: string): { width: number; height: number } {
    return this.hf.getSheetDimensions(this.sheetId(sheet));
  }

  columnWidth(sheet: string, col: number): number {
    return this.widths.get(sheet)?.get(col) ?? 110;
  }

  get selection(): Selection {
    return this._selection;
  }

  get activeSheet(): string {
    return this._selection.sheet;
  }

  select(sheet: string, row: number, col: number): void {
    const actual = this.sheetName(sheet);
    if (actual === undefined) throw new Error(`Arket «${sheet}» finnes ikke.`);
    this._selection = { sheet: actual, row: Math.max(0, row), col: Math.max(0, col) };
    this.emit();
  }

  /** Switches tab, keeping the sheet's top-left data cell selected. */
  showSheet(sheet: string): void {
    this.select(sheet, 0, 0);
  }

  // ------------------------------------------------------------------ cells

  private address(sheet: string, row: number, col: number): SimpleCellAddress {
    return { sheet: this.sheetId(sheet), row, col };
  }

  /** What the grid shows in a cell. */
  cell(sheet: string, row: number, col: number): CellView {
    const addr = this.address(sheet, row, col);
    const value = this.hf.getCellValue(addr);
    const formula = this.hf.getCellFormula(addr);
    const format = this.formatOf(sheet, addr, formula);
    const shown = displayCell(value, format);
    const mark = this.marks.get(sheet)?.get(a1(row + 1, col + 1));
    return { ...shown, format, ...(formula ? { formula } : {}), ...(mark ? { mark } : {}) };
  }

  private formatOf(sheet: string, addr: SimpleCellAddress, formula: string | undefined): CellFormat {
    const explicit = this.cellFormats.get(sheet)?.get(a1(addr.row + 1, addr.col + 1)) ?? this.formats.get(sheet)?.get(addr.col);
    const byFormula = formatOfFormula(formula);
    if (byFormula && byFormula !== 'general') return byFormula;
    if (explicit) return explicit;
    const detailed = this.hf.getCellValueDetailedType(addr);
    if (detailed === 'NUMBER_DATE' || detailed === 'NUMBER_DATETIME') return 'date';
    if (detailed === 'NUMBER_PERCENT') return 'percent';
    if (detailed === 'NUMBER_CURRENCY') return 'kroner';
    return 'general';
  }

  /** The formula bar's text: the formula in nb-NO syntax (=DH.KOSTNAD(A2;2026)), or the value as typed. */
  formulaText(sheet: string, row: number, col: number): string {
    const addr = this.address(sheet, row, col);
    const formula = this.hf.getCellFormula(addr);
    if (formula) return formula;
    const value = this.hf.getCellValue(addr);
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') {
      const detailed = this.hf.getCellValueDetailedType(addr);
      if (detailed === 'NUMBER_DATE') return displayCell(value, 'date').text;
      if (detailed === 'NUMBER_PERCENT') return displayCell(value, 'percent').text.replace(/\s/g, '').replace('%', ' %');
      return String(value).replace('.', ',');
    }
    if (typeof value === 'boolean') return value ? 'SANN' : 'USANN';
    if (typeof value === 'string') {
      const serialized = this.hf.getCellSerialized(addr);
      if (typeof serialized === 'string' && serialized.startsWith("'") && !needsApostrophe(value)) return value;
      return typeof serialized === 'string' ? serialized : value;
    }
    return cellText(toCellValue(value));
  }

  /**
   * Sets a cell the way a user types it: "=…" is a formula, "1 234,5" a number, "31.12.2026" a date,
   * "'=x" text. An edit in DH_Kommuner / DH_Nokkel / DH_Prosjekter rebuilds the functions' model.
   */
  setCellInput(sheet: string, row: number, col: number, input: string): EditResult {
    const addr = this.address(sheet, row, col);
    const content: RawCellContent = input.trim() === '' ? null : input;
    if (!this.hf.isItPossibleToSetCellContents(addr)) {
      return { ok: false, message: `${columnLetter(col + 1)}${row + 1} kan ikke endres (den er en del av et resultatområde).` };
    }
    try {
      this.hf.setCellContents(addr, content);
    } catch (error) {
      this.emit();
      return { ok: false, message: `Kunne ikke sette ${columnLetter(col + 1)}${row + 1}: ${error instanceof Error ? error.message : String(error)}.` };
    }
    if (this.isDatasetSheet(sheet, row)) this.refreshModel();
    this.emit();
    for (const listener of [...this.editListeners]) listener();
    const value = this.hf.getCellValue(addr);
    if (value instanceof DetailedCellError && value.type === 'ERROR') {
      return { ok: false, message: `Formelen i ${columnLetter(col + 1)}${row + 1} kunne ikke leses: ${value.message}` };
    }
    return { ok: true, message: this.modelProblem ?? '' };
  }

  private isDatasetSheet(sheet: string, row: number): boolean {
    const lower = sheet.toLowerCase();
    for (const name of DATASET_INPUT_TABLES) {
      if (name.toLowerCase() === lower) return true;
      const region = this.regions.get(name.toLowerCase());
      if (region && region.sheet.toLowerCase() === lower && row >= region.row) return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ tables

  /** Names of DH_ tables: sheets named DH_* and named tables inside other sheets. */
  listTables(): string[] {
    const names = this.sheetNames().filter((n) => /^DH_/i.test(n));
    for (const region of this.regions.values()) if (this.sheetName(region.sheet) && !names.includes(region.name)) names.push(region.name);
    return names;
  }

  /** A sheet's values from A1 as the core reads cells (errors as {cellError}). */
  values(sheet: string): CellValue[][] {
    return this.hf.getSheetValues(this.sheetId(sheet)).map((row) => row.map(toCellValue));
  }

  /** Reads a table: a named region (header row, then rows until a blank row) or a sheet named like the table. */
  readTable(name: string): TableData | undefined {
    const region = this.regions.get(name.toLowerCase());
    if (region && this.sheetName(region.sheet)) {
      const values = this.values(region.sheet);
      const header = (values[region.row] ?? []).slice(region.col);
      let width = header.length;
      while (width > 0 && cellText(header[width - 1]) === '') width--;
      const block: CellValue[][] = [header.slice(0, width)];
      for (let r = region.row + 1; r < values.length; r++) {
        const row = (values[r] ?? []).slice(region.col, region.col + width);
        if (row.every((c) => cellText(c) === '')) break;
        block.push(row);
      }
      return tableFromValues(region.name, block, { sheet: this.sheetName(region.sheet)!, row: region.row + 1, column: region.col + 1 });
    }
    const sheet = /^DH_/i.test(name) ? this.sheetName(name) : undefined;
    if (sheet === undefined) return undefined;
    const values = this.values(sheet);
    if (this.totalsRows.has(sheet.toLowerCase()) && values.length > 1) {
      let last = values.length - 1;
      while (last > 1 && values[last]!.every((c) => cellText(c) === '')) last--;
      return tableFromValues(sheet, values.slice(0, last), { sheet, row: 1, column: 1, totals: values[last]! });
    }
    return tableFromValues(sheet, values, { sheet, row: 1, column: 1 });
  }

  /** The active sheet's values from A1. */
  readActiveSheet(): { sheet: string; values: CellValue[][]; originRow: number; originColumn: number } {
    const sheet = this.activeSheet;
    return { sheet, values: this.values(sheet), originRow: 1, originColumn: 1 };
  }

  /**
   * Rows `from` … `to` (0-based, `to` excluded) of a sheet as values, as wide as the sheet: a host reads a big sheet
   * in parts so the page can paint between them, as Excel's and Sheets' hosts read theirs in chunks.
   */
  rowValues(sheet: string, from: number, to: number): CellValue[][] {
    const id = this.sheetId(sheet);
    const { width, height } = this.hf.getSheetDimensions(id);
    const end = Math.min(to, height);
    if (end <= from || width === 0) return [];
    return this.hf.getRangeValues({ start: { sheet: id, row: from, col: 0 }, end: { sheet: id, row: end - 1, col: width - 1 } }).map((raw) => {
      // Trailing blanks left out, as getSheetValues (and so readActiveSheet) gives each row.
      let length = raw.length;
      while (length > 0 && (raw[length - 1] === null || raw[length - 1] === undefined)) length--;
      const row: CellValue[] = new Array(length);
      for (let c = 0; c < length; c++) row[c] = toCellValue(raw[c]!);
      return row;
    });
  }

  private tableContent(table: OwnedTable): RawCellContent[][] {
    const printed = printedRows(table);
    const width = Math.max(table.headers.length, ...printed.map((r) => r.length));
    const rows: RawCellContent[][] = [table.headers.map((h) => textCell(String(h ?? '')))];
    printed.forEach((row, r) => {
      const line: RawCellContent[] = [];
      for (let c = 0; c < width; c++) {
        try {
          line.push(ownedCellContent(row[c] ?? null));
        } catch (error) {
          throw new Error(`${table.name} rad ${r + 2}, kolonne ${columnLetter(c + 1)}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      rows.push(line);
    });
    return rows;
  }

  /**
   * Replaces an owned table (a sheet named after it). The whole new content is built and checked
   * first; only then is the sheet swapped in one engine operation, so a failure leaves the old table.
   */
  writeOwnedTable(table: OwnedTable): void {
    if (!isOwnedTableName(table.name)) {
      throw new Error(`«${table.name}» er ikke en tabell tillegget eier. Bare DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO, DH_Funn og DH_Endringer skrives.`);
    }
    const content = this.tableContent(table);
    const existing = this.sheetName(table.name);
    if (existing !== undefined) {
      const id = this.hf.getSheetId(existing)!;
      if (!this.hf.isItPossibleToReplaceSheetContent(id, content)) throw new Error(`${table.name} kan ikke erstattes.`);
      this.hf.setSheetContent(id, content);
    } else {
      if (!this.hf.isItPossibleToAddSheet(table.name)) throw new Error(`Kan ikke lage arket ${table.name}.`);
      this.addSheetWhole(table.name, content);
    }
    if (table.totals) this.totalsRows.add(table.name.toLowerCase());
    else this.totalsRows.delete(table.name.toLowerCase());
    this.setSheetLayout(table.name, formatsFromHeaders(table.headers), widthsFromHeaders(table.headers));
    this.emit();
  }

  /** Adds a sheet under a staging name and renames it only once its content is in: never a half-filled sheet. */
  private addSheetWhole(name: string, content: Parameters<HyperFormula['setSheetContent']>[1]): void {
    const staging = this.stagingName(name);
    this.hf.addSheet(staging);
    const id = this.hf.getSheetId(staging)!;
    try {
      this.hf.setSheetContent(id, content);
      this.hf.renameSheet(id, name);
    } catch (error) {
      this.hf.removeSheet(id);
      throw error;
    }
  }

  private stagingName(name: string): string {
    let candidate = `~${name}`;
    for (let i = 2; this.sheetName(candidate) !== undefined; i++) candidate = `~${name}${i}`;
    return candidate;
  }

  /** Creates a template table as its own sheet, only when no table of that name exists. */
  insertTemplate(table: OwnedTable): 'created' | 'exists' {
    if (this.readTable(table.name) !== undefined || this.sheetName(table.name) !== undefined) return 'exists';
    this.addSheetWhole(table.name, this.tableContent(table));
    this.setSheetLayout(table.name, formatsFromHeaders(table.headers), widthsFromHeaders(table.headers));
    this.emit();
    return 'created';
  }

  // ------------------------------------------------------------------ selection and marks

  /** Selects "B12" (or "Ark!B12") on a sheet: switches tab and moves the cursor there. */
  selectCell(sheet: string, cell: string): void {
    const parsed = parseAddress(cell);
    if (!parsed) throw new Error(`«${cell}» er ikke en celleadresse.`);
    const target = parsed.sheet ?? sheet;
    if (this.sheetName(target) === undefined) throw new Error(`Arket «${target}» finnes ikke.`);
    this.select(target, parsed.row, parsed.col);
  }

  highlight(marks: readonly { sheet: string; cell: string; severity: Severity }[]): void {
    for (const mark of marks) {
      const sheet = this.sheetName(mark.sheet);
      const parsed = parseAddress(mark.cell);
      if (sheet === undefined || !parsed) continue;
      const perSheet = this.marks.get(sheet) ?? new Map<string, Severity>();
      perSheet.set(a1(parsed.row + 1, parsed.col + 1), mark.severity);
      this.marks.set(sheet, perSheet);
    }
    this.emit();
  }

  clearHighlights(): void {
    this.marks.clear();
    this.emit();
  }

  markCount(): number {
    let n = 0;
    for (const m of this.marks.values()) n += m.size;
    return n;
  }

  // ------------------------------------------------------------------ the functions' model

  /**
   * Rebuilds the DH functions' dataset from the workbook's input tables and recalculates everything
   * (the engine cannot see that DH.KOSTNAD depends on DH_Kommuner). A bad table keeps the previous model
   * and sets modelProblem to a message naming the cell.
   */
  refreshModel(): void {
    const parsed = datasetFromTables((name) => ((DATASET_INPUT_TABLES as readonly string[]).includes(name) ? this.readTable(name) : undefined), this.base);
    if (!parsed.ok) {
      this.modelProblem = `${parsed.error.message} Formlene bruker forrige gyldige versjon til dette er rettet.`;
      this.emit();
      return;
    }
    this.modelProblem = undefined;
    const { dataset, used } = parsed.value;
    this.datasetLabel = used.length ? `Arbeidsboken (${used.join(', ')})` : `Innebygd: ${dataset.name}`;
    setPreviewModel(createFunctionContext(dataset, this.today));
    this.hf.rebuildAndRecalculate();
    this.emit();
  }

  /** Replaces every sheet (opening a user's workbook). Regions, marks and formats start over. */
  replaceSheets(sheets: readonly SheetSpec[], regions: readonly TableRegion[] = []): void {
    const old = this.sheetNames();
    const staged = sheets.map((s) => s.name);
    this.hf.batch(() => {
      // Old sheets get temporary names first so a new sheet may reuse a name.
      old.forEach((name, i) => this.hf.renameSheet(this.hf.getSheetId(name)!, `~gammel${i}`));
      for (const sheet of sheets) {
        this.hf.addSheet(sheet.name);
      }
      for (const sheet of sheets) this.hf.setSheetContent(this.hf.getSheetId(sheet.name)!, sheet.rows.map((r) => [...r]));
      old.forEach((_, i) => this.hf.removeSheet(this.hf.getSheetId(`~gammel${i}`)!));
    });
    this.formats.clear();
    this.cellFormats.clear();
    this.widths.clear();
    this.marks.clear();
    this.regions.clear();
    for (const sheet of sheets) this.setSheetLayout(sheet.name, sheet.formats, sheet.widths, sheet.cellFormats);
    for (const region of regions) this.regions.set(region.name.toLowerCase(), region);
    this._selection = { sheet: staged[0] ?? '', row: 0, col: 0 };
    this.refreshModel();
  }
}
