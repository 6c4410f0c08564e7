// Relation finder benchmarks (issue 17, `npm run bench`):
//   relations_50k_rows_vs_bare   checkSheet on a 50 000-row, 8-column numeric block ÷ a bare pass over the same
//                                cells that reads each one (its type, the value of numbers) and nothing more
//   relations_scaling_100k_50k   the same at 100 000 rows ÷ at 50 000 rows (linear growth keeps this ≤ 2,2)
// The block is a benefit plan (antall, minutter, timer, timesats, gevinst, pr måned, annen post, sum) generated with
// a seeded PRNG, with a few slips planted so the blame path runs too. Each figure is the median of timed
// repetitions after a warm-up; ratios are measured in the same run.
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { checkSheet } from '../core/relations/index.js';
import type { CellValue } from '../core/util/cells.js';

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

export function generateBlock(rows: number, seed: number): CellValue[][] {
  const rand = prng(seed);
  const grid: CellValue[][] = [['Tiltak', 'Antall', 'Minutter', 'Timer', 'Timesats', 'Gevinst', 'Pr måned', 'Annet', 'Totalt']];
  for (let i = 0; i < rows; i++) {
    const n = 50 + Math.floor(rand() * 40000);
    const min = 1 + Math.floor(rand() * 60);
    const hours = round((n * min) / 60, 1);
    const value = round(hours * 650);
    const other = Math.floor(rand() * 200000);
    const row: CellValue[] = [`Tiltak ${i + 1}`, n, min, hours, 650, value, round(value / 12, 2), other, value + other];
    // One row in a thousand carries a slip: a lost zero in Gevinst.
    if (i % 1000 === 500) row[5] = round(value / 10);
    grid.push(row);
  }
  return grid;
}

/** The baseline: reads every cell once (its type, and the value of numbers). */
export function bareCellPass(cells: readonly (readonly CellValue[])[]): number {
  let acc = 0;
  for (const row of cells) {
    for (const v of row) {
      if (typeof v === 'number') acc += v > 0 ? 1 : 2;
      else if (typeof v === 'string') acc += v.length;
      else acc += 3;
    }
  }
  return acc;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function time(fn: () => number): { ms: number; value: number } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

const r2 = (x: number): number => Number(x.toFixed(2));

export async function runRelationsBench(options: { repetitions?: number } = {}): Promise<object[]> {
  const repetitions = Math.max(3, options.repetitions ?? 5);
  const b50 = generateBlock(50_000, 17);
  const b100 = generateBlock(100_000, 18);
  const check = (cells: CellValue[][]) => checkSheet({ sheet: 'Gevinst', cells }).findings.length;
  let sink = check(b50) + check(b100) + bareCellPass(b50);
  const ours50: number[] = [];
  const ours100: number[] = [];
  const bare50: number[] = [];
  let findings = 0;
  for (let i = 0; i < repetitions; i++) {
    const bare = time(() => bareCellPass(b50));
    bare50.push(bare.ms);
    const a = time(() => check(b50));
    ours50.push(a.ms);
    findings = a.value;
    const b = time(() => check(b100));
    ours100.push(b.ms);
    sink += bare.value + a.value + b.value;
  }
  if (sink === 0) throw new Error('benchmark produserte ingenting');
  const ours = median(ours50);
  const bare = median(bare50);
  const big = median(ours100);
  return [
    { name: 'relations_50k_rows_vs_bare', ratio: r2(ours / bare), ours_ms: r2(ours), baseline_ms: r2(bare), rows: 50_000, columns: 8, findings },
    { name: 'relations_scaling_100k_50k', ratio: r2(big / ours), ours_ms: r2(big), baseline_ms: r2(ours), rows: 100_000 },
  ];
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1] !== undefined && /relations\.[cm]?[tj]s$/.test(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const line of await runRelationsBench()) console.log(JSON.stringify(line));
}
