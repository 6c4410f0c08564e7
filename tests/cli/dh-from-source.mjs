// `dh` straight from the TypeScript sources through tsx, as bin/dh.mjs ran it before dist/cli existed: the
// reference tests/cli/bundle.test.ts compares the compiled command with.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const { run } = await tsImport(fileURLToPath(new URL('../../cli/main.ts', import.meta.url)), import.meta.url);
process.exitCode = await run(process.argv.slice(2));
