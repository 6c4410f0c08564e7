// Property: a table of frozen percentages that follow «a share split equally, the rest by population», printed with
// any number of decimals and split by largest remainder, gives no finding; one share changed by more than the
// rounding can explain gives exactly one finding: in that cell, or as a total that is not 100 %.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../core/money/kroner.js';
import { apportion } from '../../../core/money/split.js';
import { reconcileSheet } from '../../../core/reconcile/index.js';
import type { CellValue } from '../../../core/util/cells.js';

const NAMES = ['Andøy', 'Bø', 'Hadsel', 'Lødingen', 'Sortland', 'Øksnes', 'Vågan', 'Vestvågøy', 'Flakstad', 'Moskenes', 'Værøy', 'Røst'];

function grid(pops: readonly number[], equalPercent: number, decimals: number): CellValue[][] {
  const n = pops.length;
  const sumPop = pops.reduce((a, b) => a + b, 0);
  const weights = pops.map((p) => new Dec(equalPercent).dividedBy(100 * n).plus(new Dec(100 - equalPercent).dividedBy(100).times(p).dividedBy(sumPop)));
  const scale = new Dec(10).pow(decimals);
  const parts = apportion(new Dec(100).times(scale), weights).map((u) => u.dividedBy(scale));
  return [
    ['Fordeling 2025'],
    ['Kommune', 'Folketall', 'Andel %'],
    ...pops.map((p, i) => [NAMES[i]!, p, Number(parts[i]!.toFixed(decimals))] as CellValue[]),
  ];
}

describe('andeler etter nøkkelen de andre radene følger', () => {
  it('egenskap: riktige andeler gir ingen funn; én endret andel gir nøyaktig ett funn', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 500, max: 60_000 }), { minLength: 5, maxLength: 12 }),
        fc.constantFrom(0, 20, 30, 40, 50),
        fc.integer({ min: 1, max: 4 }),
        fc.nat(),
        // More units than half the rows: beyond what independent rounding of every row could add up to.
        fc.integer({ min: 7, max: 40 }),
        fc.boolean(),
        (pops, equal, decimals, pick, units, up) => {
          fc.pre(new Set(pops).size >= 3);
          const cells = grid(pops, equal, decimals);
          const clean = reconcileSheet({ sheet: 'Ark1', cells }).findings.filter((f) => f.severity !== 'info');
          expect(clean).toEqual([]);
          const row = 2 + (pick % pops.length);
          const before = new Dec(cells[row]![2] as number);
          const step = new Dec(10).pow(-decimals).times(units);
          const changed = up ? before.plus(step) : before.minus(step);
          fc.pre(changed.greaterThan(0));
          cells[row]![2] = Number(changed.toFixed(decimals));
          const errors = reconcileSheet({ sheet: 'Ark1', cells }).findings.filter((f) => f.severity === 'error');
          // Reported once: in its cell, or — when every row's rounding could hide it (near-equal populations, coarse
          // decimals) — as shares that no longer add up to 100 %, on the column's header.
          expect([[`C${row + 1}`], ['C2']]).toContainEqual(errors.map((f) => f.cell));
        },
      ),
      { numRuns: 200 },
    );
  });
});
