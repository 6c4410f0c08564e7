import { describe, expect, it } from 'vitest';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import { datasetFromTables } from '../../../core/workbook/from-tables.js';
import type { TableData } from '../../../core/workbook/table.js';

const table = (rows: TableData['rows']): TableData => ({
  name: 'DH_Arkivplan', sheet: 'Arkiv', originRow: 2, originColumn: 1,
  headers: ['Kommune', 'Siste versjon', 'Løsning', 'Kostnad pr mnd', 'Avtaletype', 'Oppsigelsestid (mnd)', 'Oppsagt dato'],
  rows,
});
const load = (t: TableData) => datasetFromTables((n) => (n === 'DH_Arkivplan' ? t : undefined), HELGELAND_2026);

describe('DH_Arkivplan from a workbook', () => {
  it('reads nb-NO costs, dates, the notice period and the notice date; Herøy is the member Herøy', () => {
    const r = load(table([
      ['Herøy', '05.06.2025', 'Arkivplan.no', 'kr 2 042,00', 'SSA-L', 6, '01.11.2025'],
      ['Rana', null, 'Word', null, null, null, null],
      ['SUM', null, null, '2 042,00', null, null, null],
    ]));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.used).toEqual(['DH_Arkivplan']);
    const rows = r.value.dataset.arkivplan!.rows;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ kommunenr: '1818', lastVersion: '2025-06-05', noticeMonths: 6, noticeGiven: '2025-11-01' });
    expect(rows[0]!.monthlyCost!.toFixed(2)).toBe('2042.00');
    expect(r.value.dataset.arkivplan!.decision.decisionDate).toBe('2025-10-16');
  });

  it('a bad cell is an error naming it', () => {
    const r = load(table([['Rana', null, null, 'ca. tusen', null, null, null]]));
    expect(!r.ok && r.error.message).toMatch(/^DH_Arkivplan rad 3 \(Arkiv!D3\): Kostnad pr mnd/);
    const twice = load(table([['Rana'], ['1833']]));
    expect(!twice.ok && twice.error.message).toMatch(/Rana står to ganger/);
  });
});
