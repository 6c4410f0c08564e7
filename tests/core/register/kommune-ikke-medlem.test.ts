import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, DH, ofRule, register, registerOf, CLEAN } from './helpers.js';

/** Four rows of members (Rana, Vefsn, Brønnøy, Alstahaug): the register is Digitale Helgeland's own. */
const MEMBERS = [{}, { Kommune: 'Vefsn', Kommunenr: 1824 }, { Kommune: 'Brønnøy', Kommunenr: 1813 }, { Kommune: 'Alstahaug', Kommunenr: 1820 }];

describe('register.kommune-ikke-medlem', () => {
  it('Oslo in a Helgeland register is a warning that names the cooperation', () => {
    const found = ofRule(check(registerOf(...MEMBERS, { Kommune: 'Oslo', Kommunenr: '0301' }), { data: DH }), 'kommune-ikke-medlem');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', cell: 'B6', actual: '0301' });
    expect(found[0]!.message).toBe('Oslo (0301, Oslo) er ikke medlem i Digitale Helgeland 2026.');
  });

  it('Herøy 1515 where the member is Herøy 1818 suggests 1818', () => {
    const found = ofRule(check(registerOf(...MEMBERS, { Kommune: 'Herøy', Kommunenr: 1515 }), { data: DH }), 'kommune-ikke-medlem');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe('Herøy (1515, Møre og Romsdal) er ikke medlem i Digitale Helgeland 2026. Mente du Herøy 1818, som er medlem?');
    expect(found[0]!.expected).toBe('1818');
  });

  it('a name without a number is read among the members (Herøy is 1818): no warning', () => {
    expect(ofRule(check(registerOf(...MEMBERS, { Kommune: 'Herøy', Kommunenr: null }), { data: DH }), 'kommune-ikke-medlem')).toEqual([]);
  });

  it('another network’s register gets no such warnings (the 80 % rule)', () => {
    const sunnmore = register(
      ['Ålesund', 'Giske', 'Sula', 'Herøy', 'Ulstein', 'Rana'].map((Kommune) => ({ ...CLEAN, Kommune, Kommunenr: null })),
    );
    expect(ofRule(check(sunnmore, { data: DH }), 'kommune-ikke-medlem')).toEqual([]);
  });

  it('a register with too many outsiders is another network’s, even with a few members', () => {
    const mixed = registerOf({}, { Kommune: 'Vefsn', Kommunenr: 1824 }, { Kommune: 'Oslo', Kommunenr: '0301' });
    expect(ofRule(check(mixed, { data: DH }), 'kommune-ikke-medlem')).toEqual([]);
  });

  it('without a dataset there are no members to compare with', () => {
    expect(ofRule(check(registerOf({}, { Kommune: 'Oslo', Kommunenr: '0301' })), 'kommune-ikke-medlem')).toEqual([]);
  });

  // The rule stops keeping outside rows once no rows left could make the register the cooperation's own; whatever
  // the order of members, outsiders and rows without a kommune, it must report exactly what counting the whole
  // register first would: every outsider when at least 80 % of the known kommuner are members, else nothing.
  it('reports the same as deciding after the last row, in any order of rows (property)', () => {
    const kinds = { member: { Kommune: 'Vefsn', Kommunenr: 1824 }, outside: { Kommune: 'Oslo', Kommunenr: '0301' }, none: { Kommune: null, Kommunenr: null }, blank: null };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[])), { maxLength: 60 }), (order) => {
        const rows = order.map((kind, i) => (kind === 'blank' ? null : { ...CLEAN, System: `System ${i}`, ...kinds[kind] }));
        const cells = register(rows.map((row) => row ?? {}));
        const members = order.filter((k) => k === 'member').length;
        const known = members + order.filter((k) => k === 'outside').length;
        const ownRegister = members > 0 && members >= known * 0.8;
        const expected = ownRegister ? order.flatMap((k, i) => (k === 'outside' ? [`B${i + 2}`] : [])) : [];
        expect(ofRule(check(cells, { data: DH }), 'kommune-ikke-medlem').map((f) => f.cell)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
