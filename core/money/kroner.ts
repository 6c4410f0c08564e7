import DecimalBase from 'decimal.js';

/**
 * Our own Decimal constructor: 40 significant digits, half-up. Cloned so no other
 * library's global Decimal configuration can change how kroner are rounded.
 */
export const Dec = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** An amount in Norwegian kroner. Always a Dec; rounded to øre only by {@link roundOre}. */
export type Kroner = Dec;

export const ZERO: Kroner = new Dec(0);

/** Creates a Dec from a string, integer or Dec. Floats are accepted only as their shortest decimal text. */
export function dec(value: string | number | Dec): Dec {
  if (value instanceof Dec) return value;
  if (typeof value === 'number') return new Dec(String(value));
  return new Dec(value);
}

/** The one place money is rounded: half-up to whole øre (2 decimals). */
export function roundOre(amount: Dec): Kroner {
  return amount.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Rounds half-up to a given number of decimals (0 = whole kroner), for comparing with printed figures. */
export function roundTo(amount: Dec, decimals: number): Dec {
  return amount.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
}

export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** Plain machine string with exactly two decimals, e.g. "752197.48" (used in JSON output). */
export function toPlain(amount: Kroner): string {
  return roundOre(amount).toFixed(2);
}

/**
 * The largest amount a cell number holds to the øre: 9 999 999 999 999,99 kr, 15 significant digits. A double
 * gives back any decimal of 15 significant digits exactly (and Excel keeps 15 digits); with 16, øre amounts
 * near 2^46 kr are closer together than the doubles (1/64 kr apart there) and would be rounded silently.
 */
export const MAX_CELL_KRONER: Kroner = new Dec('9999999999999.99');

/** Why an amount cannot leave decimal.js as a cell number exactly, or undefined when it can. */
export function cellAmountProblem(amount: Kroner): string | undefined {
  if (!amount.isFinite()) return 'Resultatet er ikke et endelig tall (for stort eller udefinert): kontroller argumentene.';
  if (roundOre(amount).abs().greaterThan(MAX_CELL_KRONER)) {
    return 'Beløpet er for stort til å stå nøyaktig til øret i en celle (grensen er ± 9 999 999 999 999,99 kr): kontroller argumentene.';
  }
  return undefined;
}

/** Thrown by toCellNumber for an amount a cell cannot hold; its message is the Norwegian sentence a user sees. */
export class CellAmountError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'CellAmountError';
  }
}

/**
 * Number for hosts that need one (Excel/Sheets cells), exact to the øre. An amount past MAX_CELL_KRONER or not
 * finite is never rounded silently: it throws CellAmountError (the catalog runner turns it into #NUM!).
 */
export function toCellNumber(amount: Kroner): number {
  const problem = cellAmountProblem(amount);
  if (problem) throw new CellAmountError(problem);
  return Number(roundOre(amount).toFixed(2));
}
