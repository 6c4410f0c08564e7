import { Dec } from '../money/kroner.js';

/**
 * What a spreadsheet cell can hold once a host has read it: text, number, boolean, date, empty,
 * or an error value. Hosts translate their own representation into this and nothing more.
 */
export type CellValue = string | number | boolean | Date | null | undefined | CellError;

/** A sheet error value (#N/A, #VALUE!, #REF!, …) as read from a cell. */
export interface CellError {
  readonly cellError: string;
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && typeof (value as CellError).cellError === 'string';
}

const ERROR_TEXT = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|I\/T|VERDI!|REF|DIV\/0|NAVN\?|NUM)/i;

/** True when a cell holds an error value, either as a host error object or as its display text. */
export function isErrorLike(value: unknown): boolean {
  return isCellError(value) || (typeof value === 'string' && ERROR_TEXT.test(value.trim()));
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

export type Parsed<T> = { ok: true; value: T; approximate?: boolean } | { ok: false; reason: string };

const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * Parses a number the way Norwegian sheets print it: "1 234,56", "1234.56", "kr 232 000", "6 283 623,00kr",
 * "54 972,92-kr" (trailing minus), "−1 234" (U+2212), "15 %" (→ 0.15), "ca. 40" (approximate), and the
 * accounting zero "-kr" / "kr -". Dots group thousands only after 1–3 digits without a leading zero
 * ("1.234" and "1.234,50" are thousands; "0.125" is 0,125). Numbers pass through; booleans, dates and errors are rejected.
 */
export function parseNumber(value: unknown): Parsed<Dec> {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value: new Dec(String(value)) } : { ok: false, reason: 'ikke et endelig tall' };
  }
  if (value instanceof Dec) return { ok: true, value };
  if (isBlank(value)) return { ok: false, reason: 'tom celle' };
  if (isCellError(value)) return { ok: false, reason: `feilverdi ${value.cellError}` };
  if (typeof value !== 'string') return { ok: false, reason: 'ikke et tall' };
  let text = value.trim();
  if (ERROR_TEXT.test(text)) return { ok: false, reason: `feilverdi ${text}` };
  let approximate = false;
  const ca = /^(ca\.?|cirka|omtrent|~)\s*/i.exec(text);
  if (ca) {
    approximate = true;
    text = text.slice(ca[0].length);
  }
  let percent = false;
  if (/%\s*$/.test(text)) {
    percent = true;
    text = text.replace(/%\s*$/, '');
  }
  // Currency only as a prefix or suffix ("kr 232 000", "6 283 623,00kr", "54 972,92-kr", "500,-").
  text = text.replace(/^(kr|nok)\.?\s*/i, '').replace(/\s*(kr|nok)\.?$/i, '').replace(/,-$/, '').replace(SPACES, '').replace(/\u2212/g, '-');
  if (text === '-' || text === '') {
    return value.trim().match(/kr|nok/i) ? { ok: true, value: new Dec(0) } : { ok: false, reason: 'ikke et tall' };
  }
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  if (text.endsWith('-')) {
    negative = !negative;
    text = text.slice(0, -1);
  }
  if (text.startsWith('-')) {
    negative = !negative;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  // A separator group is thousands only after a lead of 1–3 digits not starting with 0: "1.234" is 1234,
  // "0.125" is 0,125 (no number is written with a leading zero before a thousands dot).
  let normalized: string;
  if (/^\d+(,\d+)?$/.test(text)) normalized = text.replace(',', '.');
  else if (/^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(text)) normalized = text.replace(/\./g, '').replace(',', '.');
  else if (/^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(text)) normalized = text.replace(/,/g, '');
  else if (/^\d*\.\d+$|^\d+\.?$/.test(text)) normalized = text.replace(/\.$/, '');
  else return { ok: false, reason: `«${value.trim()}» er ikke et tall` };
  let result = new Dec(normalized);
  if (negative) result = result.negated();
  if (percent) result = result.dividedBy(100);
  return approximate ? { ok: true, value: result, approximate } : { ok: true, value: result };
}

/** Parses Ja/Nei, J/N, X (=ja), true/false, 1/0, yes/no. Blank is not a yes-no. */
export function parseYesNo(value: unknown): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    if (value === 1) return { ok: true, value: true };
    if (value === 0) return { ok: true, value: false };
    return { ok: false, reason: `${value} er ikke Ja/Nei` };
  }
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'ikke Ja/Nei' };
  const t = value.trim().toLowerCase().replace(/[.!]$/, '');
  if (['ja', 'j', 'x', 'yes', 'y', 'sann', 'true', '1', 'ok'].includes(t)) return { ok: true, value: true };
  if (['nei', 'n', 'no', 'usann', 'false', '0', '-'].includes(t)) return { ok: true, value: false };
  return { ok: false, reason: `«${value.trim()}» er ikke Ja/Nei` };
}

/** Excel's 1900 date system: serial 25569 = 1970-01-01 (includes the 1900 leap-year bug offset). */
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

export function excelSerialToIso(serial: number): string {
  const ms = Math.round((serial - EXCEL_EPOCH_OFFSET) * MS_PER_DAY);
  return new Date(ms).toISOString().slice(0, 10);
}

export function isoToExcelSerial(iso: string): number {
  return Date.parse(iso + 'T00:00:00Z') / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

function validIso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * Parses a date to ISO yyyy-mm-dd: Date objects, Excel serials (1..2958465), "31.12.2026", "31.12.26",
 * "31/12/2026", "2026-12-31". Returns a reason otherwise.
 */
export function parseDate(value: unknown): Parsed<string> {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { ok: false, reason: 'ugyldig dato' } : { ok: true, value: value.toISOString().slice(0, 10) };
  }
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value >= 1 && value < 2958466) return { ok: true, value: excelSerialToIso(Math.floor(value)) };
    return { ok: false, reason: `${value} er ikke en dato` };
  }
  if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'ikke en dato' };
  const t = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) {
    const iso = validIso(+m[1]!, +m[2]!, +m[3]!);
    if (iso) return { ok: true, value: iso };
  }
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    let year = +m[3]!;
    if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    const iso = validIso(year, +m[2]!, +m[1]!);
    if (iso) return { ok: true, value: iso };
  }
  if (/^\d+(\.\d+)?$/.test(t)) return parseDate(Number(t));
  return { ok: false, reason: `«${t}» er ikke en dato (bruk dd.mm.åååå)` };
}

/** Text of a cell for display and matching ("" for blank). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (isCellError(value)) return value.cellError;
  return String(value).trim();
}

/**
 * A signed plain number as a person types it: digits (grouped by spaces, as nb-NO and phone numbers are),
 * an optional decimal part and exponent, an optional percent sign. No operator anywhere after the sign.
 */
const SIGNED_PLAIN_NUMBER = /^[+\-][\s\u00a0\u202f]*\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?(?:[eE][+\-]?\d+)?\s*(?:%|kr\.?)?\s*$/;

/**
 * Text that a spreadsheet would evaluate as a formula if written as-is: a leading = + - or @ followed by
 * anything but a plain number. «+1+1», «-2+3» and «-2+3+cmd|' /C calc'!A0» are formulas; «-40» and
 * «+47 75 13 20 00» are numbers.
 */
export function looksLikeFormula(value: unknown): boolean {
  if (typeof value !== 'string' || !/^[=+\-@]/.test(value)) return false;
  return value.charCodeAt(0) === 61 || value.charCodeAt(0) === 64 || !SIGNED_PLAIN_NUMBER.test(value);
}
