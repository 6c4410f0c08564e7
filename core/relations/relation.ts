// The relations a column can obey, how each predicts a row's figure and how far rounding may move it.
import { Dec } from '../money/kroner.js';
import { halfUnitOf } from './figures.js';
import { cellDecimals, type Matrix } from './matrix.js';

export interface Term {
  readonly column: number;
  /** +1 / −1: added or subtracted (linear), multiplied or divided by (product). */
  readonly sign: 1 | -1;
}

export type ColumnRelation =
  /** Every row holds the same figure. */
  | { readonly kind: 'constant'; readonly target: number; readonly value: Dec }
  /** A sum or difference of other columns (a «Sum» column is a run of columns). */
  | { readonly kind: 'linear'; readonly target: number; readonly terms: readonly Term[] }
  /** k × a × b ÷ c …; a share is a ÷ Σa (k = 1 ÷ the column's sum, or 100 ÷ it for per cent). */
  | { readonly kind: 'product'; readonly target: number; readonly terms: readonly Term[]; readonly k: Dec; readonly shareOf?: number; readonly percent?: boolean }
  /** a + b × x, at most cap and at least floor: a fixed part plus a rate per unit (a proportional split). */
  | { readonly kind: 'affine'; readonly target: number; readonly x: number; readonly a: Dec; readonly b: Dec; readonly cap?: Dec; readonly floor?: Dec };

export type Values = (j: number, i: number) => number;

/** A relation's constants as floats, taken once per relation rather than once per row. */
interface Numeric {
  readonly value: number;
  readonly k: number;
  readonly a: number;
  readonly b: number;
  readonly cap: number;
  readonly floor: number;
}

const numerics = new WeakMap<ColumnRelation, Numeric>();

function numericOf(rel: ColumnRelation): Numeric {
  let n = numerics.get(rel);
  if (!n) {
    n = {
      value: rel.kind === 'constant' ? rel.value.toNumber() : 0,
      k: rel.kind === 'product' ? rel.k.toNumber() : 0,
      a: rel.kind === 'affine' ? rel.a.toNumber() : 0,
      b: rel.kind === 'affine' ? rel.b.toNumber() : 0,
      cap: rel.kind === 'affine' && rel.cap ? rel.cap.toNumber() : Infinity,
      floor: rel.kind === 'affine' && rel.floor ? rel.floor.toNumber() : -Infinity,
    };
    numerics.set(rel, n);
  }
  return n;
}

/** What the relation gives for row i (NaN when an input is missing or a divisor is zero). */
export function predict(rel: ColumnRelation, value: Values, i: number): number {
  const n = numericOf(rel);
  switch (rel.kind) {
    case 'constant':
      return n.value;
    case 'linear': {
      let s = 0;
      for (const t of rel.terms) s += t.sign * value(t.column, i);
      return s;
    }
    case 'product': {
      let p = n.k;
      for (const t of rel.terms) {
        const v = value(t.column, i);
        if (t.sign === 1) p *= v;
        else p = v === 0 ? NaN : p / v;
      }
      return p;
    }
    case 'affine': {
      const p = n.a + n.b * value(rel.x, i);
      return Math.max(n.floor, Math.min(n.cap, p));
    }
  }
}

/** The same in decimal, from the figures' exact values. */
export function predictExact(rel: ColumnRelation, value: (j: number, i: number) => Dec | undefined, i: number): Dec | undefined {
  switch (rel.kind) {
    case 'constant':
      return rel.value;
    case 'linear': {
      let s = new Dec(0);
      for (const t of rel.terms) {
        const v = value(t.column, i);
        if (!v) return undefined;
        s = t.sign === 1 ? s.plus(v) : s.minus(v);
      }
      return s;
    }
    case 'product': {
      let p = rel.k;
      for (const t of rel.terms) {
        const v = value(t.column, i);
        if (!v || (t.sign === -1 && v.isZero())) return undefined;
        p = t.sign === 1 ? p.times(v) : p.dividedBy(v);
      }
      return p;
    }
    case 'affine': {
      const x = value(rel.x, i);
      if (!x) return undefined;
      let p = rel.a.plus(rel.b.times(x));
      if (rel.cap && p.greaterThan(rel.cap)) p = rel.cap;
      if (rel.floor && p.lessThan(rel.floor)) p = rel.floor;
      return p;
    }
  }
}

/** Columns a relation reads (not its target). */
export function inputsOf(rel: ColumnRelation): number[] {
  switch (rel.kind) {
    case 'constant':
      return [];
    case 'linear':
    case 'product':
      return rel.terms.map((t) => t.column);
    case 'affine':
      return [rel.x];
  }
}

/**
 * How far rounding can move a row's figure from what the relation gives: half a unit in the target's last printed
 * decimal (a whole unit for a largest-remainder split), plus what the rounding of printed inputs carries
 * through. Whole-number inputs to a product (counts, minutes, population) are taken as exact; a sum's inputs
 * are amounts, each rounded by up to half a unit.
 */
export function tolerance(rel: ColumnRelation, m: Matrix, i: number, predicted: number, value: Values): number {
  // A split (share, fixed part + rate) may move a figure by a whole unit (largest remainder); a computed figure by half.
  const split = rel.kind === 'affine' || (rel.kind === 'product' && rel.shareOf !== undefined);
  let tol = (split ? 2 : 1) * halfUnitOf(cellDecimals(m, rel.target, i)) + 1e-9 * Math.abs(predicted);
  switch (rel.kind) {
    case 'linear':
      for (const t of rel.terms) tol += halfUnitOf(cellDecimals(m, t.column, i));
      break;
    case 'product':
      for (const t of rel.terms) {
        if (m.integral[t.column]) continue;
        const v = Math.abs(value(t.column, i));
        if (v > 0) tol += Math.abs(predicted) * (halfUnitOf(cellDecimals(m, t.column, i)) / v);
      }
      break;
    case 'affine':
      if (!m.integral[rel.x]) tol += Math.abs(numericOf(rel).b) * halfUnitOf(cellDecimals(m, rel.x, i));
      break;
    case 'constant':
      break;
  }
  return tol;
}

/** Parameters fitted to the data (a constant, a factor, an intercept and slope): each makes a chance fit easier. */
export function fittedParameters(rel: ColumnRelation): number {
  switch (rel.kind) {
    case 'linear':
      return 0;
    case 'constant':
      return 1;
    case 'product':
      return rel.shareOf !== undefined || rel.k.equals(1) ? 0 : 1;
    case 'affine':
      return 2;
  }
}
