// An in-memory PanelHost for ui/ tests: tables by name, one active sheet as a 2-D array, and a log of
// every call the panel makes, so tests can assert on what was (and was not) written.
import { displayValue, isFormulaCell, isOwnedTableName, tableFromValues, type CellUpdate, type CellValue, type FormulaCell, type OwnedTable, type TableData } from '../../core/index.js';
import type { CellMark, PanelHost, SheetValues } from '../../ui/host.js';

export type HostCall =
  | { readonly type: 'listTables' }
  | { readonly type: 'readTable'; readonly name: string }
  | { readonly type: 'readActiveSheet' }
  | { readonly type: 'writeOwnedTable'; readonly name: string; readonly ok: boolean }
  | { readonly type: 'insertTemplate'; readonly name: string; readonly result: 'created' | 'exists' }
  | { readonly type: 'selectCell'; readonly sheet: string; readonly cell: string }
  | { readonly type: 'highlightCells'; readonly marks: readonly CellMark[] }
  | { readonly type: 'clearHighlights' }
  | { readonly type: 'inputsChanged' }
  | { readonly type: 'updateTableCells'; readonly name: string; readonly cells: number };

export interface MemoryHostOptions {
  readonly kind?: PanelHost['kind'];
  /** Tables present in the workbook, by name: TableData, or a 2-D block whose first row is the header. */
  readonly tables?: Readonly<Record<string, TableData | readonly (readonly CellValue[])[]>>;
  /** The active sheet's used range. */
  readonly activeSheet?: { readonly name: string; readonly values: readonly (readonly CellValue[])[]; readonly originRow?: number; readonly originColumn?: number };
  /** The Nth call to writeOwnedTable (1-based, counted over the host's life) throws and keeps the old table. */
  readonly failOnWrite?: number;
  /** Offer highlightCells/clearHighlights (default true). */
  readonly highlight?: boolean;
  /** Make readTable throw for these names (a host error, e.g. a protected sheet). */
  readonly failReads?: readonly string[];
}

/** Strings a spreadsheet would execute; the host contract says they are written as text. */
const FORMULA_LIKE = /^[=+\-@]/;

export class MemoryHost implements PanelHost {
  readonly kind: PanelHost['kind'];
  readonly tables = new Map<string, TableData>();
  /** Formula cells as last written, "Tabell!rad,kolonne" → formula (row/column 0-based within the data rows). */
  readonly formulas = new Map<string, FormulaCell['formula']>();
  /** Cells written as text although they start with = + - @, "Tabell!rad,kolonne". */
  readonly textGuarded = new Set<string>();
  readonly calls: HostCall[] = [];
  /** Every owned table that was written completely, in order. */
  readonly writes: OwnedTable[] = [];
  activeSheet: SheetValues;
  failOnWrite: number | undefined;
  writeAttempts = 0;
  highlighted: readonly CellMark[] = [];
  selected: { sheet: string; cell: string } | undefined;
  readonly highlightCells?: (marks: readonly CellMark[]) => Promise<void>;
  readonly clearHighlights?: () => Promise<void>;
  private readonly failReads: ReadonlySet<string>;

  constructor(options: MemoryHostOptions = {}) {
    this.kind = options.kind ?? 'preview';
    for (const [name, table] of Object.entries(options.tables ?? {})) this.setTable(name, table);
    const sheet = options.activeSheet ?? { name: 'Ark1', values: [] };
    this.activeSheet = { sheet: sheet.name, values: sheet.values, originRow: sheet.originRow ?? 1, originColumn: sheet.originColumn ?? 1 };
    this.failOnWrite = options.failOnWrite;
    this.failReads = new Set(options.failReads ?? []);
    if (options.highlight !== false) {
      this.highlightCells = async (marks) => {
        this.calls.push({ type: 'highlightCells', marks });
        this.highlighted = marks;
      };
      this.clearHighlights = async () => {
        this.calls.push({ type: 'clearHighlights' });
        this.highlighted = [];
      };
    }
  }

  /** Puts a table into the workbook as a user would (no call is recorded). */
  setTable(name: string, table: TableData | readonly (readonly CellValue[])[]): void {
    const data = Array.isArray(table) ? tableFromValues(name, table as readonly (readonly CellValue[])[], { sheet: name, row: 1, column: 1 }) : { ...(table as TableData), name };
    this.tables.set(name, data);
  }

