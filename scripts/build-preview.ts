// Builds the local preview workbench (preview/) into dist/preview/ with vite: index.html + assets.
// HyperFormula (GPL-3.0) is bundled here and only here; dist/excel and dist/gsheets never import it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '..');
export const PREVIEW_SRC = join(ROOT, 'preview');
export const PREVIEW_OUT = join(ROOT, 'dist', 'preview');

/** Source folders whose changes make dist/preview stale. */
export const PREVIEW_INPUTS = ['preview', 'ui', 'core'].map((d) => join(ROOT, d));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when dist/preview is missing or older than any source it is built from. */
export function previewIsStale(): boolean {
  const index = join(PREVIEW_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(...PREVIEW_INPUTS.map(newestMtime), newestMtime(join(ROOT, 'package-lock.json')), newestMtime(import.meta.filename));
  return sources > built;
}

export async function build(options: { quiet?: boolean } = {}): Promise<void> {
  const [{ build: viteBuild }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  await viteBuild({
    root: PREVIEW_SRC,
    base: './',
    configFile: false,
    logLevel: options.quiet ? 'error' : 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: PREVIEW_OUT,
      emptyOutDir: true,
      // HyperFormula + Fluent make a large main chunk; this is a local tool, not the add-in pane.
      chunkSizeWarningLimit: 4000,
      reportCompressedSize: false,
      sourcemap: false,
    },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await build();
  console.log(`dist/preview bygget (${Date.now() - started} ms)`);
}
