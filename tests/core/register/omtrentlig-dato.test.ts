// register.omtrentlig-dato: a contract end written as a month, quarter, half year or year is read as the period's
// last day (so the date rules run), with an info finding.
import { describe, expect, it } from 'vitest';
import { check, ofRule, registerOf } from './helpers.js';

describe('omtrentlig-dato', () => {
  it('reads months, quarters, half years and years as the period’s last day, with an info finding', () => {
    const cases: [unknown, string][] = [
      ['des. 2027', '31.12.2027'],
      ['desember 2027', '31.12.2027'],
      ['Des 2027', '31.12.2027'],
      ['feb. 2028', '29.02.2028'],
      ['sept. 2027', '30.09.2027'],
      ['12.2027', '31.12.2027'],
      ['06/2027', '30.06.2027'],
      ['2027-11', '30.11.2027'],
      ['Q4 2027', '31.12.2027'],
      ['Q1-2028', '31.03.2028'],
      ['4. kvartal 2027', '31.12.2027'],
      ['2. kvartal 2027', '30.06.2027'],
      ['2027 Q3', '30.09.2027'],
      ['1. halvår 2027', '30.06.2027'],
      ['2028', '31.12.2028'],
      [2028, '31.12.2028'],
      ['utgangen av 2027', '31.12.2027'],
    ];
    for (const [value, date] of cases) {
      const findings = check(registerOf({ 'Avtale utløper': value }));
      expect(findings.map((f) => [f.rule, f.severity, f.cell]), String(value)).toEqual([['register.omtrentlig-dato', 'info', 'Q2']]);
      expect(findings[0]!.message, String(value)).toContain(`er lest som ${date}, siste dag i`);
      expect(findings[0]!.actual).toBe(String(value));
    }
  });

  it('says which period it was', () => {
    expect(check(registerOf({ 'Avtale utløper': 'des. 2027' }))[0]!.message).toContain('siste dag i måneden');
    expect(check(registerOf({ 'Avtale utløper': 'Q4 2027' }))[0]!.message).toContain('siste dag i kvartalet');
    expect(check(registerOf({ 'Avtale utløper': '2028' }))[0]!.message).toContain('siste dag i året');
  });

  it('the date rules use the period’s last day', () => {
    // Ended (31.12.2025) while in use.
    const ended = check(registerOf({ 'Avtale utløper': 'desember 2025' }));
    expect(ended.map((f) => f.rule).sort()).toEqual(['register.avtale-utlopt', 'register.omtrentlig-dato']);
    expect(ofRule(ended, 'avtale-utlopt')[0]!.actual).toBe('31.12.2025');
    // 30.06.2026 − 6 months = 30.12.2025: the notice deadline has passed.
    expect(ofRule(check(registerOf({ 'Avtale utløper': 'Q2 2026', 'Oppsigelsestid (mnd)': 6 })), 'oppsigelsesfrist')[0]).toMatchObject({
      severity: 'error',
      expected: 'oppsigelse innen 30.12.2025',
    });
    expect(ofRule(check(registerOf({ 'Avtale utløper': 2025 })), 'avtale-utlopt')).toHaveLength(1);
  });

  it('full dates, serials and open-ended contracts get no such note', () => {
    for (const value of ['31.12.2027', '2027-12-31', 46752, '46752', 'Løpende', 'ubestemt']) {
      expect(ofRule(check(registerOf({ 'Avtale utløper': value })), 'omtrentlig-dato'), String(value)).toEqual([]);
    }
  });
});
