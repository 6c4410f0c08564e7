// `npm run build`, Excel part (SPEC §7): writes dist/excel/
//   functions.js    IIFE, no DOM: registers every catalog function with CustomFunctions.associate on load
//   functions.json  from custom-functions-metadata over the generated JSDoc (scripts/gen-excel-functions.ts)
//   taskpane.html + taskpane.js (+ .css if any)   the shared panel with the Excel host (shared runtime page);
//                   taskpane.js is an ES module (code splitting): views other than the first are in chunks/,
//                   fetched when their tab is first opened, so the initial load is the entry + its static imports
//   panel-worker.js the register check off the pane's thread (ui/worker), fetched only when a check starts
//   commands.html + commands.js, hjelp.html, assets/icon-*.png, manifest.xml (base URL rewritten)
// and fails when functions.json is stale/incomplete or anything in dist/excel mentions HyperFormula (GPL).
import { TASKPANE_CSP } from '../addin-excel/dev/csp.js';
import { PANEL_WORKER_FILE } from '../addin-excel/src/taskpane/panel-worker.js';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { CATALOG, excelFormulaName } from '../core/index.js';
import { flattenBarrels } from './barrels.js';
import { stylesAheadOfTime } from './griffel-aot.js';
import { generateExcelFunctions, writeReadme } from './gen-excel-functions.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const DIST_EXCEL = resolve(ROOT, 'dist/excel');
export const MANIFEST_SOURCE = resolve(ROOT, 'manifest/manifest.xml');
const SRC = resolve(ROOT, 'addin-excel/src');

/** The one place the development base URL is defined; manifest/manifest.xml uses it for every URL. */
export const DEV_BASE_URL = 'https://localhost:3000/';
/** Budget for the task pane's initial JavaScript: taskpane.js and the chunks it imports statically, each
 *  gzipped as served (issue 15). */
export const TASKPANE_GZIP_BUDGET = 180 * 1024;
/** Where the task pane's split chunks go, under dist/excel. */
export const TASKPANE_CHUNK_DIR = 'chunks';
export const ICON_SIZES = [16, 32, 64, 80] as const;

/** The base URL the built manifest points at: DH_BASE_URL (https, with a trailing slash) or the dev server. */
export function baseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DH_BASE_URL?.trim();
  if (!raw) return DEV_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DH_BASE_URL «${raw}» er ikke en gyldig adresse.`);
  }
  if (url.protocol !== 'https:') throw new Error(`DH_BASE_URL må bruke https (Office krever det), fikk «${raw}».`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** manifest.xml with every occurrence of the development base replaced by `base`. */
export function manifestFor(base: string, source: string = readFileSync(MANIFEST_SOURCE, 'utf8')): string {
  if (!source.includes(DEV_BASE_URL)) throw new Error(`manifest/manifest.xml bruker ikke ${DEV_BASE_URL} som grunnadresse.`);
  return source.split(DEV_BASE_URL).join(base);
}

// ---------------------------------------------------------------------------------------------------
// Icons: a tiny PNG encoder (RGBA, no filter) over node:zlib, drawing "DH" on the cooperation's blue.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (width × height × 4 bytes) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', new Uint8Array())]);
}

const GLYPHS = ['110 101 101 101 110', '101 101 111 101 101']; // D, H in a 3×5 font

/** The add-in icon: white "DH" on a rounded blue square. */
export function iconPng(size: number): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  const blue = [0x1b, 0x5e, 0x7a, 0xff];
  const white = [0xff, 0xff, 0xff, 0xff];
  const radius = Math.max(1, Math.round(size / 6));
  const inside = (x: number, y: number) => {
    const cx = x < radius ? radius - x - 0.5 : x >= size - radius ? x - (size - radius) + 0.5 : 0;
    const cy = y < radius ? radius - y - 0.5 : y >= size - radius ? y - (size - radius) + 0.5 : 0;
    return cx * cx + cy * cy <= radius * radius;
  };
  const scale = Math.max(1, Math.floor((size * 0.8) / 7));
  const left = Math.floor((size - 7 * scale) / 2);
  const top = Math.floor((size - 5 * scale) / 2);
  const glyph = (x: number, y: number) => {
    const gx = Math.floor((x - left) / scale);
    const gy = Math.floor((y - top) / scale);
    if (gy < 0 || gy >= 5 || gx < 0 || gx >= 7 || gx === 3) return false;
    const rows = GLYPHS[gx < 3 ? 0 : 1]!.split(' ');
    return rows[gy]![gx < 3 ? gx : gx - 4] === '1';
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const colour = !inside(x, y) ? [0, 0, 0, 0] : glyph(x, y) ? white : blue;
      rgba.set(colour, (y * size + x) * 4);
    }
  }
  return encodePng(size, size, rgba);
}

// ---------------------------------------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** hjelp.html (SupportUrl / «Les mer»): the function reference from the catalog. */
export function helpPage(): string {
  const rows = CATALOG.map((entry) => {
    const signature = `${excelFormulaName(entry)}(${entry.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ')})`;
    const examples = entry.examples.map((e) => `<code>${escapeHtml(e.formula)}</code> → ${escapeHtml(e.result)}`).join('<br>');
    return `<tr><td><code>${escapeHtml(signature)}</code></td><td>${escapeHtml(entry.description)}</td><td>${examples}</td></tr>`;
  }).join('\n');
  return `<!doctype html>
<html lang="nb"><head><meta charset="UTF-8"><title>DH-tillegget – hjelp</title>
<style>body{font-family:"Segoe UI",sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}</style>
</head><body>
<h1>DH-tillegget for Excel</h1>
<p>Funksjonene ligger i navnerommet <code>DH</code>. Norsk Excel bruker semikolon mellom argumentene: <code>=DH.KOSTNAD("Rana";2026)</code>.
Feil vises som #VERDI! eller #I/T med en norsk forklaring når du peker på cellen.</p>
<table><thead><tr><th>Funksjon</th><th>Hva den gir</th><th>Eksempel</th></tr></thead><tbody>
${rows}
</tbody></table>
<p>Panelet åpnes fra Hjem → DH-panel: fordeling, styretabeller (oppdater alle tabeller), systemregister og gevinstplan.</p>
</body></html>
`;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Files in `dir` that mention HyperFormula (GPL-3.0 must never ship in dist/excel, SPEC §8). */
export function filesMentioningHyperFormula(dir: string = DIST_EXCEL): string[] {
  return filesUnder(dir).filter((file) => /hyperformula/i.test(readFileSync(file).toString('latin1')));
}

