import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELGELAND_2026 } from '../../core/dataset/helgeland2026.js';
import { populationChange } from '../../core/allocation/population-change.js';
import { planKommunerUpdate } from '../../core/workbook/kommuner-update.js';
import type { TableData } from '../../core/workbook/table.js';

const table: TableData = {
  name: 'DH_Kommuner',
  headers: ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'],
  rows: [['1833', 'Rana', 25899, '30.06.2025'], ['1824', 'Vefsn', 13491, '30.06.2025']],
};

describe('planKommunerUpdate', () => {
  it('sets only Innbyggere and Referansedato, by kommunenr, and logs each changed figure', () => {
    const r = planKommunerUpdate(table, [], [{ kommunenr: '1824', name: 'Vefsn', population: 13500, referenceDate: '2025-09-30' }, { kommunenr: '1833', name: 'Rana', population: 25899, referenceDate: '2025-09-30' }], '2025-10-20');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.table.rows).toEqual([['1833', 'Rana', 25899, '30.09.2025'], ['1824', 'Vefsn', 13500, '30.09.2025']]);
    expect(r.value.changes).toEqual([{ table: 'DH_Kommuner', key: '1824', label: 'Vefsn', column: 'Innbyggere', before: '13491', after: '13500' }]);
    expect(r.value.inPlace).toContainEqual({ row: 1, column: 2, value: 13500 });
    expect(r.value.endringer!.rows[0]).toEqual(['2025-10-20', 'DH_Kommuner', '1824', 'Vefsn', 'Innbyggere', '13491', '13500']);
  });

  it('refuses a figure for a kommune the table does not hold', () => {
    const r = planKommunerUpdate(table, [], [{ kommunenr: '1505', name: 'Kristiansund', population: 24535, referenceDate: '2024-06-30' }], '2025-10-20');
    expect(!r.ok && r.error.message).toMatch(/ingen rad for Kristiansund \(1505\)/);
  });

  it('property: applying an update and planning it again changes nothing (idempotent)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (a, b) => {
        const figures = [{ kommunenr: '1833', name: 'Rana', population: a, referenceDate: '2025-09-30' }, { kommunenr: '1824', name: 'Vefsn', population: b, referenceDate: '2025-09-30' }];
        const first = planKommunerUpdate(table, [], figures, '2025-10-20');
        if (!first.ok) throw new Error(first.error.message);
        const again = planKommunerUpdate({ ...table, rows: first.value.table.rows as TableData['rows'] }, [], figures, '2025-10-21');
        expect(again.ok && again.value.changes).toEqual([]);
        expect(again.ok && again.value.endringer).toBeUndefined();
      }),
    );
  });
});

describe('populationChange', () => {
  it('shows old and new per member and the effect on each contribution; the contributions still sum to the same total', () => {
    const r = populationChange(HELGELAND_2026, 2026, new Map([['1833', 25899 + 100]]));
    if (!r.ok) throw new Error(r.error.message);
    const rana = r.value.rows.find((x) => x.kommunenr === '1833')!;
    expect([rana.before, rana.after, rana.change]).toEqual([25899, 25999, 100]);
    // 2026's key is a fixed amount + 23 kr per inhabitant: 100 more inhabitants is 2 300 kr more for Rana only.
    expect(rana.costChange!.toFixed(2)).toBe('2300.00');
    expect(r.value.rows.filter((x) => x.kommunenr !== '1833').every((x) => x.costChange!.isZero())).toBe(true);
  });

  it('without a key for the year it says why instead of showing contributions', () => {
    const r = populationChange(HELGELAND_2026, 1999, new Map());
    expect(r.ok && r.value.note).toMatch(/^Bidragene vises ikke: /);
    expect(r.ok && r.value.rows[0]!.costBefore).toBeUndefined();
  });
});
