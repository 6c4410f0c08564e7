// The block's figures as columns of floats (NaN where a row has none) and their printed decimals: the
// search reads these, so a 50 000-row block costs one pass per candidate relation over a small sample.
import type { Block } from './blocks.js';

export interface Matrix {
  readonly rows: number;
  readonly columns: number;
  /** values[j][i]: column j, row i; NaN when the cell holds no figure (or cannot be trusted). */
  readonly values: Float64Array[];
  readonly decimals: Int8Array[];
  /** The most decimals any figure of the column carries. */
  readonly columnDecimals: readonly number[];
  /** True when every figure in the column is a whole number (counts, minutes, population). */
  readonly integral: readonly boolean[];
}

export function matrixOf(block: Block, untrusted: ReadonlySet<string> = new Set()): Matrix {
  const rows = block.rows.length;
  const columns = block.columns.length;
  const values: Float64Array[] = [];
  const decimals: Int8Array[] = [];
  const columnDecimals: number[] = [];
  const integral: boolean[] = [];
  for (let j = 0; j < columns; j++) {
    const v = new Float64Array(rows).fill(NaN);
    const d = new Int8Array(rows);
    let maxD = 0;
    let whole = true;
    for (let i = 0; i < rows; i++) {
      const f = block.figures[i]![j];
      if (!f || (untrusted.size > 0 && untrusted.has(`${i}:${j}`))) continue;
      v[i] = f.num;
      // Text keeps the decimals it prints; a stored number takes its column's (10281 among 166801.48 is øre).
      d[i] = typeof f.raw === 'string' ? Math.min(f.decimals, 12) : -1;
      if (f.decimals > maxD) maxD = f.decimals;
      if (!Number.isInteger(f.num)) whole = false;
    }
    values.push(v);
    decimals.push(d);
    columnDecimals.push(maxD);
    integral.push(whole);
  }
  return { rows, columns, values, decimals, columnDecimals, integral };
}

/** Decimals to judge a cell by: printed text keeps its own; a stored number takes its column's precision. */
export function cellDecimals(m: Matrix, j: number, i: number): number {
  const d = m.decimals[j]![i]!;
  return d < 0 ? m.columnDecimals[j]! : d;
}
