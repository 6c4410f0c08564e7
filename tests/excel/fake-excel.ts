// A fake Excel for ExcelHost tests, built on office-addin-mock.
//
// What office-addin-mock gives us: every proxy the host touches (ranges, worksheets, tables, named items)
// is an OfficeMockObject, so reading a property that was not loaded and synced returns the mock's error
// STRING ("Error, property was not loaded" / "Error, context.sync() was not called") exactly as the
// library does (TOOLCHAIN) — a host that forgets a load() reads garbage and the tests see it.
//
// What it cannot model, and is hand-written here on top of it (minimal fakes):
// - a workbook behind the proxies (sheets, cells, formulas, number formats, fills, tables, names);
// - collections (`load('items/name')`, getItemOrNullObject, add), null objects, events (onChanged);
// - queued writes: Office.js sends property assignments and method calls at context.sync(), in order,
//   and a failing operation rejects the sync while the operations before it stay applied. Writable
//   properties are accessors that queue an operation; loads are refreshed from the workbook at sync time;
// - Excel's value semantics: a string starting with "=" becomes a formula and a numeric string a number,
//   unless the cell's number format is "@" (text); `=DH.X(...)` formulas are computed with the catalog and
//   the add-in's shared model (as Excel would call the custom function); other formulas give #NAME?.
// - enums (Excel.CalculationType, Excel.SheetVisibility) are plain objects: the mock would hide them
//   behind load().
import { OfficeMockObject } from 'office-addin-mock';
import { CATALOG, callFunction, isDhError } from '../../core/index.js';
import { getModel } from '../../addin-excel/src/functions/adapter.js';
import {
  breakSheetIn,
  breakTableIn,
  columnLetters,
  evaluateReferences,
  isReferenceFormula,
  renameSheetIn,
  renameTableIn,
  sheetRef,
  tableToA1In,
  type RefName,
  type RefTable,
  type RefWorkbook,
} from '../fakes/references.js';

export const NOT_LOADED = 'Error, property was not loaded';
const NOT_SYNCED = 'Error, context.sync() was not called';

type Matrix = unknown[][];

export interface SheetModel {
  readonly id: string;
  name: string;
  visibility: string;
  values: Matrix;
  formulas: Map<string, string>;
  formats: Map<string, string>;
  fills: Map<string, string>;
  handlers: (() => unknown)[];
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  row: number;
  column: number;
  /** Rows including the header row (and the totals row when shown). */
  rows: number;
  columns: number;
  handlers: (() => unknown)[];
  /** Table.showTotals: the last of `rows` is the totals row, outside Table[Column] and #Data. */
  showTotals?: boolean;
}

/** A chart whose series point at cells ('DH_Fordeling_2026'!$F$2:$F$20); Excel rewrites them like formulas. */
export interface ChartModel {
  readonly name: string;
  readonly sheet: SheetModel;
  series: string[];
}

export interface NameModel {
  name: string;
  /** Undefined for a name that holds a constant (=42): getRangeOrNullObject gives a null object. */
  sheet: SheetModel | undefined;
  row: number;
  column: number;
  rows: number;
  columns: number;
  /** Set when the name no longer points at cells ("=#REF!" after its sheet was deleted). */
  formula?: string;
}

/** Excel on the web rejects a request or a response above 5 MB (see MAX_PAYLOAD in sync). */
export const MAX_PAYLOAD = 5_000_000;

/** One queued operation, applied at sync. `failWhen` sees these to inject failures. */
export type AddedHandler = (event: Record<string, unknown>) => unknown;

export interface Op {
  readonly kind: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly detail?: string;
  /** JSON size of the data this operation sends (values, formulas, formats). */
  readonly bytes?: number;
  apply(): void;
}

const key = (r: number, c: number) => `${r},${c}`;
let nextSheetId = 1;
export function newSheet(name: string): SheetModel {
  return { id: `{ark-${nextSheetId++}}`, name, visibility: 'Visible', values: [], formulas: new Map(), formats: new Map(), fills: new Map(), handlers: [] };
}
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** A defined name as Excel shows it in Name Manager: =Ark!$A$1:$C$3, or its constant / #REF!. */
function nameFormula(n: NameModel): string {
  if (n.formula !== undefined) return n.formula;
  if (!n.sheet) return '=#REF!';
  const col = (c: number) => columnLetters(c);
  return `=${sheetRef(n.sheet.name)}!$${col(n.column)}$${n.row + 1}:$${col(n.column + n.columns - 1)}$${n.row + n.rows}`;
}

export { columnLetters } from '../fakes/references.js';

/** "B7" / "$A$1:C3" → 0-based rectangle. */
export function parseA1(address: string): { row: number; column: number; rows: number; columns: number } {
  const parts = address.replace(/\$/g, '').replace(/^.*!/, '').toUpperCase().split(':');
  const cell = (s: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(s);
    if (!m) throw new Error(`Ugyldig adresse ${address}`);
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, column: col - 1 };
  };
  const a = cell(parts[0]!);
  const b = parts[1] ? cell(parts[1]) : a;
  return { row: a.row, column: a.column, rows: b.row - a.row + 1, columns: b.column - a.column + 1 };
}