  /** Calls of one type, typed. */
  callsOf<T extends HostCall['type']>(type: T): Extract<HostCall, { type: T }>[] {
    return this.calls.filter((c): c is Extract<HostCall, { type: T }> => c.type === type);
  }

  /** Names of the tables written successfully, in order. */
  get writtenNames(): string[] {
    return this.writes.map((w) => w.name);
  }

  async listTables(): Promise<string[]> {
    this.calls.push({ type: 'listTables' });
    return [...this.tables.keys()].filter((n) => n.startsWith('DH_'));
  }

  async readTable(name: string): Promise<TableData | undefined> {
    this.calls.push({ type: 'readTable', name });
    if (this.failReads.has(name)) throw new Error(`Kunne ikke lese ${name} (simulert vertsfeil)`);
    const table = this.tables.get(name);
    return table ? { ...table, headers: [...table.headers], rows: table.rows.map((r) => [...r]), ...(table.totals ? { totals: [...table.totals] } : {}) } : undefined;
  }

  async readActiveSheet(onProgress?: (fraction: number) => void): Promise<SheetValues> {
    this.calls.push({ type: 'readActiveSheet' });
    onProgress?.(0.5);
    onProgress?.(1);
    return this.activeSheet;
  }

  async writeOwnedTable(table: OwnedTable): Promise<void> {
    this.writeAttempts++;
    if (!isOwnedTableName(table.name)) {
      this.calls.push({ type: 'writeOwnedTable', name: table.name, ok: false });
      throw new Error(`${table.name} er ikke en tabell tillegget eier`);
    }
    if (this.failOnWrite !== undefined && this.writeAttempts === this.failOnWrite) {
      this.calls.push({ type: 'writeOwnedTable', name: table.name, ok: false });
      throw new Error(`Simulert skrivefeil i ${table.name}`);
    }
    // Build the new version completely, then swap: the previous table stays until the new one is whole.
    const rows: CellValue[][] = table.rows.map((row, r) =>
      row.map((cell, c) => {
        if (isFormulaCell(cell)) {
          this.formulas.set(`${table.name}!${r},${c}`, cell.formula);
          return displayValue(cell);
        }
        if (typeof cell === 'string' && FORMULA_LIKE.test(cell)) this.textGuarded.add(`${table.name}!${r},${c}`);
        return cell;
      }),
    );
    const previousSheet = this.tables.get(table.name)?.sheet ?? table.name;
    // The totals row is kept apart from the data rows, as Excel's table and the Sheets add-on keep it.
    const totals = table.totals ? { totals: table.totals.map((c) => displayValue(c)) } : {};
    this.tables.set(table.name, { name: table.name, sheet: previousSheet, headers: [...table.headers], rows, originRow: 1, originColumn: 1, ...totals });
    this.writes.push(table);
    this.calls.push({ type: 'writeOwnedTable', name: table.name, ok: true });
  }

  async insertTemplate(table: OwnedTable): Promise<'created' | 'exists'> {
    const exists = this.tables.has(table.name);
    if (!exists) {
      this.tables.set(table.name, {
        name: table.name,
        sheet: table.name,
        headers: [...table.headers],
        rows: table.rows.map((r) => r.map((c) => displayValue(c))),
        originRow: 1,
        originColumn: 1,
      });
    }
    const result = exists ? 'exists' : 'created';
    this.calls.push({ type: 'insertTemplate', name: table.name, result });
    return result;
  }

  /** All cells or none: a cell outside the table, or an absent table, throws before anything changes. */
  async updateTableCells(name: string, cells: readonly CellUpdate[]): Promise<void> {
    const table = this.tables.get(name);
    if (!table) throw new Error(`Fant ikke ${name}`);
    for (const c of cells) {
      if (c.row < 0 || c.row >= table.rows.length || c.column < 0 || c.column >= table.headers.length) throw new Error(`Cellen rad ${c.row + 1}, kolonne ${c.column + 1} er utenfor ${name}`);
    }
    const rows = table.rows.map((r) => [...r]);
    for (const c of cells) rows[c.row]![c.column] = c.value;
    this.tables.set(name, { ...table, rows });
    this.calls.push({ type: 'updateTableCells', name, cells: cells.length });
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.calls.push({ type: 'selectCell', sheet, cell });
    this.selected = { sheet, cell };
  }

  async inputsChanged(): Promise<void> {
    this.calls.push({ type: 'inputsChanged' });
  }
}
