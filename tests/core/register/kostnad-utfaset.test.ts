import { describe, expect, it } from 'vitest';
import { check, CLEAN, HEADER, register, registerOf, type RowSpec } from './helpers.js';

describe('kostnad-utfaset', () => {
  it('a monthly cost on a system marked out of use is a warning at the cost cell', () => {
    for (const status of ['Utfaset', 'avviklet', 'Ikke i bruk', 'Faset ut 2025']) {
      const findings = check(registerOf({ Status: status, 'Kostnad pr mnd': '1 500,00', 'Avtale utløper': '31.12.2020' }));
      expect(findings.map((f) => [f.rule, f.severity, f.cell]), status).toEqual([['register.kostnad-utfaset', 'warning', 'S2']]);
      expect(findings[0]!.message).toContain('1 500,00 kr pr mnd');
    }
  });

  it('"I bruk" = Nei means out of use', () => {
    const cells = registerOf({ Status: 'Nei', 'Kostnad pr mnd': 100 });
    cells[0]![cells[0]!.indexOf('Status')] = 'I bruk';
    expect(check(cells).map((f) => f.rule)).toEqual(['register.kostnad-utfaset']);
  });

  it('no cost, or a system in use or being phased out: nothing', () => {
    expect(check(registerOf({ Status: 'Utfaset', 'Kostnad pr mnd': 0 }))).toEqual([]);
    expect(check(registerOf({ Status: 'Utfaset', 'Kostnad pr mnd': null }))).toEqual([]);
    expect(check(registerOf({ Status: 'Skal utfases 2027', 'Kostnad pr mnd': 900 }))).toEqual([]);
  });

  it('reads a yearly cost when the register gives the cost per year', () => {
    for (const header of ['Kostnad pr år', 'Årlig kostnad (kr)', 'Lisenskostnad pr år', 'Kostnad per år', 'Årskostnad']) {
      const cells = registerOf({ Status: 'Utfaset', 'Kostnad pr mnd': 24000 });
      cells[0]![cells[0]!.indexOf('Kostnad pr mnd')] = header;
      const findings = check(cells);
      expect(findings.map((f) => [f.rule, f.severity, f.cell, f.column]), header).toEqual([['register.kostnad-utfaset', 'warning', 'S2', header]]);
      expect(findings[0]!.message).toContain('24 000,00 kr pr år');
    }
  });

  it('with both columns, the monthly cost is used, and the yearly one when the monthly is blank', () => {
    const header = [...HEADER, 'Kostnad pr år'];
    const at = (row: RowSpec) => check(register([{ ...CLEAN, Status: 'Utfaset', ...row }], header)).map((f) => [f.rule, f.cell, f.message]);
    expect(at({ 'Kostnad pr mnd': 100, ['Kostnad pr år' as never]: 1200 })).toEqual([['register.kostnad-utfaset', 'S2', expect.stringContaining('100,00 kr pr mnd')]]);
    expect(at({ 'Kostnad pr mnd': null, ['Kostnad pr år' as never]: 1200 })).toEqual([['register.kostnad-utfaset', 'V2', expect.stringContaining('1 200,00 kr pr år')]]);
    expect(at({ 'Kostnad pr mnd': 0, ['Kostnad pr år' as never]: 0 })).toEqual([]);
  });

  it('a yearly cost is not a monthly one, and an unreadable yearly cost is reported', () => {
    const cells = registerOf({ 'Kostnad pr mnd': '€ 100' });
    cells[0]![cells[0]!.indexOf('Kostnad pr mnd')] = 'Kostnad pr år';
    expect(check(cells).map((f) => [f.rule, f.column])).toEqual([['register.ugyldig-tall', 'Kostnad pr år']]);
  });
});
