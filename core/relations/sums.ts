// Sum rows: a row that is the sum of the rows above it — a sub-total of its section, a total of the sub-totals,
// or a total of every row. Labelled rows («Sum», «Sum driftsutgifter», «Totalt», «I alt») are always checked
// against the best-fitting of those ranges; an unlabelled row is taken for a sum only when every figure it holds
// (at least two, or one over at least three rows) is the sum of one of those ranges.
import { normalizeKey } from '../util/text.js';
import { halfUnitOf } from './figures.js';
import { cellDecimals, type Matrix } from './matrix.js';

export interface SumRow {
  /** Block row index of the sum row. */
  readonly row: number;
  /** Block row indices it sums. */
  readonly parts: readonly number[];
  readonly labelled: boolean;
  /** Columns the row's figures match the sum in, and columns it holds a figure in. */
  readonly matching: number;
  readonly present: number;
}

const SUM_LABEL = /^(sum|sum\b.*|totalt?\b.*|i alt|til sammen|tilsammen|samlet|delsum\b.*|subtotal\b.*|sammenlagt\b.*|.*\b(sum|totalt|i alt)$)/;

export function isSumLabel(label: string): boolean {
  return SUM_LABEL.test(normalizeKey(label));
}

/** Most rounding a sum of printed figures can show: half a unit per part and per the sum itself. */
function sumTolerance(m: Matrix, j: number, row: number, parts: readonly number[]): number {
  let tol = halfUnitOf(cellDecimals(m, j, row));
  for (const p of parts) if (!Number.isNaN(m.values[j]![p]!)) tol += halfUnitOf(cellDecimals(m, j, p));
  return tol + 1e-9 * Math.abs(m.values[j]![row]!);
}

/** Running per-column totals of a range of rows: the sum, the rounding it may carry, and how many figures. */
class Running {
  readonly sums: Float64Array;
  readonly slack: Float64Array;
  readonly counts: Int32Array;
  constructor(columns: number) {
    this.sums = new Float64Array(columns);
    this.slack = new Float64Array(columns);
    this.counts = new Int32Array(columns);
  }
  add(m: Matrix, i: number): void {
    for (let j = 0; j < m.columns; j++) {
      const v = m.values[j]![i]!;
      if (Number.isNaN(v)) continue;
      this.sums[j] = this.sums[j]! + v;
      this.slack[j] = this.slack[j]! + halfUnitOf(cellDecimals(m, j, i));
      this.counts[j] = this.counts[j]! + 1;
    }
  }
  clear(): void {
    this.sums.fill(0);
    this.slack.fill(0);
    this.counts.fill(0);
  }
  static of(m: Matrix, rows: readonly number[]): Running {
    const r = new Running(m.columns);
    for (const i of rows) r.add(m, i);
    return r;
  }
}

function score(m: Matrix, row: number, range: Running): { matching: number; present: number; nonZero: number } {
  let matching = 0;
  let present = 0;
  let nonZero = 0;
  for (let j = 0; j < m.columns; j++) {
    const v = m.values[j]![row]!;
    if (Number.isNaN(v) || range.counts[j] === 0) continue;
    present++;
    const tol = halfUnitOf(cellDecimals(m, j, row)) + range.slack[j]! + 1e-9 * Math.abs(v);
    if (Math.abs(v - range.sums[j]!) <= tol) {
      matching++;
      if (v !== 0) nonZero++;
    }
  }
  return { matching, present, nonZero };
}

/**
 * Finds the sum rows of a block, top-down. `labels` are the row labels. Linear in the rows: each row is compared
 * with running sums of its section, of the sub-totals since the last total, and of all detail rows since then.
 */
export function findSumRows(m: Matrix, labels: readonly string[]): SumRow[] {
  const found: SumRow[] = [];
  let section: number[] = [];
  let subtotals: number[] = [];
  let sinceTotal: number[] = [];
  const runSection = new Running(m.columns);
  const runAll = new Running(m.columns);
  for (let i = 0; i < m.rows; i++) {
    const labelled = isSumLabel(labels[i] ?? '');
    type Option = { parts: number[]; range: Running; kind: 'section' | 'subtotals' | 'all' };
    const options: Option[] = [];
    if (section.length >= 2 || (labelled && section.length >= 1)) options.push({ parts: section, range: runSection, kind: 'section' });
    if (subtotals.length >= 2) options.push({ parts: subtotals, range: Running.of(m, subtotals), kind: 'subtotals' });
    if (sinceTotal.length > section.length && sinceTotal.length >= 2) options.push({ parts: sinceTotal, range: runAll, kind: 'all' });
    let chosen: (Option & { matching: number; present: number; nonZero: number }) | undefined;
    for (const o of options) {
      const s = score(m, i, o.range);
      if (!chosen || s.matching > chosen.matching) chosen = { ...o, ...s };
    }
    let isSum = false;
    if (chosen && chosen.present > 0) {
      if (labelled) isSum = chosen.matching * 2 >= chosen.present || chosen.present <= 2;
      else isSum = chosen.matching === chosen.present && chosen.nonZero >= 1 && (chosen.matching >= 2 || chosen.parts.length >= 3);
    }
    if (isSum && chosen) {
      found.push({ row: i, parts: [...chosen.parts], labelled, matching: chosen.matching, present: chosen.present });
      if (chosen.kind === 'section') {
        subtotals.push(i);
      } else {
        subtotals = [];
        sinceTotal = [];
        runAll.clear();
      }
      section = [];
      runSection.clear();
      continue;
    }
    section.push(i);
    sinceTotal.push(i);
    runSection.add(m, i);
    runAll.add(m, i);
  }
  return found;
}

/** Tolerance for one sum cell, for the verdict. */
export function sumCellTolerance(m: Matrix, j: number, row: number, parts: readonly number[]): number {
  return sumTolerance(m, j, row, parts);
}
