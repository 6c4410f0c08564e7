// What the panes (Excel task pane, Sheets sidebar) are built from: never exceljs (file reading belongs to dh and
// the preview) nor HyperFormula (GPL-3.0, tests and preview only), checked on esbuild's own list of inputs for the
// builds' real options; and imports through barrels go to the defining module (scripts/barrels.ts).
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { resolveStyleRulesForSlots } from '@griffel/core';
import { moduleExports } from '../../scripts/barrels.js';
import { isStylesModule, precompileStyles } from '../../scripts/griffel-aot.js';
import { NOT_IN_PANES, taskpaneBuildOptions } from '../../scripts/build-excel.js';
import { bundleSidebar } from '../../scripts/build-gsheets.js';

describe('pane bundles', () => {
  it('the pattern catches both packages wherever node_modules sits', () => {
    expect(NOT_IN_PANES.test('../../main/node_modules/exceljs/dist/es5/index.js')).toBe(true);
    expect(NOT_IN_PANES.test('node_modules/hyperformula/es/index.js')).toBe(true);
    expect(NOT_IN_PANES.test('node_modules/@fluentui/react-button/lib/index.js')).toBe(false);
  });

  it('the Excel task pane (all chunks, first load or not) has neither exceljs nor HyperFormula among its inputs', async () => {
    const result = await esbuild.build({ ...taskpaneBuildOptions(), bundle: true, minify: true, write: false, metafile: true, logLevel: 'silent', define: { 'process.env.NODE_ENV': '"production"' } });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('ui/Panel.tsx'))).toBe(true);
    expect(inputs.filter((i) => NOT_IN_PANES.test(i))).toEqual([]);
  }, 120_000);

  it('the Sheets sidebar (all chunks) has neither exceljs nor HyperFormula among its inputs', async () => {
    const { inputs } = await bundleSidebar();
    expect(inputs.some((i) => i.includes('ui/Panel.tsx'))).toBe(true);
    expect(inputs.filter((i) => NOT_IN_PANES.test(i))).toEqual([]);
  }, 120_000);
});

describe('moduleExports (scripts/barrels.ts)', () => {
  const read = (text: string) => moduleExports(ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS));

  it('tells local values, named re-exports (with renames) and star re-exports apart, and skips types', () => {
    const found = read(`
      export * from './a.js';
      export { b, c as d } from './bc.js';
      export { type T } from './t.js';
      export type { U } from './u.js';
      export * as ns from './ns.js';
      export const e = 1, f = 2;
      export function g() {}
      export class H {}
      export enum I { x }
      export interface J {}
      export type K = string;
      export declare const L: number;
      const m = 1;
      export { m as n };
      export default 5;
    `);
    expect([...found.local].sort()).toEqual(['H', 'I', 'default', 'e', 'f', 'g', 'n', 'ns']);
    expect(Object.fromEntries(found.reexports)).toEqual({ b: { specifier: './bc.js', name: 'b' }, d: { specifier: './bc.js', name: 'c' } });
    expect(found.stars).toEqual(['./a.js']);
  });
});

describe('precompileStyles (scripts/griffel-aot.ts)', () => {
  const core = resolve(import.meta.dirname, '../../core');

  it('gives __styles(...) with exactly what Griffel computes at run time for the same style object', async () => {
    const text = [
      "import { makeStyles, tokens } from '@fluentui/react-components';",
      "export const useThing = makeStyles({ root: { color: tokens.colorNeutralForeground1, paddingInline: '4px', ':hover': { color: 'red' } }, other: { display: 'flex' } });",
    ].join('\n');
    const out = await precompileStyles('/nowhere/thing.styles.ts', text, core);
    const [classes, css] = resolveStyleRulesForSlots({ root: { color: 'var(--colorNeutralForeground1)', paddingInline: '4px', ':hover': { color: 'red' } }, other: { display: 'flex' } }, '');
    expect(out).toContain(`export const useThing = /* @__PURE__ */ __styles(${JSON.stringify(classes)}, ${JSON.stringify(css)});`);
    expect(out).not.toContain('makeStyles');
  });

  it('refuses a styles module that imports our own code or exports anything but makeStyles hooks', async () => {
    await expect(precompileStyles('/nowhere/a.styles.ts', "import { makeStyles } from '@fluentui/react-components';\nimport { x } from './x.js';\nexport const useA = makeStyles({ r: { color: x } });", core)).rejects.toThrow(/bare importere fra Fluent\/Griffel/);
    await expect(precompileStyles('/nowhere/b.styles.ts', "import { makeStyles } from '@fluentui/react-components';\nexport const useB = makeStyles({ r: { color: 'red' } });\nexport const colour = 'red';", core)).rejects.toThrow(/«colour» er ikke en makeStyles/);
  });

  it('is used for every *.styles.ts of the panel and for nothing in node_modules', () => {
    expect(isStylesModule('/repo/ui/Panel.styles.ts')).toBe(true);
    expect(isStylesModule('/repo/node_modules/@fluentui/react-tabs/lib/x.styles.ts')).toBe(false);
    expect(isStylesModule('/repo/ui/Panel.tsx')).toBe(false);
  });
});
