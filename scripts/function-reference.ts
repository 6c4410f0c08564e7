// The README's function reference, generated from the catalog (SPEC §2: one source for every host and the docs).
// `npx tsx scripts/function-reference.ts --write` rewrites the block between the markers in README.md;
// tests/catalog/readme.test.ts fails when the block is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CATALOG, excelFormulaName, sheetsName } from '../core/index.js';

export const BEGIN = '<!-- funksjonsreferanse:start (generert fra core/catalog, ikke rediger for hånd) -->';
export const END = '<!-- funksjonsreferanse:slutt -->';

export function functionReference(): string {
  const lines = ['| Excel | Google Sheets | Argumenter | Gir | Eksempel |', '|---|---|---|---|---|'];
  for (const e of CATALOG) {
    const params = e.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join('; ');
    const example = e.examples.map((x) => `\`${x.formula}\` → ${x.result}`).join('<br>');
    lines.push(`| \`${excelFormulaName(e)}\` | \`${sheetsName(e)}\` | ${params} | ${e.description} | ${example} |`);
  }
  return [BEGIN, lines.join('\n'), END].join('\n');
}

export function readmeWithReference(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md mangler markørene for funksjonsreferansen');
  return readme.slice(0, start) + functionReference() + readme.slice(end + END.length);
}

if (process.argv.includes('--write')) {
  const path = resolve(import.meta.dirname, '..', 'README.md');
  writeFileSync(path, readmeWithReference(readFileSync(path, 'utf8')));
  console.log('README.md: funksjonsreferansen er oppdatert');
}
