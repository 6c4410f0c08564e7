import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeWithReference } from '../../scripts/function-reference.js';

describe('README function reference', () => {
  it('is the one generated from the catalog (run `npx tsx scripts/function-reference.ts --write`)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(readmeWithReference(readme));
  });
  it('shows the two commands a newcomer needs', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
