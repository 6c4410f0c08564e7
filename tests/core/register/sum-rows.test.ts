// Sum rows under a register ("Sum", "Totalt", an Excel table's totals row) are no systems: no findings, not counted.
import { describe, expect, it } from 'vitest';
import { commonSystems, registerDataRowCount } from '../../../core/index.js';
import { isSumLabel } from '../../../core/register/values.js';
import { check, CLEAN, HEADER, register, registerOf, type RowSpec } from './helpers.js';

const blankRow = (): unknown[] => HEADER.map(() => null);

/** A row of blanks with the given template columns filled. */
function rowWith(values: RowSpec): unknown[] {
  return HEADER.map((h) => values[h] ?? null);
}

describe('isSumLabel', () => {
  it('knows the sum labels in any case, with a colon or spaces', () => {
    for (const label of ['Sum', 'SUM', 'sum:', 'Summer', 'Summert', 'Total', 'Totalt', 'TOTALT:', 'Totalsum', 'I alt', 'i alt', 'Sum totalt', '  Sum ', 'Sum i alt']) {
      expect(isSumLabel(label), label).toBe(true);
    }
  });

  it('not other text, kommuner or systems that start the same way', () => {
    for (const text of ['Sunndal', 'Surnadal', 'Sula', 'Tolga', 'Tokke', 'Summit', 'Totalview', 'Sumo', 'Iveland', 'I bruk', 'Samnanger', 'Gran', 'Sum av noe helt annet', '', 38, null, true]) {
      expect(isSumLabel(text), String(text)).toBe(false);
    }
  });
});

describe('sum rows', () => {
  it('an Excel table totals row («Sum» in Kommune, a SUBTOTAL count in System, a cost sum) gives no findings', () => {
    const cells = registerOf({}, { Kommune: 'Vefsn', Kommunenr: 1824, System: 'Gerica' });
    cells.push(rowWith({ Kommune: 'Sum', System: 2, 'Kostnad pr mnd': 25000 }));
    expect(check(cells)).toEqual([]);
    expect(registerDataRowCount(cells)).toBe(2);
  });

  it('a plain «Sum» row led by blank cells, after a blank row', () => {
    const cells = registerOf({}, { Kommune: 'Vefsn', Kommunenr: 1824, System: 'Gerica' });
    cells.push(blankRow(), rowWith({ Kommunenr: 'Sum', 'Kostnad pr mnd': 25000 }));
    expect(check(cells)).toEqual([]);
    expect(registerDataRowCount(cells)).toBe(2);
  });

  it('any of the labels, in the first non-blank cell or in Kommune or System', () => {
    for (const label of ['Sum', 'SUMMER', 'Totalt:', 'Totalsum', 'I alt', 'Sum totalt', 'Total']) {
      const first = [label, ...blankRow().slice(1)];
      const inSystem = rowWith({ Kommune: 'Rana', Kommunenr: 1833, System: label, 'Kostnad pr mnd': 100 });
      const inKommune = rowWith({ Kommunenr: 1833, Kommune: label });
      for (const row of [first, inSystem, inKommune]) {
        const cells = registerOf({});
        cells.push(row);
        expect(check(cells), `${label}: ${JSON.stringify(row.slice(0, 3))}`).toEqual([]);
        expect(registerDataRowCount(cells)).toBe(1);
      }
    }
  });

  it('a row that only mentions a sum further right is still a system', () => {
    const cells = registerOf({ Integrasjoner: 'Sum', 'Leverandør': '' }, { Kommune: 'Vefsn', Kommunenr: 1824, 'Moduler i bruk': 'Totalt', 'Leverandør': '' });
    expect(check(cells).map((f) => [f.rule, f.row])).toEqual([['register.leverandor-mangler', 2], ['register.leverandor-mangler', 3]]);
    expect(registerDataRowCount(cells)).toBe(2);
    // A system row whose kommune starts like a sum label is checked as usual.
    const sunndal = registerOf({ Kommune: 'Sunndal', Kommunenr: 1563, 'Leverandør': '' });
    expect(check(sunndal).map((f) => f.rule)).toEqual(['register.leverandor-mangler']);
  });

  it('felles systemer leave sum rows out', () => {
    const cells = register([
      { ...CLEAN, Kommune: 'Rana', Kommunenr: 1833 },
      { ...CLEAN, Kommune: 'Vefsn', Kommunenr: 1824 },
    ]);
    // Per-kommune subtotal rows ("Sum" in System) would otherwise be a system «Sum» shared by two kommuner.
    cells.push(rowWith({ Kommune: 'Rana', Kommunenr: 1833, System: 'Sum', 'Kostnad pr mnd': 12500 }));
    cells.push(rowWith({ Kommune: 'Vefsn', Kommunenr: 1824, System: 'Sum', 'Kostnad pr mnd': 12500 }));
    const [acos, ...rest] = commonSystems(cells, {});
    expect(rest).toEqual([]);
    expect(acos).toMatchObject({ system: 'Acos WebSak', count: 2, rows: 2 });
    expect(acos!.monthlyCost.toFixed(2)).toBe('25000.00');
  });
});

describe('registerDataRowCount', () => {
  it('counts the rows the check reads: not blank, repeated header or sum rows', () => {
    const cells = registerOf({}, { Kommune: 'Vefsn', Kommunenr: 1824 });
    cells.push(blankRow(), ['   ', null, '\u00a0'], [...HEADER], rowWith({ Kommune: 'Sum' }), rowWith({ Kommune: 'Bodø', Kommunenr: 1804 }));
    expect(registerDataRowCount(cells)).toBe(3);
    expect(registerDataRowCount([['ikke et register']])).toBe(0);
    expect(registerDataRowCount([])).toBe(0);
  });
});
