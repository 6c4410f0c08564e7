// Finding and reading DH tables in the active spreadsheet: a named range first, else a sheet of that name.
import type { CellValue } from '../../../core/index.js';
import type { Range, Spreadsheet } from './gas.js';

export interface RawTable {
  readonly name: string;
  readonly sheet: string;
  /** 1-based sheet row/column of the table's first (header) cell. */
  readonly row: number;
  readonly column: number;
  readonly values: CellValue[][];
}

/** The range holding table `name`: its named range, else the used range of a sheet called `name`. */
export function tableRange(ss: Spreadsheet, name: string): Range | 'empty' | undefined {
  let range: Range | null = null;
  try {
    range = ss.getRangeByName(name);
  } catch {
    range = null; // a named range whose sheet was deleted: treat as absent
  }
  if (range) return range;
  const sheet = ss.getSheetByName(name);
  if (!sheet) return undefined;
  if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0) return 'empty';
  return sheet.getDataRange();
}

export function readRawTable(ss: Spreadsheet, name: string, convert: (value: unknown) => CellValue): RawTable | undefined {
  const range = tableRange(ss, name);
  if (range === undefined) return undefined;
  if (range === 'empty') return { name, sheet: name, row: 1, column: 1, values: [] };
  const values = range.getValues().map((row) => row.map(convert));
  return { name, sheet: range.getSheet().getName(), row: range.getRow(), column: range.getColumn(), values };
}

export function hasContent(table: RawTable): boolean {
  return table.values.some((row) => row.some((v) => v !== '' && v !== null && v !== undefined));
}

/** Whether a table of this name exists (named range or sheet), without reading its values. */
export function tableExists(ss: Spreadsheet, name: string): boolean {
  return tableRange(ss, name) !== undefined;
}

/** "C12" → { row: 12, column: 3 }; undefined for anything else. */
export function parseA1Cell(a1: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 ? { row, column } : undefined;
}
