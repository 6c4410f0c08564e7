import { describe, expect, it } from 'vitest';
import { fieldForHeader, findRegisterHeader, REGISTER_COLUMNS } from '../../../core/index.js';
import { check, CLEAN, HEADER, ofRule, register, registerOf, type RowSpec } from './helpers.js';

describe('fieldForHeader', () => {
  it('knows every canonical header', () => {
    for (const [field, header] of REGISTER_COLUMNS) expect(fieldForHeader(header), header).toBe(field);
  });

  it('ignores case, spaces, punctuation and diacritics', () => {
    expect(fieldForHeader('  LEVERANDOR ')).toBe('supplier');
    expect(fieldForHeader('leverandør')).toBe('supplier');
    expect(fieldForHeader('Tjenesteomrade')).toBe('serviceArea');
    expect(fieldForHeader('uttrekk / depot')).toBe('extractPlan');
    expect(fieldForHeader('Avtale\u00a0utløper')).toBe('contractExpires');
  });

  it('accepts the synonyms registers use', () => {
    const cases: [string, string][] = [
      ['Systemnavn', 'system'],
      ['Navn', 'system'],
      ['Kommunenummer', 'kommunenr'],
      ['Knr', 'kommunenr'],
      ['Kommune nr.', 'kommunenr'],
      ['Produsent', 'supplier'],
      ['Eier', 'systemOwner'],
      ['Systemforvalter', 'systemManager'],
      ['Avtalens utløpsdato', 'contractExpires'],
      ['Utløpsdato', 'contractExpires'],
      ['Oppsigelsestid', 'noticeMonths'],
      ['Oppsigelsestid (måneder)', 'noticeMonths'],
      ['Månedskostnad', 'monthlyCost'],
      ['Kostnad per måned', 'monthlyCost'],
      ['Kostnad pr. mnd', 'monthlyCost'],
      ['Kostnad pr mnd (kr)', 'monthlyCost'],
      ['Depotplan', 'extractPlan'],
      ['Uttrekk', 'extractPlan'],
      ['I bruk', 'status'],
      ['Arkivverdig (J/N)', 'archiveWorthy'],
      ['Moduler', 'modules'],
    ];
    for (const [text, field] of cases) expect(fieldForHeader(text), text).toBe(field);
  });

  it('does not take ordinary words or non-text for headers', () => {
    expect(fieldForHeader('Systemoversikt Rana kommune 2026')).toBeUndefined();
    expect(fieldForHeader('Visma Enterprise')).toBeUndefined();
    expect(fieldForHeader(1833)).toBeUndefined();
    expect(fieldForHeader(null)).toBeUndefined();
    expect(fieldForHeader({ cellError: '#N/A' })).toBeUndefined();
  });
});

describe('findRegisterHeader', () => {
  it('finds the header in the first row', () => {
    const header = findRegisterHeader(register([CLEAN]));
    expect(header?.row).toBe(0);
    expect(header?.columns.get('system')).toBe(2);
    expect(header?.columns.get('status')).toBe(20);
    expect(header?.columns.size).toBe(21);
  });

  it('finds the header at row 5 under title rows and notes', () => {
    const cells = [
      ['Systemoversikt'],
      ['Digitale Helgeland – kartlegging etter KS-malen', null, 'Oppdatert 01.02.2026'],
      [],
      ['Kilde: kommunenes egne lister', 'System?'],
      [null, null, null],
      ...register([CLEAN]),
    ];
    const header = findRegisterHeader(cells);
    expect(header?.row).toBe(5);
    expect(header?.columns.get('kommune')).toBe(0);
  });

  it('needs System and at least two other columns', () => {
    expect(findRegisterHeader([['System', 'Leverandør']])).toBeUndefined();
    expect(findRegisterHeader([['Kommune', 'Leverandør', 'Systemeier', 'Status']])).toBeUndefined();
    expect(findRegisterHeader([['Systemnavn', 'Leverandør', 'Eier']])?.columns.get('systemOwner')).toBe(2);
  });

  it('only looks at the first 50 rows', () => {
    const filler = Array.from({ length: 50 }, () => ['notat']);
    expect(findRegisterHeader([...filler, [...HEADER]])).toBeUndefined();
    expect(findRegisterHeader([...filler.slice(1), [...HEADER]])?.row).toBe(49);
  });
});

describe('checkRegister and the header', () => {
  it('reports a missing header once, at the origin cell', () => {
    const findings = check([['Budsjett 2026'], ['Rana', 752197.48]], { originRow: 3, originColumn: 2 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'register.overskrift-mangler', severity: 'error', cell: 'B3', row: 3, sheet: 'Register' });
    expect(findings[0]!.message).toMatch(/overskriftsrad/);
  });

  it('reads a register whose header is at row 5, with addresses in sheet terms', () => {
    const cells = [['Systemoversikt Helgeland'], [], [], [], [], ...registerOf({ Systemeier: '' })];
    const findings = check(cells, { originRow: 10, originColumn: 3 });
    const missing = ofRule(findings, 'systemeier-mangler');
    expect(missing).toHaveLength(1);
    // cells[6] is the data row → sheet row 16; Systemeier is the 8th column → C + 7 = J.
    expect(missing[0]).toMatchObject({ row: 16, cell: 'J16', column: 'Systemeier' });
    expect(findings.filter((f) => f.rule !== 'register.systemeier-mangler')).toEqual([]);
  });

  it('uses the header text as the sheet has it for the column', () => {
    const header = HEADER.map((h) => (h === 'Systemeier' ? 'Eier (leder)' : h));
    const cells = register([{ ...CLEAN, Systemeier: undefined, 'Eier (leder)': '' } as RowSpec], header);
    expect(ofRule(check(cells), 'systemeier-mangler')[0]?.column).toBe('Eier (leder)');
  });

  it('skips a repeated header row inside the data', () => {
    const cells = [...registerOf({}), [...HEADER], ...registerOf({ Kommune: 'Vefsn', Kommunenr: 1824 }).slice(1)];
    expect(check(cells)).toEqual([]);
  });
});
