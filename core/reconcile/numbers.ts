import { Dec } from '../money/kroner.js';
import { isBlank, isCellError, isErrorLike, parseNumber, type CellValue } from '../util/cells.js';

/**
 * A printed figure as reconciliation sees it: its value, how many decimals it carries (its precision),
 * and whether it came from text (printed) or from a stored number.
 */
export interface PrintedNumber {
  readonly value: Dec;
  /** Decimals the figure carries: 0 = whole kroner, 2 = øre. */
  readonly decimals: number;
  readonly fromText: boolean;
}

export type CellReading =
  | { readonly kind: 'blank' }
  | { readonly kind: 'number'; readonly number: PrintedNumber }
  | { readonly kind: 'invalid'; readonly reason: string; readonly text: string };

/** Stored numbers often carry float noise (4577.080000000001); beyond this many decimals it is noise. */
const MAX_STORED_DECIMALS = 10;

/** Decimals in a stored number after stripping float noise: 10281 → 0, 166801.48 → 2. */
export function storedDecimals(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
  const rounded = new Dec(String(value)).toDecimalPlaces(MAX_STORED_DECIMALS, Dec.ROUND_HALF_UP);
  return rounded.decimalPlaces();
}

/**
 * Decimals printed in a text figure, following the same grouping rules as {@link parseNumber}:
 * "kr 166 801,48" → 2, "67473" → 0, "54 972,92-kr" → 2, "1.234,5" → 1, "15,29 %" → 4 (as a fraction).
 * Returns undefined for text without digits (e.g. the accounting zero "-kr").
 */
export function printedDecimals(text: string): number | undefined {
  let t = text.trim();
  const percent = /%\s*$/.test(t);
  t = t.replace(/^(ca\.?|cirka|omtrent|~)\s*/i, '').replace(/%\s*$/, '');
  // Currency only as a prefix or suffix, as parseNumber reads it ("kr 232 000", "6 283 623,00kr", "500,-").
  t = t.replace(/^(kr|nok)\.?\s*/i, '').replace(/\s*(kr|nok)\.?$/i, '').replace(/,-$/, '');
  t = t.replace(/[\s\u00a0\u202f\u2009']/g, '').replace(/\u2212/g, '-');
  t = t.replace(/^[(+-]+|[)-]+$/g, '');
  if (!/\d/.test(t)) return undefined;
  let m: RegExpExecArray | null;
  let decimals: number;
  if ((m = /^\d+(?:,(\d+))?$/.exec(t))) decimals = m[1]?.length ?? 0;
  // Dot-grouped thousands only after 1–3 digits that do not start with 0 ("0.125" is a decimal, as parseNumber reads it).
  else if ((m = /^(?:[1-9]\d{0,2})(?:\.\d{3})+(?:,(\d+))?$/.exec(t))) decimals = m[1]?.length ?? 0;
  else if ((m = /^\d{1,3}(?:,\d{3})+(?:\.(\d+))?$/.exec(t))) decimals = m[1]?.length ?? 0;
  else if ((m = /^\d*\.(\d+)$/.exec(t))) decimals = m[1]!.length;
  else if (/^\d+\.$/.test(t)) decimals = 0;
  else return undefined;
  return percent ? decimals + 2 : decimals;
}

/** Reads one cell as a printed figure. Blank is blank; error values and junk text are invalid. */
export function readCell(value: CellValue | unknown): CellReading {
  if (isBlank(value)) return { kind: 'blank' };
  if (isCellError(value)) return { kind: 'invalid', reason: `feilverdi ${value.cellError}`, text: value.cellError };
  if (typeof value === 'boolean' || value instanceof Date) {
    return { kind: 'invalid', reason: 'ikke et tall', text: value instanceof Date ? value.toISOString().slice(0, 10) : String(value) };
  }
  if (typeof value === 'string' && isErrorLike(value)) return { kind: 'invalid', reason: `feilverdi ${value.trim()}`, text: value.trim() };
  const parsed = parseNumber(value);
  if (!parsed.ok) return { kind: 'invalid', reason: parsed.reason, text: String(value).trim() };
  if (typeof value === 'number') return { kind: 'number', number: { value: parsed.value, decimals: storedDecimals(value), fromText: false } };
  const text = String(value);
  const decimals = printedDecimals(text);
  // "-kr" (accounting zero) has no printed decimals: it takes the column's precision later.
  return { kind: 'number', number: { value: parsed.value, decimals: decimals ?? -1, fromText: decimals !== undefined } };
}

/**
 * Precision of a column: the most decimals any of its figures carries. An integer stored among øre
 * figures (10281 next to 166801.48) is øre precision; a column of integers only is whole kroner.
 */
export function columnDecimals(readings: readonly CellReading[]): number {
  let max = 0;
  for (const r of readings) if (r.kind === 'number' && r.number.decimals > max) max = r.number.decimals;
  return max;
}

/**
 * The precision to use for one cell: printed text keeps its own printed decimals; stored numbers (and
 * the accounting zero) take the column's precision, because a sheet stores 10281 for "10 281,00".
 */
export function cellDecimals(reading: PrintedNumber, column: number): number {
  if (reading.fromText && reading.decimals >= 0) return reading.decimals;
  return Math.max(column, reading.decimals);
}

/** Half a unit in the last printed decimal: the most rounding can move a figure (0 decimals → 0,5). */
export function halfUnit(decimals: number): Dec {
  return new Dec(5).times(new Dec(10).pow(-(decimals + 1)));
}

/** One unit in the last printed decimal (0,01 for øre). A largest-remainder split can move a part by this. */
export function unit(decimals: number): Dec {
  return new Dec(10).pow(-decimals);
}