/** Splits `"a,b",2026` into arguments (strings with "" escapes, numbers). */
function formulaArgs(text: string): unknown[] {
  const args: unknown[] = [];
  const re = /\s*(?:"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?))\s*(?:,|$)/y;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) args.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : Number(m[2]));
  return args;
}

/** What Excel would show for a formula: =DH.X(...) through the catalog and the shared model. */
export function evaluateFormula(formula: string): unknown {
  const m = /^=DH\.([A-Z]+)\((.*)\)$/.exec(formula.trim());
  if (!m) return '#NAME?';
  const entry = CATALOG.find((e) => e.name === m[1]);
  if (!entry) return '#NAME?';
  const result = callFunction(entry, getModel(), formulaArgs(m[2]!));
  if (isDhError(result)) return result.kind === 'notAvailable' ? '#N/A' : '#VALUE!';
  return Array.isArray(result) ? result[0]?.[0] ?? '' : result;
}

export class FakeWorkbook implements RefWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NameModel[] = [];
  readonly charts: ChartModel[] = [];
  /** Payload limit per request and per response (Excel on the web: 5 MB); tests of other limits may lower it. */
  maxPayload = MAX_PAYLOAD;
  active: SheetModel | undefined;
  selection: { sheet: string; address: string } | undefined;
  readonly calculations: string[] = [];
  /** Syncs per Excel.run, in order; `payloads` are the JSON sizes of the values loaded by each sync. */
  readonly runs: { syncs: number; payloads: number[] }[] = [];
  /** Kinds of the operations applied so far, in order (everything a host changed). */
  readonly applied: string[] = [];
  /** Return true to make that operation fail (the sync rejects; earlier operations stay applied). */
  failWhen: ((op: Op) => boolean) | undefined;

  get syncs(): number {
    return this.runs.reduce((n, r) => n + r.syncs, 0);
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => same(s.name, name));
  }

  table(name: string): TableModel | undefined {
    return this.tables.find((t) => same(t.name, name));
  }

  addSheet(name: string, values: Matrix = []): SheetModel {
    if (this.sheet(name)) throw new Error(`Arket ${name} finnes`);
    const sheet = newSheet(name);
    this.sheets.push(sheet);
    this.active ??= sheet;
    if (values.length) this.writeValues(sheet, 0, 0, values);
    return sheet;
  }

  /** An Excel table (header + rows [+ totals row, when `showTotals`]) at `address`'s top-left on `sheetName` (created if missing). */
  addTable(name: string, sheetName: string, values: Matrix, at = 'A1', showTotals = false): TableModel {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { row, column } = parseA1(at);
    this.writeValues(sheet, row, column, values, true);
    const table: TableModel = { name, sheet, row, column, rows: values.length, columns: values[0]!.length, handlers: [], ...(showTotals ? { showTotals } : {}) };
    this.tables.push(table);
    return table;
  }

  addName(name: string, sheetName: string, values: Matrix, at = 'A1'): NameModel {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { row, column } = parseA1(at);
    this.writeValues(sheet, row, column, values, true);
    const named: NameModel = { name, sheet, row, column, rows: values.length, columns: values[0]!.length };
    this.names.push(named);
    return named;
  }

  addNamedConstant(name: string): NameModel {
    const named: NameModel = { name, sheet: undefined, row: 0, column: 0, rows: 0, columns: 0, formula: '=42' };
    this.names.push(named);
    return named;
  }

  /** A user's chart on `sheetName` whose series are references (='Ark'!$F$2:$F$20 or Table[Column]). */
  addChart(name: string, sheetName: string, series: string[]): ChartModel {
    const chart: ChartModel = { name, sheet: this.sheet(sheetName) ?? this.addSheet(sheetName), series };
    this.charts.push(chart);
    return chart;
  }

  /** A formula the user typed, e.g. =SUM(DH_Fordeling_2026[Totalt pr kommune]) or ='DH_Fordeling_2026'!F21. */
  addUserFormula(sheetName: string, address: string, formula: string): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { row, column } = parseA1(address);
    this.setFormula(sheet, row, column, formula);
  }

  /** What a cell shows now: reference formulas are recalculated against the workbook, as Excel does. */
  shown(sheet: SheetModel, r: number, c: number, depth = 0): unknown {
    const formula = sheet.formulas.get(key(r, c));
    if (formula && isReferenceFormula(formula) && depth < 8) {
      const value = evaluateReferences({ ...this.refView(), valueAt: (s, rr, cc) => this.shownByName(s, rr, cc, depth + 1) }, formula);
      if (value !== undefined) return value;
    }
    return sheet.values[r]?.[c];
  }

  private shownByName(sheetName: string, r: number, c: number, depth: number): unknown {
    const sheet = this.sheet(sheetName);
    return sheet ? this.shown(sheet, r, c, depth) : undefined;
  }

  private refView(): RefWorkbook {
    return { tablesForRefs: () => this.tablesForRefs(), namesForRefs: () => this.namesForRefs(), sheetExists: (n) => this.sheetExists(n), valueAt: (s, r, c) => this.valueAt(s, r, c) };
  }

  tablesForRefs(): RefTable[] {
    return this.tables.map((t) => ({ name: t.name, sheetName: t.sheet.name, row: t.row, column: t.column, rows: t.rows, columns: t.columns, totalsRow: !!t.showTotals }));
  }

  namesForRefs(): RefName[] {
    return this.names.map((n) => ({ name: n.name, formula: nameFormula(n) }));
  }

  sheetExists(name: string): boolean {
    return !!this.sheet(name);
  }

  valueAt(sheetName: string, r: number, c: number): unknown {
    return this.shownByName(sheetName, r, c, 0);
  }

  /** Every place Excel keeps a reference: cell formulas, chart series and defined names. */
  rewriteReferences(rewrite: (formula: string) => string): void {
    for (const sheet of this.sheets) {
      for (const [k, f] of sheet.formulas) if (isReferenceFormula(f)) sheet.formulas.set(k, rewrite(f));
    }
    for (const chart of this.charts) chart.series = chart.series.map(rewrite);
    for (const n of this.names) {
      if (!n.sheet && n.formula === undefined) continue;
      const before = nameFormula(n);
      const after = rewrite(before);
      if (after !== before) {
        n.formula = after;
        if (after.includes('#REF!')) n.sheet = undefined;
      }
    }
  }

  /** Table names and defined names are one case-insensitive namespace (see ../fakes/references.ts). */
  nameTaken(name: string, except?: TableModel): string | undefined {
    if (this.tables.some((t) => t !== except && same(t.name, name))) return 'en tabell';
    if (this.names.some((n) => same(n.name, name))) return 'et definert navn';
    return undefined;
  }

  /** Writes values with Excel's rules; `asText` writes strings as text (numberFormat "@"), as a user's typed data is kept. */
  writeValues(sheet: SheetModel, r0: number, c0: number, matrix: Matrix, asText = false): void {
    matrix.forEach((row, r) =>
      row.forEach((v, c) => {
        if (asText && typeof v === 'string') sheet.formats.set(key(r0 + r, c0 + c), '@');
        this.setCell(sheet, r0 + r, c0 + c, v);
      }),
    );
  }

  /** One cell written through `values`: null means "leave as is" (Office.js). */
  setCell(sheet: SheetModel, r: number, c: number, v: unknown): void {
    if (v === null || v === undefined) return;
    const k = key(r, c);
    const format = sheet.formats.get(k) ?? 'General';
    sheet.formulas.delete(k);
    let value: unknown = v;
    if (typeof v === 'string' && format !== '@') {
      if (v.startsWith('=') && v.length > 1) {
        sheet.formulas.set(k, v);
        value = isReferenceFormula(v) ? 0 : evaluateFormula(v);
      } else if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) value = Number(v.trim());
    }
    (sheet.values[r] ??= [])[c] = value;
  }

  setFormula(sheet: SheetModel, r: number, c: number, f: unknown): void {
    if (typeof f === 'string' && f.startsWith('=')) {
      const k = key(r, c);
      sheet.formulas.set(k, f);
      (sheet.values[r] ??= [])[c] = isReferenceFormula(f) ? 0 : evaluateFormula(f);
    } else this.setCell(sheet, r, c, f);
  }

  read(sheet: SheetModel, r0: number, c0: number, rows: number, columns: number): Matrix {
    const out: Matrix = [];
    for (let r = r0; r < r0 + rows; r++) {
      const row: unknown[] = new Array(columns);
      for (let c = 0; c < columns; c++) {
        const v = this.shown(sheet, r, c0 + c);
        row[c] = v === undefined || v === null ? '' : v;
      }
      out.push(row);
    }
    return out;
  }

  clear(sheet: SheetModel, r0: number, c0: number, rows: number, columns: number): void {
    for (let r = r0; r < r0 + rows; r++) {
      for (let c = c0; c < c0 + columns; c++) {
        if (sheet.values[r]) sheet.values[r]![c] = undefined;
        sheet.formulas.delete(key(r, c));
        sheet.formats.delete(key(r, c));
        sheet.fills.delete(key(r, c));
      }
    }
  }

  usedRange(sheet: SheetModel): { row: number; column: number; rows: number; columns: number } | undefined {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    sheet.values.forEach((row, r) => {
      if (!row) return;
      row.forEach((v, c) => {
        if (v === undefined || v === null || v === '') return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      });
    });
    if (top < 0) return undefined;
    return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
  }

  cell(sheetName: string, address: string): { value: unknown; formula: string | undefined; format: string; fill: string | undefined } {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`Arket ${sheetName} finnes ikke`);
    const { row, column } = parseA1(address);
    return {
      value: this.shown(sheet, row, column) ?? '',
      formula: sheet.formulas.get(key(row, column)),
      format: sheet.formats.get(key(row, column)) ?? 'General',
      fill: sheet.fills.get(key(row, column)),
    };
  }

  /** The values of a table (header + rows), as Excel shows them. */
  tableValues(name: string): Matrix | undefined {
    const t = this.table(name);
    return t ? this.read(t.sheet, t.row, t.column, t.rows, t.columns) : undefined;
  }

  /** A deep, comparable copy of everything in the workbook. */
  snapshot(): unknown {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        values: JSON.stringify(s.values),
        formulas: [...s.formulas].sort(),
        formats: [...s.formats].sort(),
        fills: [...s.fills].sort(),
      })),
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, at: [t.row, t.column, t.rows, t.columns], totals: !!t.showTotals })),
      names: this.names.map((n) => `${n.name}${nameFormula(n)}`),
      charts: this.charts.map((c) => ({ name: c.name, series: [...c.series] })),
    };
  }

  // --- events for things created after the add-in started (hosts, issue 12) ------------------------
  // TableCollection.onAdded / WorksheetCollection.onAdded (ExcelApi 1.7): Excel calls the handlers after a
  // user inserts a table or a sheet; nothing else tells an add-in that a DH_Kommuner now exists.
  readonly tableAddedHandlers: AddedHandler[] = [];
  readonly sheetAddedHandlers: AddedHandler[] = [];

  /** A user inserts table `name` (as Excel does: the table exists, then onAdded handlers run). */
  async userAddsTable(name: string, sheetName: string, values: Matrix, at = 'A1'): Promise<TableModel> {
    const table = this.addTable(name, sheetName, values, at);
    for (const h of this.tableAddedHandlers) await h({ type: 'TableAdded', source: 'Local', tableId: `{tabell-${name}}`, worksheetId: this.sheet(sheetName)!.id });
    return table;
  }

  /** A user inserts a sheet `name` holding `values`. */
  async userAddsSheet(name: string, values: Matrix = []): Promise<SheetModel> {
    const sheet = this.addSheet(name, values);
    for (const h of this.sheetAddedHandlers) await h({ type: 'WorksheetAdded', source: 'Local', worksheetId: sheet.id });
    return sheet;
  }

  /** Fires onChanged handlers registered on a table or sheet, as Excel does after an edit. */
  async fireChanged(name: string): Promise<number> {
    const handlers = this.table(name)?.handlers ?? this.sheet(name)?.handlers ?? [];
    for (const h of handlers) await h();
    return handlers.length;
  }

  /** The global `Excel` object the host calls (office-addin-mock object with `run`, plus plain enums). */
  excelGlobal(): Record<string, unknown> {
    const excel = new OfficeMockObject({
      run: async (batch: (context: unknown) => Promise<unknown>) => {
        const run = { syncs: 0, payloads: [] as number[] };
        this.runs.push(run);
        const context = new FakeContext(this, run);
        return batch(context);
      },
    }) as unknown as Record<string, unknown>;
    excel.CalculationType = { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' };
    excel.SheetVisibility = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
    return excel;
  }
}

