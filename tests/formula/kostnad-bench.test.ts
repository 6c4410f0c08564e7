import { describe, expect, it } from 'vitest';
import { compareKostnadWithNative } from '../../bench/kostnad.js';

// The benchmark (npm run bench) compares timings; this checks only that both sides compute the same numbers.
describe('bench kostnad_vs_native computes the same values both ways', () => {
  it('10 000 =DH.KOSTNAD cells equal INDEKS/SAMMENLIGNE over the 19-row table, cell by cell', () => {
    const { cells, mismatches } = compareKostnadWithNative({ cells: 10_000 });
    expect(cells).toBe(10_000);
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
