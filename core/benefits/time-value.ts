import { Dec, roundOre, type Kroner } from '../money/kroner.js';

/** Value of time saved: antall × minutter ÷ 60 × timesats, rounded to øre once at the end. */
export function timeValue(count: Dec, minutes: Dec, hourlyRate: Dec): Kroner {
  return roundOre(count.times(minutes).dividedBy(60).times(hourlyRate));
}

/** Unrounded value of time saved, for chains where rounding happens later (monthly → yearly). */
export function timeValueExact(count: Dec, minutes: Dec, hourlyRate: Dec): Dec {
  return count.times(minutes).dividedBy(60).times(hourlyRate);
}

/**
 * Net benefit over `periods`: (value of time saved − cost) × periods. Positive = gain.
 * (The board's RPA/DUO tables print the opposite sign: savings as negative kroner.)
 */
export function netBenefit(cost: Dec, count: Dec, minutes: Dec, hourlyRate: Dec, periods: Dec = new Dec(1)): Kroner {
  return roundOre(timeValueExact(count, minutes, hourlyRate).minus(cost).times(periods));
}
