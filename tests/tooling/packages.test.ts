// The design card's tool packages are real, pinned devDependencies used from node_modules — nothing is
// fetched at run time with `npx --yes …@version` (which needs the network and a registry at the moment a
// municipality's IT person runs the command).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLASP_ROOT_DIR, CLASP_TEMPLATE, claspBin, claspConfigProblems } from '../../scripts/push-gsheets.js';
import { DIST_EXCEL, ensureExcelBuild } from '../excel/helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string>; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string }> };
const TOOLS = ['@microsoft/office-js', '@google/clasp', 'office-addin-debugging', 'office-addin-dev-certs', 'office-addin-manifest'];

describe('package.json', () => {
  it('no script fetches a tool at run time (no npx)', () => {
    for (const [name, script] of Object.entries(pkg.scripts)) expect(script, name).not.toMatch(/\bnpx\b/);
  });

  it('the design card packages are pinned devDependencies, installed at the locked version', () => {
    for (const name of TOOLS) {
      const version = pkg.devDependencies[name];
      expect(version, name).toMatch(/^\d+\.\d+\.\d+$/);
      expect(lock.packages[`node_modules/${name}`]?.version, `${name} i package-lock.json`).toBe(version);
      const installed = JSON.parse(readFileSync(resolve(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
      expect(installed.version, name).toBe(version);
    }
    // office-addin-cli comes with the Office tools.
    expect(existsSync(resolve(ROOT, 'node_modules/office-addin-cli/package.json'))).toBe(true);
  });

  it('every command a script names is in node_modules/.bin', () => {
    const builtins = new Set(['npm', 'tsx', 'tsc', 'vitest']);
    for (const [name, script] of Object.entries(pkg.scripts)) {
      for (const part of script.split('&&')) {
        const command = part.trim().split(/\s+/)[0]!;
        if (command === 'npm') continue;
        expect(existsSync(resolve(ROOT, 'node_modules/.bin', command)) || builtins.has(command), `${name}: ${command}`).toBe(true);
      }
    }
    expect(pkg.scripts['start:excel']).toMatch(/^npm run build && office-addin-debugging start dist\/excel\/manifest\.xml/);
    expect(pkg.scripts['certs:excel']).toBe('office-addin-dev-certs install');
    expect(pkg.scripts['push:gsheets']).toMatch(/push-gsheets\.ts$/);
  });
});

describe('office-addin-manifest reads the built manifest (offline)', () => {
  beforeAll(async () => {
    await ensureExcelBuild();
  });

  it('`office-addin-manifest info` names the add-in, its id and the Workbook host', () => {
    const out = execFileSync(resolve(ROOT, 'node_modules/.bin/office-addin-manifest'), ['info', resolve(DIST_EXCEL, 'manifest.xml')], { encoding: 'utf8', timeout: 60_000 });
    const id = /<Id>([^<]+)<\/Id>/.exec(readFileSync(resolve(DIST_EXCEL, 'manifest.xml'), 'utf8'))![1]!;
    expect(out).toContain(`Id: ${id}`);
    expect(out).toMatch(/Hosts: Workbook/);
    expect(out).toMatch(/Name: DH – Digitale Helgeland/);
  }, 90_000);
});

describe('clasp: pinned, with a checked-in .clasp.json template (rootDir dist/gsheets)', () => {
  it('the template points at the built files and is refused until a script id is filled in', () => {
    const template = readFileSync(resolve(ROOT, CLASP_TEMPLATE), 'utf8');
    expect(JSON.parse(template).rootDir).toBe(CLASP_ROOT_DIR);
    expect(claspConfigProblems(template).join('\n')).toMatch(/scriptId/);
    expect(claspConfigProblems(undefined).join('\n')).toMatch(/\.clasp\.json mangler.*clasp\.json\.example/);
    expect(claspConfigProblems('{"scriptId":"1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789","rootDir":"addin-gsheets/src"}').join('\n')).toMatch(/rootDir/);
    expect(claspConfigProblems('{"scriptId":"1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789","rootDir":"dist/gsheets"}')).toEqual([]);
  });

  it('push:gsheets runs the clasp from node_modules', () => {
    expect(existsSync(claspBin())).toBe(true);
    expect(claspBin()).toContain(`${resolve(ROOT, 'node_modules/@google/clasp')}`);
    const version = execFileSync(process.execPath, [claspBin(), '--version'], { encoding: 'utf8', timeout: 60_000 }).trim();
    expect(version).toContain(pkg.devDependencies['@google/clasp']);
  }, 90_000);
});
