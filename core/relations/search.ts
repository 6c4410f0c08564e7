// The search for the relations a block's columns obey. Candidates (a constant; sums and differences of up to
// three columns, or a run of adjacent columns; products and quotients of up to three columns times a constant;
// a fixed part plus a rate times one column, with a cap) are tried on an evenly spread sample of rows in floats,
// the best is kept per column, and it is then verified on every row.
//
// When a relation is accepted (how we decide it is not chance):
//   1. it holds, within the rounding the printed figures allow, in a clear majority of the rows it can be tried on:
//      at least two thirds of them, on the sample and again on all rows;
//   2. enough rows take part to outnumber what was fitted: at least 3 rows, plus two per fitted parameter
//      (a factor k: 5 rows; fixed part and rate: 7 rows), and a fitted relation may miss at most a fifth of its rows
//      (a ratio that only roughly holds at coarse printed precision is no relation);
//   3. it explains more than chance: the target column is shifted against its inputs (by a third, a half and
//      two thirds of the sample), the relation is fitted again, and the rows it then «holds» for are what chance
//      gives. The relation must hold for at least max(2, a third of the rows) more rows than that.
//   A column whose figure is the same in at least 90 % of its rows (and at least 4) is a constant column, and a column
//   equal to another (a copy) must hold as often: an økonomiplan repeats many figures from year to year without
//   being a copy. Zero is not a constant (a column of zeros with one amount is a column of amounts).
// Among candidates that hold for equally many rows the simplest wins (fewer columns, a rounder factor).
// Two relations over the same set of columns (C = A + B and A = C − B) are one relation: the first found is kept.
import { Dec } from '../money/kroner.js';
import { simplestIn } from '../reconcile/consensus.js';
import { halfUnitOf } from './figures.js';
import { cellDecimals, type Matrix } from './matrix.js';
import { fittedParameters, inputsOf, predict, tolerance, type ColumnRelation, type Term, type Values } from './relation.js';

const SAMPLE = 48;
const MAJORITY = 2 / 3;
/** A constant column, or a copy of another column, must hold in nine rows of ten: budgets repeat figures across years. */
const CONSTANT_SHARE = 0.9;

export interface Verdict {
  readonly relation: ColumnRelation;
  /** Rows the relation could be tried on (all its figures present, not all zero). */
  readonly rows: number;
  /** Rows it holds for. */
  readonly hits: number;
}

/** Evenly spread sample of at most SAMPLE rows. */
function spread(rows: readonly number[]): number[] {
  if (rows.length <= SAMPLE) return [...rows];
  const out: number[] = [];
  for (let s = 0; s < SAMPLE; s++) out.push(rows[Math.floor((s * rows.length) / SAMPLE)]!);
  return out;
}

