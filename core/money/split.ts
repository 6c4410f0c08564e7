import { Dec, dec, roundOre, sum, ZERO, type Kroner } from './kroner.js';

/**
 * Splits `total` in proportion to `weights` so that the parts are whole øre and sum exactly to
 * `total` rounded to øre (largest remainder: each part gets its floor, then the remaining øre go one
 * at a time to the parts with the largest fractional remainder; ties go to the earlier part).
 *
 * Negative totals split symmetrically. Weights must be ≥ 0; if all weights are 0 the split is equal.
 */
export function splitLargestRemainder(total: Kroner, weights: readonly Dec[]): Kroner[] {
  const target = roundOre(total);
  if (target.isNegative()) return splitLargestRemainder(target.negated(), weights).map((p) => p.negated());
  return apportion(target.times(100), weights).map((ore) => ore.dividedBy(100));
}

/**
 * Hamilton's method on whole units: `units` (a non-negative integer) is shared in proportion to
 * `weights`; every part gets its floor, then the leftover units go one at a time to the largest
 * fractional remainders (ties to the earlier part). All weights 0 means an equal split.
 */
export function apportion(units: Dec, weights: readonly Dec[]): Dec[] {
  const n = weights.length;
  if (n === 0) return [];
  if (!units.isInteger() || units.isNegative()) throw new RangeError('units must be a non-negative integer');
  if (weights.some((w) => w.isNegative() || !w.isFinite())) throw new RangeError('weights must be finite and >= 0');
  let effective = weights;
  let weightSum = sum(weights);
  if (weightSum.isZero()) {
    effective = weights.map(() => new Dec(1));
    weightSum = new Dec(n);
  }
  const parts: Dec[] = [];
  const remainders: { index: number; rest: Dec }[] = [];
  let allocated = ZERO;
  for (let i = 0; i < n; i++) {
    const exact = units.times(effective[i]!).dividedBy(weightSum);
    const floor = exact.floor();
    parts.push(floor);
    allocated = allocated.plus(floor);
    remainders.push({ index: i, rest: exact.minus(floor) });
  }
  let leftover = units.minus(allocated).toNumber();
  remainders.sort((a, b) => b.rest.comparedTo(a.rest) || a.index - b.index);
  for (let k = 0; leftover > 0; k++, leftover--) {
    const idx = remainders[k % n]!.index;
    parts[idx] = parts[idx]!.plus(1);
  }
  return parts;
}

/** Equal split of `total` into `count` parts (largest remainder, earlier parts get the extra øre). */
export function splitEqually(total: Kroner, count: number): Kroner[] {
  return splitLargestRemainder(total, Array.from({ length: count }, () => dec(1)));
}
