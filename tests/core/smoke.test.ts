import { describe, expect, it } from 'vitest';
import { CATALOG, callFunction, createFunctionContext, HELGELAND_2026 } from '../../core/index.js';

describe('catalog smoke', () => {
  it('KOSTNAD Rana 2026', () => {
    const ctx = createFunctionContext(HELGELAND_2026, '2026-01-01');
    const k = CATALOG.find((e) => e.name === 'KOSTNAD')!;
    expect(callFunction(k, ctx, ['Rana', 2026])).toBe(752197.48);
    expect(callFunction(k, ctx, [[['Rana'], ['Herøy'], ['Ranna']], 2026])).toMatchObject([[752197.48], [200450.48], [{ dhError: true }]]);
  });
});
