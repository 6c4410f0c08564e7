// The compiled `dh` (bin/cli-bundle.mjs → dist/cli, run by bin/dh.mjs): what each command loads, that a missing or
// stale bundle is rebuilt before anything runs (or, without esbuild, the sources run after one Norwegian line), and
// that it answers exactly as the sources do. The freshness tests work in scratch copies of the project, never on the
// repository's own dist/ or sources. Wall-clock times are measured by `npm run bench` (cli_*), never asserted here.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, buildCliBundle, bundleState, MANIFEST_FILE } from '../../bin/cli-bundle.mjs';
import { readmeCommands } from '../examples/readme-commands.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCE_RUNNER = join(ROOT, 'tests', 'cli', 'dh-from-source.mjs');

/** A copy of what the CLI is built from; node_modules linked whole, or entry by entry without `leave`. */
function scratchProject(leave?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dh-bundle-'));
  for (const part of ['bin', 'cli', 'core']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  for (const file of ['package.json', 'tsconfig.json']) cpSync(join(ROOT, file), join(dir, file));
  if (leave === undefined) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  else {
    mkdirSync(join(dir, 'node_modules'));
    for (const name of readdirSync(join(ROOT, 'node_modules'))) if (name !== leave && name !== '.bin') symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

function dhIn(project: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(project, 'bin', 'dh.mjs'), ...args], { cwd: project, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const manifestOf = (project: string) => join(project, BUNDLE_DIR, MANIFEST_FILE);
const builtAt = (project: string) => statSync(manifestOf(project)).mtimeMs;

/** Output files reachable from `from` through static imports only: what loading it parses. */
function staticClosure(metafile: Metafile, from: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of metafile.outputs[file]!.imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(from);
  return [...seen];
}

const packagesOf = (metafile: Metafile, files: readonly string[]) =>
  new Set(files.flatMap((f) => metafile.outputs[f]!.imports.filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path)));
const sourcesOf = (metafile: Metafile, files: readonly string[]) => files.flatMap((f) => Object.keys(metafile.outputs[f]!.inputs));

let project: string;
let metafile: Metafile;
let entry: string;

beforeAll(async () => {
  project = scratchProject();
  const built = await buildCliBundle(project, { esbuild });
  metafile = built.metafile;
  entry = Object.keys(metafile.outputs).find((f) => f.endsWith(`${BUNDLE_DIR}/dh.mjs`))!;
});
afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** The chunk a command's dynamic import() in cli/main.ts leads to. */
function commandChunk(name: string): string {
  const target = metafile.outputs[entry]!.imports.find((i) => i.kind === 'dynamic-import' && metafile.outputs[i.path]?.entryPoint === `cli/commands/${name}.ts`);
  expect(target, `dist/cli har ingen egen del for ${name}`).toBeDefined();
  return target!.path;
}

describe('what a command loads', () => {
  it('start-up itself: no command, no file reader, no package from node_modules but decimal.js', () => {
    const files = staticClosure(metafile, entry);
    expect([...packagesOf(metafile, files)].filter((p) => !p.startsWith('node:'))).toEqual(['decimal.js']);
    expect(sourcesOf(metafile, files).filter((s) => /^cli\/(commands|xlsx|package|workbook)/.test(s))).toEqual([]);
  });

  it('dh kostnad: neither exceljs, jszip, the .xlsx reader, reconciliation nor the register check', () => {
    const files = [...new Set([...staticClosure(metafile, entry), ...staticClosure(metafile, commandChunk('kostnad'))])];
    const sources = sourcesOf(metafile, files);
    expect(sources).toContain('cli/commands/kostnad.ts');
    expect(sources.filter((s) => /^(cli\/(xlsx|package|workbook|package-check)|core\/(reconcile|register|relations))/.test(s))).toEqual([]);
    expect([...packagesOf(metafile, files)].filter((p) => !p.startsWith('node:'))).toEqual(['decimal.js']);
  });

  it('dh kontroll: the reader, but never exceljs or jszip (they are imported only by code that writes)', () => {
    const files = [...new Set([...staticClosure(metafile, entry), ...staticClosure(metafile, commandChunk('kontroll'))])];
    expect(sourcesOf(metafile, files)).toContain('cli/xlsx/package.ts');
    const packages = packagesOf(metafile, files);
    expect(packages.has('exceljs')).toBe(false);
    expect(packages.has('jszip')).toBe(false);
  });

  it('every package the bundle imports is a dependency, not a devDependency (npm install --omit=dev keeps them)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const all = packagesOf(metafile, Object.keys(metafile.outputs));
    for (const p of [...all].filter((x) => !x.startsWith('node:'))) expect(Object.keys(pkg.dependencies), p).toContain(p);
  });
});

describe('a stale or missing bundle never runs', () => {
  it('the build records its sources; the check finds them unchanged', () => {
    expect(bundleState(project)).toEqual({ fresh: true, entry: join(project, BUNDLE_DIR, 'dh.mjs') });
    const recorded = (JSON.parse(readFileSync(manifestOf(project), 'utf8')) as { inputs: [string][] }).inputs.map(([p]) => p);
    expect(recorded).toEqual(expect.arrayContaining(['cli/main.ts', 'cli/commands/kostnad.ts', 'core/money/kroner.ts', 'bin/cli-bundle.mjs']));
  });

  it('a fresh bundle runs as it is, not rebuilt', () => {
    const before = builtAt(project);
    expect(dhIn(project, 'kostnad', 'Rana', '2026')).toEqual({ status: 0, stdout: '752 197,48 kr\n', stderr: '' });
    expect(builtAt(project)).toBe(before);
  });

  it('a missing bundle is built on the first run, silently', () => {
    rmSync(join(project, BUNDLE_DIR), { recursive: true, force: true });
    expect(bundleState(project)).toMatchObject({ fresh: false, reason: 'den kompilerte utgaven mangler' });
    expect(dhIn(project, 'kostnad', 'Rana', '2026')).toEqual({ status: 0, stdout: '752 197,48 kr\n', stderr: '' });
    expect(bundleState(project).fresh).toBe(true);
  });

  it('a touched source makes it stale, and the next run rebuilds before it runs', () => {
    const file = join(project, 'core', 'money', 'format.ts');
    const later = new Date(Date.now() + 5_000);
    utimesSync(file, later, later);
    expect(bundleState(project)).toMatchObject({ fresh: false, reason: 'core/money/format.ts er endret siden den kompilerte utgaven ble bygd' });
    const before = builtAt(project);
    expect(dhIn(project, 'kostnad', 'Rana', '2026')).toEqual({ status: 0, stdout: '752 197,48 kr\n', stderr: '' });
    expect(builtAt(project)).toBeGreaterThan(before);
    expect(bundleState(project).fresh).toBe(true);
  });

  it('an edited source runs as edited (the new code, never the old bundle)', () => {
    const usage = join(project, 'cli', 'usage.ts');
    writeFileSync(usage, readFileSync(usage, 'utf8').replace('Bruk:', 'Bruk (endret):'));
    const r = dhIn(project, '--help');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Bruk (endret):');
  });

  it('a deleted source makes it stale', () => {
    const extra = join(project, 'cli', 'commands', 'kostnad.ts');
    const text = readFileSync(extra, 'utf8');
    rmSync(extra);
    expect(bundleState(project)).toMatchObject({ fresh: false, reason: 'cli/commands/kostnad.ts er endret siden den kompilerte utgaven ble bygd' });
    writeFileSync(extra, text);
  });

  it('old chunks do not pile up: a rebuild leaves only its own files', async () => {
    await buildCliBundle(project, { esbuild });
    const chunks = readdirSync(join(project, BUNDLE_DIR, 'chunks')).map((f) => `${BUNDLE_DIR}/chunks/${f}`);
    const built = await buildCliBundle(project, { esbuild });
    expect(readdirSync(join(project, BUNDLE_DIR, 'chunks')).map((f) => `${BUNDLE_DIR}/chunks/${f}`).sort()).toEqual(built.files.map((f) => f.path).filter((p) => p.includes('/chunks/')).sort());
    expect(chunks.length).toBeGreaterThan(3);
  });
});

describe('without esbuild (npm install --omit=dev)', () => {
  let bare: string;
  beforeAll(() => {
    bare = scratchProject('esbuild');
  });
  afterAll(() => {
    if (bare) rmSync(bare, { recursive: true, force: true });
  });

  it('a missing bundle: the sources run through tsx after one Norwegian line on stderr', () => {
    const r = dhIn(bare, 'kostnad', 'Rana', '2026');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('752 197,48 kr\n');
    expect(r.stderr).toBe('dh: den kompilerte utgaven mangler, og esbuild er ikke installert; kjører fra kildekoden (tregere). «npm run build» bygger den.\n');
    expect(existsSync(join(bare, BUNDLE_DIR))).toBe(false);
  });

  it('a stale bundle is not run: the edited sources are, with the notice', async () => {
    await buildCliBundle(bare, { esbuild });
    const usage = join(bare, 'cli', 'usage.ts');
    writeFileSync(usage, readFileSync(usage, 'utf8').replace('Bruk:', 'Bruk (endret):'));
    const r = dhIn(bare, '--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Bruk (endret):');
    expect(r.stderr.split('\n').filter(Boolean)).toEqual(['dh: cli/usage.ts er endret siden den kompilerte utgaven ble bygd, og esbuild er ikke installert; kjører fra kildekoden (tregere). «npm run build» bygger den.']);
  });

  it('user errors keep their exit code 2 and one line of their own after the notice', () => {
    const r = dhIn(bare, 'kostnad', 'Ranna', '2026');
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/mente du Rana\?/);
  });
});

describe('the compiled dh answers exactly as the sources do', () => {
  let cwd: string;
  beforeAll(() => {
    // The README's lines run where README says: examples/ and tests/fixtures/ beside them. Each side gets its own
    // folder so a file one writes (-o …) is not there for the other.
    cwd = mkdtempSync(join(tmpdir(), 'dh-bundle-same-'));
    for (const side of ['bundle', 'source']) {
      mkdirSync(join(cwd, side));
      cpSync(join(ROOT, 'examples'), join(cwd, side, 'examples'), { recursive: true });
      symlinkSync(join(ROOT, 'tests'), join(cwd, side, 'tests'));
    }
  });
  afterAll(() => {
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  const readme = readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((c) => c.command.replace(/^npx dh\s+/, '').split(/\s+/));
  const more = [
    [],
    ['kostnad', 'Rana', '2026', '--json'],
    ['kostnad', 'Ranna', '2026'],
    ['kostnad', 'Rana', '2026', '--prosjekt', 'RPA'],
    ['fordeling', '2026', '--json'],
    ['kontroll', 'examples/styremote-2026.xlsx', '--dato', '2026-03-01', '--json'],
    ['kontroll', 'finnes-ikke.xlsx'],
    ['tull'],
  ];
  it.each([...readme, ...more].map((args) => [args.join(' ') || '(ingen argumenter)', args] as const))('dh %s', (_name, args) => {
    const bundle = spawnSync(process.execPath, [join(ROOT, 'bin', 'dh.mjs'), ...args], { cwd: join(cwd, 'bundle'), encoding: 'utf8', timeout: 120_000 });
    const source = spawnSync(process.execPath, [SOURCE_RUNNER, ...args], { cwd: join(cwd, 'source'), encoding: 'utf8', timeout: 120_000 });
    expect({ status: bundle.status, stdout: bundle.stdout, stderr: bundle.stderr }).toEqual({ status: source.status, stdout: source.stdout, stderr: source.stderr });
  });
});
