// `npm run build`, CLI part (SPEC §7): writes dist/cli/ — the `dh` command as plain JavaScript (bin/cli-bundle.mjs
// does the bundling; bin/dh.mjs runs it, and rebuilds it itself when a source changed since).
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { buildCliBundle } from '../bin/cli-bundle.mjs';

const ROOT = resolve(import.meta.dirname, '..');

export async function build(): Promise<void> {
  const built = await buildCliBundle(ROOT, { esbuild });
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  const total = built.files.reduce((sum, f) => sum + f.bytes, 0);
  const entry = built.files.find((f) => f.path.endsWith('dh.mjs'));
  console.log(`cli: dist/cli/dh.mjs ${kB(entry?.bytes ?? 0)}, ${built.files.length} filer (${kB(total)}) fra ${built.inputs} kildefiler`);
}
