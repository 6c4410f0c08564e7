// A block's cells as figures: the value a person reads, the decimals it is printed with (its precision) and,
// for the search, the same value as a float. Text such as «3.300.000,-», «kr 412 500» or «-12 000» is read by
// the one nb-NO number reader in core (parseNumber via reconcile's readCell); stored numbers take a fast path
// because a 50 000-row block is read cell by cell.
import { Dec } from '../money/kroner.js';
import { readCell, storedDecimals } from '../reconcile/numbers.js';
import type { CellValue } from '../util/cells.js';

export interface Figure {
  /** The value as a float, for searching candidates; verdicts are re-checked in decimal. */
  readonly num: number;
  /** Decimals printed (text) or carried (stored number). */
  readonly decimals: number;
  /** The cell as read, to build the exact decimal only where one is needed. */
  readonly raw: CellValue;
}

/** Stored numbers with more decimals than this carry float noise (0.1 + 0.2), not precision. */
const NOISE_DECIMALS = 10;

function fastDecimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = String(value);
  const dot = text.indexOf('.');
  if (dot >= 0 && !text.includes('e') && text.length - dot - 1 <= NOISE_DECIMALS) return text.length - dot - 1;
  return storedDecimals(value);
}

/** Reads one cell as a figure, or undefined when it holds no number (blank, text, error, date, boolean). */
export function figureOf(value: CellValue): Figure | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? { num: value, decimals: fastDecimals(value), raw: value } : undefined;
  if (typeof value !== 'string' || !/\d/.test(value)) return undefined;
  const reading = readCell(value);
  if (reading.kind !== 'number') return undefined;
  return { num: reading.number.value.toNumber(), decimals: Math.max(0, reading.number.decimals), raw: value };
}

/** The exact value of a figure. */
export function exact(figure: Figure): Dec {
  if (typeof figure.raw === 'number') return new Dec(String(figure.raw));
  const reading = readCell(figure.raw);
  return reading.kind === 'number' ? reading.number.value : new Dec(figure.num);
}

/** Half a unit in the last decimal a figure carries: the most rounding can have moved it. */
export function halfUnitOf(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}
