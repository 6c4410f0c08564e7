import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../core/', import.meta.url).pathname;
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('core/ is pure (SPEC §2)', () => {
  it('imports only decimal.js and its own modules', () => {
    const offenders: string[] = [];
    for (const file of files(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+['"]([^'"]+)['"]|\b(?:import|require)\(\s*['"]([^'"]+)['"]/gm)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.') || spec === 'decimal.js') continue;
        offenders.push(`${file}: ${spec}`);
      }
      if (/\b(Office|Excel|SpreadsheetApp|UrlFetchApp|document|window|fetch)\s*[.(]/.test(text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))) {
        offenders.push(`${file}: uses a host/DOM global`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
