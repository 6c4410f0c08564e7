import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, Dec, formatKroner, roundOre, splitEqually, splitLargestRemainder, sum } from '../../core/index.js';

describe('roundOre', () => {
  it('rounds half-up to øre, including negative halves away from zero', () => {
    expect(roundOre(new Dec('0.005')).toFixed(2)).toBe('0.01');
    expect(roundOre(new Dec('2.675')).toFixed(2)).toBe('2.68');
    expect(roundOre(new Dec('-2.675')).toFixed(2)).toBe('-2.68');
    expect(roundOre(new Dec('1.004999')).toFixed(2)).toBe('1.00');
  });
});

describe('splitLargestRemainder', () => {
  it('splits 100 kr in three as 33,34 + 33,33 + 33,33', () => {
    expect(splitLargestRemainder(new Dec(100), [new Dec(1), new Dec(1), new Dec(1)]).map((d) => d.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
  });
  it('gives the leftover øre to the largest remainder, not the first part', () => {
    // 10 × 1/3 = 3.333…, 10 × 2/3 = 6.666…: the extra øre goes to the second part.
    expect(splitLargestRemainder(new Dec('0.10'), [new Dec(1), new Dec(2)]).map((d) => d.toFixed(2))).toEqual(['0.03', '0.07']);
  });
  it('splits negative amounts symmetrically', () => {
    expect(splitLargestRemainder(new Dec(-100), [new Dec(1), new Dec(1), new Dec(1)]).map((d) => d.toFixed(2))).toEqual(['-33.34', '-33.33', '-33.33']);
  });
  it('splits equally when all weights are zero', () => {
    expect(splitLargestRemainder(new Dec(1), [new Dec(0), new Dec(0)]).map((d) => d.toFixed(2))).toEqual(['0.50', '0.50']);
  });
  it('rejects negative weights', () => {
    expect(() => splitLargestRemainder(new Dec(1), [new Dec(-1), new Dec(2)])).toThrow(RangeError);
  });

  it('property: 10 000 random allocations sum exactly to the øre with no negative part', () => {
    const amount = fc.bigInt({ min: 0n, max: 10_000_000_000n }).map((ore) => new Dec(ore.toString()).dividedBy(100));
    const weights = fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(amount, weights, (total, w) => {
        const parts = splitLargestRemainder(total, w.map((x) => new Dec(x)));
        expect(parts).toHaveLength(w.length);
        expect(sum(parts).equals(total)).toBe(true);
        for (const p of parts) {
          expect(p.isNegative()).toBe(false);
          expect(p.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        // Largest remainder never strays more than one øre from the exact share.
        const weightSum = w.reduce((a, b) => a + b, 0);
        if (weightSum > 0) {
          parts.forEach((p, i) => {
            const exact = total.times(w[i]!).dividedBy(weightSum);
            expect(p.minus(exact).abs().lessThan('0.01')).toBe(true);
          });
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('property: apportion hands out exactly the units it was given', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 25 }), (units, w) => {
        const parts = apportion(new Dec(units), w.map((x) => new Dec(x)));
        expect(sum(parts).toNumber()).toBe(units);
        expect(parts.every((p) => p.isInteger() && !p.isNegative())).toBe(true);
      }),
    );
  });

  it('splitEqually spreads leftover øre from the first part', () => {
    expect(splitEqually(new Dec('0.05'), 3).map((d) => d.toFixed(2))).toEqual(['0.02', '0.02', '0.01']);
  });
});

describe('formatKroner', () => {
  it('formats nb-NO with space groups, decimal comma and kr', () => {
    expect(formatKroner(new Dec('752197.48'))).toBe('752 197,48 kr');
    expect(formatKroner(new Dec('-1234.5'))).toBe('\u22121 234,50 kr');
    expect(formatKroner(new Dec('0'))).toBe('0,00 kr');
    expect(formatKroner(new Dec('-0.001'))).toBe('0,00 kr');
  });
});
