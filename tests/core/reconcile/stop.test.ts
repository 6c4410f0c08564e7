// reconcileSheets and the relation finder can be stopped by their caller (a time limit, «Avbryt»): core asks
// shouldStop() from its row loops and throws StopRequested once it says so; asked and never stopping, the result is
// the same as without it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetContext } from '../../../core/dataset/context.js';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import { reconcileSheets } from '../../../core/reconcile/index.js';
import { checkWorkbookRelations } from '../../../core/relations/index.js';
import { StopRequested, stopTick } from '../../../core/util/stop.js';
import type { CellValue } from '../../../core/util/cells.js';
import { allocationGrid, budgetGrid } from './board-tables.js';

const data = new DatasetContext(HELGELAND_2026);

/** A sheet with the board's tables and a long block of figures under them (the relation finder reads it). */
function sheets(rows: number) {
  const figures: CellValue[][] = [['Post', 'Antall', 'Pris', 'Sum']];
  for (let i = 0; i < rows; i++) figures.push([`Post ${i}`, i % 50, 120, (i % 50) * 120 + (i === 77 ? 5 : 0)]);
  return [
    { sheet: 'Fordeling', cells: allocationGrid('numbers') },
    { sheet: 'Budsjett', cells: budgetGrid('numbers') },
    { sheet: 'Tall', cells: figures },
  ];
}

describe('stopping a reconciliation', () => {
  it('stops with StopRequested once shouldStop says so, in whichever pass it is', () => {
    const input = sheets(20_000);
    for (const after of [1, 3, 6, 10, 14]) {
      let asked = 0;
      expect(() => reconcileSheets(input, { data, reportUnread: true, findRelations: checkWorkbookRelations, shouldStop: () => ++asked >= after })).toThrow(StopRequested);
      expect(asked).toBe(after);
    }
  });

  it('gives the same result when asked and never stopping', () => {
    const input = sheets(5_000);
    let asked = 0;
    const plain = reconcileSheets(input, { data, reportUnread: true, findRelations: checkWorkbookRelations });
    const asking = reconcileSheets(input, { data, reportUnread: true, findRelations: checkWorkbookRelations, shouldStop: () => (asked++, false) });
    expect(asked).toBeGreaterThan(0);
    expect(asking.findings).toEqual(plain.findings);
    expect(asking.tables).toEqual(plain.tables);
  });

  it('stopTick asks every n-th call and throws at the first yes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 20 }), (every, yesAt) => {
        let asked = 0;
        const tick = stopTick(() => ++asked >= yesAt, every);
        let calls = 0;
        try {
          for (;;) {
            calls++;
            tick();
          }
        } catch (error) {
          expect(error).toBeInstanceOf(StopRequested);
        }
        expect(calls).toBe(every * yesAt);
      }),
    );
  });
});
