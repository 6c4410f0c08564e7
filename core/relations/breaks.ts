// From broken rows to findings: each row that breaks an accepted relation is an event; the cells that could be
// wrong in it are its suspects (the figure the relation gives, each figure it reads). One cell is blamed per
// event, preferring a cell that explains several events (a mistyped count breaks both its row's product and
// its column's sum), then one whose slip has a recognisable cause, then the relation's own figure. Each
// blamed cell is reported once.
import { Dec } from '../money/kroner.js';
import { causeOf, type Cause } from './causes.js';
import { exact } from './figures.js';
import { columnName, type Block } from './blocks.js';
import { cellDecimals, type Matrix } from './matrix.js';
import { inputsOf, type ColumnRelation } from './relation.js';
import type { Verdict } from './search.js';
import type { SumRow } from './sums.js';

export interface Suspect {
  readonly row: number;
  readonly column: number;
  /** What the figure would be if this cell were the wrong one. */
  readonly corrected: Dec;
  readonly actual: Dec;
  readonly cause?: Cause;
  /** The relation's own figure (not one it reads). */
  readonly isTarget: boolean;
}

export type Event =
  | { readonly kind: 'column'; readonly verdict: Verdict; readonly row: number; readonly suspects: readonly Suspect[] }
  | { readonly kind: 'sum'; readonly sum: SumRow; readonly column: number; readonly matching: number; readonly present: number; readonly suspects: readonly Suspect[] };

export interface Blame {
  readonly suspect: Suspect;
  readonly event: Event;
}

export const key = (row: number, column: number) => `${row}:${column}`;

/** Exact figure of a block cell, or undefined. */
export function exactAt(block: Block, m: Matrix, j: number, i: number): Dec | undefined {
  if (Number.isNaN(m.values[j]![i]!)) return undefined;
  const f = block.figures[i]![j];
  return f ? exact(f) : undefined;
}

function neighbours(block: Block, m: Matrix, j: number, i: number): { above?: Dec; below?: Dec; above2?: Dec; below2?: Dec } {
  const at = (r: number) => (r >= 0 && r < m.rows ? exactAt(block, m, j, r) : undefined);
  const found = { above: at(i - 1), below: at(i + 1), above2: at(i - 2), below2: at(i + 2) };
  return Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined));
}

function suspect(block: Block, m: Matrix, row: number, column: number, actual: Dec, corrected: Dec, tolerance: Dec, isTarget: boolean): Suspect {
  const cause = causeOf({ actual, expected: corrected, tolerance, decimals: cellDecimals(m, column, row), ...neighbours(block, m, column, row) });
  return { row, column, actual, corrected, isTarget, ...(cause ? { cause } : {}) };
}

/** The value an input would need for the row to hold, the other figures as printed. */
function impliedInput(rel: ColumnRelation, column: number, target: Dec, value: (j: number) => Dec | undefined): Dec | undefined {
  if (rel.kind === 'linear') {
    let rest = target;
    let sign: 1 | -1 = 1;
    for (const t of rel.terms) {
      if (t.column === column) {
        sign = t.sign;
        continue;
      }
      const v = value(t.column);
      if (!v) return undefined;
      rest = t.sign === 1 ? rest.minus(v) : rest.plus(v);
    }
    return sign === 1 ? rest : rest.negated();
  }
  if (rel.kind === 'product') {
    let others = rel.k;
    let sign: 1 | -1 = 1;
    for (const t of rel.terms) {
      if (t.column === column) {
        sign = t.sign;
        continue;
      }
      const v = value(t.column);
      if (!v || (t.sign === -1 && v.isZero())) return undefined;
      others = t.sign === 1 ? others.times(v) : others.dividedBy(v);
    }
    if (others.isZero() || (sign === -1 && target.isZero())) return undefined;
    return sign === 1 ? target.dividedBy(others) : others.dividedBy(target);
  }
  if (rel.kind === 'affine' && !rel.b.isZero()) return target.minus(rel.a).dividedBy(rel.b);
  return undefined;
}

