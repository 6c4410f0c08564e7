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

/** Number for hosts that need one (Excel/Sheets cells). Exact for any øre amount below 2^53 øre. */
export function toCellNumber(amount: Kroner): number {
  return Number(roundOre(amount).toFixed(2));
}
