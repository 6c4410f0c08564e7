// Start-up of the `dh` command as a user runs it (SPEC §7 `npm run bench`):
//   cli_kostnad_vs_node        median wall time of `node bin/dh.mjs kostnad Rana 2026` ÷ median of `node -e 0`
//   cli_kontroll_1000_vs_node  median wall time of `node bin/dh.mjs kontroll <1 000-row register>.xlsx` ÷ the same
// Each is a fresh process, timed from spawn to exit by the parent, so process start, module loading and the work are
// all in the figure; `node -e 0` is the floor any Node command pays. The three commands are interleaved (the order
// rotates every round) so a busy moment on the shared machine hits all of them alike. Warm-up runs first: they build
// dist/cli if it is stale (bin/dh.mjs does that itself) and fill the file cache, neither of which a user pays twice.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { bundleState } from '../bin/cli-bundle.mjs';
import { generateRegister } from './register.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'dh.mjs');
const TODAY = '2026-03-01';
/** Column «Avtale utløper» (17th) of generateRegister's header: its serial numbers are dates. */
const DATE_COLUMN = 17;

export interface CliBenchOptions {
  /** Timed runs of each command (at least 7). */
  readonly runs?: number;
  readonly warmup?: number;
  readonly registerRows?: number;
}

/** Writes generateRegister(rows) as an .xlsx file the way Excel stores it: error cells as errors, dates as dated serials. */
export async function writeRegisterFile(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Systemoversikt');
  generateRegister(rows).forEach((line, r) => {
    line.forEach((value, c) => {
      if (value === null || value === undefined || value === '') return;
      const cell = ws.getCell(r + 1, c + 1);
      if (typeof value === 'object' && value !== null && 'cellError' in value) cell.value = { error: (value as { cellError: string }).cellError } as ExcelJS.CellErrorValue;
      else cell.value = value as ExcelJS.CellValue;
      if (c + 1 === DATE_COLUMN && typeof value === 'number') cell.numFmt = 'dd.mm.yyyy';
    });
  });
  await wb.xlsx.writeFile(path);
}

interface Run {
  readonly ms: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// The children get the user's environment minus NODE_OPTIONS: under `tsx bench/…` it may carry tsx's loader, which
// would slow both sides and measure tsx instead of dh.
const { NODE_OPTIONS: _ignored, ...CHILD_ENV } = process.env;

function timed(args: readonly string[]): Run {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: CHILD_ENV, timeout: 120_000 });
  const ms = performance.now() - started;
  if (r.error) throw r.error;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (x: number, d = 2): number => Number(x.toFixed(d));

export async function runCliBench(options: CliBenchOptions = {}): Promise<object[]> {
  const runs = Math.max(7, options.runs ?? 11);
  const warmup = options.warmup ?? 2;
  const rows = options.registerRows ?? 1000;
  const dir = mkdtempSync(join(tmpdir(), 'dh-bench-cli-'));
  try {
    const register = join(dir, 'register-1000.xlsx');
    await writeRegisterFile(register, rows);
    const commands = {
      node: ['-e', '0'],
      kostnad: [BIN, 'kostnad', 'Rana', '2026'],
      kontroll: [BIN, 'kontroll', register, '--dato', TODAY],
    } as const;
    // What each command must answer; a run that answers anything else is not a measurement of dh.
    const check = {
      node: (r: Run) => r.status === 0,
      kostnad: (r: Run) => r.status === 0 && r.stdout === '752 197,48 kr\n' && r.stderr === '',
      kontroll: (r: Run) => (r.status === 0 || r.status === 1) && r.stderr === '' && r.stdout.includes('systemregister'),
    };
    const names = Object.keys(commands) as (keyof typeof commands)[];
    const times: Record<keyof typeof commands, number[]> = { node: [], kostnad: [], kontroll: [] };
    for (let i = 0; i < warmup + runs; i++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const r = timed(commands[name]);
        if (!check[name](r)) throw new Error(`${name} svarte uventet (kode ${r.status}): ${(r.stderr || r.stdout).slice(0, 300)}`);
        if (i >= warmup) times[name].push(r.ms);
      }
    }
    // The figures are only the compiled CLI's if the bundle was current throughout.
    const state = bundleState(ROOT);
    if (!state.fresh) throw new Error(`dist/cli er ikke oppdatert etter målingen: ${state.reason}`);
    const node = median(times.node);
    const kostnad = median(times.kostnad);
    const kontroll = median(times.kontroll);
    return [
      { name: 'cli_kostnad_vs_node', ratio: round(kostnad / node), ours_ms: round(kostnad, 1), baseline_ms: round(node, 1), runs },
      { name: 'cli_kontroll_1000_vs_node', ratio: round(kontroll / node), ours_ms: round(kontroll, 1), baseline_ms: round(node, 1), runs, rows },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await runCliBench()) console.log(JSON.stringify(line));
}
