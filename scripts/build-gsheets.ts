// Builds the Google Sheets Editor add-on into dist/gsheets/ (SPEC §7):
//   Code.js          one global-scope script: the esbuild bundle (implementations on globalThis.__DH) followed
//                    by GENERATED top-level functions — DH_<NAME> with @customfunction JSDoc for every CATALOG
//                    entry, onOpen/onInstall/showSidebar, and the sidebar's server functions
//   sidebar.html     the shared panel bundled for the browser, JS and CSS inlined (Apps Script serves one file)
//   panel-worker.html the panel worker (ui/worker) in one <script>, fetched by the sidebar when a check starts
//   appsscript.json  copied from addin-gsheets/appsscript.json
// clasp v3 pushes dist/gsheets as it is (rootDir); it does not transpile.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Script } from 'node:vm';
import { build as esbuild, transform } from 'esbuild';
import { flattenBarrels } from './barrels.js';
import { stylesAheadOfTime } from './griffel-aot.js';
import { NOT_IN_PANES } from './build-excel.js';
import { CATALOG, sheetsName, type CatalogEntry, type ParamSpec } from '../core/index.js';
import { docText } from './jsdoc.js';
import { PANEL_WORKER_FILE, SERVER_FUNCTIONS, SIDEBAR_CHUNK_FILE, TRIGGER_FUNCTIONS, type ServerFunctionSpec } from '../addin-gsheets/src/shared/protocol.js';

const root = resolve(import.meta.dirname, '..');
export const GSHEETS_DIST = resolve(root, 'dist/gsheets');
const BUILD_ID_PLACEHOLDER = '__DH_BUILD_ID_PLACEHOLDER__';

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(' '),
);

/** A parameter name usable as a JS identifier: the Norwegian name itself (år, beløp) when valid. */
export function identifierFor(name: string): string {
  if (/^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(name) && !RESERVED.has(name)) return name;
  const ascii = name.replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a').replace(/Æ/g, 'AE').replace(/Ø/g, 'O').replace(/Å/g, 'A').replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[A-Za-z_$]/.test(ascii) && !RESERVED.has(ascii) ? ascii : `_${ascii}`;
}


function paramType(p: ParamSpec): string {
  switch (p.type) {
    case 'kommune':
      return 'string|number|Array<Array<string|number>>';
    case 'year':
    case 'number':
      return 'number|Array<Array<number>>';
    case 'text':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'range':
      return 'Array<Array<*>>';
    case 'date':
      return 'Date|string|number|Array<Array<*>>';
  }
}

function returnType(entry: CatalogEntry): string {
  if (entry.returns.kind === 'matrix') return 'Array<Array<*>>';
  return entry.returns.kind === 'text' ? 'string' : 'number';
}

/**
 * A catalog example (written for Excel) as a Sheets user types it: DH_ instead of DH., and a table's plain
 * name instead of Excel's structured reference (DH_Register[#Alle] → DH_Register, the named range).
 */
export function sheetsFormula(formula: string): string {
  return formula.replace(/\bDH\.(?=[A-ZÆØÅ])/g, 'DH_').replace(/\b([A-Za-z_][A-Za-z0-9_.]*)\[[^\]]*\]/g, '$1');
}

/** The trailing parameter every DH_ function takes in Sheets: the tables it should follow (inputs.ts). */
export const DEPENDENCY_PARAM = {
  name: 'tabeller',
  doc: 'Valgfritt, til slutt: DH_Kommuner (og/eller DH_Nokkel, DH_Prosjekter). Da regner Sheets cellen ut på nytt når tabellen endres; ellers bruk menyen DH → Regn ut DH-formler på nytt.',
} as const;

/** The top-level custom function for one catalog entry, with the JSDoc Sheets shows in autocomplete. */
export function customFunctionStub(entry: CatalogEntry): string {
  const names = entry.params.map((p) => identifierFor(p.name));
  const lines = ['/**', ` * ${docText(entry.description)}`];
  const example = entry.examples[0];
  if (example) lines.push(` * Eksempel: ${docText(sheetsFormula(example.formula))} gir ${docText(example.result)}.`);
  lines.push(' *');
  entry.params.forEach((p, i) => {
    const name = p.optional ? `[${names[i]}]` : names[i];
    lines.push(` * @param {${paramType(p)}} ${name} ${p.optional ? '(valgfri) ' : ''}${docText(p.description)}`);
  });
  lines.push(` * @param {Array<Array<*>>} [${DEPENDENCY_PARAM.name}] ${docText(DEPENDENCY_PARAM.doc)}`);
  lines.push(` * @return {${returnType(entry)}} ${docText(entry.returns.description)}`);
  lines.push(' * @customfunction', ' */');
  const fn = sheetsName(entry);
  return `${lines.join('\n')}\nfunction ${fn}(${names.join(', ')}) {\n  return globalThis.__DH.call(${JSON.stringify(entry.name)}, Array.prototype.slice.call(arguments));\n}\n`;
}

