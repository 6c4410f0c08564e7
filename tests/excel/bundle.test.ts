// dist/excel ships no GPL code and stays within the task pane's size budget (SPEC §8, TOOLCHAIN).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesMentioningHyperFormula, TASKPANE_GZIP_BUDGET } from '../../scripts/build-excel.js';
import { DIST_EXCEL, ensureExcelBuild } from './helpers.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

beforeAll(ensureExcelBuild);

describe('dist/excel bundle', () => {
  it('contains no "hyperformula"/"HyperFormula" string in any file', () => {
    const files = filesUnder(DIST_EXCEL);
    expect(files.map((f) => relative(DIST_EXCEL, f))).toEqual(expect.arrayContaining(['functions.js', 'functions.json', 'taskpane.js', 'taskpane.html', 'manifest.xml']));
    const offenders = files.filter((f) => /hyperformula/i.test(readFileSync(f).toString('latin1')));
    expect(offenders.map((f) => relative(DIST_EXCEL, f))).toEqual([]);
    expect(filesMentioningHyperFormula(DIST_EXCEL)).toEqual([]);
  });

  it('taskpane.js is within 250 kB gzip', () => {
    const gzip = gzipSync(readFileSync(resolve(DIST_EXCEL, 'taskpane.js')), { level: 9 }).length;
    console.log(`taskpane.js: ${(gzip / 1024).toFixed(1)} kB gzip`);
    expect(gzip).toBeLessThanOrEqual(TASKPANE_GZIP_BUDGET);
  });

  it('functions.js makes no Excel API or DOM call (it must work before the pane renders)', () => {
    const code = readFileSync(resolve(DIST_EXCEL, 'functions.js'), 'utf8');
    expect(code).not.toMatch(/Excel\.run|document\.|window\./);
  });
});
