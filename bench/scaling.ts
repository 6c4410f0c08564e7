// Scaling of the range functions (SPEC §7 `npm run bench`): time for a range of 100 000 cells ÷ time for
// 10 000 cells, through callFunction as a host calls it. Ideal is 10 (linear); a function that does work per
// cell proportional to the range (quadratic) shows ~100.
//   dekning_scaling_100k_10k  DH.DEKNING over a column of kommune names (the 19 members, repeated)
//   fordel_scaling_100k_10k   DH.FORDEL over a column with the 19 members spread down it (each kommune may be
//                             shared out once, so a large range is mostly blank) and a result of the same shape
// Each figure is the median of 25 timed repetitions after a warm-up (with 9, FORDEL's 100 000-cell arm, which builds a
// 100 000-row result, swung with the collector from run to run). Every call gets its own fresh range (a host
// marshals a fresh array per call), and both sizes are timed over the same amount of fresh cells (see timeArms).
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CATALOG, callFunction, createFunctionContext, HELGELAND_2026 } from '../core/index.js';

const NAMES = HELGELAND_2026.members.map((m) => m.name);

function column(n: number): unknown[][] {
  return Array.from({ length: n }, (_, i) => [NAMES[i % NAMES.length]!]);
}

function spread(n: number): unknown[][] {
  const step = Math.floor(n / NAMES.length);
  return Array.from({ length: n }, (_, i) => [i % step === 0 && i / step < NAMES.length ? NAMES[i / step]! : null]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * One repetition of each arm over the same amount of fresh memory: ten distinct 10 000-cell ranges called one after
 * the other (timed together, then divided by ten) against one 100 000-cell range. Both arms touch 100 000 freshly
 * built cells in the same order, so the ratio shows how the function's time grows with the cells one call gets, not
 * how much of a small range the CPU cache still held (timing a lone 10 000-cell range against a lone 100 000-cell
 * one measures the cache: a bare read of every cell scaled 17–68× that way on this machine).
 */
function timeArms(column: (n: number) => unknown[][], run: (range: unknown[][]) => number, largeFirst: boolean): { small: number; large: number } {
  const small = () => {
    const ranges = Array.from({ length: 10 }, () => column(10_000));
    const start = performance.now();
    for (const range of ranges) run(range);
    return (performance.now() - start) / 10;
  };
  const large = () => {
    const range = column(100_000);
    const start = performance.now();
    run(range);
    return performance.now() - start;
  };
  if (largeFirst) {
    const l = large();
    return { small: small(), large: l };
  }
  const sm = small();
  return { small: sm, large: large() };
}

function scaling(name: string, column: (n: number) => unknown[][], call: (range: unknown[][]) => unknown, repetitions: number): object {
  let sink = 0;
  // The result is only counted, not turned into text: String() of a 100 000-cell matrix would time the join.
  const ours = (range: unknown[][]) => {
    const result = call(range);
    return (sink += Array.isArray(result) ? result.length : String(result).length);
  };
  const bare = (range: unknown[][]) => {
    let n = 0;
    for (const row of range) for (const v of row) if (v !== null && v !== undefined) n += String(v).length;
    return (sink += n);
  };
  // Warm-up: the JIT settles on both sizes before anything is timed.
  for (let i = 0; i < 3; i++) timeArms(column, ours, i % 2 === 0);
  const t10: number[] = [];
  const t100: number[] = [];
  const b10: number[] = [];
  const b100: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    // The order alternates, so whatever the collector left from one arm falls on each arm as often.
    const t = timeArms(column, ours, i % 2 === 0);
    t10.push(t.small);
    t100.push(t.large);
    // The same for a bare read of every cell: what the memory hierarchy alone gives.
    const b = timeArms(column, bare, i % 2 === 1);
    b10.push(b.small);
    b100.push(b.large);
  }
  if (sink === 0) throw new Error('benchmark produserte ingenting');
  const a = median(t10);
  const b = median(t100);
  return { name, ratio: round(b / a), ours_ms: round(b), baseline_ms: round(a), cells: 100_000, baseline_cells: 10_000, bare_read_ratio: round(median(b100) / median(b10)) };
}

export function runScalingBench(options: { repetitions?: number } = {}): object[] {
  const repetitions = Math.max(5, options.repetitions ?? 25);
  const ctx = createFunctionContext(HELGELAND_2026, '2026-03-01');
  const entry = (n: string) => CATALOG.find((e) => e.name === n)!;
  return [
    scaling('dekning_scaling_100k_10k', column, (range) => callFunction(entry('DEKNING'), ctx, [range]), repetitions),
    scaling('fordel_scaling_100k_10k', spread, (range) => callFunction(entry('FORDEL'), ctx, [100_000, range]), repetitions),
  ];
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1] !== undefined && /scaling\.[cm]?[tj]s$/.test(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const line of runScalingBench()) console.log(JSON.stringify(line));
}
