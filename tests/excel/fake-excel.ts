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
  /** Rows including the header row. */
  rows: number;
  columns: number;
  handlers: (() => unknown)[];
}

export interface NameModel {
  name: string;
  /** Undefined for a name that holds a constant (=42): getRangeOrNullObject gives a null object. */
  sheet: SheetModel | undefined;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** One queued operation, applied at sync. `failWhen` sees these to inject failures. */
export interface Op {
  readonly kind: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly detail?: string;
  apply(): void;
}

const key = (r: number, c: number) => `${r},${c}`;
let nextSheetId = 1;
export function newSheet(name: string): SheetModel {
  return { id: `{ark-${nextSheetId++}}`, name, visibility: 'Visible', values: [], formulas: new Map(), formats: new Map(), fills: new Map(), handlers: [] };
}
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function columnLetters(column: number): string {
  let n = column + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

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

export class FakeWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NameModel[] = [];
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

  /** An Excel table (header + rows) at `address`'s top-left on `sheetName` (created if missing). */
  addTable(name: string, sheetName: string, values: Matrix, at = 'A1'): TableModel {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { row, column } = parseA1(at);
    this.writeValues(sheet, row, column, values, true);
    const table: TableModel = { name, sheet, row, column, rows: values.length, columns: values[0]!.length, handlers: [] };
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
    const named: NameModel = { name, sheet: undefined, row: 0, column: 0, rows: 0, columns: 0 };
    this.names.push(named);
    return named;
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
        value = evaluateFormula(v);
      } else if (/^[+-]?\d+(\.\d+)?$/.test(v.trim())) value = Number(v.trim());
    }
    (sheet.values[r] ??= [])[c] = value;
  }

  setFormula(sheet: SheetModel, r: number, c: number, f: unknown): void {
    if (typeof f === 'string' && f.startsWith('=')) {
      const k = key(r, c);
      sheet.formulas.set(k, f);
      (sheet.values[r] ??= [])[c] = evaluateFormula(f);
    } else this.setCell(sheet, r, c, f);
  }

  read(sheet: SheetModel, r0: number, c0: number, rows: number, columns: number): Matrix {
    const out: Matrix = [];
    for (let r = r0; r < r0 + rows; r++) {
      const source = sheet.values[r];
      const row: unknown[] = new Array(columns);
      for (let c = 0; c < columns; c++) {
        const v = source?.[c0 + c];
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
      value: sheet.values[row]?.[column] ?? '',
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
      tables: this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, at: [t.row, t.column, t.rows, t.columns] })),
      names: this.names.map((n) => n.name),
    };
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
      tables: this.collection(() => wb.tables, (t) => this.tableProxy(t)),
      names: this.collection(() => wb.names, (n) => this.nameProxy(n)),
      worksheets: Object.assign(this.collection(() => wb.sheets, (s) => this.sheetProxy(s)), {
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
          if (prop === 'values') payload += JSON.stringify(child._valueBeforeLoaded).length;
        }
      }
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
            sheet.name = v;
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
              wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
              for (const t of wb.tables.filter((t) => t.sheet === sheet)) wb.tables.splice(wb.tables.indexOf(t), 1);
              for (const n of wb.names.filter((n) => n.sheet === sheet)) wb.names.splice(wb.names.indexOf(n), 1);
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
        values: (m: unknown) => ({ kind: 'values', sheet: sheet.name, row, apply: () => eachCell(m, 'values', (r, c, v) => wb.setCell(sheet, r, c, v)) }),
        formulas: (m: unknown) => ({ kind: 'formulas', sheet: sheet.name, row, apply: () => eachCell(m, 'formulas', (r, c, v) => wb.setFormula(sheet, r, c, v)) }),
        numberFormat: (m: unknown) => ({
          kind: 'numberFormat',
          sheet: sheet.name,
          row,
          apply: () => eachCell(m, 'numberFormat', (r, c, v) => (v === 'General' ? sheet.formats.delete(key(r, c)) : sheet.formats.set(key(r, c), String(v)))),
        }),
      },
      {
        __at: at,
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
      { name: table.name, style: '' },
      (prop) => (prop === 'name' ? table.name : 'TableStyleMedium2'),
      {
        name: (v: string) => ({
          kind: 'renameTable',
          detail: v,
          apply: () => {
            const other = wb.table(v);
            if (other && other !== table) throw new Error(`InvalidArgument: tabellnavnet ${v} er i bruk`);
            if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw new Error(`InvalidArgument: ugyldig tabellnavn ${v}`);
            table.name = v;
          },
        }),
        style: () => ({ kind: 'tableStyle', apply: () => undefined }),
      },
      {
        getHeaderRowRange: () => ctx.rangeProxy(table.sheet, table.row, table.column, 1, table.columns),
        getDataBodyRange: () => ctx.rangeProxy(table.sheet, table.row + 1, table.column, Math.max(1, table.rows - 1), table.columns),
        getRange: () => ctx.rangeProxy(table.sheet, table.row, table.column, table.rows, table.columns),
        delete: () =>
          ctx.enqueue({
            kind: 'deleteTable',
            apply: () => {
              wb.tables.splice(wb.tables.indexOf(table), 1);
              wb.clear(table.sheet, table.row, table.column, table.rows, table.columns);
            },
          }),
        convertToRange: () => {
          ctx.enqueue({ kind: 'convertToRange', apply: () => void wb.tables.splice(wb.tables.indexOf(table), 1) });
          return ctx.rangeProxy(table.sheet, table.row, table.column, table.rows, table.columns);
        },
        onChanged: { add: (handler: () => unknown) => ctx.enqueue({ kind: 'onChanged', apply: () => void table.handlers.push(handler) }) },
      },
    );
    Object.defineProperty(proxy, 'worksheet', { get: () => ctx.sheetProxy(table.sheet) });
    return proxy;
  }

  nameProxy(named: NameModel): any {
    return this.proxy({ name: named.name }, () => named.name, {}, {
      getRangeOrNullObject: () => (named.sheet ? this.rangeProxy(named.sheet, named.row, named.column, named.rows, named.columns) : this.nullProxy()),
    });
  }
}
