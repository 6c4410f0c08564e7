import { describe, expect, it } from 'vitest';
import { check, registerOf } from './helpers.js';

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
});