function delegateStub(name: string, spec: ServerFunctionSpec, target: string): string {
  const params = spec.params.map(identifierFor);
  return `/** ${docText(spec.doc)} */\nfunction ${name}(${params.join(', ')}) {\n  return globalThis.__DH.${target}.${name}(${params.join(', ')});\n}\n`;
}

/** Everything appended after the bundle: generated from CATALOG and the sidebar protocol, never by hand. */
export function generatedStubs(): string {
  const parts = [
    '// ---------------------------------------------------------------------------------------------------',
    '// Egendefinerte funksjoner: én DH_<NAVN> per oppføring i funksjonskatalogen (core/catalog).',
    '// Feil i én celle av et matriseresultat vises som teksten «#I/T: …» eller «#VERDI!: …».',
    '',
    ...CATALOG.map(customFunctionStub),
    '// ---------------------------------------------------------------------------------------------------',
    '// Meny og sidefelt.',
    '',
    ...Object.entries(TRIGGER_FUNCTIONS).map(([name, spec]) => delegateStub(name, spec, 'triggers')),
    '// ---------------------------------------------------------------------------------------------------',
    '// Serverfunksjoner for DH-panelet (google.script.run).',
    '',
    ...Object.entries(SERVER_FUNCTIONS).map(([name, spec]) => delegateStub(name, spec, 'server')),
  ];
  return parts.join('\n');
}

