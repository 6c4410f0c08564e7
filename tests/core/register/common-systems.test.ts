import { describe, expect, it } from 'vitest';
import { commonSystems } from '../../../core/index.js';
import { DH, registerOf } from './helpers.js';

describe('commonSystems (felles systemer)', () => {
  const cells = registerOf(
    { Kommune: 'Rana', Kommunenr: 1833, System: 'Visma Enterprise', 'Leverandør': 'Visma', 'Kostnad pr mnd': '12 000,10' },
    { Kommune: 'Vefsn', Kommunenr: 1824, System: 'VISMA enterprise', 'Leverandør': 'VISMA AS', 'Kostnad pr mnd': 8000.2 },
    { Kommune: 'Herøy', Kommunenr: 1818, System: 'Visma Enterprise', 'Leverandør': 'Visma', 'Kostnad pr mnd': '0,1' },
    { Kommune: 'Herøy', Kommunenr: 1818, System: 'Visma Enterprise', 'Leverandør': 'Visma', 'Kostnad pr mnd': '' },
    { Kommune: 'Rana', Kommunenr: 1833, System: 'Acos WebSak', 'Leverandør': 'Acos', 'Kostnad pr mnd': 5000 },
    { Kommune: 'Vefsn', Kommunenr: 1824, System: 'Acos WebSak', 'Leverandør': 'Acos', 'Kostnad pr mnd': 3000 },
    { Kommune: 'Brønnøy', Kommunenr: 1813, System: 'Acos WebSak', 'Leverandør': 'Acos', 'Kostnad pr mnd': 999, Status: 'Utfaset' },
    { Kommune: 'Ranna', Kommunenr: null, System: 'Acos WebSak', 'Leverandør': 'Acos', 'Kostnad pr mnd': 1 },
    { Kommune: 'Rana', Kommunenr: 1833, System: 'Gerica', 'Leverandør': 'Tietoevry', 'Kostnad pr mnd': 7000 },
    { Kommune: 'Rana', Kommunenr: 1833, System: 'Elements', 'Leverandør': 'Sikri', 'Kostnad pr mnd': 100 },
    { Kommune: 'Vefsn', Kommunenr: 1824, System: 'Elements', 'Leverandør': 'Evry', 'Kostnad pr mnd': 100 },
  );

  it('lists systems used by two or more kommuner with exact summed monthly cost, most kommuner first', () => {
    const result = commonSystems(cells, { data: DH });
    expect(result.map((s) => [s.system, s.supplier, s.count, s.monthlyCost.toFixed(2), s.rows, s.rowsWithoutCost])).toEqual([
      ['Visma Enterprise', 'Visma', 3, '20000.40', 4, 1],
      ['Acos WebSak', 'Acos', 2, '8000.00', 2, 0],
    ]);
    expect(result[0]!.kommuner).toEqual([
      { kommunenr: '1818', name: 'Herøy' },
      { kommunenr: '1824', name: 'Vefsn' },
      { kommunenr: '1833', name: 'Rana' },
    ]);
  });

  it('sums money exactly (no float drift)', () => {
    const many = registerOf(...Array.from({ length: 10 }, (_, i) => ({ Kommune: i % 2 ? 'Rana' : 'Vefsn', Kommunenr: i % 2 ? 1833 : 1824, System: `S`, 'Kostnad pr mnd': 0.1 })));
    const [s] = commonSystems(many, {});
    expect(s?.monthlyCost.toString()).toBe('1');
  });

  it('an unreadable register gives an empty list', () => {
    expect(commonSystems([['ikke et register']])).toEqual([]);
  });
});
