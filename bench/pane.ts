// pane_longest_task_ms_100k (SPEC §7): the longest main-thread task while the panel checks a 100 000-row register in
// the preview (`npm start`), in Debian's Chromium. A PerformanceObserver({ type: 'longtask' }) records every task
// over 50 ms from the click on «Kontroller» until the result is shown. Baseline, same run and same page: the same
// check with no Worker in the page, i.e. the panel's fallback (slices on its own thread). The e2e test
// (tests/e2e/pane-worker.e2e.test.ts) drives the same functions and checks the findings against checkRegister.
//   npx tsx bench/pane.ts                 this tree's preview (built when stale)
//   npx tsx bench/pane.ts --root DIR      a preview built elsewhere (e.g. an older commit, for a before/after)
//   npx tsx bench/pane.ts --no-baseline   only the worker run (repeated measurements; baseline_ms is then 0)
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { checkRegister, DatasetContext, HELGELAND_2026, registerDataRowCount, type Severity } from '../core/index.js';
import { parseCsv } from '../preview/src/open-file.js';
import { MAX_COLUMNS } from '../preview/src/open-xlsx.js';
import { startServer } from '../scripts/start.js';
import { launchChromium } from '../tests/e2e/browser.js';
import { generateRegister } from './register.js';

export const PANE_ROWS = 100_000;
export const PANE_TODAY = '2026-03-01';
export const PANE_CSV_NAME = 'systemoversikt-100k.csv';

/** The bench register (bench/register.ts) as a «CSV (semikolondelt)» export, the way a register reaches the preview. */
export function registerCsv(rows = PANE_ROWS, seed = 1): string {
  const quote = (value: unknown): string => {
    const text = value === null || value === undefined ? '' : String(value);
    return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return generateRegister(rows, seed).map((row) => row.map(quote).join(';')).join('\r\n') + '\r\n';
}

export interface CheckCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly rows: number;
}

/** What the panel must show for the CSV: checkRegister on the cells the preview holds (blank → empty, else text). */
export function expectedCounts(csv: string, sheet: string): CheckCounts {
  const cells = parseCsv(csv, ';').map((row) => row.slice(0, MAX_COLUMNS).map((v) => (v.trim() === '' ? null : v)));
  const findings = checkRegister(cells, { sheet, today: PANE_TODAY, data: new DatasetContext(HELGELAND_2026) });
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { error: count('error'), warning: count('warning'), info: count('info'), rows: registerDataRowCount(cells) };
}

