#!/usr/bin/env node
// `dh` — runs cli/main.ts through tsx's ESM API, so `npx dh …` works straight from the sources.
import { fileURLToPath } from 'node:url';

let code = 2;
try {
  const { tsImport } = await import('tsx/esm/api');
  const main = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
  const { run } = await tsImport(main, import.meta.url);
  code = await run(process.argv.slice(2));
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`dh kunne ikke starte: ${reason.split('\n')[0]}\n`);
  code = 2;
}
process.exitCode = code;