/** The point most intervals share (a sweep), and how many share it. */
function bestOverlap(intervals: readonly (readonly [number, number])[]): { at: number; lo: number; hi: number; count: number } | undefined {
  if (intervals.length === 0) return undefined;
  const events: [number, number][] = [];
  for (const [lo, hi] of intervals) events.push([lo, -1], [hi, 1]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let count = 0;
  let best = 0;
  let lo = 0;
  let hi = 0;
  for (let e = 0; e < events.length; e++) {
    const [x, type] = events[e]!;
    if (type === -1) {
      count++;
      if (count > best) {
        best = count;
        lo = x;
        let n = e + 1;
        while (n < events.length && events[n]![1] === -1) n++;
        hi = n < events.length ? events[n]![0] : x;
      }
    } else count--;
  }
  return { at: (lo + hi) / 2, lo, hi, count: best };
}

interface Fit {
  readonly hits: number;
  readonly rows: number;
  readonly relation: ColumnRelation;
}

/** A target column's values over the sample, optionally shifted against the inputs (the chance test). */
interface View {
  readonly rows: readonly number[];
  readonly shift: number;
}

function targetAt(m: Matrix, j: number, view: View, p: number): { value: number; row: number } {
  const row = view.rows[(p + view.shift) % view.rows.length]!;
  return { value: m.values[j]![row]!, row };
}

function countHits(m: Matrix, rel: ColumnRelation, view: View): { hits: number; rows: number } {
  const value: Values = (c, i) => m.values[c]![i]!;
  let hits = 0;
  let rows = 0;
  for (let p = 0; p < view.rows.length; p++) {
    const i = view.rows[p]!;
    const t = targetAt(m, rel.target, view, p);
    const pred = predict(rel, value, i);
    if (!Number.isFinite(pred) || Number.isNaN(t.value)) continue;
    if (t.value === 0 && pred === 0) continue;
    rows++;
    if (Math.abs(t.value - pred) <= tolerance(rel, m, t.row, pred, value)) hits++;
  }
  return { hits, rows };
}

function fitProduct(m: Matrix, target: number, terms: readonly Term[], view: View): Fit | undefined {
  const intervals: [number, number][] = [];
  for (let p = 0; p < view.rows.length; p++) {
    const i = view.rows[p]!;
    let prod = 1;
    for (const t of terms) {
      const v = m.values[t.column]![i]!;
      prod = t.sign === 1 ? prod * v : prod / v;
    }
    const t = targetAt(m, target, view, p);
    if (!Number.isFinite(prod) || prod === 0 || Number.isNaN(t.value) || t.value === 0) continue;
    const tol = 2 * halfUnitOf(cellDecimals(m, target, t.row)) + 1e-9 * Math.abs(t.value);
    const a = (t.value - tol) / prod;
    const b = (t.value + tol) / prod;
    intervals.push(a < b ? [a, b] : [b, a]);
  }
  const best = bestOverlap(intervals);
  if (!best) return undefined;
  const k = simplestIn(new Dec(best.lo), new Dec(best.hi));
  const relation: ColumnRelation = { kind: 'product', target, terms, k };
  return { ...countHits(m, relation, view), relation };
}

function fitAffine(m: Matrix, target: number, x: number, view: View): Fit | undefined {
  const pts: [number, number, number][] = [];
  for (let p = 0; p < view.rows.length; p++) {
    const i = view.rows[p]!;
    const xv = m.values[x]![i]!;
    const t = targetAt(m, target, view, p);
    if (Number.isNaN(xv) || Number.isNaN(t.value)) continue;
    pts.push([xv, t.value, t.row]);
  }
  if (pts.length < 5) return undefined;
  const slopes: number[] = [];
  for (let a = 0; a < pts.length; a++)
    for (let b = a + 1; b < pts.length; b++) {
      const dx = pts[b]![0] - pts[a]![0];
      if (dx !== 0) slopes.push((pts[b]![1] - pts[a]![1]) / dx);
    }
  if (slopes.length === 0) return undefined;
  slopes.sort((a, b) => a - b);
  const slope = slopes[Math.floor(slopes.length / 2)]!;
  if (slope === 0) return undefined;
  let xmin = Infinity;
  let xmax = -Infinity;
  for (const [xv] of pts) {
    xmin = Math.min(xmin, xv);
    xmax = Math.max(xmax, xv);
  }
  const tolOf = (row: number) => 2 * halfUnitOf(cellDecimals(m, target, row));
  // The rate is typed with few decimals: the simplest value that keeps the line within rounding across the x range.
  let widest = -Infinity;
  for (const q of pts) widest = Math.max(widest, tolOf(q[2]));
  const slack = widest / Math.max(xmax - xmin, 1e-9);
  const b = simplestIn(new Dec(slope - slack / 2), new Dec(slope + slack / 2));
  const bn = b.toNumber();
  const intercepts = pts.map(([xv, tv, row]) => [tv - bn * xv - tolOf(row), tv - bn * xv + tolOf(row)] as [number, number]);
  const over = bestOverlap(intercepts);
  if (!over) return undefined;
  const a = simplestIn(new Dec(over.lo), new Dec(over.hi));
  if (a.isZero()) return undefined;
  const an = a.toNumber();
  // A cap: rows below the line that share the column's largest figure; a floor likewise at the smallest.
  let cap: Dec | undefined;
  let floor: Dec | undefined;
  const below = new Map<number, number>();
  const above = new Map<number, number>();
  let tmax = -Infinity;
  let tmin = Infinity;
  let xTop = -Infinity;
  let xTopT = NaN;
  for (const [xv, tv] of pts) if (xv > xTop) [xTop, xTopT] = [xv, tv];
  for (const [xv, tv, row] of pts) {
    tmax = Math.max(tmax, tv);
    tmin = Math.min(tmin, tv);
    const pred = an + bn * xv;
    if (tv < pred - tolOf(row)) below.set(tv, (below.get(tv) ?? 0) + 1);
    else if (tv > pred + tolOf(row)) above.set(tv, (above.get(tv) ?? 0) + 1);
  }
  // A cap holds where the line runs highest: two rows at the column's largest figure, or the row with the largest x.
  if ((below.get(tmax) ?? 0) >= 2 || ((below.get(tmax) ?? 0) === 1 && xTopT === tmax)) cap = new Dec(tmax);
  if ((above.get(tmin) ?? 0) >= 2) floor = new Dec(tmin);
  const relation: ColumnRelation = { kind: 'affine', target, x, a, b, ...(cap ? { cap } : {}), ...(floor ? { floor } : {}) };
  return { ...countHits(m, relation, view), relation };
}

function fitConstant(m: Matrix, target: number, view: View): Fit | undefined {
  const counts = new Map<number, number>();
  let rows = 0;
  for (const i of view.rows) {
    const v = m.values[target]![i]!;
    if (Number.isNaN(v)) continue;
    rows++;
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  let best: number | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  if (best === undefined || best === 0) return undefined;
  return { hits: n, rows, relation: { kind: 'constant', target, value: new Dec(String(best)) } };
}

/** n when k is 1 ÷ n for a whole n (a fitted k of 1/60 carries 0,01666…67). */
export function wholeInverse(k: Dec): number | undefined {
  if (k.isZero()) return undefined;
  const inv = new Dec(1).dividedBy(k);
  const n = inv.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return !n.isZero() && inv.minus(n).abs().lessThan(new Dec('1e-9').times(n.abs())) ? n.abs().toNumber() : undefined;
}

/** How a k reads: 1, 12 or ÷ 60 is round (0); two decimals (1,25) is 1; anything else 2. */
function roughness(k: Dec): number {
  if (k.isInteger() && k.abs().lessThanOrEqualTo(1000)) return 0;
  const inv = wholeInverse(k);
  if (inv !== undefined && inv <= 1000) return 0;
  return k.decimalPlaces() <= 2 ? 1 : 2;
}

/**
 * How complex a relation reads. Naming the column that holds a factor (× Timesats) reads simpler than repeating
 * its figure (× 850), so a constant column's term costs less than nothing.
 */
function complexity(rel: ColumnRelation, runLength = 0, constants: ReadonlyMap<number, Dec> = new Map()): number {
  switch (rel.kind) {
    case 'constant':
      return 0;
    case 'linear':
      return runLength > 0 ? 1 : rel.terms.length + 0.5 * rel.terms.filter((t) => t.sign === -1).length;
    case 'product':
      // A share (a ÷ Σa) is as plain as a copy: its factor is the column's own sum.
      if (rel.shareOf !== undefined) return 1;
      return rel.terms.length + roughness(rel.k) + 0.25 * rel.terms.filter((t) => t.sign === -1).length - 1.1 * rel.terms.filter((t) => constants.has(t.column)).length;
    case 'affine':
      return 4;
  }
}

function* combinations(items: readonly number[], size: number, from = 0): Generator<number[]> {
  if (size === 0) {
    yield [];
    return;
  }
  for (let i = from; i <= items.length - size; i++) for (const rest of combinations(items, size - 1, i + 1)) yield [items[i]!, ...rest];
}

interface Candidate {
  readonly fit: (view: View) => Fit | undefined;
  readonly run?: number;
}

function candidates(m: Matrix, target: number, inputs: readonly number[]): Candidate[] {
  const out: Candidate[] = [];
  const linear = (terms: Term[], run = 0): Candidate => ({
    fit: (view) => {
      const relation: ColumnRelation = { kind: 'linear', target, terms };
      return { ...countHits(m, relation, view), relation };
    },
    run,
  });
  // Runs of adjacent columns ending just left of the target, or starting just right of it (a «Sum» column).
  for (let a = target - 2; a >= 0; a--) out.push(linear(range(a, target - 1).map((c) => ({ column: c, sign: 1 })), target - a));
  for (let b = target + 2; b < m.columns; b++) out.push(linear(range(target + 1, b).map((c) => ({ column: c, sign: 1 })), b - target));
  const maxSize = inputs.length > 12 ? 2 : 3;
  for (let size = 2; size <= maxSize; size++)
    for (const combo of combinations(inputs, size))
      for (let minus = -1; minus < size; minus++) out.push(linear(combo.map((c, idx) => ({ column: c, sign: idx === minus ? -1 : 1 }))));
  for (let size = 1; size <= maxSize; size++)
    for (const combo of combinations(inputs, size))
      for (let divide = -1; divide < size; divide++) {
        if (size === 1 && divide === 0) continue;
        const terms: Term[] = combo.map((c, idx) => ({ column: c, sign: idx === divide ? -1 : 1 }));
        out.push({ fit: (view) => fitProduct(m, target, terms, view) });
      }
  for (const x of inputs) out.push({ fit: (view) => fitAffine(m, target, x, view) });
  return out;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let c = a; c <= b; c++) out.push(c);
  return out;
}

function chanceHits(candidate: Candidate, sample: readonly number[]): number {
  let worst = 0;
  const shifts = new Set([Math.floor(sample.length / 3), Math.floor(sample.length / 2), Math.floor((2 * sample.length) / 3)]);
  for (const shift of shifts) {
    if (shift === 0) continue;
    const fit = candidate.fit({ rows: sample, shift });
    if (fit && fit.hits > worst) worst = fit.hits;
  }
  return worst;
}

function accepts(hits: number, rows: number, parameters: number, chance: number, copy = false): boolean {
  return enoughRows(rows, parameters) && holdsFor(hits, rows, parameters, copy) && hits - chance >= Math.max(2, Math.ceil(rows / 3));
}

/** Rows a relation needs: 3 with nothing fitted, two more per fitted parameter (a factor: 5 rows; fixed part and rate: 7). */
function enoughRows(rows: number, parameters: number): boolean {
  return rows >= 3 + 2 * parameters;
}

/**
 * A clear majority: two thirds of the rows for a relation with nothing fitted; a fitted one (a factor, a rate) bends to
 * the rows, so it may miss at most a fifth of them (at least one): a rounded ratio that roughly holds is no relation.
 */
function holdsFor(hits: number, rows: number, parameters: number, copy = false): boolean {
  if (copy) return hits >= Math.ceil(CONSTANT_SHARE * rows);
  if (parameters > 0) return rows - hits <= Math.max(1, Math.floor(rows / 5));
  return hits >= Math.ceil(MAJORITY * rows);
}

/** A column equal to another (k = 1, one term). */
function isCopy(rel: ColumnRelation): boolean {
  return rel.kind === 'product' && rel.terms.length === 1 && rel.terms[0]!.sign === 1 && rel.k.equals(1);
}

/** Sum over the given rows of a column (missing figures count as none). */
function columnSum(m: Matrix, j: number, rows: readonly number[]): number {
  let s = 0;
  for (const i of rows) {
    const v = m.values[j]![i]!;
    if (!Number.isNaN(v)) s += v;
  }
  return s;
}

/** A k that is one over a column's sum (or 100 over it) makes the target that column's share. */
function asShare(rel: ColumnRelation, m: Matrix, rows: readonly number[], exactSum: (j: number) => Dec): ColumnRelation {
  if (rel.kind !== 'product' || rel.terms.length !== 1 || rel.terms[0]!.sign !== 1) return rel;
  const j = rel.terms[0]!.column;
  const total = columnSum(m, j, rows);
  if (total === 0) return rel;
  const k = rel.k.toNumber();
  for (const scale of [1, 100]) {
    if (Math.abs(k * total - scale) <= 2e-3 * scale) {
      const exact = exactSum(j);
      return { ...rel, k: new Dec(scale).dividedBy(exact), shareOf: j, percent: scale === 100 };
    }
  }
  return rel;
}

/** Half a printed unit above this share of a typical figure: too coarse to tell a product or a rate from chance. */
const COARSE = 0.01;

/**
 * A column printed so coarsely (0,15 %, 12 %) that among hundreds of candidate relations some fit most rows within
 * rounding by chance: it takes part in no column relation (its sum rows are still checked).
 */
function isCoarse(m: Matrix, target: number, rows: readonly number[]): boolean {
  const rel: number[] = [];
  for (const i of rows) {
    const v = Math.abs(m.values[target]![i]!);
    if (v > 0) rel.push(halfUnitOf(cellDecimals(m, target, i)) / v);
  }
  if (rel.length === 0) return false;
  rel.sort((a, b) => a - b);
  return rel[Math.floor(rel.length / 2)]! > COARSE;
}

/** Divisions in a relation: a column is most naturally the product of others, not their quotient. */
function divisions(rel: ColumnRelation): number {
  return rel.kind === 'product' || rel.kind === 'linear' ? rel.terms.filter((t) => t.sign === -1).length : 0;
}

interface Accepted {
  readonly relation: ColumnRelation;
  /** Complexity as written (a named constant column reads simply)… */
  readonly complexity: number;
  /** …and as a relation between the other columns, to order relations over different columns. */
  readonly plain: number;
  readonly columns: readonly number[];
}

/** Distinct column sets kept per target (its other forms are the same relation). */
const PER_TARGET = 12;

/**
 * The relations a block's columns obey, over its detail rows (sum rows excluded). `exactSum` gives a column's exact
 * sum over those rows (for share columns).
 *
 * One relation can be written with any of its columns as the target (E = B × C ÷ 60, C = 60 × E ÷ B): relations
 * over the same columns (constant columns aside, they are folded into the factor) are one, written in the most
 * natural direction — fewest divisions, then the simplest, then the rightmost column as the result. A relation
 * that follows from two simpler ones sharing a column (F = B × C × Timesats ÷ 60 from E = B × C ÷ 60 and
 * F = E × Timesats) is left out, so a slip is blamed through the relations that state it directly.
 */
export function findColumnRelations(m: Matrix, detail: readonly number[], exactSum: (j: number) => Dec): Verdict[] {
  const verdicts: Verdict[] = [];
  const presentRows = range(0, m.columns - 1).map((j) => detail.filter((i) => !Number.isNaN(m.values[j]![i]!)));
  const constants = new Map<number, Dec>();
  for (let target = 0; target < m.columns; target++) {
    const rows = presentRows[target]!;
    if (rows.length < 3) continue;
    const constant = fitConstant(m, target, { rows: spread(rows), shift: 0 });
    if (constant && constant.hits >= 4 && constant.hits >= CONSTANT_SHARE * constant.rows) {
      const full = countHits(m, constant.relation, { rows, shift: 0 });
      if (full.hits >= CONSTANT_SHARE * full.rows) {
        verdicts.push({ relation: constant.relation, ...full });
        constants.set(target, constant.relation.kind === 'constant' ? constant.relation.value : new Dec(0));
      }
    }
  }
  const coarseColumns = range(0, m.columns - 1).map((j) => isCoarse(m, j, spread(presentRows[j]!)));
  const byKey = new Map<string, Accepted>();
  for (let target = m.columns - 1; target >= 0; target--) {
    if (constants.has(target)) continue;
    const rows = presentRows[target]!;
    if (rows.length < 3) continue;
    const sample = spread(rows);
    const inputs = range(0, m.columns - 1).filter((c) => c !== target && presentRows[c]!.length >= 2);
    const coarse = coarseColumns[target]!;
    const passing: { candidate: Candidate; fit: Fit; complexity: number; plain: number }[] = [];
    for (const candidate of candidates(m, target, inputs)) {
      const fit = candidate.fit({ rows: sample, shift: 0 });
      if (!fit || fit.rows < 3 || fit.hits < Math.ceil(MAJORITY * fit.rows)) continue;
      if (coarse || inputsOf(fit.relation).some((c) => coarseColumns[c])) continue;
      passing.push({ candidate, fit, complexity: complexity(asShare(fit.relation, m, detail, exactSum), candidate.run, constants), plain: 0 });
    }
    passing.sort((a, b) => b.fit.hits - a.fit.hits || a.complexity - b.complexity);
    const keys = new Set<string>();
    for (const p of passing) {
      if (keys.size >= PER_TARGET) break;
      const relation = asShare(p.fit.relation, m, detail, exactSum);
      const columns = [target, ...inputsOf(relation)].filter((c) => !constants.has(c)).sort((a, b) => a - b);
      if (columns.length < 2) continue;
      const key = columns.join(',');
      if (keys.has(key)) continue;
      if (!accepts(p.fit.hits, p.fit.rows, fittedParameters(relation), chanceHits(p.candidate, sample), isCopy(relation))) continue;
      keys.add(key);
      const mine: Accepted = { relation, complexity: p.complexity, plain: plainComplexity(relation, constants), columns };
      const other = byKey.get(key);
      if (!other || natural(mine) < natural(other)) byKey.set(key, mine);
    }
  }
  // Relations that hold for more of their rows first, then the smaller, then the simpler. A relation over a subset
  // of a kept relation's columns that holds for fewer rows is a weaker reading of the same figures.
  const scored = [...byKey.values()].map((a) => ({ a, share: shareOf(countHits(m, a.relation, { rows: presentRows[a.relation.target]!, shift: 0 })) }));
  scored.sort((x, y) => y.share - x.share || x.a.columns.length - y.a.columns.length || x.a.plain - y.a.plain);
  const kept: Accepted[] = [];
  for (const { a } of scored) {
    const weaker = kept.some((k) => a.columns.every((c) => k.columns.includes(c)));
    // Only relations no larger than this one can derive it: two wider relations that hold in every row because a
    // coarse column swallows the rounding (Minutter ≈ 0,07 × Gevinst ÷ Antall) must not push out the plain
    // relation (Gevinst = Timer × Timesats) that a slip breaks in one row.
    const derived = weaker || followsFrom(a.columns, kept.filter((k) => k.columns.length <= a.columns.length).map((k) => k.columns));
    if (derived) continue;
    const full = countHits(m, a.relation, { rows: presentRows[a.relation.target]!, shift: 0 });
    if (!holdsFor(full.hits, full.rows, fittedParameters(a.relation), isCopy(a.relation)) || !enoughRows(full.rows, fittedParameters(a.relation))) continue;
    kept.push(a);
    verdicts.push({ relation: a.relation, ...full });
  }
  return verdicts;
}

/**
 * True when relations already kept, chained through shared columns, cover every column of a new one: the new
 * relation then follows from them (B × C ÷ 60 → E, E × 850 → F, F ÷ 12 → G gives G from B and C).
 */
function followsFrom(columns: readonly number[], kept: readonly (readonly number[])[]): boolean {
  const mine = new Set(columns);
  for (const start of kept) {
    if (!start.some((c) => mine.has(c))) continue;
    const union = new Set(start);
    const used = new Set([start]);
    let grew = true;
    while (grew) {
      grew = false;
      if (columns.every((c) => union.has(c)) && used.size >= 2) return true;
      for (const k of kept) {
        if (used.has(k) || !k.some((c) => union.has(c))) continue;
        // Only relations that reach into the new one's columns or bridge to them help derive it.
        used.add(k);
        for (const c of k) union.add(c);
        grew = true;
      }
    }
    if (columns.every((c) => union.has(c)) && used.size >= 2) return true;
  }
  return false;
}

/** Complexity with constant columns folded into the factor (E × Timesats is E × 850; B × C × Timesats ÷ 60 is B × C × 14,17). */
function plainComplexity(rel: ColumnRelation, constants: ReadonlyMap<number, Dec>): number {
  if (rel.kind !== 'product' || !rel.terms.some((t) => constants.has(t.column))) return complexity(rel);
  let k = rel.k;
  for (const t of rel.terms) {
    const v = constants.get(t.column);
    if (!v) continue;
    k = t.sign === 1 ? k.times(v) : k.dividedBy(v);
  }
  return complexity({ ...rel, k, terms: rel.terms.filter((t) => !constants.has(t.column)) });
}

/** Share of the rows a relation holds for. */
function shareOf(h: { hits: number; rows: number }): number {
  return h.rows === 0 ? 0 : h.hits / h.rows;
}

/** Lower is more natural: fewest divisions, then simplest, then the rightmost column as the result. */
function natural(a: Accepted): number {
  return divisions(a.relation) * 100 + a.complexity * 10 - a.relation.target / 100;
}
