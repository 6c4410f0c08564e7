// A faithful in-memory fake of the SpreadsheetApp subset the DH add-on uses, written from the Apps Script
// reference (developers.google.com/apps-script/reference/spreadsheet). Behaviour that matters for
// correctness is modelled, including the unforgiving parts:
// - setValues/setFormulas/setBackgrounds/setNumberFormats throw on a data shape that differs from the range;
// - getRange throws outside the sheet's grid (new sheets are 1000 × 26, like Sheets);
// - setValues parses strings as if typed (en_US locale): "=…" (and "+…", "-…", "@…" that are not numbers)
//   become formulas, "1833" becomes a number, "TRUE" a boolean, "2026-12-31" a date; a leading apostrophe
//   or the plain-text number format "@" keeps the text as it is;
// - a formula cell's value comes from an evaluator hook (tests plug in the loaded Code.js for DH_ functions),
//   anything else reads as "#NAME?";
// - a deleted sheet cannot be used; named ranges on it no longer resolve;
// - in custom-function mode every write, and getUi(), throws a permission error.
import { AppsScriptException, MESSAGES } from './errors.js';
import type { AppsScriptFake } from './index.js';
import { sheetDeleted, sheetRenamed } from './references.js';

export type Value = string | number | boolean | Date;

export interface Cell {
  value: Value;
  formula?: string;
  format?: string;
  background?: string;
  fontWeight?: string;
  /** Sheets' cached result of the formula: kept until the arguments (key) or the formula change (recalc.ts). */
  result?: { key: string; value: Value };
}

