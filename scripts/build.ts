// `npm run build`: every output of SPEC §7, in dependency order. Each host has its own build module.
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const steps = ['build-excel.ts', 'build-gsheets.ts', 'build-preview.ts', 'build-cli.ts'];

for (const step of steps) {
  const file = resolve(import.meta.dirname, step);
  if (!existsSync(file)) {
    console.error(`Byggesteg mangler: scripts/${step}`);
    process.exit(1);
  }
  const started = Date.now();
  const mod = (await import(pathToFileURL(file).href)) as { build?: () => Promise<void> };
  if (typeof mod.build !== 'function') {
    console.error(`scripts/${step} eksporterer ikke build()`);
    process.exit(1);
  }
  await mod.build();
  console.log(`✓ ${step} (${Date.now() - started} ms)`);
}