export interface ExcelBuildReport {
  readonly files: readonly string[];
  readonly taskpaneBytes: number;
  readonly taskpaneGzipBytes: number;
  readonly functionsGzipBytes: number;
  readonly baseUrl: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * The task pane's initial load: taskpane.js and every chunk it reaches through static imports (what the
 * browser fetches before the panel can render), each gzipped on its own as a server sends it. Chunks reached
 * only through import() are left out: they load when a view is opened. The import graph is esbuild's own
 * reading of the built files (metafile, nothing written), not a pattern over minified code.
 */
export async function taskpaneInitialLoad(dir: string = DIST_EXCEL): Promise<{ readonly files: string[]; readonly gzipBytes: number }> {
  const entry = resolve(dir, 'taskpane.js');
  const { metafile } = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'esm', logLevel: 'silent', absWorkingDir: dir });
  const inputs = metafile.inputs;
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    const input = inputs[path];
    if (!input) throw new Error(`${path} mangler i dist/excel.`);
    seen.add(path);
    for (const imported of input.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(relative(dir, entry).split('\\').join('/'));
  const files = [...seen];
  const gzipBytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(resolve(dir, file)), { level: 9 }).length, 0);
  return { files, gzipBytes };
}

/** Packages the panes never carry (issue 15): file reading (exceljs) and the preview's formula engine (GPL). */
export const NOT_IN_PANES = /(^|[\\/])node_modules[\\/](exceljs|hyperformula)[\\/]/;

/** The task pane's own esbuild options: ES modules with splitting, imports through barrels flattened. */
export function taskpaneBuildOptions(): esbuild.BuildOptions {
  return {
    // Office's task pane browsers (Edge WebView2, Safari WKWebView, modern browsers for Excel on the web) all run
    // <script type="module"> and dynamic import().
    format: 'esm',
    splitting: true,
    entryPoints: { taskpane: resolve(SRC, 'taskpane/index.tsx') },
    outdir: DIST_EXCEL,
    chunkNames: `${TASKPANE_CHUNK_DIR}/[name]-[hash]`,
    jsx: 'automatic',
    plugins: [flattenBarrels(resolve(ROOT, 'core'), stylesAheadOfTime(resolve(ROOT, 'core')))],
  };
}

