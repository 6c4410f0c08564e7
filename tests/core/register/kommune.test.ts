// register.kommune-ukjent, register.kommune-tvetydig, register.kommune-avvik
import { describe, expect, it } from 'vitest';
import { DH, HEADER, check, ofRule, register, registerOf } from './helpers.js';

describe('kommune-ukjent', () => {
  it('suggests the closest name for a misspelling', () => {
    const [finding, ...rest] = check(registerOf({ Kommune: 'Ranna', Kommunenr: null }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.kommune-ukjent', severity: 'error', cell: 'A2', expected: 'Rana', actual: 'Ranna' });
    expect(finding!.message).toContain('mente du Rana?');
  });

  it('prefers a member of the active dataset in suggestions', () => {
    const [finding] = check(registerOf({ Kommune: 'Vevelstadd', Kommunenr: null }), { data: DH });
    expect(finding?.expected).toBe('Vevelstad');
  });

  it('a name with no close match gets no suggestion', () => {
    const [finding] = check(registerOf({ Kommune: 'Mordor', Kommunenr: null }));
    expect(finding).toMatchObject({ rule: 'register.kommune-ukjent', actual: 'Mordor' });
    expect(finding!.expected).toBeUndefined();
    expect(finding!.message).not.toContain('mente du');
  });

  it('an unknown number; a good name beside it says which number was meant', () => {
    const [finding, ...rest] = check(registerOf({ Kommune: 'Rana', Kommunenr: 1899 }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.kommune-ukjent', cell: 'B2', expected: '1833', actual: '1899' });
    expect(finding!.message).toContain('Ukjent kommunenummer 1899');
    expect(finding!.message).toContain('Rana har kommunenummer 1833');
  });

  it('a number from before 2024 says what replaced it, without resolving to that kommune', () => {
    const [alone, ...rest] = check(registerOf({ Kommune: null, Kommunenr: 3004 }));
    expect(rest).toEqual([]);
    expect(alone).toMatchObject({ rule: 'register.kommune-ukjent', cell: 'B2', expected: '3107', actual: '3004' });
    expect(alone!.message).toBe('Ukjent kommunenummer 3004: 3004 var Fredrikstads kommunenummer før 2024; nå 3107.');
    const [named] = check(registerOf({ Kommune: 'Fredrikstad', Kommunenr: '3004' }));
    expect(named).toMatchObject({ rule: 'register.kommune-ukjent', cell: 'B2', expected: '3107', actual: '3004' });
    expect(named!.message).toBe('Ukjent kommunenummer 3004: 3004 var Fredrikstads kommunenummer før 2024; nå 3107.');
    const [split] = check(registerOf({ Kommune: null, Kommunenr: 1507 }));
    expect(split).toMatchObject({ expected: '1508 eller 1580', actual: '1507' });
    expect(split!.message).toBe('Ukjent kommunenummer 1507: 1507 var Ålesunds kommunenummer før 2024; nå 1508 (Ålesund) eller 1580 (Haram).');
  });

  it('kommuner outside Nordland are known: a Sunnmøre register has no findings', () => {
    const rows = [
      { Kommune: 'Ulstein', Kommunenr: 1516 },
      { Kommune: 'Volda', Kommunenr: 1577 },
      { Kommune: 'Hareid', Kommunenr: 1517 },
      { Kommune: 'Herøy', Kommunenr: 1515 },
    ];
    expect(check(registerOf(...rows))).toEqual([]);
  });

  it('text that is not a number in Kommunenr', () => {
    const [finding] = check(registerOf({ Kommune: null, Kommunenr: '18x3' }));
    expect(finding).toMatchObject({ rule: 'register.kommune-ukjent', cell: 'B2', actual: '18x3' });
    expect(finding!.message).toMatch(/fire siffer/);
  });

  it('accepts numbers as text, with leading zeros, and ascii spellings of names', () => {
    expect(check(registerOf({ Kommune: 'Bronnoy', Kommunenr: '1813' }))).toEqual([]);
    expect(check(registerOf({ Kommune: 'RØDØY', Kommunenr: 1836 }))).toEqual([]);
    expect(check(registerOf({ Kommune: 'Aarborte - Hattfjelldal', Kommunenr: 1826 }))).toEqual([]);
    expect(check(registerOf({ Kommune: '1833 Rana', Kommunenr: null }))).toEqual([]);
  });
});

describe('kommune-tvetydig', () => {
  it('Herøy without a number is ambiguous without a dataset and asks for the number', () => {
    const [finding, ...rest] = check(registerOf({ Kommune: 'Herøy', Kommunenr: null }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.kommune-tvetydig', severity: 'error', cell: 'A2', expected: '1818 eller 1515' });
    expect(finding!.message).toContain('1818 (Nordland)');
    expect(finding!.message).toContain('1515 (Møre og Romsdal)');
    expect(finding!.message).toContain('Kommunenr');
  });

  it('Herøy resolves within the Digitale Helgeland members (1818)', () => {
    expect(check(registerOf({ Kommune: 'Herøy', Kommunenr: null }), { data: DH })).toEqual([]);
  });

  it("in another network's register, Herøy settles in the fylke its other rows belong to, even with Helgeland active", () => {
    const sunnmore = [
      { Kommune: 'Ulstein', Kommunenr: 1516, System: 'Acos WebSak' },
      { Kommune: 'Volda', Kommunenr: 1577, System: 'Acos WebSak' },
      { Kommune: 'Hareid', Kommunenr: 1517, System: 'Acos WebSak' },
      { Kommune: 'Herøy', Kommunenr: 1515, System: 'Acos WebSak' },
      { Kommune: 'Herøy', Kommunenr: null, System: 'Acos WebSak' },
    ];
    const findings = check(registerOf(...sunnmore), { data: DH });
    expect(ofRule(findings, 'kommune-tvetydig')).toEqual([]);
    // Read as 1515, the last row repeats the row above it (read as Helgeland's 1818, it would not).
    expect(ofRule(findings, 'system-duplikat').map((f) => f.cell)).toEqual(['C6']);
    expect(findings.filter((f) => f.rule !== 'register.system-duplikat')).toEqual([]);
  });

  it('without a dataset, Herøy settles among the Nordland kommuner the other rows name', () => {
    const rows = [{ Kommune: 'Rana', Kommunenr: 1833 }, { Kommune: 'Vefsn', Kommunenr: 1824 }, { Kommune: 'Herøy', Kommunenr: null }];
    expect(check(registerOf(...rows))).toEqual([]);
  });

  it('with a number, Herøy is fine either way', () => {
    expect(check(registerOf({ Kommune: 'Herøy', Kommunenr: 1818 }))).toEqual([]);
    expect(check(registerOf({ Kommune: 'Herøy', Kommunenr: 1515 }))).toEqual([]);
    expect(check(registerOf({ Kommune: 'Herøy', Kommunenr: 1515 }), { data: DH })).toEqual([]);
  });

  it('without a Kommunenr column, the message says to write the number with the name', () => {
    const header = HEADER.filter((h) => h !== 'Kommunenr');
    const [finding] = check(register([{ ...registerRow(), Kommune: 'Herøy' }], header));
    expect(finding?.rule).toBe('register.kommune-tvetydig');
    expect(finding!.message).toMatch(/«1818 Herøy»/);
  });
});

describe('kommune-avvik', () => {
  it('a number and a name of different kommuner', () => {
    const [finding, ...rest] = check(registerOf({ Kommune: 'Vefsn', Kommunenr: 1833 }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.kommune-avvik', severity: 'error', cell: 'B2', expected: '1824', actual: '1833' });
    expect(finding!.message).toContain('Kommunenr 1833 er Rana');
    expect(finding!.message).toContain('«Vefsn»');
  });

  it('Herøy with a number of neither Herøy', () => {
    const [finding] = check(registerOf({ Kommune: 'Herøy', Kommunenr: 1833 }));
    expect(finding?.rule).toBe('register.kommune-avvik');
  });

  it('"1824 Rana" in one cell', () => {
    const [finding] = check(registerOf({ Kommune: '1824 Rana', Kommunenr: null }));
    expect(finding).toMatchObject({ rule: 'register.kommune-avvik', cell: 'A2' });
    expect(finding!.message).toContain('1824 er Vefsn');
  });

  it('the number is the key: duplicates are found by number even when the names differ', () => {
    const findings = check(registerOf({}, { Kommune: 'Rana - Raane' }));
    expect(findings.map((f) => f.rule)).toEqual(['register.system-duplikat']);
  });
});

function registerRow() {
  return registerOf({})[1]!.reduce<Record<string, unknown>>((row, v, i) => ({ ...row, [HEADER[i]!]: v }), {});
}
