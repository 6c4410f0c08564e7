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
  readonly rows: readonly (readonly OwnedCell[])[];
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
export function tableFromValues(name: string, values: readonly (readonly CellValue[])[], origin?: { sheet?: string; row?: number; column?: number }): TableData {
  const [header = [], ...rows] = values;
  return {
    name,
    headers: header.map((h) => (h === null || h === undefined ? '' : String(h).trim())),
    // Blank rows inside the table are kept so row numbers (finding addresses) stay true; trailing ones are dropped.
    rows: rows.slice(0, lastNonBlank(rows) + 1),
    ...(origin?.sheet !== undefined ? { sheet: origin.sheet } : {}),
    ...(origin?.row !== undefined ? { originRow: origin.row } : {}),
    ...(origin?.column !== undefined ? { originColumn: origin.column } : {}),
  };
}
