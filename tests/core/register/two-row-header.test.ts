// Two-row headers: group labels («Avtale», «Arkiv») in the header row with the field names under them, the other
// columns merged over both rows. Hosts read a merged cell either in its first cell only (Excel, Sheets) or in every
// cell of the merge (exceljs): both are covered.
import { describe, expect, it } from 'vitest';
import { findRegisterHeader, registerDataRowCount } from '../../../core/index.js';
import { check, ofRule } from './helpers.js';

const MAIN = ['Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Systemansvarlig'];
const d = (iso: string): Date => new Date(iso + 'T00:00:00Z');

/** Data rows: expired in use (row 6), notice passed (row 7), archive-worthy without a plan (row 8), one clean. */
const DATA: unknown[][] = [
  [1833, 'Elements', 'Sikri', 'Kari', 'Ola', 'SSA-D', d('2028-12-31'), 6, 'Ja', 'Uttrekk til IKA 2027', 'I bruk'],
  [1833, 'Infoland', 'Norkart', 'Per', 'Ola', 'SSA-L', d('2025-12-31'), 3, 'Nei', null, 'I bruk'],
  [1833, 'Profil', 'CGM', 'Anne', 'Siv', 'SSA-D', d('2026-04-30'), 3, 'Nei', null, 'I bruk'],
  [1833, 'Familia', 'Visma', 'Eva', 'Rune', 'SSA-D', d('2029-01-31'), 6, 'Ja', null, 'I bruk'],
];

/** As Excel and Sheets hand merged cells over: the text in the first cell of the merge, the rest blank. */
function firstCellOnly(): unknown[][] {
  return [
    ['Systemoversikt Rana kommune'],
    [],
    [...MAIN, 'Avtale', null, null, 'Arkiv', null, 'Status'],
    [null, null, null, null, null, 'Type', 'Utløper', 'Oppsigelse (mnd)', 'Arkivverdig', 'Uttrekk', null],
    ...DATA.map((row) => [...row]),
  ];
}

/** As exceljs reads them: every cell of a merge holds its text. */
function everyCell(): unknown[][] {
  return [
    ['Systemoversikt Rana kommune', 'Systemoversikt Rana kommune', 'Systemoversikt Rana kommune'],
    [],
    [...MAIN, 'Avtale', 'Avtale', 'Avtale', 'Arkiv', 'Arkiv', 'Status'],
    [...MAIN, 'Type', 'Utløper', 'Oppsigelse (mnd)', 'Arkivverdig', 'Uttrekk', 'Status'],
    ...DATA.map((row) => [...row]),
  ];
}

describe('two-row headers', () => {
  for (const [name, cells] of [['first cell of a merge', firstCellOnly], ['every cell of a merge', everyCell]] as const) {
    describe(name, () => {
      it('reads the fields under the group labels; «Type» under «Avtale» is the contract type', () => {
        const header = findRegisterHeader(cells());
        expect(header).toMatchObject({ row: 2, subRow: 3 });
        expect(Object.fromEntries(header!.columns)).toEqual({
          kommunenr: 0, system: 1, supplier: 2, systemOwner: 3, systemManager: 4,
          contractType: 5, contractExpires: 6, noticeMonths: 7, archiveWorthy: 8, extractPlan: 9, status: 10,
        });
      });

      it('runs the contract and archive checks on the rows under the sub-header, with readable column labels', () => {
        const findings = check(cells(), { data: undefined });
        expect(findings.map((f) => [f.rule, f.cell, f.column])).toEqual([
          ['register.avtale-utlopt', 'G6', 'Avtale – Utløper'],
          ['register.oppsigelsesfrist', 'G7', 'Avtale – Utløper'],
          ['register.arkivverdig-uten-uttrekk', 'J8', 'Arkiv – Uttrekk'],
        ]);
        expect(registerDataRowCount(cells())).toBe(4);
      });

      it('main columns merged over both rows keep their header text', () => {
        const rows = cells();
        rows[5]![3] = '';
        expect(ofRule(check(rows), 'systemeier-mangler').map((f) => [f.cell, f.column])).toEqual([['D6', 'Systemeier']]);
      });
    });
  }

  it('a sub-label that names nothing leaves its column unread, and a hint row under a one-row header is skipped', () => {
    const cells = firstCellOnly();
    cells[3]![9] = 'Kommentar';
    const header = findRegisterHeader(cells);
    expect(header?.subRow).toBe(3);
    expect(header?.columns.has('extractPlan')).toBe(false);
    // «dd.mm.åååå» under «Avtale utløper»: a hint, not data; the label stays the header's.
    const hinted = [
      ['Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Avtale utløper'],
      [null, null, null, null, null, 'dd.mm.åååå'],
      [1833, 'Infoland', 'Norkart', 'Per', 'Ola', '31.12.2025'],
    ];
    expect(findRegisterHeader(hinted)).toMatchObject({ row: 0, subRow: 1 });
    expect(check(hinted).map((f) => [f.rule, f.cell, f.column])).toEqual([['register.avtale-utlopt', 'F3', 'Avtale utløper']]);
  });

  it('a group row above a complete header row stays a title: the header is the complete row, data right under it', () => {
    const cells: unknown[][] = [
      ['Systemoversikt Hemnes kommune'],
      ['', '', '', '', '', 'Avtale', 'Avtale', 'Avtale', 'Arkiv', 'Arkiv'],
      ['Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Type', 'Utløper', 'Oppsigelse (mnd)', 'Arkivverdig', 'Uttrekk'],
      ...DATA.map((row) => row.slice(0, 10)),
    ];
    const header = findRegisterHeader(cells);
    expect(header).toMatchObject({ row: 2 });
    expect(header?.subRow).toBeUndefined();
    expect(check(cells).map((f) => [f.rule, f.cell, f.column])).toEqual([
      ['register.avtale-utlopt', 'G5', 'Utløper'],
      ['register.oppsigelsesfrist', 'G6', 'Utløper'],
      ['register.arkivverdig-uten-uttrekk', 'J7', 'Uttrekk'],
    ]);
  });

  it('a data row of text only is not a sub-header', () => {
    const header = ['Kommune', 'System', 'Leverandør', 'Systemeier', 'Avtaletype'];
    // A system name under System: data.
    expect(findRegisterHeader([header, ['Rana', 'Acos WebSak', 'Acos', 'Kari', 'Avtale']])?.subRow).toBeUndefined();
    // No system, and values that name no field: data (System mangler), not a header.
    const noSystem = [header, ['Rana', '', 'Acos', 'Kari', 'SSA-L']];
    expect(findRegisterHeader(noSystem)?.subRow).toBeUndefined();
    expect(ofRule(check(noSystem), 'system-mangler')).toHaveLength(1);
  });
});
