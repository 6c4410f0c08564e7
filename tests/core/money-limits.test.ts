// Issue 16: money and numbers at their limits. An amount leaves decimal.js as a cell number only when the
// number holds it to the øre (± 9 999 999 999 999,99 kr, 15 significant digits); past that, and for results that are not finite, a function
// gives #NUM! with a Norwegian message instead of a silently rounded or infinite number.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellAmountError, MAX_CELL_KRONER, roundOre, toCellNumber } from '../../core/money/kroner.js';
import { CATALOG, callFunction, createFunctionContext, Dec, HELGELAND_2026, isDhError } from '../../core/index.js';

const ctx = createFunctionContext(HELGELAND_2026, '2026-03-01');
const call = (name: string, ...args: unknown[]) => callFunction(CATALOG.find((e) => e.name === name)!, ctx, args);

describe('amounts as cell numbers', () => {
  it('the limit is 15 significant digits, held exactly; one øre more is an error, not a rounded number', () => {
    expect(MAX_CELL_KRONER.toFixed(2)).toBe('9999999999999.99');
    expect(toCellNumber(MAX_CELL_KRONER)).toBe(9999999999999.99);
    expect(toCellNumber(MAX_CELL_KRONER.negated())).toBe(-9999999999999.99);
    // Why not 2^53 øre: at 2^46 kr the doubles are 1/64 kr apart, so this øre amount would come back changed.
    expect(String(Number('70368744177664.01'))).not.toBe('70368744177664.01');
    expect(() => toCellNumber(MAX_CELL_KRONER.plus('0.01'))).toThrow(CellAmountError);
    expect(() => toCellNumber(new Dec(Infinity))).toThrow(/ikke et endelig tall/);
  });

  it('every øre amount within the limit survives the trip to a cell number and back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -999_999_999_999_999n, max: 999_999_999_999_999n }), (ore) => {
        const amount = new Dec(ore.toString()).dividedBy(100);
        expect(new Dec(String(toCellNumber(amount))).equals(roundOre(amount))).toBe(true);
      }),
    );
  });
});

describe('functions at their limits give #NUM! with a Norwegian message', () => {
  it.each([
    ['TIDSVERDI', [1e15, 1e6, 1e6]],
    ['NETTOGEVINST', [0, 1e15, 1e6, 1e6, 12]],
    ['NETTOGEVINST', [1e300, 1, 1, 1, 1e300]],
    ['NNV', [[[1e300], [1e300], [1e300]], -0.999999]],
    ['FORDEL', [1e14, [['Rana'], ['Vefsn']]]],
  ])('DH.%s(%j)', (name, args) => {
    const r = call(name, ...(args as unknown[]));
    const results = Array.isArray(r) ? r.flat() : [r];
    const bad = results.filter((v) => typeof v === 'number' && (!Number.isFinite(v) || Math.abs(v) > 9999999999999.99));
    expect(bad).toEqual([]);
    const error = results.find(isDhError);
    expect(error).toMatchObject({ kind: 'number' });
    expect(error!.message).toMatch(/^(Resultatet er ikke et endelig tall|Beløpet er for stort til å stå nøyaktig til øret)/);
  });

  it('ordinary figures are unchanged', () => {
    expect(call('TIDSVERDI', 12000, 3, 685)).toBe(411000);
    expect(call('NETTOGEVINST', 12500, 1165, 5, 695, 12)).toBe(659675);
  });
});