/** A cell as the formula evaluator sees it. */
export type FormulaCell = Cell;

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const WHITE = '#ffffff';

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function columnLetters(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function parseA1(a1: string): { row: number; column: number; rows: number; columns: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(String(a1).trim());
  if (!m) throw new AppsScriptException(MESSAGES.rangeNotFound);
  const col = (letters: string) => [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const r1 = Number(m[2]);
  const c1 = col(m[1]!);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  if (r1 < 1 || r2 < 1) throw new AppsScriptException(MESSAGES.rangeNotFound);
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

export class FakeSpreadsheet {
  readonly sheets: FakeSheet[] = [];
  readonly namedRanges: FakeNamedRange[] = [];
  active: FakeSheet;
  activeRange: FakeRange | undefined;
  /** Messages shown with Spreadsheet.toast, in order. */
  readonly toasts: string[] = [];
  /**
   * The spreadsheet's locale, which decides how typed text becomes a value (File → Settings → Locale). The
   * DH spreadsheets are Norwegian: nb_NO reads «1,5» as 1.5, «1 234,5» as 1234.5 and «31.12.2026» as a date,
   * and leaves «1,234» a decimal, «12/31/2026» text. Tests of en_US behaviour set 'en_US'.
   */
  locale: 'nb_NO' | 'en_US' = 'nb_NO';
  private nextSheetId = 1;

  constructor(
    readonly fake: AppsScriptFake,
    readonly timeZone = 'Europe/Oslo',
  ) {
    this.active = this.addSheet('Ark1', 0);
  }

  private addSheet(name: string, index: number): FakeSheet {
    const sheet = new FakeSheet(this, name, this.nextSheetId++);
    this.sheets.splice(Math.max(0, Math.min(index, this.sheets.length)), 0, sheet);
    return sheet;
  }

  // --- Spreadsheet API ---------------------------------------------------------------------------------

  getId(): string {
    this.fake.record('Spreadsheet.getId');
    return '1DH-fake';
  }

  getName(): string {
    this.fake.record('Spreadsheet.getName');
    return 'DH-test';
  }

  getSpreadsheetLocale(): string {
    this.fake.record('Spreadsheet.getSpreadsheetLocale');
    return this.locale;
  }

  toast(message: string, title?: string, _timeoutSeconds?: number): void {
    this.fake.record('Spreadsheet.toast');
    this.toasts.push(title ? `${title}: ${message}` : message);
  }

  getSpreadsheetTimeZone(): string {
    this.fake.record('Spreadsheet.getSpreadsheetTimeZone');
    return this.timeZone;
  }

  getSheets(): FakeSheet[] {
    this.fake.record('Spreadsheet.getSheets');
    return [...this.sheets];
  }

  getSheetByName(name: string): FakeSheet | null {
    this.fake.record('Spreadsheet.getSheetByName');
    return this.sheets.find((s) => s.name === name) ?? null;
  }

  getActiveSheet(): FakeSheet {
    this.fake.record('Spreadsheet.getActiveSheet');
    return this.active;
  }

  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.fake.record('Spreadsheet.setActiveSheet');
    sheet.assertAlive();
    this.active = sheet;
    return sheet;
  }

  /** insertSheet(), insertSheet(index), insertSheet(name), insertSheet(name, index). The new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): FakeSheet {
    this.fake.record('Spreadsheet.insertSheet', { write: true });
    let name: string;
    let at = this.sheets.length;
    if (typeof nameOrIndex === 'number') {
      at = nameOrIndex;
      name = this.defaultName();
    } else {
      name = nameOrIndex === undefined ? this.defaultName() : String(nameOrIndex);
      if (index !== undefined) at = index;
    }
    if (!Number.isInteger(at) || at < 0 || at > this.sheets.length) throw new AppsScriptException(MESSAGES.invalidArgument('sheetIndex'));
    this.assertSheetName(name);
    const sheet = this.addSheet(name, at);
    this.active = sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    this.fake.record('Spreadsheet.deleteSheet', { write: true, sheet: sheet.name });
    sheet.assertAlive();
    if (this.sheets.length === 1) throw new AppsScriptException(MESSAGES.lastSheet);
    sheetDeleted(this, sheet);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
    if (this.active === sheet) this.active = this.sheets[0]!;
    if (this.activeRange?.sheet === sheet) this.activeRange = undefined;
  }

  getRangeByName(name: string): FakeRange | null {
    this.fake.record('Spreadsheet.getRangeByName');
    const named = this.namedRanges.find((n) => n.name === name);
    if (!named || named.sheet.deleted) return null;
    return named.toRange();
  }

  setNamedRange(name: string, range: FakeRange): void {
    this.fake.record('Spreadsheet.setNamedRange', { write: true, sheet: range.sheet.name });
    if (!/^[A-Za-z_][A-Za-z0-9_.]{0,249}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name)) {
      throw new AppsScriptException(MESSAGES.invalidName(name));
    }
    range.sheet.assertAlive();
    const existing = this.namedRanges.find((n) => n.name === name);
    if (existing) {
      existing.sheet = range.sheet;
      Object.assign(existing.box, { row: range.row, column: range.column, rows: range.rows, columns: range.columns });
    } else {
      this.namedRanges.push(new FakeNamedRange(this, name, range.sheet, { row: range.row, column: range.column, rows: range.rows, columns: range.columns }));
    }
  }

  getNamedRanges(): FakeNamedRange[] {
    this.fake.record('Spreadsheet.getNamedRanges');
    return [...this.namedRanges];
  }

  removeNamedRange(name: string): void {
    this.fake.record('Spreadsheet.removeNamedRange', { write: true });
    const i = this.namedRanges.findIndex((n) => n.name === name);
    if (i < 0) throw new AppsScriptException(MESSAGES.rangeNotFound);
    this.namedRanges.splice(i, 1);
  }

  getActiveRange(): FakeRange | null {
    this.fake.record('Spreadsheet.getActiveRange');
    return this.activeRange ?? null;
  }

  // --- helpers for tests (not Apps Script API) -----------------------------------------------------------

  assertSheetName(name: string, except?: FakeSheet): void {
    if (name.trim() === '' || name.length > 100) throw new AppsScriptException(MESSAGES.invalidArgument('sheetName'));
    if (this.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) throw new AppsScriptException(MESSAGES.sheetExists(name));
  }

  private defaultName(): string {
    let n = this.sheets.length + 1;
    while (this.sheets.some((s) => s.name === `Ark${n}`)) n++;
    return `Ark${n}`;
  }

  /** Test setup: a sheet holding `values` from A1 (values stored as given; strings starting with = become formulas). */
  putSheet(name: string, values: readonly (readonly unknown[])[], options: { namedRange?: string; at?: { row: number; column: number } } = {}): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name) ?? this.addSheet(name, this.sheets.length);
    const at = options.at ?? { row: 1, column: 1 };
    const padded = [...Array.from({ length: at.row - 1 }, () => [] as unknown[]), ...values.map((r) => [...Array.from({ length: at.column - 1 }, () => ''), ...r])];
    sheet.direct(padded);
    if (options.namedRange) {
      const width = Math.max(1, ...values.map((r) => r.length));
      const existing = this.namedRanges.findIndex((n) => n.name === options.namedRange);
      if (existing >= 0) this.namedRanges.splice(existing, 1);
      this.namedRanges.push(new FakeNamedRange(this, options.namedRange, sheet, { row: at.row, column: at.column, rows: Math.max(1, values.length), columns: width }));
    }
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

export class FakeNamedRange {
  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
    public sheet: FakeSheet,
    readonly box: { row: number; column: number; rows: number; columns: number },
  ) {}

  getName(): string {
    this.ss.fake.record('NamedRange.getName');
    return this.name;
  }

  getRange(): FakeRange {
    this.ss.fake.record('NamedRange.getRange');
    if (this.sheet.deleted) throw new AppsScriptException(MESSAGES.rangeNotFound);
    return this.toRange();
  }

  remove(): void {
    this.ss.fake.record('NamedRange.remove', { write: true });
    const i = this.ss.namedRanges.indexOf(this);
    if (i >= 0) this.ss.namedRanges.splice(i, 1);
  }

  setName(name: string): FakeNamedRange {
    this.ss.fake.record('NamedRange.setName', { write: true });
    this.name = name;
    return this;
  }

  setRange(range: FakeRange): FakeNamedRange {
    this.ss.fake.record('NamedRange.setRange', { write: true });
    this.sheet = range.sheet;
    Object.assign(this.box, { row: range.row, column: range.column, rows: range.rows, columns: range.columns });
    return this;
  }

  toRange(): FakeRange {
    return new FakeRange(this.sheet, this.box.row, this.box.column, this.box.rows, this.box.columns);
  }
}

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  deleted = false;

  constructor(
    readonly ss: FakeSpreadsheet,
    public name: string,
    readonly id: number,
  ) {}

  get fake(): AppsScriptFake {
    return this.ss.fake;
  }

  assertAlive(): void {
    if (this.deleted) throw new AppsScriptException(MESSAGES.sheetDeleted);
  }

  private record(op: string, write = false): void {
    this.fake.record(`Sheet.${op}`, { write, sheet: this.name });
    this.assertAlive();
  }

  // --- Sheet API ---------------------------------------------------------------------------------------

  getName(): string {
    this.record('getName');
    return this.name;
  }

  setName(name: string): FakeSheet {
    this.record('setName', true);
    this.ss.assertSheetName(String(name), this);
    const from = this.name;
    this.name = String(name);
    sheetRenamed(this.ss, from, this.name);
    return this;
  }

  getSheetId(): number {
    this.record('getSheetId');
    return this.id;
  }

  getIndex(): number {
    this.record('getIndex');
    return this.ss.sheets.indexOf(this) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.record('getParent');
    return this.ss;
  }

  getMaxRows(): number {
    this.record('getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.record('getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.record('insertRowsAfter', true);
    if (!Number.isInteger(howMany) || howMany < 1 || afterPosition < 1 || afterPosition > this.maxRows) throw new AppsScriptException(MESSAGES.invalidArgument('howMany'));
    this.shift('row', afterPosition, howMany);
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.record('insertColumnsAfter', true);
    if (!Number.isInteger(howMany) || howMany < 1 || afterPosition < 1 || afterPosition > this.maxColumns) throw new AppsScriptException(MESSAGES.invalidArgument('howMany'));
    this.shift('column', afterPosition, howMany);
    this.maxColumns += howMany;
    return this;
  }

  getLastRow(): number {
    this.record('getLastRow');
    return this.lastRow();
  }

  getLastColumn(): number {
    this.record('getLastColumn');
    return this.lastColumn();
  }

  getDataRange(): FakeRange {
    this.record('getDataRange');
    return new FakeRange(this, 1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }

  /** getRange(a1) | getRange(row, column) | getRange(row, column, numRows) | getRange(row, column, numRows, numColumns). */
  getRange(a: string | number, column?: number, numRows = 1, numColumns = 1): FakeRange {
    this.record('getRange');
    let box: { row: number; column: number; rows: number; columns: number };
    if (typeof a === 'string' && column === undefined) {
      box = parseA1(a);
    } else {
      const row = Number(a);
      if (!Number.isInteger(row) || row < 1) throw new AppsScriptException(MESSAGES.startRowTooSmall);
      if (!Number.isInteger(column) || (column as number) < 1) throw new AppsScriptException(MESSAGES.startColumnTooSmall);
      if (!Number.isInteger(numRows) || numRows < 1) throw new AppsScriptException(MESSAGES.rowsAtLeastOne);
      if (!Number.isInteger(numColumns) || numColumns < 1) throw new AppsScriptException(MESSAGES.columnsAtLeastOne);
      box = { row, column: column as number, rows: numRows, columns: numColumns };
    }
    if (box.row + box.rows - 1 > this.maxRows || box.column + box.columns - 1 > this.maxColumns) throw new AppsScriptException(MESSAGES.outOfBounds);
    return new FakeRange(this, box.row, box.column, box.rows, box.columns);
  }

  clear(): FakeSheet {
    this.record('clear', true);
    this.cells.clear();
    return this;
  }

  setFrozenRows(rows: number): void {
    this.record('setFrozenRows', true);
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.record('getFrozenRows');
    return this.frozenRows;
  }

  activate(): FakeSheet {
    this.record('activate');
    this.ss.active = this;
    return this;
  }

  // --- internals and test helpers -------------------------------------------------------------------

  key(row: number, column: number): string {
    return `${row},${column}`;
  }

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(this.key(row, column));
  }

  mutableCell(row: number, column: number): Cell {
    const k = this.key(row, column);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: '' };
      this.cells.set(k, c);
    }
    return c;
  }

  hasContent(c: Cell | undefined): boolean {
    return !!c && (c.formula !== undefined || c.value !== '');
  }

  lastRow(): number {
    let last = 0;
    for (const [k, c] of this.cells) if (this.hasContent(c)) last = Math.max(last, Number(k.split(',')[0]));
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const [k, c] of this.cells) if (this.hasContent(c)) last = Math.max(last, Number(k.split(',')[1]));
    return last;
  }

  private shift(axis: 'row' | 'column', after: number, by: number): void {
    const moved = [...this.cells.entries()];
    this.cells.clear();
    for (const [k, c] of moved) {
      let [r, col] = k.split(',').map(Number) as [number, number];
      if (axis === 'row' && r > after) r += by;
      if (axis === 'column' && col > after) col += by;
      this.cells.set(this.key(r, col), c);
    }
  }

  /** Test setup without recording calls: values as a user typed them (strings starting with = are formulas). */
  direct(values: readonly (readonly unknown[])[]): void {
    this.cells.clear();
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === '' || v === null || v === undefined) return;
        const cell = this.mutableCell(r + 1, c + 1);
        if (typeof v === 'string' && v.startsWith('=')) cell.formula = v;
        else cell.value = isDateValue(v) ? new Date(v.getTime()) : (v as Value);
      }),
    );
    this.maxRows = Math.max(this.maxRows, values.length);
    this.maxColumns = Math.max(this.maxColumns, ...values.map((r) => r.length));
  }

  /** What getValues would return for the whole used range, without recording a call. */
  snapshot(): Value[][] {
    const rows = this.lastRow();
    const cols = this.lastColumn();
    const out: Value[][] = [];
    for (let r = 1; r <= rows; r++) {
      const line: Value[] = [];
      for (let c = 1; c <= cols; c++) line.push(this.displayValue(r, c));
      out.push(line);
    }
    return out;
  }

  formulaAt(a1: string): string {
    const { row, column } = parseA1(a1);
    return this.cell(row, column)?.formula ?? '';
  }

  displayValue(row: number, column: number): Value {
    const c = this.cell(row, column);
    if (!c) return '';
    if (c.formula !== undefined) return this.fake.evaluate(c.formula, this, c);
    return isDateValue(c.value) ? new Date(c.value.getTime()) : c.value;
  }
}

