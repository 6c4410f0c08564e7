// Builds the local preview workbench (preview/) into dist/preview/ with vite: index.html + assets.
// HyperFormula (GPL-3.0) is bundled here and only here; dist/excel and dist/gsheets never import it.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
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

async function buildUnlocked(options: { quiet?: boolean } = {}): Promise<void> {
  const [{ build: viteBuild }, { default: react }] = await Promise.all([import('vite'), import('@vitejs/plugin-react')]);
  // Vite takes "production" from NODE_ENV when it is set: under vitest it is "test", which would emit
  // development JSX (jsxDEV) against React's production build. The preview is always a production build.
  const previousEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await viteBuild({
      root: PREVIEW_SRC,
      base: './',
      configFile: false,
      mode: 'production',
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
  } finally {
    if (previousEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previousEnv;
  }
}

const LOCK = join(ROOT, 'dist', '.preview-build.lock');
const LOCK_STALE_MS = 180_000;

/**
 * Runs `fn` while holding dist/.preview-build.lock, so parallel test files (each starting a server) never
 * build into dist/preview at the same time. A lock older than three minutes is left over from a crash.
 */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const deadline = Date.now() + LOCK_STALE_MS;
  for (;;) {
    try {
      closeSync(openSync(LOCK, 'wx'));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) rmSync(LOCK, { force: true });
      } catch {
        // The other build just finished: try again.
      }
      if (Date.now() > deadline) throw new Error(`Venter fortsatt på en annen bygging av dist/preview (${LOCK}).`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

/** `npm run build`'s preview step: always builds dist/preview. */
export async function build(options: { quiet?: boolean } = {}): Promise<void> {
  await withBuildLock(() => buildUnlocked(options));
}

/** Builds dist/preview only when it is missing or older than its sources (npm start, tests). */
export async function ensurePreviewBuilt(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (!previewIsStale()) return false;
  return withBuildLock(async () => {
    if (!previewIsStale()) return false; // someone else built it while we waited
    await buildUnlocked(options);
    return true;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  await build();
  console.log(`dist/preview bygget (${Date.now() - started} ms)`);
}
