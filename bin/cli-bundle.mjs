// The compiled `dh`: cli/main.ts bundled by esbuild into dist/cli/ (plain JavaScript, one chunk per command, so a
// command loads only what it uses), a manifest of every source file that went into it, and the freshness check the
// launcher (bin/dh.mjs) runs before trusting the bundle. Plain JavaScript on purpose: the launcher must be able to
// check and rebuild without tsx. scripts/build-cli.ts calls buildCliBundle() from `npm run build`.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Where the bundle goes, relative to the project root. */
export const BUNDLE_DIR = join('dist', 'cli');
export const MANIFEST_FILE = 'manifest.json';
export const ENTRY_FILE = 'dh.mjs';
const CHUNK_DIR = 'chunks';
const MANIFEST_VERSION = 1;

/**
 * Files that shape the bundle without being modules in it: this file (the build options), the package's module
 * settings and the TypeScript settings esbuild reads.
 */
const BUILD_INPUTS = ['bin/cli-bundle.mjs', 'package.json', 'tsconfig.json'];

/** Size and modification time of a file, or undefined if it is gone. */
function stamp(path) {
  try {
    const s = statSync(path);
    return [s.size, s.mtimeMs];
  } catch {
    return undefined;
  }
}

/**
 * Is dist/cli the build of the sources as they are now? Every input the build recorded (each module esbuild
 * bundled, node_modules included, and BUILD_INPUTS) must still have the recorded size and modification time;
 * a file changed, removed or replaced makes the bundle stale. A new file can only enter the program through an
 * import in a file that changed, so it is covered too.
 * @param {string} root the project root
 * @returns {{ fresh: true, entry: string } | { fresh: false, reason: string }}
 */
export function bundleState(root) {
  const dir = resolve(root, BUNDLE_DIR);
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    return { fresh: false, reason: 'den kompilerte utgaven mangler' };
  }
  if (manifest?.version !== MANIFEST_VERSION || !Array.isArray(manifest.inputs) || typeof manifest.entry !== 'string') {
    return { fresh: false, reason: 'den kompilerte utgaven er fra en annen versjon av byggingen' };
  }
  for (const [path, size, mtimeMs] of manifest.inputs) {
    const now = stamp(resolve(root, path));
    if (!now || now[0] !== size || now[1] !== mtimeMs) return { fresh: false, reason: `${path} er endret siden den kompilerte utgaven ble bygd` };
  }
  const entry = join(dir, manifest.entry);
  if (!stamp(entry)) return { fresh: false, reason: 'den kompilerte utgaven mangler' };
  return { fresh: true, entry };
}

/** Writes a file so no reader ever sees it half-written: a temporary name next to it, then a rename. */
function writeWhole(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/**
 * Bundles cli/main.ts into dist/cli/ and records its inputs. Chunks are written first and the manifest last, each
 * file whole, so a `dh` started meanwhile sees either the previous complete build or this one. Chunks of earlier
 * builds are removed afterwards.
 * @param {string} root the project root
 * @param {{ esbuild?: typeof import('esbuild') }} [options] esbuild, if the caller has it loaded
 * @returns {Promise<{ entry: string, files: { path: string, bytes: number }[], inputs: number, ms: number, metafile: import('esbuild').Metafile }>}
 */
export async function buildCliBundle(root, options = {}) {
  const started = performance.now();
  const esbuild = options.esbuild ?? (await import('esbuild'));
  const outdir = resolve(root, BUNDLE_DIR);
  // Stamps are taken before bundling: a file saved while esbuild runs then reads as changed on the next start.
  const before = new Map();
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: { dh: 'cli/main.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    outdir,
    outExtension: { '.js': '.mjs' },
    entryNames: '[name]',
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    // Dependencies stay in node_modules and are loaded from there by Node (decimal.js at start, jszip only by the
    // commands that write): the bundle holds only the project's own code, so only that can go stale.
    packages: 'external',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'stamp-inputs',
        setup(build) {
          build.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
            before.set(args.path, stamp(args.path));
            return undefined;
          });
        },
      },
    ],
  });
  const files = [];
  let entry;
  for (const file of result.outputFiles) {
    if (relative(outdir, file.path) === ENTRY_FILE) {
      entry = file;
      continue;
    }
    writeWhole(file.path, file.contents);
    files.push({ path: relative(root, file.path), bytes: file.contents.length });
  }
  if (!entry) throw new Error(`esbuild skrev ikke ${ENTRY_FILE}`);
  writeWhole(entry.path, entry.contents);
  files.push({ path: relative(root, entry.path), bytes: entry.contents.length });

  const inputs = [];
  for (const input of Object.keys(result.metafile.inputs)) {
    const full = resolve(root, input);
    const s = before.get(full) ?? stamp(full);
    if (!s) throw new Error(`fant ikke ${input} etter byggingen`);
    inputs.push([relative(root, full).split(sep).join('/'), ...s]);
  }
  for (const input of BUILD_INPUTS) {
    const s = stamp(resolve(root, input));
    if (s) inputs.push([input, ...s]);
  }
  writeWhole(join(outdir, MANIFEST_FILE), JSON.stringify({ version: MANIFEST_VERSION, entry: ENTRY_FILE, inputs }) + '\n');

  const written = new Set(files.map((f) => resolve(root, f.path)));
  let old = [];
  try {
    old = readdirSync(join(outdir, CHUNK_DIR));
  } catch {}
  for (const name of old) {
    const path = join(outdir, CHUNK_DIR, name);
    if (!written.has(path)) rmSync(path, { force: true });
  }
  return { entry: entry.path, files, inputs: inputs.length, ms: Math.round(performance.now() - started), metafile: result.metafile };
}