/** The event of a row that breaks a column relation. */
export function columnEvent(block: Block, m: Matrix, verdict: Verdict, row: number, expected: Dec, actual: Dec, tolerance: number): Event {
  const rel = verdict.relation;
  const tol = new Dec(tolerance);
  let own = suspect(block, m, row, rel.target, actual, expected, tol, true);
  // A sum of columns that comes out short by exactly one of its columns has left that column out.
  if (!own.cause && rel.kind === 'linear' && rel.terms.every((t) => t.sign === 1)) {
    const short = expected.minus(actual);
    const left = rel.terms.find((t) => {
      const v = exactAt(block, m, t.column, row);
      return v !== undefined && !v.isZero() && v.minus(short).abs().lessThanOrEqualTo(tol);
    });
    if (left) own = { ...own, cause: { kind: 'left-out-column', column: columnName(block, left.column) } };
  }
  const suspects: Suspect[] = [own];
  for (const c of inputsOf(rel)) {
    const printed = exactAt(block, m, c, row);
    if (!printed) continue;
    const implied = impliedInput(rel, c, actual, (j) => exactAt(block, m, j, row));
    if (!implied) continue;
    // The input's own rounding: the implied value is taken at the input's printed precision.
    const d = cellDecimals(m, c, row);
    const rounded = implied.toDecimalPlaces(d, Dec.ROUND_HALF_UP);
    const slack = new Dec(10).pow(-d);
    if (rounded.minus(implied).abs().greaterThan(implied.abs().times(tol.dividedBy(actual.abs().plus(1))).plus(slack))) continue;
    suspects.push(suspect(block, m, row, c, printed, rounded, slack.dividedBy(2), false));
  }
  return { kind: 'column', verdict, row, suspects };
}

/** The event of a sum cell that differs from the sum of its parts. */
export function sumEvent(block: Block, m: Matrix, sum: SumRow, column: number, expected: Dec, actual: Dec, tolerance: number): Event {
  const tol = new Dec(tolerance);
  const own = suspect(block, m, sum.row, column, actual, expected, tol, true);
  const suspects: Suspect[] = [];
  const diff = expected.minus(actual);
  // The part closest to the shortfall, when one is within rounding of it.
  let leftOut: number | undefined;
  let closest: Dec | undefined;
  for (const p of sum.parts) {
    const v = exactAt(block, m, column, p);
    if (!v || v.isZero()) continue;
    const gap = v.minus(diff).abs();
    if (gap.lessThanOrEqualTo(tol) && (!closest || gap.lessThan(closest))) [leftOut, closest] = [p, gap];
  }
  suspects.push(leftOut !== undefined && !own.cause ? { ...own, cause: { kind: 'left-out', row: leftOut } } : own);
  // A part is a suspect when the sum holds with it corrected and the slip is recognisable (or another relation
  // also points at it — decided when blame is laid).
  for (const p of sum.parts) {
    const v = exactAt(block, m, column, p);
    if (!v) continue;
    const corrected = v.minus(diff);
    const s = suspect(block, m, p, column, v, corrected, tol, false);
    suspects.push(s);
  }
  return { kind: 'sum', sum, column, matching: sum.matching, present: sum.present, suspects };
}

/**
 * Lays blame: for each event the suspect cell that explains most events, then has a recognised cause, then is
 * the relation's own figure. A part of a sum without a cause and without a second event is never blamed.
 */
export function layBlame(all: readonly Event[], reported: ReadonlySet<string> = new Set()): Blame[] {
  // An event one of whose cells is already reported (a formula that breaks its column) is explained by it.
  let events = all.filter((e) => !e.suspects.some((s) => reported.has(key(s.row, s.column))));
  const count = new Map<string, number>();
  for (const e of events) {
    const seen = new Set<string>();
    for (const s of e.suspects) {
      const k = key(s.row, s.column);
      if (seen.has(k)) continue;
      seen.add(k);
      count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  const rank = (e: Event, s: Suspect) => {
    const n = count.get(key(s.row, s.column)) ?? 0;
    const sumPart = e.kind === 'sum' && !s.isTarget;
    if (sumPart && n < 2 && !s.cause) return -1;
    return n * 4 + (s.cause ? 2 : 0) + (s.isTarget ? 1 : 0);
  };
  const blamed = new Map<string, Blame>();
  const explained = new Set<number>();
  // Events whose best suspect explains the most go first, so a shared cell is blamed before a lone target.
  // A constant column with one other figure is a finding only when the figure looks like a slip: a different
  // figure for a different kind of row (200 for Enkeltperson among 500s) is the table's content, not an error.
  events = events.filter((e) => e.kind !== 'column' || e.verdict.relation.kind !== 'constant' || e.suspects.some((s) => s.cause));
  const order = events
    .map((e, idx) => ({ e, idx, best: Math.max(...e.suspects.map((s) => rank(e, s))) }))
    .sort((a, b) => b.best - a.best);
  for (const { e, idx } of order) {
    if (explained.has(idx)) continue;
    if (e.suspects.some((s) => blamed.has(key(s.row, s.column)))) {
      explained.add(idx);
      continue;
    }
    let best: Suspect | undefined;
    let bestRank = -1;
    for (const s of e.suspects) {
      const r = rank(e, s);
      if (r > bestRank) [best, bestRank] = [s, r];
    }
    if (!best) continue;
    blamed.set(key(best.row, best.column), { suspect: best, event: e });
    explained.add(idx);
  }
  return [...blamed.values()];
}
