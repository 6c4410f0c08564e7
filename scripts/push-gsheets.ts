// `npm run push:gsheets`: pushes the built dist/gsheets to the user's Apps Script project with the pinned
// @google/clasp (a devDependency, never fetched at run time). clasp v3 does not transpile, so .clasp.json
// must point rootDir at dist/gsheets (TOOLCHAIN); the checked-in template is addin-gsheets/.clasp.json.example.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
export const CLASP_TEMPLATE = 'addin-gsheets/.clasp.json.example';
export const CLASP_ROOT_DIR = 'dist/gsheets';

/** Why .clasp.json (its text, or undefined when missing) cannot be pushed with; empty when it can. */
export function claspConfigProblems(text: string | undefined): string[] {
  if (text === undefined) return [`.clasp.json mangler. Kopier ${CLASP_TEMPLATE} til .clasp.json i rotmappen og fyll inn skript-id-en (Apps Script → Prosjektinnstillinger → Skript-ID).`];
  let config: { scriptId?: unknown; rootDir?: unknown };
  try {
    config = JSON.parse(text) as typeof config;
  } catch {
    return ['.clasp.json er ikke gyldig JSON.'];
  }
  const problems: string[] = [];
  if (typeof config.scriptId !== 'string' || !/^[A-Za-z0-9_-]{20,}$/.test(config.scriptId)) problems.push('.clasp.json: «scriptId» er ikke fylt inn med skript-id-en fra Apps Script.');
  if (typeof config.rootDir !== 'string' || config.rootDir.replace(/\/+$/, '') !== CLASP_ROOT_DIR) problems.push(`.clasp.json: «rootDir» må være «${CLASP_ROOT_DIR}» (clasp sender de ferdigbygde filene, ikke kildekoden).`);
  return problems;
}

/** The clasp CLI from node_modules (the pinned devDependency). */
export function claspBin(): string {
  // @google/clasp's "exports" hide package.json from require.resolve; read it where npm installs it.
  const pkg = resolve(ROOT, 'node_modules/@google/clasp/package.json');
  const bin = (JSON.parse(readFileSync(pkg, 'utf8')) as { bin: string | Record<string, string> }).bin;
  return resolve(dirname(pkg), typeof bin === 'string' ? bin : bin.clasp!);
}

function main(args: readonly string[]): number {
  const configFile = resolve(ROOT, '.clasp.json');
  const problems = claspConfigProblems(existsSync(configFile) ? readFileSync(configFile, 'utf8') : undefined);
  if (problems.length) {
    console.error(problems.join('\n'));
    return 1;
  }
  if (!existsSync(resolve(ROOT, CLASP_ROOT_DIR, 'Code.js'))) {
    console.error(`${CLASP_ROOT_DIR}/Code.js mangler: kjør npm run build først.`);
    return 1;
  }
  const run = spawnSync(process.execPath, [claspBin(), 'push', ...args], { cwd: ROOT, stdio: 'inherit' });
  return run.status ?? 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exit(main(process.argv.slice(2)));
