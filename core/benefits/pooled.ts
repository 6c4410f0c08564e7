import type { Dec, Kroner } from '../money/kroner.js';
import { splitLargestRemainder } from '../money/split.js';

/** Splits a pooled saving among members in proportion to each member's cost (as the DUO table does). */
export function splitPooledSaving(pooled: Kroner, costs: readonly Dec[]): Kroner[] {
  return splitLargestRemainder(pooled, costs);
}
