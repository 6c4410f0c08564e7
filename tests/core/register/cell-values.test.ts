// register.formel-tekst and register.feilverdi, and the row handling every rule relies on.
import { describe, expect, it } from 'vitest';
import { checkRegister } from '../../../core/index.js';
import { check, CLEAN, HEADER, register, registerOf } from './helpers.js';

describe('formel-tekst', () => {
  it('text that would run as a formula is an error', () => {
    for (const text of ['=SUM(A1:A9)', '+kommune', '@kari', '-ikke avklart', '=HYPERLINK("http://x")']) {
      const findings = check(registerOf({ 'Moduler i bruk': text }));
      expect(findings.map((f) => [f.rule, f.severity, f.cell, f.actual]), text).toEqual([['register.formel-tekst', 'error', 'K2', text]]);
    }
  });

  it('signed numbers, phone numbers and dashes are not formulas', () => {
    for (const text of ['-12', '+47 75 13 20 00', '-', '—', '- 500']) {
      expect(check(registerOf({ 'Moduler i bruk': text })), text).toEqual([]);
    }
  });

  it('a formula-like value in a typed column is reported once, as formula text', () => {
    expect(check(registerOf({ 'Kostnad pr mnd': '=B2*12' })).map((f) => f.rule)).toEqual(['register.formel-tekst']);
  });
});

describe('feilverdi', () => {
  it('error values, as objects or as text, are errors that name the error', () => {
    for (const value of [{ cellError: '#N/A' }, '#VALUE!', '#REF!', '#I/T', '#DIV/0!']) {
      const findings = check(registerOf({ Versjon: value }));
      expect(findings.map((f) => [f.rule, f.cell]), JSON.stringify(value)).toEqual([['register.feilverdi', 'E2']]);
      expect(findings[0]!.message).toMatch(/feilverdien #/);
    }
  });

  it('NaN, Infinity, invalid dates and unknown objects are reported, never thrown', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, new Date('x'), { foo: 1 }, [1, 2], Symbol('s')]) {
      const findings = check(registerOf({ Versjon: value }));
      expect(findings.map((f) => [f.rule, f.cell])).toEqual([['register.feilverdi', 'E2']]);
    }
  });

  it('very long text in every column is handled quickly and quoted shortened', () => {
    const long = 'a'.repeat(100_000);
    const started = Date.now();
    const findings = check([[...HEADER], HEADER.map(() => long), HEADER.map(() => ' '.repeat(20_000) + 'x')]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(findings.length).toBeGreaterThan(5);
    for (const f of findings) {
      expect(f.message.length).toBeLessThan(600);
      expect((f.actual ?? '').length).toBeLessThanOrEqual(80);
    }
  });

  it('"#1 prioritet" is ordinary text', () => {
    expect(check(registerOf({ 'Moduler i bruk': '#1 prioritet' }))).toEqual([]);
  });
});

describe('rows', () => {
  it('an empty row gives no findings', () => {
    const cells = registerOf({});
    cells.splice(1, 0, HEADER.map(() => null), [], ['', '  ', null, undefined], Array(30).fill(''));
    expect(check(cells)).toEqual([]);
  });

  it('ragged rows: missing cells count as blank, extra cells are still checked', () => {
    const short = registerOf({})[1]!.slice(0, 8);
    const long = [...registerOf({ System: 'Elements' })[1]!, 'ekstra', '=1+1'];
    const findings = check([[...HEADER], short, long]);
    expect(findings.map((f) => [f.rule, f.cell, f.column])).toEqual([
      ['register.systemansvarlig-mangler', 'I2', 'Systemansvarlig'],
      ['register.formel-tekst', 'W3', 'W'],
    ]);
  });

  it('findings read top-down, left to right within a row', () => {
    const findings = check(registerOf({ Systemeier: '', 'Kostnad pr mnd': 'mye', Kommune: 'Ranna', Kommunenr: null }, { System: 'Elements', Versjon: '=1' }));
    expect(findings.map((f) => f.cell)).toEqual(['A2', 'H2', 'S2', 'E3']);
  });

  it('non-array input and non-array rows never throw', () => {
    expect(checkRegister(undefined as never, { today: '2026-03-01' })[0]?.rule).toBe('register.overskrift-mangler');
    expect(checkRegister([[...HEADER], null, 'tekst', 42, registerOf({})[1]!] as never, { today: '2026-03-01' })).toEqual([]);
  });

  it('reports progress at most about 100 times, ending at 1', () => {
    const cells = register(Array.from({ length: 1234 }, (_, i) => ({ ...CLEAN, System: `System ${i}` })));
    const seen: number[] = [];
    check(cells, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.length).toBeLessThanOrEqual(101);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
