// Scaling of the range functions (SPEC §7 `npm run bench`): time for a range of 100 000 cells ÷ time for
// 10 000 cells, through callFunction as a host calls it. Ideal is 10 (linear); a function that does work per
// cell proportional to the range (quadratic) shows ~100.
//   dekning_scaling_100k_10k  DH.DEKNING over a column of kommune names (the 19 members, repeated)
//   fordel_scaling_100k_10k   DH.FORDEL over a column with the 19 members spread down it (each kommune may be
//                             shared out once, so a large range is mostly blank) and a result of the same shape
// Each figure is the median of the timed repetitions after a warm-up. Every repetition gets its own range (a
// host marshals a fresh array per call): timing one small range over and over would measure it hot in the CPU
// cache, which a 100 000-cell range never is, and the ratio would show the cache rather than the function.
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

function timeBare(range: unknown[][], use: (n: number) => void): number {
  const start = performance.now();
  let n = 0;
  for (const row of range) for (const v of row) if (v !== null && v !== undefined) n += String(v).length;
  const ms = performance.now() - start;
  use(n);
  return ms;
}

function scaling(name: string, column: (n: number) => unknown[][], call: (range: unknown[][]) => unknown, repetitions: number): object {
  let sink = 0;
  for (let i = 0; i < 2; i++) sink += String(call(column(10_000))).length + String(call(column(100_000))).length;
  const t10: number[] = [];
  const t100: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    // Ten distinct small ranges per repetition, each timed once; the large range is built fresh too.
    for (const small of Array.from({ length: 10 }, () => column(10_000))) {
      const start = performance.now();
      sink += String(call(small)).length;
      t10.push(performance.now() - start);
    }
    const large = column(100_000);
    const start = performance.now();
    sink += String(call(large)).length;
    t100.push(performance.now() - start);
  }
  // The same scaling for a bare read of every cell of the same fresh ranges: how much of the ratio the memory
  // hierarchy alone gives on this machine (a linear pass over 100 000 fresh cells is not 10× one over 10 000).
  const b10: number[] = [];
  const b100: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    for (const small of Array.from({ length: 10 }, () => column(10_000))) b10.push(timeBare(small, (n) => (sink += n)));
    b100.push(timeBare(column(100_000), (n) => (sink += n)));
  }
  if (sink === 0) throw new Error('benchmark produserte ingenting');
  const a = median(t10);
  const b = median(t100);
  return { name, ratio: round(b / a), ours_ms: round(b), baseline_ms: round(a), cells: 100_000, baseline_cells: 10_000, bare_read_ratio: round(median(b100) / median(b10)) };
}

export function runScalingBench(options: { repetitions?: number } = {}): object[] {
  const repetitions = Math.max(5, options.repetitions ?? 7);
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
