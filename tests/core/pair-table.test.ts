import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairTable } from '../../core/util/pair-table.js';

describe('PairTable', () => {
  // A small flat-array limit makes the table move to hashing within the test's few thousand pairs.
  for (const [mode, limit] of [['flat, then hashed', 1 << 16], ['hashed from the start', 0]] as const) {
    it(`keeps the first value stored for each pair, as a Map would (${mode}; property)`, () => {
      const key = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2 ** 31 - 2 }));
      fc.assert(
        fc.property(fc.array(fc.tuple(key, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 2 ** 31 - 1 })), { maxLength: 3000 }), (writes) => {
          const table = new PairTable(limit);
          const reference = new Map<string, number>();
          for (const [a, b, v] of writes) {
            const before = reference.get(`${a},${b}`);
            expect(table.getOrSet(a, b, v)).toBe(before ?? 0);
            if (before === undefined) reference.set(`${a},${b}`, v);
          }
          expect(table.count).toBe(reference.size);
          for (const [a, b] of writes) expect(table.getOrSet(a, b, 7)).toBe(reference.get(`${a},${b}`));
        }),
        { numRuns: 40 },
      );
    });
  }

  it('holds 1 000 000 distinct system names × 40 kommuner in room for the pairs, not for 1 000 000 × 64', () => {
    const table = new PairTable();
    for (let g = 0; g < 1_000_000; g++) table.getOrSet(g, g % 40, g + 1);
    expect(table.count).toBe(1_000_000);
    expect(table.room).toBeLessThanOrEqual(3 * 4 * 1_000_000);
    expect(table.getOrSet(999_999, 999_999 % 40, 5)).toBe(1_000_000);
  });
});
