// register.ugyldig-tall, register.omtrentlig-tall, register.ugyldig-dato, register.ugyldig-ja-nei
import { describe, expect, it } from 'vitest';
import { isoToExcelSerial } from '../../../core/index.js';
import { check, ofRule, registerOf } from './helpers.js';

describe('numbers', () => {
  it('accepts nb-NO spellings', () => {
    for (const cost of ['1 234,56', '12\u00a0500', 'kr 2 500', '2 500 kr', '2 500,-', '1.234,50', '1234.5', 1234.5, 0, '0']) {
      expect(check(registerOf({ 'Kostnad pr mnd': cost })), String(cost)).toEqual([]);
    }
    for (const months of [3, '3', '3 mnd', '6 måneder', '12 mnd.']) {
      expect(check(registerOf({ 'Oppsigelsestid (mnd)': months })), String(months)).toEqual([]);
    }
  });

  it('an unreadable number is an error quoting the cell', () => {
    const [finding, ...rest] = check(registerOf({ 'Kostnad pr mnd': 'mye' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.ugyldig-tall', severity: 'error', cell: 'S2', column: 'Kostnad pr mnd', actual: 'mye', expected: 'et tall' });
    expect(finding!.message).toContain('«mye» er ikke et tall');
  });

  it('negative costs, fractional user counts and NaN are refused', () => {
    expect(ofRule(check(registerOf({ 'Kostnad pr mnd': -500 })), 'ugyldig-tall')[0]?.message).toMatch(/negativ/);
    expect(ofRule(check(registerOf({ 'Antall brukere': 12.5 })), 'ugyldig-tall')[0]?.message).toMatch(/helt tall/);
    expect(check(registerOf({ 'Antall brukere': Number.NaN })).map((f) => f.rule)).toEqual(['register.feilverdi']);
  });

  it('"ca. 40" is used as 40 and flagged as approximate (info)', () => {
    const findings = check(registerOf({ 'Antall brukere': 'ca. 40' }));
    expect(findings.map((f) => [f.rule, f.severity, f.cell, f.actual])).toEqual([['register.omtrentlig-tall', 'info', 'J2', 'ca. 40']]);
  });

  it('"-" in a number column means nothing', () => {
    expect(check(registerOf({ 'Kostnad pr mnd': '-' }))).toEqual([]);
  });
});

describe('dates', () => {
  it('accepts dd.mm.åååå, ISO, short years, Excel serials and Date objects', () => {
    for (const date of ['31.12.2027', '31.12.27', '2027-12-31', '31/12/2027', isoToExcelSerial('2027-12-31'), String(isoToExcelSerial('2027-12-31')), new Date('2027-12-31')]) {
      expect(check(registerOf({ 'Avtale utløper': date })), String(date)).toEqual([]);
    }
  });

  it('an unreadable date is an error quoting the cell', () => {
    const [finding, ...rest] = check(registerOf({ 'Avtale utløper': 'snart' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.ugyldig-dato', severity: 'error', cell: 'Q2', actual: 'snart', expected: 'dd.mm.åååå' });
  });

  it('impossible dates are refused', () => {
    expect(ofRule(check(registerOf({ 'Avtale utløper': '31.02.2027' })), 'ugyldig-dato')).toHaveLength(1);
    expect(ofRule(check(registerOf({ 'Avtale utløper': '31.13.2027' })), 'ugyldig-dato')).toHaveLength(1);
    expect(ofRule(check(registerOf({ 'Avtale utløper': '13.2027' })), 'ugyldig-dato')).toHaveLength(1);
    expect(ofRule(check(registerOf({ 'Avtale utløper': 'Q5 2027' })), 'ugyldig-dato')).toHaveLength(1);
    expect(ofRule(check(registerOf({ 'Avtale utløper': 'des. 20277' })), 'ugyldig-dato')).toHaveLength(1);
    expect(ofRule(check(registerOf({ 'Avtale utløper': new Date(Number.NaN) })), 'feilverdi')).toHaveLength(1);
  });

  it('digits with a dot are no Excel serial: "31.12" is no date (not 31.01.1900)', () => {
    const [finding, ...rest] = check(registerOf({ 'Avtale utløper': '31.12' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.ugyldig-dato', actual: '31.12' });
  });
});

describe('Ja/Nei', () => {
  it('accepts Ja/Nei, J/N, X, true/false, 1/0', () => {
    for (const v of ['Ja', 'Nei', 'J', 'N', 'X', 'x', 'ja', 'NEI', true, false, 1, 0]) {
      expect(check(registerOf({ Personopplysninger: v })), String(v)).toEqual([]);
    }
  });

  it('check marks ✓ ✔ ☑ are Ja', () => {
    for (const v of ['✓', '✔', '☑', ' ✓ ', '✔ Ja', '✅']) {
      expect(check(registerOf({ Personopplysninger: v })), v).toEqual([]);
      // Ja in Arkivverdig: without an extract plan that is the archive rule's finding, not an unreadable Ja/Nei.
      expect(check(registerOf({ Arkivverdig: v, 'Uttrekk/depot': '' })).map((f) => f.rule), v).toEqual(['register.arkivverdig-uten-uttrekk']);
    }
  });

  it('anything else is an error', () => {
    const [finding] = check(registerOf({ Personopplysninger: 'kanskje' }));
    expect(finding).toMatchObject({ rule: 'register.ugyldig-ja-nei', severity: 'error', cell: 'O2', actual: 'kanskje', expected: 'Ja eller Nei' });
    expect(ofRule(check(registerOf({ Personopplysninger: 2 })), 'ugyldig-ja-nei')).toHaveLength(1);
  });
});
