// Names the likely cause of a figure that breaks a relation, from the figure and what the relation expects:
// the slips people make when typing or pasting a table.
import { Dec } from '../money/kroner.js';

export type Cause =
  | { readonly kind: 'transposed' }
  | { readonly kind: 'factor'; readonly factor: number }
  | { readonly kind: 'sign' }
  | { readonly kind: 'copied'; readonly from: 'above' | 'below' }
  | { readonly kind: 'left-out'; readonly row: number }
  | { readonly kind: 'counted-twice'; readonly row: number }
  | { readonly kind: 'left-out-column'; readonly column: string };

/** The digits of |x| at a precision, as a string («1 243,50» at 2 → "124350"). */
function digits(x: Dec, decimals: number): string {
  return x.abs().times(new Dec(10).pow(decimals)).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0);
}

/**
 * Two digits swapped: the same digits, differing in exactly two places that hold each other's digit
 * (1 234 → 1 324, or 12 345 → 15 342). The expected value is taken at the printed precision.
 */
export function isTransposition(actual: Dec, expected: Dec, decimals: number): boolean {
  if (actual.isNegative() !== expected.isNegative() && !actual.isZero() && !expected.isZero()) return false;
  const a = digits(actual, decimals);
  const e = digits(expected, decimals);
  if (a.length !== e.length || a === e) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== e[i]) diff.push(i);
  return diff.length === 2 && a[diff[0]!] === e[diff[1]!] && a[diff[1]!] === e[diff[0]!];
}

const FACTORS = [10, 100, 1000];

/** actual = expected × 10^k (or ÷), within the tolerance scaled the same way; returns the factor (÷ as 1/f). */
export function powerOfTenFactor(actual: Dec, expected: Dec, tolerance: Dec): number | undefined {
  if (expected.isZero() || actual.isZero()) return undefined;
  for (const f of FACTORS) {
    if (actual.minus(expected.times(f)).abs().lessThanOrEqualTo(tolerance.times(f))) return f;
    if (actual.times(f).minus(expected).abs().lessThanOrEqualTo(tolerance.times(f))) return 1 / f;
  }
  return undefined;
}

export interface CauseContext {
  readonly actual: Dec;
  readonly expected: Dec;
  readonly tolerance: Dec;
  readonly decimals: number;
  /** The same column's figure in the row above and below, when there is one. */
  readonly above?: Dec;
  readonly below?: Dec;
  /** Two rows up and down: a first or last row's copy is judged by the row beyond its one neighbour. */
  readonly above2?: Dec;
  readonly below2?: Dec;
}

/** The recognisable cause of one broken figure, in order of how sure the reading is. */
export function causeOf(ctx: CauseContext): Cause | undefined {
  const { actual, expected, tolerance, decimals } = ctx;
  if (!expected.isZero() && actual.plus(expected).abs().lessThanOrEqualTo(tolerance)) return { kind: 'sign' };
  // A copy stands out from its column: where both neighbours hold the same figure (a rate, a fixed fee) it is the
  // column's own figure, not a copy.
  const sameAbove = ctx.above !== undefined && actual.equals(ctx.above);
  const sameBelow = ctx.below !== undefined && actual.equals(ctx.below);
  const off = actual.minus(expected).abs().greaterThan(tolerance);
  const differs = (x: Dec | undefined) => x !== undefined && !actual.equals(x);
  if (off && sameAbove && (differs(ctx.below) || (ctx.below === undefined && differs(ctx.above2)))) return { kind: 'copied', from: 'above' };
  if (off && sameBelow && (differs(ctx.above) || (ctx.above === undefined && differs(ctx.below2)))) return { kind: 'copied', from: 'below' };
  const factor = powerOfTenFactor(actual, expected, tolerance);
  if (factor !== undefined) return { kind: 'factor', factor };
  if (isTransposition(actual, expected, decimals)) return { kind: 'transposed' };
  return undefined;
}

/** The cause in words, for a message: «trolig to sifre byttet om». */
export function causeText(cause: Cause, rowName: (row: number) => string): string {
  switch (cause.kind) {
    case 'transposed':
      return 'trolig to sifre byttet om';
    case 'factor':
      return cause.factor > 1 ? `trolig ${cause.factor} ganger for stor (feil i desimaler eller nuller)` : `trolig ${Math.round(1 / cause.factor)} ganger for liten (feil i desimaler eller nuller)`;
    case 'sign':
      return 'trolig feil fortegn';
    case 'copied':
      return cause.from === 'above' ? 'trolig kopiert fra raden over' : 'trolig kopiert fra raden under';
    case 'left-out':
      return `trolig er ${rowName(cause.row)} ikke tatt med i summen`;
    case 'counted-twice':
      return `trolig er ${rowName(cause.row)} tatt med to ganger`;
    case 'left-out-column':
      return `trolig er ${cause.column} ikke tatt med i summen`;
  }
}
