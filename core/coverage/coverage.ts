import { Dec } from '../money/kroner.js';

/** Akson: the joint journal goes ahead when committed kommuner hold at least 55 % of the population. */
export const AKSON_THRESHOLD = new Dec('0.55');

/** Share of `total` population held by `committed` (exact fraction). */
export function populationShare(committed: readonly number[], total: number): Dec {
  if (total <= 0) return new Dec(0);
  return committed.reduce((acc, p) => acc.plus(p), new Dec(0)).dividedBy(total);
}

export function meetsThreshold(share: Dec, threshold: Dec = AKSON_THRESHOLD): boolean {
  return share.greaterThanOrEqualTo(threshold);
}