/** Opens the CSV with «Åpne fil…» and waits until its sheet is shown. */
export async function openRegister(page: Page, csv: string, name = PANE_CSV_NAME): Promise<void> {
  await page.getByTestId('open-xlsx-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const sheet = name.replace(/\.[^.]+$/, '');
  await page.waitForFunction((s) => document.querySelector('[data-testid="grid"]')?.getAttribute('data-sheet') === s, sheet, { timeout: 600_000, polling: 500 });
}

export interface CheckRun {
  /** Durations (ms) of the main thread's long tasks (> 50 ms) from the click until the result was shown. */
  readonly longTasks: readonly number[];
  /** The longest of them; 0 when no task took over 50 ms. */
  readonly longestMs: number;
  /** Distinct texts the progress line showed («Kontrollerer … 45 %»). */
  readonly progressTexts: readonly string[];
  readonly message: string;
  readonly counts: CheckCounts;
}

/** Clicks «Kontroller» on the Systemregister tab and records the main thread's long tasks until the check is done. */
export async function measureCheck(page: Page): Promise<CheckRun> {
  await page.getByTestId('tab-register').click();
  await page.getByTestId('register-source-active').check();
  await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const long: number[] = [];
    const texts = new Set<string>();
    const state = { started: false, done: false, long, texts };
    w.__dhPaneRun = state;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) long.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const watch = new MutationObserver(() => {
      // The progress bar is shown while the view is busy (also in the panel before the worker, for a before/after).
      const running = document.querySelector('[data-testid="check-progress"]');
      const text = document.querySelector('[data-testid="check-progress-text"]')?.textContent;
      if (text) texts.add(text);
      if (running) state.started = true;
      else if (state.started && !state.done) {
        state.done = true;
        // The result's render is the task that removed the progress line; a timer after it ends the recording.
        setTimeout(() => {
          for (const entry of observer.takeRecords()) long.push(entry.duration);
          observer.disconnect();
          watch.disconnect();
          w.__dhPaneDone = true;
        }, 500);
      }
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    w.__dhPaneDone = false;
  });
  await page.getByTestId('check-button').click();
  await page.waitForFunction(() => (window as unknown as Record<string, unknown>).__dhPaneDone === true, null, { timeout: 600_000, polling: 250 });
  const recorded = await page.evaluate(() => {
    const state = (window as unknown as Record<string, { long: number[]; texts: Set<string> }>).__dhPaneRun!;
    return { long: state.long, texts: [...state.texts] };
  });
  const count = async (s: Severity) => Number(await page.getByTestId(`count-${s}`).getAttribute('data-count'));
  const summary = await page.getByTestId('register-result').innerText();
  const rows = Number(/([\d\s\u00a0]+) rader kontrollert/.exec(summary)?.[1]?.replace(/\D/g, '') ?? NaN);
  return {
    longTasks: recorded.long,
    longestMs: Math.round(Math.max(0, ...recorded.long) * 10) / 10,
    progressTexts: recorded.texts,
    message: await page.getByTestId('register-message').innerText(),
    counts: { error: await count('error'), warning: await count('warning'), info: await count('info'), rows },
  };
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

/**
 * The same check as measureCheck, under a Chromium trace: the longest main-thread task by *thread time* (CPU spent on
 * it). A long task's wall time also counts the time a busy machine kept the thread waiting; its thread time is what
 * the page itself asked of the thread, so it tells a change in our code apart from the machine's load.
 */
export async function measureCheckCpu(page: Page): Promise<{ run: CheckRun; longestCpuMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'toplevel,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const run = await measureCheck(page);
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}:${e.tid}`));
  const longestCpuMs = Math.round(Math.max(0, ...tasks.map((e) => e.tdur ?? 0)) / 100) / 10;
  return { run, longestCpuMs };
}

/** Takes Worker away from the page, as in a browser or sandbox without it: the panel then checks in slices. */
export async function withoutWorker(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>).Worker = undefined;
  });
}

export interface PaneBenchLine {
  readonly name: 'pane_longest_task_ms_100k';
  /** Longest task with the worker ÷ longest task with the check on the panel's thread, same run. */
  readonly ratio: number;
  readonly ms: number;
  readonly baseline_ms: number;
  readonly long_tasks: number;
  readonly baseline_long_tasks: number;
  /** A second worker check under a trace: the longest main-thread task's CPU time (ms), load aside. */
  readonly longest_task_cpu_ms: number;
  readonly rows: number;
  readonly findings: number;
  /** Elements inside the grid's scroll area with the 100 000-row sheet shown (what a repaint of the grid walks). */
  readonly grid_nodes: number;
}

/** Elements inside the grid's scroll area, and how many rows of cells it holds. */
export async function gridDomSize(page: Page): Promise<{ nodes: number; rows: number }> {
  return page.evaluate(() => {
    const scroll = document.querySelector('[data-testid="grid-scroll"]');
    return { nodes: scroll?.querySelectorAll('*').length ?? 0, rows: scroll?.querySelectorAll('tbody tr:has(td[data-cell])').length ?? 0 };
  });
}

export async function runPaneBench(options: { root?: string; baseline?: boolean } = {}): Promise<PaneBenchLine> {
  const server = await startServer({ port: 0, ...(options.root ? { root: options.root } : {}) });
  const browser = await launchChromium('dh-pane-bench-', { width: 1400, height: 900 });
  try {
    const { page } = browser;
    await page.goto(`${server.url}?idag=${PANE_TODAY}&panel=300`);
    await page.getByTestId('dh-panel').waitFor({ timeout: 60_000 });
    await openRegister(page, registerCsv());
    const grid = await gridDomSize(page);
    const ours = await measureCheck(page);
    const traced = await measureCheckCpu(page);
    let base: CheckRun = { longTasks: [], longestMs: 0, progressTexts: [], message: '', counts: ours.counts };
    if (options.baseline ?? true) {
      await withoutWorker(page);
      base = await measureCheck(page);
    }
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      name: 'pane_longest_task_ms_100k',
      ratio: base.longestMs > 0 ? round(ours.longestMs / base.longestMs) : 0,
      ms: ours.longestMs,
      baseline_ms: base.longestMs,
      long_tasks: ours.longTasks.length,
      baseline_long_tasks: base.longTasks.length,
      longest_task_cpu_ms: traced.longestCpuMs,
      rows: ours.counts.rows,
      findings: ours.counts.error + ours.counts.warning + ours.counts.info,
      grid_nodes: grid.nodes,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const invokedDirectly = process.argv[1] !== undefined && /pane\.[cm]?[tj]s$/.test(process.argv[1]) && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const at = process.argv.indexOf('--root');
  const baseline = !process.argv.includes('--no-baseline');
  console.log(JSON.stringify(await runPaneBench({ baseline, ...(at > 0 ? { root: process.argv[at + 1]! } : {}) })));
}