export async function build(): Promise<ExcelBuildReport> {
  const base = baseUrl();
  rmSync(DIST_EXCEL, { recursive: true, force: true });
  mkdirSync(resolve(DIST_EXCEL, 'assets'), { recursive: true });

  // 1. functions.generated.ts + functions.json (throws when the metadata is missing or stale).
  const generated = await generateExcelFunctions(DIST_EXCEL);
  writeReadme();

  // 2. Bundles.
  const common: esbuild.BuildOptions = {
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    legalComments: 'eof',
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
  };
  const [functionsResult, taskpaneResult, commandsResult, workerResult] = await Promise.all([
    esbuild.build({ ...common, entryPoints: [resolve(SRC, 'functions/functions.ts')], outfile: resolve(DIST_EXCEL, 'functions.js') }),
    esbuild.build({ ...common, ...taskpaneBuildOptions() }),
    esbuild.build({ ...common, entryPoints: [resolve(SRC, 'commands/commands.ts')], outfile: resolve(DIST_EXCEL, 'commands.js') }),
    // The panel worker (core only): its own classic script, started by the pane when a check begins.
    esbuild.build({ ...common, entryPoints: [resolve(ROOT, 'ui/worker/entry.ts')], outfile: resolve(DIST_EXCEL, PANEL_WORKER_FILE) }),
  ]);
  for (const result of [functionsResult, taskpaneResult, commandsResult, workerResult]) {
    const inputs = Object.keys(result.metafile?.inputs ?? {});
    const gpl = inputs.filter((i) => /hyperformula/i.test(i));
    if (gpl.length) throw new Error(`HyperFormula (GPL-3.0) er med i Excel-bunten: ${gpl.join(', ')}`);
    const heavy = inputs.filter((i) => NOT_IN_PANES.test(i));
    if (heavy.length) throw new Error(`Excel-bunten tar med ${heavy.join(', ')}: filer leses av dh og forhåndsvisningen, ikke av oppgaveruten.`);
  }

  // 3. Pages, help, icons, manifest.
  let taskpaneHtml = withCsp(readFileSync(resolve(SRC, 'taskpane/taskpane.html'), 'utf8'));
  if (existsSync(resolve(DIST_EXCEL, 'taskpane.css'))) {
    taskpaneHtml = taskpaneHtml.replace('</head>', '    <link rel="stylesheet" href="taskpane.css" />\n  </head>');
  }
  writeFileSync(resolve(DIST_EXCEL, 'taskpane.html'), taskpaneHtml);
  writeFileSync(resolve(DIST_EXCEL, 'commands.html'), withCsp(readFileSync(resolve(SRC, 'commands/commands.html'), 'utf8')));
  writeFileSync(resolve(DIST_EXCEL, 'hjelp.html'), helpPage());
  for (const size of ICON_SIZES) writeFileSync(resolve(DIST_EXCEL, `assets/icon-${size}.png`), iconPng(size));
  writeFileSync(resolve(DIST_EXCEL, 'manifest.xml'), manifestFor(base));

  // 4. Checks and sizes.
  const gpl = filesMentioningHyperFormula(DIST_EXCEL);
  if (gpl.length) throw new Error(`dist/excel nevner HyperFormula (GPL-3.0): ${gpl.map((f) => relative(ROOT, f)).join(', ')}`);
  const taskpane = readFileSync(resolve(DIST_EXCEL, 'taskpane.js'));
  const initial = await taskpaneInitialLoad(DIST_EXCEL);
  const taskpaneGzipBytes = initial.gzipBytes;
  const onDemandFiles = readdirSync(resolve(DIST_EXCEL, TASKPANE_CHUNK_DIR)).filter((f) => !initial.files.includes(`${TASKPANE_CHUNK_DIR}/${f}`));
  const functionsGzipBytes = gzipSync(readFileSync(resolve(DIST_EXCEL, 'functions.js')), { level: 9 }).length;
  console.log(`  excel: ${generated.metadata.functions.length} funksjoner i functions.json; functions.js ${kb(functionsGzipBytes)} gzip`);
  console.log(
    `  excel: oppgaveruten, første last ${kb(taskpaneGzipBytes)} gzip (${initial.files.length} filer: ${initial.files.join(', ')}; budsjett ${kb(TASKPANE_GZIP_BUDGET)}); ${onDemandFiles.length} filer lastes ved behov`,
  );
  if (taskpaneGzipBytes > TASKPANE_GZIP_BUDGET) console.warn(`  ADVARSEL: oppgaverutens første last er over budsjettet på ${kb(TASKPANE_GZIP_BUDGET)} gzip`);
  if (base !== DEV_BASE_URL) console.log(`  excel: manifest.xml peker på ${base}`);
  return {
    files: filesUnder(DIST_EXCEL).map((f) => relative(DIST_EXCEL, f)).sort(),
    taskpaneBytes: taskpane.length,
    taskpaneGzipBytes,
    functionsGzipBytes,
    baseUrl: base,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  build().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

/** The pages carry their Content-Security-Policy themselves, so it holds wherever they are hosted. */
function withCsp(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${TASKPANE_CSP}" />`;
  if (!/<meta charset="UTF-8" \/>/.test(html)) throw new Error('siden mangler <meta charset="UTF-8" />: CSP-en kan ikke settes inn');
  return html.replace(/<meta charset="UTF-8" \/>/, (m) => `${m}\n    ${meta}`);
}