/** Parses a string the way Sheets parses typed input in the spreadsheet's locale (nb_NO unless told). */
export function parseTyped(text: string, timeZone: string, locale: 'nb_NO' | 'en_US' = 'nb_NO'): { value: Value; formula?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith('=') && text.length > 1) return { value: '', formula: text };
  const trimmed = text.trim();
  const plain = trimmed.replace(/^\+/, '');
  if (locale === 'nb_NO') return parseTypedNb(text, trimmed, plain, timeZone);
  if (/^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return { value: Number(plain) };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain)) return { value: Number(plain.replace(/,/g, '')) };
  if (/^-?(\d+\.?\d*|\.\d+)\s*%$/.test(plain)) return { value: Number(plain.replace('%', '')) / 100 };
  if (/^[+\-@]/.test(trimmed) && trimmed.length > 1) return { value: '', formula: trimmed.startsWith('@') ? `=${trimmed.slice(1)}` : `=${trimmed}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (m) return { value: zonedMidnight(+m[1]!, +m[2]!, +m[3]!, timeZone) };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (m) return { value: zonedMidnight(+m[3]!, +m[1]!, +m[2]!, timeZone) };
  return { value: text };
}

/** The instant of local midnight on y-m-d in `timeZone` (how Apps Script hands a date cell to a script). */
/**
 * nb_NO: decimal comma, space (or no-break space) as thousands separator, dd.mm.yyyy dates, ISO dates too.
 * A full stop between digits is not a decimal point: «1.5» is a date (1 May) and «1.234» is text.
 */
function parseTypedNb(text: string, trimmed: string, plain: string, timeZone: string): { value: Value; formula?: string } {
  const compact = plain.replace(/[\s\u00a0\u202f]/g, '');
  const grouped = /^-?\d{1,3}([\s\u00a0\u202f]\d{3})+(,\d+)?$/.test(plain);
  if (/^-?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/.test(plain) || grouped) return { value: Number(compact.replace(',', '.')) };
  if (/^-?(\d+(,\d*)?|,\d+)\s*%$/.test(plain)) return { value: Number(compact.replace('%', '').replace(',', '.')) / 100 };
  if (/^[+\-@]/.test(trimmed) && trimmed.length > 1 && !/^-?[\d,]/.test(trimmed)) return { value: '', formula: trimmed.startsWith('@') ? `=${trimmed.slice(1)}` : `=${trimmed}` };
  if (/^(true|false|sann|usann)$/i.test(trimmed)) return { value: /^(true|sann)$/i.test(trimmed) };
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (m) return { value: zonedMidnight(+m[1]!, +m[2]!, +m[3]!, timeZone) };
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(trimmed);
  if (m && +m[2]! >= 1 && +m[2]! <= 12 && +m[1]! >= 1 && +m[1]! <= 31) return { value: zonedMidnight(m[3]!.length === 2 ? 2000 + +m[3]! : +m[3]!, +m[2]!, +m[1]!, timeZone) };
  m = /^(\d{1,2})\.(\d{1,2})$/.exec(trimmed);
  if (m && +m[2]! >= 1 && +m[2]! <= 12 && +m[1]! >= 1 && +m[1]! <= 31) return { value: zonedMidnight(new Date().getFullYear(), +m[2]!, +m[1]!, timeZone) };
  return { value: text };
}

export function zonedMidnight(y: number, m: number, d: number, timeZone: string): Date {
  const utcGuess = Date.UTC(y, m - 1, d);
  const offset = (at: number) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)!.value);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - at;
  };
  const first = utcGuess - offset(utcGuess);
  return new Date(utcGuess - offset(first));
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
  ) {}

  private record(op: string, write = false): void {
    this.sheet.fake.record(`Range.${op}`, { write, sheet: this.sheet.name });
    this.sheet.assertAlive();
  }

  private assertShape(data: unknown): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every(Array.isArray)) throw new AppsScriptException(MESSAGES.invalidArgument('values (expected Object[][])'));
    if (data.length !== this.rows) throw new AppsScriptException(MESSAGES.rowsMismatch(data.length, this.rows));
    for (const row of data as unknown[][]) {
      if (row.length !== this.columns) throw new AppsScriptException(MESSAGES.columnsMismatch(row.length, this.columns));
    }
  }

  private each(fn: (row: number, column: number, r: number, c: number) => void): void {
    for (let r = 0; r < this.rows; r++) for (let c = 0; c < this.columns; c++) fn(this.row + r, this.column + c, r, c);
  }

  private map<T>(fn: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rows; r++) {
      const line: T[] = [];
      for (let c = 0; c < this.columns; c++) line.push(fn(this.row + r, this.column + c));
      out.push(line);
    }
    return out;
  }

  // --- geometry ------------------------------------------------------------------------------------

  getRow(): number {
    this.record('getRow');
    return this.row;
  }

  getColumn(): number {
    this.record('getColumn');
    return this.column;
  }

  getNumRows(): number {
    this.record('getNumRows');
    return this.rows;
  }

  getNumColumns(): number {
    this.record('getNumColumns');
    return this.columns;
  }

  getLastRow(): number {
    this.record('getLastRow');
    return this.row + this.rows - 1;
  }

  getLastColumn(): number {
    this.record('getLastColumn');
    return this.column + this.columns - 1;
  }

  getSheet(): FakeSheet {
    this.record('getSheet');
    return this.sheet;
  }

  getA1Notation(): string {
    this.record('getA1Notation');
    const start = `${columnLetters(this.column)}${this.row}`;
    if (this.rows === 1 && this.columns === 1) return start;
    return `${start}:${columnLetters(this.column + this.columns - 1)}${this.row + this.rows - 1}`;
  }

  activate(): FakeRange {
    this.record('activate');
    this.sheet.ss.active = this.sheet;
    this.sheet.ss.activeRange = this;
    return this;
  }

  // --- values --------------------------------------------------------------------------------------

  getValues(): Value[][] {
    this.record('getValues');
    return this.map((r, c) => this.sheet.displayValue(r, c));
  }

  getValue(): Value {
    this.record('getValue');
    return this.sheet.displayValue(this.row, this.column);
  }

  getDisplayValues(): string[][] {
    this.record('getDisplayValues');
    return this.map((r, c) => {
      const v = this.sheet.displayValue(r, c);
      return isDateValue(v) ? v.toISOString() : String(v);
    });
  }

  getFormulas(): string[][] {
    this.record('getFormulas');
    return this.map((r, c) => this.sheet.cell(r, c)?.formula ?? '');
  }

  getFormula(): string {
    this.record('getFormula');
    return this.sheet.cell(this.row, this.column)?.formula ?? '';
  }

  private writeValue(row: number, column: number, v: unknown): void {
    if (v !== null && v !== undefined && typeof v === 'object' && !isDateValue(v)) throw new AppsScriptException(MESSAGES.cannotConvert(String(v)));
    if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new AppsScriptException(MESSAGES.cannotConvert(String(v)));
    const cell = this.sheet.mutableCell(row, column);
    delete cell.formula;
    delete cell.result;
    if (v === null || v === undefined || v === '') {
      cell.value = '';
      return;
    }
    if (typeof v === 'number') {
      cell.value = Number.isFinite(v) ? v : '#NUM!';
      return;
    }
    if (typeof v === 'boolean') {
      cell.value = v;
      return;
    }
    if (isDateValue(v)) {
      cell.value = new Date(v.getTime());
      return;
    }
    const text = String(v);
    if (cell.format === '@') {
      cell.value = text;
      return;
    }
    const parsed = parseTyped(text, this.sheet.ss.timeZone, this.sheet.ss.locale);
    cell.value = parsed.value;
    if (parsed.formula !== undefined) cell.formula = parsed.formula;
  }

  setValues(values: unknown[][]): FakeRange {
    this.record('setValues', true);
    this.assertShape(values);
    this.each((row, column, r, c) => this.writeValue(row, column, values[r]![c]));
    return this;
  }

  setValue(value: unknown): FakeRange {
    this.record('setValue', true);
    this.each((row, column) => this.writeValue(row, column, value));
    return this;
  }

  setFormula(formula: string): FakeRange {
    this.record('setFormula', true);
    this.each((row, column) => this.writeFormula(row, column, formula));
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.record('setFormulas', true);
    this.assertShape(formulas);
    this.each((row, column, r, c) => this.writeFormula(row, column, formulas[r]![c]));
    return this;
  }

  private writeFormula(row: number, column: number, formula: unknown): void {
    if (typeof formula !== 'string') throw new AppsScriptException(MESSAGES.invalidArgument('formula'));
    const cell = this.sheet.mutableCell(row, column);
    if (formula === '') {
      delete cell.formula;
      delete cell.result;
      cell.value = '';
      return;
    }
    const next = formula.startsWith('=') ? formula : `=${formula}`;
    // Re-entering the same formula keeps Sheets' cached result; a different one computes afresh.
    if (cell.formula !== next) delete cell.result;
    cell.formula = next;
    cell.value = '';
  }

  clear(): FakeRange {
    this.record('clear', true);
    this.each((row, column) => this.sheet.cells.delete(this.sheet.key(row, column)));
    return this;
  }

  /**
   * copyTo(destination): values, formulas and formats, from the destination's top-left cell on, in one call
   * (Range.copyTo, developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range)).
   */
  copyTo(destination: FakeRange): void {
    this.record('copyTo', true);
    destination.sheet.assertAlive();
    if (destination.row + this.rows - 1 > destination.sheet.maxRows || destination.column + this.columns - 1 > destination.sheet.maxColumns) {
      throw new AppsScriptException(MESSAGES.rangeNotFound);
    }
    const copies: [number, number, Cell | undefined][] = [];
    this.each((row, column, r, c) => {
      const cell = this.sheet.cell(row, column);
      copies.push([destination.row + r, destination.column + c, cell ? { ...cell, value: isDateValue(cell.value) ? new Date(cell.value.getTime()) : cell.value } : undefined]);
    });
    for (const [row, column, cell] of copies) {
      if (cell) destination.sheet.cells.set(destination.sheet.key(row, column), cell);
      else destination.sheet.cells.delete(destination.sheet.key(row, column));
    }
  }

  clearContent(): FakeRange {
    this.record('clearContent', true);
    this.each((row, column) => {
      const cell = this.sheet.cell(row, column);
      if (cell) {
        delete cell.formula;
        delete cell.result;
        cell.value = '';
      }
    });
    return this;
  }

  // --- formats -------------------------------------------------------------------------------------

  setNumberFormat(format: string): FakeRange {
    this.record('setNumberFormat', true);
    this.each((row, column) => {
      this.sheet.mutableCell(row, column).format = String(format);
    });
    return this;
  }

  setNumberFormats(formats: string[][]): FakeRange {
    this.record('setNumberFormats', true);
    this.assertShape(formats);
    this.each((row, column, r, c) => {
      this.sheet.mutableCell(row, column).format = String(formats[r]![c]);
    });
    return this;
  }

  getNumberFormats(): string[][] {
    this.record('getNumberFormats');
    return this.map((r, c) => this.sheet.cell(r, c)?.format ?? '0.###############');
  }

  setBackground(color: string | null): FakeRange {
    this.record('setBackground', true);
    this.each((row, column) => {
      this.sheet.mutableCell(row, column).background = color ?? WHITE;
    });
    return this;
  }

  setBackgrounds(colors: (string | null)[][]): FakeRange {
    this.record('setBackgrounds', true);
    this.assertShape(colors);
    this.each((row, column, r, c) => {
      const color = colors[r]![c];
      if (color !== null && typeof color !== 'string') throw new AppsScriptException(MESSAGES.invalidArgument('color'));
      this.sheet.mutableCell(row, column).background = color ?? WHITE;
    });
    return this;
  }

  getBackgrounds(): string[][] {
    this.record('getBackgrounds');
    return this.map((r, c) => this.sheet.cell(r, c)?.background ?? WHITE);
  }

  getBackground(): string {
    this.record('getBackground');
    return this.sheet.cell(this.row, this.column)?.background ?? WHITE;
  }

  setFontWeight(weight: string | null): FakeRange {
    this.record('setFontWeight', true);
    this.each((row, column) => {
      this.sheet.mutableCell(row, column).fontWeight = weight ?? 'normal';
    });
    return this;
  }
}
