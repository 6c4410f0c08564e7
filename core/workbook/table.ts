import type { CellValue } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';

/** A table as a host read it: an Excel table, a named range, or a sheet of that name. */
export interface TableData {
  readonly name: string;
  readonly sheet?: string;
  /** Header texts of the first row. */
  readonly headers: readonly string[];
  /** Data rows below the header (no totals row). */
  readonly rows: readonly (readonly CellValue[])[];
  /**
   * The table's totals row, when the host keeps one apart from the data (an Excel table's totals row, the row the
   * Sheets add-on writes under its named range). Undefined when the table has none: an older add-in wrote its Sum
   * as the last data row, which core/board/refresh.ts recognises and converts.
   */
  readonly totals?: readonly CellValue[];
  /** 1-based sheet row/column of the first header cell, for finding addresses. */
  readonly originRow?: number;
  readonly originColumn?: number;
}

/** A formula the add-in writes, in a host-neutral form: hosts render DH.X / DH_X and their separators. */
export interface FormulaCell {
  readonly formula: { readonly fn: string; readonly args: readonly (string | number)[] };
  /** The value the formula computes, written by hosts that cannot evaluate (exceljs cached result). */
  readonly value: CellValue;
}

export type OwnedCell = CellValue | FormulaCell;

export function isFormulaCell(cell: unknown): cell is FormulaCell {
  return typeof cell === 'object' && cell !== null && 'formula' in cell && typeof (cell as FormulaCell).formula?.fn === 'string';
}

/** The value a cell shows (a formula's computed value). */
export function displayValue(cell: OwnedCell): CellValue {
  return isFormulaCell(cell) ? cell.value : cell;
}

/**
 * Renders a formula for a host:
 * - 'excel-api': what Office.js range.formulas and exceljs expect (en-US separators): =DH.KOSTNAD("1833",2026)
 * - 'nb': what a Norwegian Excel user types: =DH.KOSTNAD("1833";2026)
 * - 'sheets': Apps Script names cannot contain a dot: =DH_KOSTNAD("1833",2026)
 */
export function renderFormula(cell: FormulaCell, style: 'excel-api' | 'nb' | 'sheets'): string {
  const args = cell.formula.args.map((a) => (typeof a === 'number' ? (style === 'nb' ? String(a).replace('.', ',') : String(a)) : `"${a.replace(/"/g, '""')}"`));
  const name = style === 'sheets' ? `DH_${cell.formula.fn}` : `DH.${cell.formula.fn}`;
  return `=${name}(${args.join(style === 'nb' ? ';' : ',')})`;
}

/** A table the add-in owns and (re)writes: DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO, DH_Funn, DH_Endringer. */
export interface OwnedTable {
  readonly name: string;
  readonly headers: readonly string[];
  /** One row per member (or line): what sorting, filtering and Table[Column] see. */
  readonly rows: readonly (readonly OwnedCell[])[];
  /**
   * The Sum line, written as the table's totals row (Excel showTotals / totalsRowCount, below the named range in
   * Sheets), so =SUM(Table[Column]) does not count it and sorting does not mix it into the members. Its label
   * («Sum») stands in the first column. Values, not SUBTOTAL formulas: the board's Sum is the figure core computed
   * to the øre, whatever the user filters.
   */
  readonly totals?: readonly OwnedCell[];
}

/** The label of a totals row: the first non-blank text in it («Sum», «Deltakere (av 19)»). */
export function totalsLabel(totals: readonly (OwnedCell | CellValue)[]): string {
  for (const cell of totals) {
    if (typeof cell === 'string' && cell.trim() !== '') return cell.trim();
  }
  return 'Sum';
}

/**
 * The name that marks the totals row a host writes directly below a table kept as a named range (Google Sheets
 * has no table totals row): the named range covers header + data, so =SUM over it counts the members once, and
 * this name covers the one row under it. Not «DH_…», so no lookup of DH_ tables ever takes it for a table.
 */
export const totalsRowName = (table: string): string => `DHsum_${table}`;

/** What a host that keeps the totals row apart reads back after writing `table`: displayed values, totals apart. */
export function asTableData(table: OwnedTable): TableData {
  return {
    name: table.name,
    headers: [...table.headers],
    rows: table.rows.map((r) => r.map(displayValue)),
    ...(table.totals ? { totals: table.totals.map(displayValue) } : {}),
  };
}

/** Every row a table prints: the data rows, then its totals row if it has one. */
export function printedRows(table: OwnedTable): readonly (readonly OwnedCell[])[] {
  return table.totals ? [...table.rows, table.totals] : table.rows;
}

export const OWNED_TABLE_PATTERN = /^DH_(Fordeling_\d{4}|Deltakelse|RPA|DUO|Arkivplanstatus|Balanse|Scenario|Funn|Endringer)$/;

export function isOwnedTableName(name: string): boolean {
  return OWNED_TABLE_PATTERN.test(name);
}

export const INPUT_TABLE_NAMES = ['DH_Kommuner', 'DH_Nokkel', 'DH_Prosjekter', 'DH_Register', 'DH_Gevinst', 'DH_Arkivplan'] as const;

/** Finds the column whose header matches one of `names` (normalised); -1 when absent. */
export function columnIndex(headers: readonly string[], ...names: string[]): number {
  const wanted = names.map(normalizeKey);
  const normalized = headers.map((h) => normalizeKey(String(h ?? '')));
  for (const name of wanted) {
    const exact = normalized.indexOf(name);
    if (exact >= 0) return exact;
  }
  for (const name of wanted) {
    const partial = normalized.findIndex((h) => h.startsWith(name));
    if (partial >= 0) return partial;
  }
  return -1;
}

function lastNonBlank(rows: readonly (readonly CellValue[])[]): number {
  for (let i = rows.length - 1; i >= 0; i--) {
    if (rows[i]!.some((c) => c !== null && c !== undefined && String(c).trim() !== '')) return i;
  }
  return -1;
}

/** Splits a 2-D block whose first row is the header into TableData. */
export function tableFromValues(
  name: string,
  values: readonly (readonly CellValue[])[],
  origin?: { sheet?: string; row?: number; column?: number; totals?: readonly CellValue[] },
): TableData {
  const [header = [], ...rows] = values;
  return {
    name,
    headers: header.map((h) => (h === null || h === undefined ? '' : String(h).trim())),
    // Blank rows inside the table are kept so row numbers (finding addresses) stay true; trailing ones are dropped.
    rows: rows.slice(0, lastNonBlank(rows) + 1),
    ...(origin?.totals !== undefined ? { totals: origin.totals } : {}),
    ...(origin?.sheet !== undefined ? { sheet: origin.sheet } : {}),
    ...(origin?.row !== undefined ? { originRow: origin.row } : {}),
    ...(origin?.column !== undefined ? { originColumn: origin.column } : {}),
  };
}
