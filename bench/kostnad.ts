// kostnad_vs_native (SPEC §7): 10 000 =DH.KOSTNAD(navn;2026) cells vs 10 000 cells that get the same values
// with native lookup formulas (INDEKS + SAMMENLIGNE over a 19-row table whose total column is precomputed
// as fast beløp + sats × innbyggere), in ONE HyperFormula instance with the nb-NO configuration.
// Each timing is a full build + calculation of one sheet (setSheetContent); median of several repetitions
// after warm-up, ours and native alternating. ratio = ours ÷ native.
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Dec, HELGELAND_2026, createFunctionContext, sortedMembers, type Dataset, type FunctionContext } from '../core/index.js';
import { NB_NO_CONFIG, registerDhFunctions, setPreviewModel } from '../preview/src/hyperformula-plugin.js';

export interface KostnadBenchResult {
  name: 'kostnad_vs_native';
  ratio: number;
  ours_ms: number;
  native_ms: number;
  cells: number;
}

export interface KostnadBenchOptions {
  readonly cells?: number;
  readonly repetitions?: number;
  readonly warmup?: number;
  readonly year?: number;
  readonly dataset?: Dataset;
}

const COLUMNS = 10;

interface Setup {
  readonly hf: HyperFormula;
  readonly ctx: FunctionContext;
  readonly ours: number;
  readonly native: number;
  readonly oursRows: RawCellContent[][];
  readonly nativeRows: RawCellContent[][];
}

/** The lookup table the native formulas read: Kommune | Innbyggere | Totalt (fast + sats × innbyggere, exact). */
function lookupTable(dataset: Dataset, year: number): { rows: RawCellContent[][]; names: string[] } {
  const key = dataset.keys.find((k) => k.year === year);
  if (!key?.fixedAmount || !key.ratePerInhabitant) throw new Error(`Nøkkelen for ${year} har ikke fast beløp og sats.`);
  const members = sortedMembers(dataset.members);
  const rows: RawCellContent[][] = [['Kommune', 'Innbyggere', 'Totalt']];
  for (const m of members) {
    const total = key.fixedAmount.plus(key.ratePerInhabitant.times(m.population)).toDecimalPlaces(2, Dec.ROUND_HALF_UP);
    rows.push([m.name, m.population, total.toNumber()]);
  }
  return { rows, names: members.map((m) => m.name) };
}

function setup(options: KostnadBenchOptions): Setup {
  const cells = options.cells ?? 10_000;
  const year = options.year ?? 2026;
  const dataset = options.dataset ?? HELGELAND_2026;
  registerDhFunctions();
  // ONE context for the whole run: it resolves names and caches the year's allocation.
  const ctx = createFunctionContext(dataset, `${year}-01-01`);
  setPreviewModel(ctx);
  const table = lookupTable(dataset, year);
  const last = table.rows.length;
  const oursRows: RawCellContent[][] = [];
  const nativeRows: RawCellContent[][] = [];
  for (let i = 0; i < cells; i++) {
    const r = Math.floor(i / COLUMNS);
    const c = i % COLUMNS;
    const name = table.names[i % table.names.length]!;
    (oursRows[r] ??= [])[c] = `=DH.KOSTNAD("${name}";${year})`;
    (nativeRows[r] ??= [])[c] = `=INDEKS(Tabell!$C$2:$C$${last};SAMMENLIGNE("${name}";Tabell!$A$2:$A$${last};0))`;
  }
  const hf = HyperFormula.buildFromSheets({ Tabell: table.rows, Egne: [], Native: [] }, { ...NB_NO_CONFIG, undoLimit: 0 });
  return { hf, ctx, ours: hf.getSheetId('Egne')!, native: hf.getSheetId('Native')!, oursRows, nativeRows };
}

/** Builds and calculates one sheet, returns milliseconds; clears it afterwards (not timed). */
function timeBuild(s: Setup, which: 'ours' | 'native'): number {
  const id = which === 'ours' ? s.ours : s.native;
  if (which === 'ours') setPreviewModel(s.ctx); // same context, empty result memo: every run computes its cells
  const started = performance.now();
  s.hf.setSheetContent(id, which === 'ours' ? s.oursRows : s.nativeRows);
  const elapsed = performance.now() - started;
  s.hf.clearSheet(id);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Builds both sheets once and compares every cell (the test asserts equality; timing is never asserted). */
export function compareKostnadWithNative(options: KostnadBenchOptions = {}): { cells: number; mismatches: { cell: number; ours: unknown; native: unknown }[] } {
  const s = setup(options);
  s.hf.setSheetContent(s.ours, s.oursRows);
  s.hf.setSheetContent(s.native, s.nativeRows);
  const ours = s.hf.getSheetValues(s.ours).flat();
  const native = s.hf.getSheetValues(s.native).flat();
  const mismatches: { cell: number; ours: unknown; native: unknown }[] = [];
  const n = Math.max(ours.length, native.length);
  for (let i = 0; i < n; i++) if (ours[i] !== native[i] || typeof ours[i] !== 'number') mismatches.push({ cell: i, ours: ours[i], native: native[i] });
  s.hf.destroy();
  return { cells: ours.length, mismatches };
}

export async function runKostnadBench(options: KostnadBenchOptions = {}): Promise<KostnadBenchResult> {
  const repetitions = Math.max(5, options.repetitions ?? 9);
  const warmup = options.warmup ?? 3;
  const s = setup(options);
  for (let i = 0; i < warmup; i++) {
    timeBuild(s, 'ours');
    timeBuild(s, 'native');
  }
  const ours: number[] = [];
  const native: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    // Alternate the order so neither side always runs on a warmer heap.
    if (i % 2 === 0) {
      ours.push(timeBuild(s, 'ours'));
      native.push(timeBuild(s, 'native'));
    } else {
      native.push(timeBuild(s, 'native'));
      ours.push(timeBuild(s, 'ours'));
    }
  }
  s.hf.destroy();
  const oursMs = median(ours);
  const nativeMs = median(native);
  const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
  return {
    name: 'kostnad_vs_native',
    ratio: round(oursMs / nativeMs, 3),
    ours_ms: round(oursMs, 2),
    native_ms: round(nativeMs, 2),
    cells: options.cells ?? 10_000,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(await runKostnadBench()));
}