async function bundleServer(): Promise<string> {
  const result = await esbuild({
    entryPoints: [resolve(root, 'addin-gsheets/src/server/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    charset: 'utf8',
    legalComments: 'inline',
    write: false,
    define: { __DH_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER) },
    logLevel: 'silent',
  });
  const js = result.outputFiles[0]!.text;
  const id = createHash('sha256').update(js).digest('hex').slice(0, 12);
  return js.split(BUILD_ID_PLACEHOLDER).join(id);
}

function escapeForInlineScript(js: string): string {
  return js.replace(/<\/script/gi, '<\\/script').replace(/<!--/g, '<\\!--');
}

/** Budget for the sidebar's first load: all of sidebar.html (its inline script, style and markup) gzipped (issue 15). */
export const SIDEBAR_GZIP_BUDGET = 180 * 1024;
/** The global the loader script puts the chunk loader on (addin-gsheets/src/sidebar/loader.ts). */
const LOADER_GLOBAL = '__dhSidebar';
const SIDEBAR_OUT = resolve(root, 'dist/.gsheets-sidebar');

export interface SidebarBundle {
  /** sidebar.html: the loader, the chunks of the first load and the panel's start. */
  readonly html: string;
  /** Project files (sidebar_chunk_N.html) with the chunks that load on demand, by file name. */
  readonly chunkFiles: Readonly<Record<string, string>>;
  /** Chunk names in sidebar.html, the entry first. */
  readonly initialChunks: readonly string[];
  /** Every source file in the sidebar's chunks (esbuild's metafile). */
  readonly inputs: readonly string[];
}

const common = {
  bundle: true,
  platform: 'browser',
  target: 'es2020',
  minify: true,
  charset: 'utf8',
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'silent',
} as const;

/**
 * The sidebar as split chunks (ES modules from esbuild, like the Excel task pane), each made a CommonJS-shaped
 * factory for the loader: static imports become require(), import() becomes the loader's on-demand load. The
 * import graph is esbuild's metafile; the only text edit is the exact `import("./<chunk>")` esbuild wrote for
 * each dynamic import it lists, and the build fails when one is not found.
 */
export async function bundleSidebar(): Promise<SidebarBundle> {
  const result = await esbuild({
    ...common,
    entryPoints: { main: resolve(root, 'addin-gsheets/src/sidebar/main.tsx') },
    format: 'esm',
    splitting: true,
    jsx: 'automatic',
    loader: { '.css': 'css', '.svg': 'dataurl', '.png': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl' },
    outdir: SIDEBAR_OUT,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    metafile: true,
    write: false,
    plugins: [flattenBarrels(resolve(root, 'core'), stylesAheadOfTime(resolve(root, 'core')))],
  });
  const chunkName = (path: string) => `./${relative(SIDEBAR_OUT, resolve(root, path)).split('\\').join('/')}`;
  const texts = new Map(result.outputFiles.map((f) => [`./${relative(SIDEBAR_OUT, f.path).split('\\').join('/')}`, f.text]));
  const graph = new Map<string, { statics: string[]; dynamics: string[] }>();
  for (const [path, output] of Object.entries(result.metafile!.outputs)) {
    if (!path.endsWith('.js')) continue;
    graph.set(chunkName(path), {
      statics: output.imports.filter((i) => i.kind === 'import-statement').map((i) => chunkName(i.path)),
      dynamics: output.imports.filter((i) => i.kind === 'dynamic-import').map((i) => chunkName(i.path)),
    });
  }
  const closure = (name: string, seen = new Set<string>()): Set<string> => {
    for (const dep of graph.get(name)?.statics ?? []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        closure(dep, seen);
      }
    }
    return seen;
  };
  const entry = './main.js';
  const initialChunks = [entry, ...closure(entry)];
  const lazy = [...graph.keys()].filter((name) => !initialChunks.includes(name)).sort();
  // All on-demand chunks share one project file: each google.script.run call is a server round trip (far
  // slower than the bytes), so the first view that needs more gets all of it at once, and a by-hand install
  // stays four files. The loader and the server take any number of files (SIDEBAR_CHUNK_FILE).
  const fileOf = new Map(lazy.map((name) => [name, 'sidebar_chunk_1']));
  if (![...fileOf.values()].every((f) => SIDEBAR_CHUNK_FILE.test(f))) throw new Error('sidebar_chunk-navnene passer ikke SIDEBAR_CHUNK_FILE.');
  const manifest: Record<string, { file?: string; deps: string[] }> = {};
  for (const name of graph.keys()) manifest[name] = { ...(fileOf.has(name) ? { file: fileOf.get(name)! } : {}), deps: [...closure(name)] };

  const factories = new Map<string, string>();
  for (const [name, { dynamics }] of graph) {
    let code = texts.get(name)!;
    for (const target of new Set(dynamics)) {
      const written = `import(${JSON.stringify(relativeChunk(name, target))})`;
      if (!code.includes(written)) throw new Error(`Fant ikke ${written} i ${name}: esbuild skriver dynamiske importer annerledes enn byggeskriptet venter.`);
      code = code.split(written).join(`__dhImport(${JSON.stringify(target)})`);
    }
    const cjs = await transform(code, { format: 'cjs', target: 'es2020', minify: true, charset: 'utf8', legalComments: 'eof' });
    // Static imports name chunks relative to the importer; all chunks sit in one folder, so that is the chunk's name.
    factories.set(name, `${LOADER_GLOBAL}.define(${JSON.stringify(name)},function(module,exports,require,__dhImport){${cjs.code}\n});`);
  }
  const loader = await esbuild({
    ...common,
    entryPoints: [resolve(root, 'addin-gsheets/src/sidebar/loader.ts')],
    format: 'iife',
    define: { ...common.define, __DH_SIDEBAR_CHUNKS__: JSON.stringify(manifest) },
    write: false,
  });
  const script = [loader.outputFiles[0]!.text, ...initialChunks.map((name) => factories.get(name)!), `${LOADER_GLOBAL}.require(${JSON.stringify(entry)});`].join('\n');
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');
  const html = [
    '<!DOCTYPE html>',
    '<html lang="nb">',
    '<head>',
    '<base target="_top">',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>DH</title>',
    `<style>html,body{margin:0;padding:0;height:100%}#root{min-height:100%}${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    `<script>${escapeForInlineScript(script)}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  const chunkFiles: Record<string, string> = {};
  for (const name of lazy) {
    const file = `${fileOf.get(name)!}.html`;
    chunkFiles[file] = `${chunkFiles[file] ? `${chunkFiles[file]}\n` : ''}${factories.get(name)!}`;
  }
  const inputs = Object.keys(result.metafile!.inputs);
  const heavy = inputs.filter((i) => NOT_IN_PANES.test(i));
  if (heavy.length) throw new Error(`Sidefeltet tar med ${heavy.join(', ')}: filer leses av dh og forhåndsvisningen, ikke av sidefeltet.`);
  return { html, chunkFiles, initialChunks, inputs };
}

/** How esbuild writes the specifier of `target` inside `from` (both ./name.js in one folder). */
function relativeChunk(from: string, target: string): string {
  const rel = relative(dirname(resolve(SIDEBAR_OUT, from)), resolve(SIDEBAR_OUT, target)).split('\\').join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * The panel worker (ui/worker/entry.ts, core only) as an Apps Script HTML file: its script inside one <script>
 * element, as Google's include pattern keeps JavaScript in .html files. Not part of sidebar.html: the sidebar asks
 * for it (dhSidebarChunks) when a check starts and starts the worker from a Blob URL.
 */
async function bundlePanelWorker(): Promise<string> {
  const result = await esbuild({
    entryPoints: [resolve(root, 'ui/worker/entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    charset: 'utf8',
    legalComments: 'eof',
    write: false,
    logLevel: 'silent',
  });
  return `<script>${escapeForInlineScript(result.outputFiles[0]!.text)}</script>\n`;
}

function check(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    if (/hyperformula/i.test(text)) throw new Error(`dist/gsheets/${name} inneholder HyperFormula (GPL-3.0); den får bare brukes i tester og forhåndsvisning.`);
  }
  const code = files['Code.js']!;
  new Script(code, { filename: 'Code.js' }); // syntax check: Apps Script refuses a file that does not parse
  for (const entry of CATALOG) {
    if (!code.includes(`\nfunction ${sheetsName(entry)}(`)) throw new Error(`Code.js mangler ${sheetsName(entry)}.`);
  }
  const html = files['sidebar.html']!;
  if (/<script[^>]*\ssrc=|<link[^>]*\shref=/i.test(html.replace(/<script>[\s\S]*<\/script>/i, ''))) {
    throw new Error('sidebar.html viser til eksterne filer; Apps Script serverer bare én HTML-fil.');
  }
}

export async function build(): Promise<void> {
  const [server, sidebar, worker, manifest] = await Promise.all([bundleServer(), bundleSidebar(), bundlePanelWorker(), readFile(resolve(root, 'addin-gsheets/appsscript.json'), 'utf8')]);
  const header = [
    '// DH-tillegget for Google Sheets. GENERERT av scripts/build-gsheets.ts: ikke rediger, endringer går tapt.',
    '// Kilde: addin-gsheets/src/server (implementasjonene på globalThis.__DH) og core/catalog (funksjonene).',
    '',
  ].join('\n');
  const files: Record<string, string> = {
    'Code.js': `${header}${server}\n${generatedStubs()}`,
    'sidebar.html': sidebar.html,
    ...sidebar.chunkFiles,
    [`${PANEL_WORKER_FILE}.html`]: worker,
    'appsscript.json': JSON.stringify(JSON.parse(manifest), null, 2) + '\n',
  };
  check(files);
  await rm(GSHEETS_DIST, { recursive: true, force: true });
  await mkdir(GSHEETS_DIST, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(resolve(GSHEETS_DIST, name), text);
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const initial = sidebarInitialGzip(sidebar.html);
  const onDemand = Object.values(sidebar.chunkFiles).reduce((sum, text) => sum + gzipSize(text), 0);
  console.log(
    `  gsheets: sidefeltet, første last ${kb(initial)} gzip (sidebar.html med ${sidebar.initialChunks.length} deler; budsjett ${kb(SIDEBAR_GZIP_BUDGET)}); ${Object.keys(sidebar.chunkFiles).length} filer (${kb(onDemand)} gzip) lastes ved behov`,
  );
  if (initial > SIDEBAR_GZIP_BUDGET) console.warn(`  ADVARSEL: sidefeltets første last er over budsjettet på ${kb(SIDEBAR_GZIP_BUDGET)} gzip`);
  if (process.env.DH_BUILD_VERBOSE) {
    for (const [name, text] of Object.entries(files)) console.log(`  dist/gsheets/${name}: ${kb(Buffer.byteLength(text))}, ${kb(gzipSize(text))} gzip`);
  }
}

const gzipSize = (text: string) => gzipSync(text, { level: 9 }).length;

/** The sidebar's first load: sidebar.html as Apps Script serves it, gzipped (its script, style and markup). */
export function sidebarInitialGzip(html: string): number {
  return gzipSize(html);
}

// `tsx scripts/build-gsheets.ts` builds only the Sheets add-on.
if (import.meta.url === `file://${process.argv[1]}`) {
  build().then(
    () => console.log('✓ dist/gsheets'),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
