// Shared setup for the Sheets add-on tests: make sure dist/gsheets is built from the current sources
// (building once, under a lock, when it is missing or older than a source file), then load the BUILT
// Code.js into the Apps Script fake.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppsScriptFake, AppsScriptRuntime } from '../fakes/apps-script/index.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist/gsheets');
export const DIST_FILES = ['Code.js', 'sidebar.html', 'panel-worker.html', 'appsscript.json'] as const;
const SOURCES = ['core', 'ui', 'addin-gsheets', 'scripts/build-gsheets.ts', 'scripts/barrels.ts'];
const LOCK = join(ROOT, 'dist/.gsheets-build.lock');

function newestSource(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(full)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestSource(join(path, entry)));
  }
  return newest;
}

function isFresh(): boolean {
  if (!DIST_FILES.every((f) => existsSync(join(DIST, f)))) return false;
  const built = Math.min(...DIST_FILES.map((f) => statSync(join(DIST, f)).mtimeMs));
  return SOURCES.every((s) => newestSource(s) <= built);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Builds dist/gsheets once if it is missing or stale; parallel test files wait for one build. */
export async function ensureBuilt(): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (isFresh()) return;
    try {
      mkdirSync(join(ROOT, 'dist'), { recursive: true });
      mkdirSync(LOCK);
    } catch {
      // another worker is building; a lock older than two minutes is left over from a crash
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // gone already
      }
      await sleep(200);
      continue;
    }
    try {
      if (!isFresh()) {
        const { build } = await import('../../scripts/build-gsheets.js');
        await build();
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return;
  }
  throw new Error('dist/gsheets ble ikke bygget i tide.');
}

export function distFile(name: (typeof DIST_FILES)[number]): string {
  return readFileSync(join(DIST, name), 'utf8');
}

/** The project's HTML files: sidebar.html, the sidebar's parts that load on demand (sidebar_chunk_N.html) and panel-worker.html. */
export function distHtmlFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(DIST)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f, readFileSync(join(DIST, f), 'utf8')]),
  );
}

/** A fresh spreadsheet with the built Code.js loaded (every HTML file of the project available to HtmlService). */
export function loadAddon(): { fake: AppsScriptFake; runtime: AppsScriptRuntime } {
  const fake = new AppsScriptFake(distHtmlFiles());
  const runtime = new AppsScriptRuntime(fake, distFile('Code.js'));
  return { fake, runtime };
}

/** "Today" in Oslo, as Code.js computes it. */
export function todayInOslo(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(new Date());
}

/** A cooperation of its own (three Salten kommuner) as DH_Kommuner and DH_Nokkel rows, for the input-table tests. */
export const KOMMUNER = [
  ['Kommunenr', 'Kommune', 'Innbyggere'],
  ['1804', 'Bodø', 53712],
  ['1841', 'Fauske', 9867],
  ['1840', 'Saltdal', 4614],
];
export const NOKKEL = [
  ['År', 'Fast beløp', 'Sats pr innbygger'],
  [2026, 100000, 20],
];
