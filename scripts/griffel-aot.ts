// Build-only: the panel's own makeStyles calls, kept in *.styles.ts modules, are computed at build time with
// Griffel's own resolveStyleRulesForSlots (what Griffel's babel preset does ahead of time), so the panes ship
// `__styles(classes, css)` like Fluent's components do, and not Griffel's style compiler (resolveStyleRules,
// rtl-css-js, stylis: about 9 kB gzip of the first load). The same class names and CSS come out either way; the
// modules stay plain makeStyles for vitest and the preview (vite), which run them as written.
//
// A *.styles.ts module imports only packages (tokens, shorthands, …) and exports only makeStyles(...) hooks;
// anything else fails the build with the reason.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { resolveStyleRulesForSlots } from '@griffel/core';
import { flattenBarrels, type SourceTransform } from './barrels.js';

const ROOT = resolve(import.meta.dirname, '..');
const MARK = '__dhGriffelStyles';
const STYLE_PACKAGES = new Set(['@fluentui/react-components', '@griffel/react']);

/** Files this step rewrites: the panel's style modules (never a package's own .styles.js). */
export const isStylesModule = (path: string) => /\.styles\.ts$/.test(path) && !/[\\/]node_modules[\\/]/.test(path);

/** flattenBarrels' transform for the panes' builds: style modules precomputed, every other file as it is. */
export function stylesAheadOfTime(coreDir: string): SourceTransform {
  return (path, text) => (isStylesModule(path) ? precompileStyles(path, text, coreDir) : undefined);
}

const cache = new Map<string, Promise<string>>();

/** The module's text with every exported makeStyles(...) replaced by its precomputed __styles(...). */
export function precompileStyles(path: string, text: string, coreDir: string): Promise<string> {
  const key = createHash('sha256').update(path).update('\0').update(text).digest('hex');
  let hit = cache.get(key);
  if (!hit) {
    hit = compile(path, text, coreDir);
    cache.set(key, hit);
  }
  return hit;
}

async function compile(path: string, text: string, coreDir: string): Promise<string> {
  const name = basename(path);
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  // Evaluate the module with a makeStyles that hands back the style object it was given.
  let evaluated = text;
  let found = false;
  for (const statement of [...source.statements].reverse()) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!STYLE_PACKAGES.has(specifier) && !specifier.startsWith('@fluentui/') && !specifier.startsWith('@griffel/')) {
      throw new Error(`${name}: en .styles.ts-modul kan bare importere fra Fluent/Griffel, ikke «${specifier}».`);
    }
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    const kept = bindings.elements.filter((e) => (e.propertyName ?? e.name).text !== 'makeStyles');
    if (kept.length === bindings.elements.length) continue;
    found = true;
    const replacement = kept.length ? `import { ${kept.map((e) => e.getText(source)).join(', ')} } from ${JSON.stringify(specifier)};` : '';
    evaluated = evaluated.slice(0, statement.getStart(source)) + replacement + evaluated.slice(statement.getEnd());
  }
  if (!found) throw new Error(`${name}: fant ingen import av makeStyles.`);
  evaluated = `const makeStyles = (styles: unknown) => ({ ${MARK}: styles });\n${evaluated}`;

  const dir = mkdtempSync(join(tmpdir(), 'dh-styles-'));
  let exports: Record<string, unknown>;
  try {
    const entry = join(dir, name);
    writeFileSync(entry, evaluated);
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
      nodePaths: [resolve(ROOT, 'node_modules')],
      plugins: [flattenBarrels(coreDir)],
    });
    exports = (await import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0]!.text).toString('base64')}`)) as Record<string, unknown>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const lines = [`// ${name}, computed at build time by scripts/griffel-aot.ts.`, `import { __styles } from '@fluentui/react-components';`];
  for (const [exported, value] of Object.entries(exports)) {
    const styles = (value as Record<string, unknown> | null)?.[MARK];
    if (!styles) throw new Error(`${name}: eksporten «${exported}» er ikke en makeStyles(...)-krok; en .styles.ts-modul eksporterer bare slike.`);
    const [classes, css] = resolveStyleRulesForSlots(styles as Parameters<typeof resolveStyleRulesForSlots>[0], '');
    lines.push(`export const ${exported} = /* @__PURE__ */ __styles(${JSON.stringify(classes)}, ${JSON.stringify(css)});`);
  }
  return lines.join('\n') + '\n';
}
