// dist/excel ships no GPL code and stays within the task pane's size budget (SPEC §8, TOOLCHAIN).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { filesMentioningHyperFormula, TASKPANE_CHUNK_DIR, TASKPANE_GZIP_BUDGET, taskpaneInitialLoad } from '../../scripts/build-excel.js';
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

  it('the task pane\'s initial load (taskpane.js + the chunks it imports statically) is within budget', async () => {
    const initial = await taskpaneInitialLoad(DIST_EXCEL);
    expect(initial.files[0]).toBe('taskpane.js');
    // The measure is the sum over the files the page must fetch before the panel renders, not one file.
    const summed = initial.files.reduce((sum, file) => sum + gzipSync(readFileSync(resolve(DIST_EXCEL, file)), { level: 9 }).length, 0);
    expect(initial.gzipBytes).toBe(summed);
    console.log(`oppgaveruten, første last: ${(initial.gzipBytes / 1024).toFixed(1)} kB gzip (${initial.files.join(', ')})`);
    expect(initial.gzipBytes).toBeLessThanOrEqual(TASKPANE_GZIP_BUDGET);
  });

  it('views other than the first are chunks loaded on demand, not part of the initial load', async () => {
    const initial = await taskpaneInitialLoad(DIST_EXCEL);
    const chunks = readdirSync(resolve(DIST_EXCEL, TASKPANE_CHUNK_DIR)).map((f) => `${TASKPANE_CHUNK_DIR}/${f}`);
    for (const view of ['StyremoteView', 'RegisterView', 'GevinstView']) {
      const chunk = chunks.find((c) => c.startsWith(`${TASKPANE_CHUNK_DIR}/${view}-`));
      expect(chunk, view).toBeDefined();
      expect(initial.files, view).not.toContain(chunk);
    }
    // The first view (Fordeling) is in the initial load: its test hook is there before any tab is opened.
    const initialCode = initial.files.map((f) => readFileSync(resolve(DIST_EXCEL, f), 'utf8')).join('\n');
    expect(initialCode).toContain('view-fordeling');
    expect(initialCode).not.toContain('view-styremote');
  });

  it('taskpane.html loads taskpane.js as an ES module (its chunks are imported relative to it)', () => {
    const html = readFileSync(resolve(DIST_EXCEL, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/<script type="module" src="taskpane\.js"><\/script>/);
  });

  it('functions.js makes no Excel API or DOM call (it must work before the pane renders)', () => {
    const code = readFileSync(resolve(DIST_EXCEL, 'functions.js'), 'utf8');
    expect(code).not.toMatch(/Excel\.run|document\.|window\./);
  });
});
