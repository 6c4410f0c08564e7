#!/usr/bin/env node
// `dh` — runs the compiled CLI in dist/cli/ (bin/cli-bundle.mjs) when it is the build of the sources as they are;
// a stale or missing bundle is rebuilt on the spot, and if that cannot be done (no esbuild, no write access) the
// sources run through tsx after a one-line notice. Old code never runs silently.
import module from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCliBundle, bundleState } from './cli-bundle.mjs';

// Node ≥ 22.1 keeps V8's compiled code on disk between runs; older Node has no such switch and starts without it.
module.enableCompileCache?.();

// A reader that stops early (`dh kontroll --json fil.xlsx | head`) closes the pipe: that is the reader's choice, not a
// failure, so dh stops quietly instead of printing Node's stack trace for the unhandled EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error?.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Why the bundle could not be rebuilt, in a few Norwegian words. */
function whyNotBuilt(error) {
  const code = error?.code;
  if (code === 'ERR_MODULE_NOT_FOUND' && /esbuild/.test(error.message)) return 'esbuild er ikke installert';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'dist/cli kan ikke skrives';
  const reason = error instanceof Error ? error.message : String(error);
  return `byggingen feilet (${reason.split('\n')[0]})`;
}

/** The run() of cli/main.ts: from the bundle if it is (or can be made) current, else from the sources. */
async function loadRun() {
  const state = bundleState(root);
  if (state.fresh) return (await import(pathToFileURL(state.entry).href)).run;
  let built;
  try {
    built = await buildCliBundle(root);
  } catch (error) {
    process.stderr.write(`dh: ${state.reason}, og ${whyNotBuilt(error)}; kjører fra kildekoden (tregere). «npm run build» bygger den.\n`);
  }
  if (built) return (await import(pathToFileURL(built.entry).href)).run;
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(fileURLToPath(new URL('../cli/main.ts', import.meta.url)), import.meta.url)).run;
}

let code = 2;
try {
  const run = await loadRun();
  code = await run(process.argv.slice(2));
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`dh kunne ikke starte: ${reason.split('\n')[0]}\n`);
  code = 2;
}
process.exitCode = code;
