import { describe, expect, it } from 'vitest';
import { check, CLEAN, HEADER, ofRule, register, registerOf } from './helpers.js';

describe('arkivverdig-uten-uttrekk', () => {
  it('archive-worthy without an extract/depot plan is an error at the Uttrekk/depot cell', () => {
    const [finding, ...rest] = check(registerOf({ 'Uttrekk/depot': '' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.arkivverdig-uten-uttrekk', severity: 'error', cell: 'T2', column: 'Uttrekk/depot' });
    expect(finding!.message).toContain('«Acos WebSak» er arkivverdig');
  });

  it('"Nei", "Ingen", "Ikke avklart" are not plans; any real text is', () => {
    for (const text of ['Nei', 'ingen', 'Ikke avklart', 'Mangler', 'Ukjent']) {
      const [finding] = check(registerOf({ 'Uttrekk/depot': text }));
      expect(finding?.rule, text).toBe('register.arkivverdig-uten-uttrekk');
      expect(finding?.actual).toBe(text);
    }
    for (const text of ['IKA Nordland 2027', 'Ja', 'Avlevert', 'Noark 5-uttrekk planlagt']) {
      expect(check(registerOf({ 'Uttrekk/depot': text })), text).toEqual([]);
    }
  });

  it('J, X and Delvis mean archive-worthy; Nei and N do not', () => {
    for (const yes of ['J', 'X', 'x', 'ja', 'Delvis', true]) {
      expect(ofRule(check(registerOf({ Arkivverdig: yes, 'Uttrekk/depot': null })), 'arkivverdig-uten-uttrekk'), String(yes)).toHaveLength(1);
    }
    for (const no of ['Nei', 'N', 'nei', false, 0]) {
      expect(check(registerOf({ Arkivverdig: no, 'Uttrekk/depot': null })), String(no)).toEqual([]);
    }
  });

  it('worth preserving (Bevaringsverdig = Ja) needs a plan too', () => {
    const [finding] = check(registerOf({ Arkivverdig: 'Nei', Bevaringsverdig: 'Ja', 'Uttrekk/depot': '' }));
    expect(finding?.message).toContain('bevaringsverdig');
  });

  it('without an Uttrekk/depot column: once for the column, then per row at Arkivverdig', () => {
    const header = HEADER.filter((h) => h !== 'Uttrekk/depot');
    const findings = check(register([CLEAN, { ...CLEAN, System: 'Elements' }, { ...CLEAN, System: 'Visma', Arkivverdig: 'Nei' }], header));
    expect(findings.map((f) => [f.cell, f.column])).toEqual([
      ['A1', 'Uttrekk/depot'],
      ['M2', 'Arkivverdig'],
      ['M3', 'Arkivverdig'],
    ]);
  });
});
