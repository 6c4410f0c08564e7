// How values cross the Sheets boundary, in both directions.
//
// In: Sheets passes a range as a 2-D array, an empty cell as "", an omitted argument as undefined and a
// date cell as a Date at midnight in the spreadsheet's time zone. Dates become serial numbers in that
// zone (what Excel passes for the same cell), so every DH function sees the same values in both hosts.
//
// Out: a custom function cannot return an error value inside an array, so an error in one cell of an
// array result is written as the text "#I/T: <melding>" (kind notAvailable, Excel #N/A) or
// "#VERDI!: <melding>" (kind value, Excel #VALUE!). Both prefixes are the nb-NO error names, and the
// core treats such text as an error value when it is passed on to another DH function. A scalar error is
// thrown as an Error with the same Norwegian message, which Sheets shows as #ERROR! with the message.
import { isDhError, type CellResult, type CellValue, type DhError } from '../../../core/index.js';
import { formatDate } from './gas.js';

const MS_PER_DAY = 86_400_000;
const SERIAL_EPOCH_OFFSET = 25569; // serial of 1970-01-01 (1899-12-30 is 0, as in Excel and Sheets)

const serialMemo = new Map<number, number>();

/** The sheet serial number of a date cell, read in the spreadsheet's time zone (fraction = time of day). */
export function dateToSerial(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) return Number.NaN;
  const hit = serialMemo.get(time);
  if (hit !== undefined) return hit;
  const text = formatDate(date, 'yyyy-MM-dd HH:mm:ss');
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  const utc = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : time;
  const serial = Math.round((utc / MS_PER_DAY + SERIAL_EPOCH_OFFSET) * 1e8) / 1e8;
  if (serialMemo.size < 50_000) serialMemo.set(time, serial);
  return serial;
}

/** A date cell as the sidebar gets it: "2026-12-31", or "2026-12-31 08:30:00" when it has a time. */
export function dateToIsoText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const text = formatDate(date, 'yyyy-MM-dd HH:mm:ss');
  return text.endsWith(' 00:00:00') ? text.slice(0, 10) : text;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** One argument of a custom function, as the core runner expects it (dates → serials, nested arrays kept). */
export function toCoreArg(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCoreArg);
  if (isDate(value)) return dateToSerial(value);
  return value;
}

/** A cell read for the sidebar: JSON-safe (google.script.run refuses Date values), dates as ISO text. */
export function toClientValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return dateToIsoText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

/** A cell read for the functions' inputs: dates as serials, like Excel. */
export function toInputValue(value: unknown): CellValue {
  if (value === null || value === undefined) return '';
  if (isDate(value)) return dateToSerial(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

export const ERROR_PREFIX = { notAvailable: '#I/T', value: '#VERDI!', number: '#NUM!' } as const;

/** The text an error becomes inside an array result. */
export function errorText(error: DhError): string {
  return `${ERROR_PREFIX[error.kind] ?? ERROR_PREFIX.value}: ${error.message}`;
}

function cellOut(value: CellResult | undefined | null): string | number | boolean {
  if (value === undefined || value === null) return '';
  if (isDhError(value)) return errorText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : errorText({ dhError: true, kind: 'value', message: 'Resultatet er ikke et endelig tall.' });
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return errorText({ dhError: true, kind: 'value', message: 'Resultatet kan ikke være en tabell inne i en tabell.' });
}

/**
 * What the custom function returns to Sheets: a scalar, or a rectangular 2-D array (rows padded with "").
 * A scalar DhError is thrown. `blank(r, c)` marks output cells whose lifted inputs were all empty: they
 * stay empty, so an open range such as A2:A fills only the rows that have a kommune.
 */
export function toSheetsResult(result: CellResult, blank?: (r: number, c: number) => boolean): string | number | boolean | (string | number | boolean)[][] {
  if (isDhError(result)) throw new Error(result.message);
  if (!Array.isArray(result)) return cellOut(result);
  if (result.length === 0) return [['']];
  const width = Math.max(1, ...result.map((row) => (Array.isArray(row) ? row.length : 1)));
  return result.map((row, r) => {
    const cells = Array.isArray(row) ? row : [row];
    const out: (string | number | boolean)[] = [];
    for (let c = 0; c < width; c++) out.push(blank && blank(r, c) ? '' : cellOut(cells[c] as CellResult | undefined));
    return out;
  });
}
