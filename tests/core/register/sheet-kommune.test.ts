// A register without Kommune/Kommunenr columns belongs to the kommune its sheet name or title names.
import { describe, expect, it } from 'vitest';
import { checkRegister } from '../../../core/index.js';
import { check, DH, ofRule, TODAY } from './helpers.js';

const HEADER = ['System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Status'];
const ROWS = [
  ['Elements', 'Sikri', 'Kari', 'Ola', 'I bruk'],
  ['Visma Enterprise', 'Visma', 'Per', 'Lise', 'I bruk'],
  ['elements', 'Sikri AS', 'Kari', 'Ola', 'I bruk'],
];

function sheetCells(...title: unknown[][]): unknown[][] {
  return [...title, HEADER, ...ROWS.map((r) => [...r])];
}

const kommuneFindings = (findings: ReturnType<typeof check>) => findings.filter((f) => f.rule.startsWith('register.kommune'));

describe('kommune from the sheet name or title', () => {
  it('a sheet named after a kommune: every row is that kommune’s, said once as a note', () => {
    for (const sheet of ['Rana', 'Rana kommune', 'RANA']) {
      const findings = check(sheetCells(), { sheet, data: DH });
      expect(kommuneFindings(findings).map((f) => [f.rule, f.severity, f.cell]), sheet).toEqual([['register.kommune-mangler', 'info', 'A1']]);
      expect(kommuneFindings(findings)[0]!.message).toContain(`alle rader er lest som Rana (1833) etter arknavnet «${sheet}»`);
      // Rows are placed by the kommune: the duplicate system is found.
      expect(ofRule(findings, 'system-duplikat').map((f) => [f.cell, f.message.includes('for Rana (1833)')])).toEqual([['A4', true]]);
    }
  });

  it('the title above the header when the sheet name says nothing', () => {
    const findings = check(sheetCells(['Systemoversikt Vefsn kommune'], ['Sist oppdatert 15.01.2026'], []), { sheet: 'Ark1', data: DH });
    expect(kommuneFindings(findings).map((f) => [f.rule, f.severity, f.cell])).toEqual([['register.kommune-mangler', 'info', 'A4']]);
    expect(kommuneFindings(findings)[0]!.message).toContain('lest som Vefsn (1824) etter tittelen «Systemoversikt Vefsn kommune»');
    expect(ofRule(findings, 'system-duplikat')[0]?.message).toContain('for Vefsn (1824)');
    // A merged title read into every cell of the merge, and names spelt with a Sami name.
    const merged = check(sheetCells(Array(6).fill('Systemoversikt – Aarborte - Hattfjelldal')), { sheet: 'Systemer', data: DH });
    expect(kommuneFindings(merged)[0]!.message).toContain('Hattfjelldal (1826)');
  });

  it('an ambiguous name settles within the dataset (Herøy in Digitale Helgeland is 1818)', () => {
    expect(kommuneFindings(check(sheetCells(), { sheet: 'Herøy', data: DH }))[0]!.message).toContain('Herøy (1818)');
    // Without a dataset «Herøy» could be 1818 or 1515: no kommune is assumed.
    expect(kommuneFindings(check(sheetCells(), { sheet: 'Herøy' }))[0]).toMatchObject({ severity: 'error' });
  });

  it('no kommune, or more than one, named: the missing columns are still an error', () => {
    const cases: [string, unknown[][]][] = [
      ['Register', []],
      ['Ark1', [['Systemoversikt for Rana og Vefsn']]],
      ['Oversikt', [['Systemer i bruk, oppdatert time for time']]],
      ['Rana og Vefsn', []],
    ];
    for (const [sheet, title] of cases) {
      const [finding, ...rest] = kommuneFindings(check(sheetCells(...title), { sheet, data: DH }));
      expect(rest, sheet).toEqual([]);
      expect(finding, sheet).toMatchObject({ rule: 'register.kommune-mangler', severity: 'error' });
      expect(finding!.message).toContain('mangler kolonnene Kommune og Kommunenr');
    }
    // An everyday word that is also a kommune counts next to «kommune».
    expect(kommuneFindings(check(sheetCells(['Time kommune – systemoversikt']), { sheet: 'Ark1' }))[0]!.message).toContain('Time (1121)');
  });

  it('a register with a kommune column ignores the sheet name', () => {
    const cells = [['Kommune', ...HEADER], ['', ...ROWS[0]!]];
    const findings = checkRegister(cells, { today: TODAY, sheet: 'Rana', data: DH });
    expect(kommuneFindings(findings).map((f) => [f.rule, f.severity])).toEqual([['register.kommune-mangler', 'error']]);
  });
});