type Loader = (prop: string) => unknown;

/** The request context of one Excel.run: proxies, queued operations, sync. */
export class FakeContext {
  private queue: Op[] = [];
  private loaded = new Map<OfficeMockObject, { props: Set<string>; current: Loader }>();
  private collections: (() => void)[] = [];
  private internal = false;
  private readonly sheetProxies = new Map<SheetModel, any>();
  readonly workbook: any;

  constructor(private readonly wb: FakeWorkbook, private readonly run: { syncs: number; payloads: number[] }) {
    this.workbook = {
      tables: Object.assign(this.collection(() => wb.tables, (t) => this.tableProxy(t)), {
        onAdded: { add: (handler: AddedHandler) => this.enqueue({ kind: 'onAdded', apply: () => void wb.tableAddedHandlers.push(handler) }) },
      }),
      names: Object.assign(this.collection(() => wb.names, (n) => this.nameProxy(n)), {
        // NamedItemCollection.add(name, reference) (ExcelApi 1.4): a workbook-scoped name for a range; table and
        // defined names share one namespace (see ../fakes/references.ts).
        add: (name: string, reference: any) => {
          const at = reference.__at as { row: number; column: number; rows: number; columns: number };
          const model: NameModel = { name, sheet: reference.__sheet as SheetModel, ...at };
          this.enqueue({
            kind: 'addName',
            detail: name,
            apply: () => {
              const taken = wb.nameTaken(name);
              if (taken) throw new Error(`InvalidArgument: navnet ${name} er allerede brukt av ${taken}`);
              wb.names.push(model);
            },
          });
          return this.nameProxy(model);
        },
      }),
      worksheets: Object.assign(this.collection(() => wb.sheets, (s) => this.sheetProxy(s)), {
        onAdded: { add: (handler: AddedHandler) => this.enqueue({ kind: 'onAdded', apply: () => void wb.sheetAddedHandlers.push(handler) }) },
        getItem: (name: string) => {
          const s = wb.sheet(name);
          if (!s) throw new Error(`ItemNotFound: arket ${name} finnes ikke`);
          return this.sheetProxy(s);
        },
        getActiveWorksheet: () => this.sheetProxy(wb.active!),
        add: (name: string) => {
          const sheet = newSheet(name);
          this.enqueue({
            kind: 'addSheet',
            sheet: name,
            apply: () => {
              if (wb.sheet(name)) throw new Error(`ItemAlreadyExists: arket ${name} finnes`);
              wb.sheets.push(sheet);
            },
          });
          return this.sheetProxy(sheet);
        },
      }),
      application: {
        calculate: (type: string) => this.enqueue({ kind: 'calculate', detail: type, apply: () => void wb.calculations.push(type) }),
      },
    };
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Applies queued operations in order, then resolves loads from the workbook's state. */
  async sync(): Promise<void> {
    this.run.syncs += 1;
    const ops = this.queue;
    this.queue = [];
    // Excel on the web: "the payload size limit is 5 MB" for a request and for a response — see
    // https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization
    // (Resource limits and performance optimization for Office Add-ins, "Excel add-ins"). Too big a request is
    // refused whole: nothing of it is applied.
    const request = ops.reduce((n, op) => n + (op.bytes ?? 0), 0);
    if (request > this.wb.maxPayload) {
      throw new Error(`RequestPayloadSizeLimitExceeded: forespørselen er ${request} byte, grensen er ${this.wb.maxPayload}`);
    }
    for (const op of ops) {
      if (this.wb.failWhen?.(op)) throw new Error(`GeneralException: simulert feil i ${op.kind}${op.sheet ? ` på ${op.sheet}` : ''}`);
      op.apply();
      this.wb.applied.push(op.kind);
    }
    let payload = 0;
    const pending = [...this.loaded];
    this.loaded.clear();
    for (const [proxy, { props, current }] of pending) {
      for (const prop of props) {
        const child = (proxy as any)._properties.get(prop);
        if (child && !child._isObject) {
          child._valueBeforeLoaded = current(prop);
          if (prop === 'values' || prop === 'formulas' || prop === 'numberFormat') payload += JSON.stringify(child._valueBeforeLoaded).length;
        }
      }
    }
    if (payload > this.wb.maxPayload) {
      throw new Error(`ResponsePayloadSizeLimitExceeded: svaret er ${payload} byte, grensen er ${this.wb.maxPayload}`);
    }
    this.internal = true;
    try {
      for (const [proxy] of pending) await proxy.sync();
      // office-addin-mock copies loaded values onto the proxy in microtasks; let them run.
      await new Promise((r) => setImmediate(r));
    } finally {
      this.internal = false;
    }
    for (const resolve of this.collections.splice(0)) resolve();
    this.run.payloads.push(payload);
  }

  // -------------------------------------------------------------------------------------------------

  /**
   * An OfficeMockObject for `data`, whose `writable` properties queue an operation when assigned and
   * whose loads are refreshed from `current()` at sync.
   */
  private proxy(data: Record<string, unknown>, current: Loader, writable: Record<string, (value: any) => Op>, extra: Record<string, unknown> = {}): any {
    const mock = new OfficeMockObject(data as any) as any;
    const ctx = this;
    for (const [prop, toOp] of Object.entries(writable)) {
      let value = mock[prop];
      Object.defineProperty(mock, prop, {
        configurable: true,
        enumerable: true,
        get: () => value,
        set: (v: unknown) => {
          value = v;
          if (!ctx.internal) ctx.enqueue(toOp(v));
        },
      });
    }
    const originalLoad = mock.load.bind(mock);
    mock.load = (arg?: string | string[]) => {
      const props = arg === undefined ? Object.keys(data).filter((k) => typeof data[k] !== 'function') : (Array.isArray(arg) ? arg : arg.split(',')).map((p) => p.trim());
      const entry = ctx.loaded.get(mock) ?? { props: new Set<string>(), current };
      for (const p of props) {
        entry.props.add(p);
        // A second load of a property must see fresh data: show "not synced" until the next sync.
        if (p in writable) {
          ctx.internal = true;
          mock[p] = NOT_SYNCED;
          ctx.internal = false;
        }
      }
      ctx.loaded.set(mock, entry);
      // The mock copies its own placeholders onto the proxy while loading: not writes by the host.
      ctx.internal = true;
      try {
        originalLoad(props);
      } finally {
        ctx.internal = false;
      }
      return mock;
    };
    Object.assign(mock, { isNullObject: false }, extra);
    return mock;
  }

  private nullProxy(): any {
    const mock = new OfficeMockObject({}) as any;
    mock.isNullObject = true;
    mock.load = () => mock; // Office.js allows queuing loads on a null object; it just has nothing to load.
    mock.delete = () => this.enqueue({ kind: 'deleteNull', apply: () => { throw new Error('ItemNotFound'); } });
    return mock;
  }

  private collection<T extends { name: string }>(items: () => T[], toProxy: (item: T) => any): any {
    const ctx = this;
    let state: any[] | string = NOT_LOADED;
    return {
      get items() {
        return state;
      },
      load(arg: string) {
        if (!/items\/name|name/.test(arg)) throw new Error(`Uventet load(${arg}) på en samling`);
        state = NOT_SYNCED;
        ctx.collections.push(() => {
          state = items().map((i) => ({ name: i.name }));
        });
        return this;
      },
      getItemOrNullObject: (name: string) => {
        const found = items().find((i) => same(i.name, name));
        return found ? toProxy(found) : ctx.nullProxy();
      },
    };
  }

  sheetProxy(sheet: SheetModel): any {
    const cached = this.sheetProxies.get(sheet);
    if (cached) return cached;
    const wb = this.wb;
    const ctx = this;
    const proxy = this.proxy(
      { id: sheet.id, name: sheet.name, position: 0, visibility: sheet.visibility },
      (prop) => ({ id: sheet.id, name: sheet.name, position: wb.sheets.indexOf(sheet), visibility: sheet.visibility })[prop],
      {
        name: (v: string) => ({
          kind: 'renameSheet',
          sheet: sheet.name,
          detail: v,
          apply: () => {
            const other = wb.sheet(v);
            if (other && other !== sheet) throw new Error(`InvalidArgument: arknavnet ${v} er i bruk`);
            const from = sheet.name;
            sheet.name = v;
            wb.rewriteReferences((f) => renameSheetIn(f, from, v));
          },
        }),
        position: (v: number) => ({
          kind: 'moveSheet',
          sheet: sheet.name,
          apply: () => {
            wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
            wb.sheets.splice(Math.min(v, wb.sheets.length), 0, sheet);
          },
        }),
        visibility: (v: string) => ({ kind: 'sheetVisibility', sheet: sheet.name, apply: () => void (sheet.visibility = v) }),
      },
      {
        getRangeByIndexes: (row: number, column: number, rows: number, columns: number) => ctx.rangeProxy(sheet, row, column, rows, columns),
        getRange: (address: string) => {
          const a = parseA1(address);
          return ctx.rangeProxy(sheet, a.row, a.column, a.rows, a.columns);
        },
        getUsedRangeOrNullObject: () => {
          const used = wb.usedRange(sheet);
          return used ? ctx.rangeProxy(sheet, used.row, used.column, used.rows, used.columns) : ctx.nullProxy();
        },
        activate: () => ctx.enqueue({ kind: 'activate', sheet: sheet.name, apply: () => void (wb.active = sheet) }),
        delete: () =>
          ctx.enqueue({
            kind: 'deleteSheet',
            sheet: sheet.name,
            apply: () => {
              if (!wb.sheets.includes(sheet)) throw new Error(`ItemNotFound: arket ${sheet.name}`);
              const gone = wb.tables.filter((t) => t.sheet === sheet);
              // References to the sheet and its tables turn into #REF! first, while the names still resolve.
              wb.rewriteReferences((f) => breakSheetIn(f, sheet.name, gone.map((t) => t.name)));
              wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
              for (const t of gone) wb.tables.splice(wb.tables.indexOf(t), 1);
              for (const c of wb.charts.filter((c) => c.sheet === sheet)) wb.charts.splice(wb.charts.indexOf(c), 1);
              for (const n of wb.names.filter((n) => n.sheet === sheet)) n.sheet = undefined;
              if (wb.active === sheet) wb.active = wb.sheets.find((s) => s.visibility === 'Visible');
            },
          }),
        tables: {
          add: (range: any, hasHeaders: boolean) => {
            const at = range.__at as { row: number; column: number; rows: number; columns: number };
            const model: TableModel = { name: `Tabell${wb.tables.length + 1}_${Math.random().toString(36).slice(2, 6)}`, sheet, ...at, handlers: [] };
            ctx.enqueue({
              kind: 'addTable',
              sheet: sheet.name,
              apply: () => {
                if (!hasHeaders) throw new Error('Testfaken støtter bare tabeller med overskrift');
                const overlap = wb.tables.some((t) => t.sheet === sheet && t.row < at.row + at.rows && at.row < t.row + t.rows && t.column < at.column + at.columns && at.column < t.column + t.columns);
                if (overlap) throw new Error('InvalidArgument: tabeller kan ikke overlappe');
                wb.tables.push(model);
              },
            });
            return ctx.tableProxy(model);
          },
        },
        onChanged: { add: (handler: () => unknown) => ctx.enqueue({ kind: 'onChanged', apply: () => void sheet.handlers.push(handler) }) },
      },
    );
    this.sheetProxies.set(sheet, proxy);
    return proxy;
  }

  rangeProxy(sheet: SheetModel, row: number, column: number, rows: number, columns: number): any {
    const wb = this.wb;
    const ctx = this;
    const at = { row, column, rows, columns };
    // Excel quotes sheet names with spaces or punctuation in addresses: 'Mitt ark'!A1:B2.
    const sheetRef = /^[\p{L}0-9_]+$/u.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`;
    const address = `${sheetRef}!${columnLetters(column)}${row + 1}:${columnLetters(column + columns - 1)}${row + rows - 1 + 1}`;
    const eachCell = (matrix: unknown, what: string, set: (r: number, c: number, v: unknown) => void) => {
      if (!Array.isArray(matrix) || matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== columns)) {
        throw new Error(`InvalidArgument: ${what} har feil form for ${address}`);
      }
      (matrix as unknown[][]).forEach((line, r) => line.forEach((v, c) => set(row + r, column + c, v)));
    };
    const state = (prop: string): unknown => {
      switch (prop) {
        case 'address':
          return address;
        case 'rowIndex':
          return row;
        case 'columnIndex':
          return column;
        case 'rowCount':
          return rows;
        case 'columnCount':
          return columns;
        case 'values':
          return wb.read(sheet, row, column, rows, columns);
        case 'formulas':
          return wb.read(sheet, row, column, rows, columns).map((line, r) => line.map((v, c) => sheet.formulas.get(key(row + r, column + c)) ?? v));
        case 'numberFormat':
          return wb.read(sheet, row, column, rows, columns).map((line, r) => line.map((_, c) => sheet.formats.get(key(row + r, column + c)) ?? 'General'));
        default:
          return undefined;
      }
    };
    const proxy = this.proxy(
      { address: '', rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, values: [], formulas: [], numberFormat: [] },
      state,
      {
        values: (m: unknown) => ({ kind: 'values', sheet: sheet.name, row, bytes: JSON.stringify(m ?? null).length, apply: () => eachCell(m, 'values', (r, c, v) => wb.setCell(sheet, r, c, v)) }),
        formulas: (m: unknown) => ({ kind: 'formulas', sheet: sheet.name, row, bytes: JSON.stringify(m ?? null).length, apply: () => eachCell(m, 'formulas', (r, c, v) => wb.setFormula(sheet, r, c, v)) }),
        numberFormat: (m: unknown) => ({
          kind: 'numberFormat',
          sheet: sheet.name,
          row,
          bytes: JSON.stringify(m ?? null).length,
          apply: () => eachCell(m, 'numberFormat', (r, c, v) => (v === 'General' ? sheet.formats.delete(key(r, c)) : sheet.formats.set(key(r, c), String(v)))),
        }),
      },
      {
        __at: at,
        __sheet: sheet,
        // Range.copyFrom(source, "All") (ExcelApi 1.9): values, formulas and formats move inside Excel, so the
        // request carries no cell data. DH formulas have no relative references, so they copy as they are.
        copyFrom: (source: any, copyType = 'All') =>
          ctx.enqueue({
            kind: 'copyFrom',
            sheet: sheet.name,
            row,
            apply: () => {
              if (copyType !== 'All') throw new Error('Testfaken kopierer bare med copyType All');
              const from = source.__at as typeof at;
              const fromSheet = source.__sheet as SheetModel;
              if (!wb.sheets.includes(fromSheet)) throw new Error('ItemNotFound: kildearket finnes ikke');
              if (from.rows !== rows || from.columns !== columns) throw new Error('InvalidArgument: kilden og målet har ulik størrelse');
              for (let r = 0; r < rows; r++) {
                for (let c = 0; c < columns; c++) {
                  const src = key(from.row + r, from.column + c);
                  const dst = key(row + r, column + c);
                  const f = fromSheet.formulas.get(src);
                  const fmt = fromSheet.formats.get(src);
                  (sheet.values[row + r] ??= [])[column + c] = fromSheet.values[from.row + r]?.[from.column + c];
                  if (f) sheet.formulas.set(dst, f);
                  else sheet.formulas.delete(dst);
                  if (fmt) sheet.formats.set(dst, fmt);
                  else sheet.formats.delete(dst);
                }
              }
            },
          }),
        select: () => ctx.enqueue({ kind: 'select', sheet: sheet.name, apply: () => void (wb.selection = { sheet: sheet.name, address: address.replace(/^.*!/, '') }) }),
        clear: () => ctx.enqueue({ kind: 'clear', sheet: sheet.name, apply: () => wb.clear(sheet, row, column, rows, columns) }),
      },
    );
    Object.defineProperty(proxy, 'worksheet', { get: () => ctx.sheetProxy(sheet) });
    // range.format.fill: its own proxy (colour of the top-left cell, as Excel reports a uniform fill).
    const fill = this.proxy(
      { color: '' },
      () => sheet.fills.get(key(row, column)) ?? '#FFFFFF',
      {
        color: (v: string) => ({
          kind: 'fill',
          sheet: sheet.name,
          apply: () => {
            for (let r = row; r < row + rows; r++) for (let c = column; c < column + columns; c++) sheet.fills.set(key(r, c), v);
          },
        }),
      },
      {
        clear: () =>
          ctx.enqueue({
            kind: 'clearFill',
            sheet: sheet.name,
            apply: () => {
              for (let r = row; r < row + rows; r++) for (let c = column; c < column + columns; c++) sheet.fills.delete(key(r, c));
            },
          }),
      },
    );
    proxy.format = { fill, autofitColumns: () => ctx.enqueue({ kind: 'autofit', apply: () => undefined }) };
    return proxy;
  }

  tableProxy(table: TableModel): any {
    const wb = this.wb;
    const ctx = this;
    const proxy = this.proxy(
      { name: table.name, style: '', showTotals: false },
      (prop) => (prop === 'name' ? table.name : prop === 'showTotals' ? !!table.showTotals : 'TableStyleMedium2'),
      {
        // Table.showTotals (ExcelApi 1.1): "Specifies if the total row is visible. This value can be set to show or
        // remove the total row." — https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-showtotals-member
        // Shown, the row directly below the data becomes the totals row with Excel's defaults (the label «Total» in
        // the first column, =SUBTOTAL(109,[last column]) in the last), so a host that does not write every cell of
        // it shows them. Excel's behaviour when that row is not empty is not documented for the API: the fake
        // refuses it, so a host must have cleared it. Removed, the totals row leaves the table and its cells are cleared.
        showTotals: (v: boolean) => ({
          kind: 'showTotals',
          sheet: table.sheet.name,
          detail: `${table.name}=${v}`,
          apply: () => {
            if (!!v === !!table.showTotals) return;
            if (v) {
              const below = table.row + table.rows;
              for (let c = table.column; c < table.column + table.columns; c++) {
                const value = table.sheet.values[below]?.[c];
                if ((value !== undefined && value !== null && value !== '') || table.sheet.formulas.has(key(below, c))) {
                  throw new Error(`InvalidOperation: raden under ${table.name} er ikke tom (${columnLetters(c)}${below + 1})`);
                }
              }
              table.rows += 1;
              table.showTotals = true;
              wb.clear(table.sheet, below, table.column, 1, table.columns);
              wb.setCell(table.sheet, below, table.column, 'Total');
              const last = String(wb.valueAt(table.sheet.name, table.row, table.column + table.columns - 1) ?? '');
              if (table.columns > 1) wb.setFormula(table.sheet, below, table.column + table.columns - 1, `=SUBTOTAL(109,${table.name}[${last}])`);
            } else {
              wb.clear(table.sheet, table.row + table.rows - 1, table.column, 1, table.columns);
              table.rows -= 1;
              table.showTotals = false;
            }
          },
        }),
        name: (v: string) => ({
          kind: 'renameTable',
          detail: v,
          apply: () => {
            const taken = wb.nameTaken(v, table);
            if (taken) throw new Error(`InvalidArgument: navnet ${v} er allerede brukt av ${taken}`);
            if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw new Error(`InvalidArgument: ugyldig tabellnavn ${v}`);
            const from = table.name;
            table.name = v;
            wb.rewriteReferences((f) => renameTableIn(f, from, v));
          },
        }),
        style: () => ({ kind: 'tableStyle', apply: () => undefined }),
      },
      {
        getHeaderRowRange: () => ctx.rangeProxy(table.sheet, table.row, table.column, 1, table.columns),
        getDataBodyRange: () => ctx.rangeProxy(table.sheet, table.row + 1, table.column, Math.max(1, table.rows - 1 - (table.showTotals ? 1 : 0)), table.columns),
        // Table.getTotalRowRange: the totals row. Without one, the fake throws (nothing to return a range for).
        getTotalRowRange: () => {
          if (!table.showTotals) throw new Error(`InvalidOperation: ${table.name} har ingen totalrad`);
          return ctx.rangeProxy(table.sheet, table.row + table.rows - 1, table.column, 1, table.columns);
        },
        getRange: () => ctx.rangeProxy(table.sheet, table.row, table.column, table.rows, table.columns),
        // Table.resize (ExcelApi 1.13): "The header row must remain in the same row, and the resulting table
        // range must overlap the original table range" — Excel.Table, resize(newRange),
        // https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-tables (tables overview) and the
        // same rule in every Excel-compatible API (Document Solutions ITable.Resize). No cells move.
        resize: (range: any) =>
          ctx.enqueue({
            kind: 'resizeTable',
            sheet: table.sheet.name,
            detail: table.name,
            apply: () => {
              const at = range.__at as { row: number; column: number; rows: number; columns: number };
              if (range.__sheet !== table.sheet) throw new Error('InvalidArgument: tabellen kan bare endre størrelse på sitt eget ark');
              if (at.row !== table.row || at.rows < 2) throw new Error('InvalidArgument: overskriftsraden må bli stående, og tabellen må ha minst én rad');
              if (at.column + at.columns <= table.column || table.column + table.columns <= at.column) throw new Error('InvalidArgument: nytt område må overlappe tabellen');
              const overlap = wb.tables.some((t) => t !== table && t.sheet === table.sheet && t.row < at.row + at.rows && at.row < t.row + t.rows && t.column < at.column + at.columns && at.column < t.column + t.columns);
              if (overlap) throw new Error('InvalidArgument: tabeller kan ikke overlappe');
              Object.assign(table, at);
            },
          }),
        delete: () =>
          ctx.enqueue({
            kind: 'deleteTable',
            apply: () => {
              wb.rewriteReferences((f) => breakTableIn(f, table.name));
              wb.tables.splice(wb.tables.indexOf(table), 1);
              wb.clear(table.sheet, table.row, table.column, table.rows, table.columns);
            },
          }),
        convertToRange: () => {
          ctx.enqueue({
            kind: 'convertToRange',
            apply: () => {
              const ref = wb.tablesForRefs().find((t) => t.name === table.name)!;
              wb.rewriteReferences((f) => tableToA1In(f, ref));
              wb.tables.splice(wb.tables.indexOf(table), 1);
            },
          });
          return ctx.rangeProxy(table.sheet, table.row, table.column, table.rows, table.columns);
        },
        onChanged: { add: (handler: () => unknown) => ctx.enqueue({ kind: 'onChanged', apply: () => void table.handlers.push(handler) }) },
      },
    );
    Object.defineProperty(proxy, 'worksheet', { get: () => ctx.sheetProxy(table.sheet) });
    return proxy;
  }

  nameProxy(named: NameModel): any {
    const wb = this.wb;
    return this.proxy(
      { name: named.name, formula: '' },
      (prop) => (prop === 'name' ? named.name : nameFormula(named)),
      {
        // NamedItem.formula is writable (ExcelApi 1.7): the name then refers to the new range.
        formula: (v: string) => ({
          kind: 'nameFormula',
          detail: named.name,
          apply: () => {
            const m = /^=(?:'((?:[^']|'')+)'|([^!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/i.exec(String(v));
            const target = m ? wb.sheet(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!) : undefined;
            if (!m || !target) throw new Error(`InvalidArgument: ugyldig formel for navnet ${named.name}`);
            Object.assign(named, { sheet: target, formula: undefined }, parseA1(m[3]!));
          },
        }),
      },
      {
        getRangeOrNullObject: () => (named.sheet ? this.rangeProxy(named.sheet, named.row, named.column, named.rows, named.columns) : this.nullProxy()),
        delete: () => this.enqueue({ kind: 'deleteName', detail: named.name, apply: () => void wb.names.splice(wb.names.indexOf(named), 1) }),
      },
    );
  }
}
