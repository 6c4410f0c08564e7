import { describe, expect, it } from 'vitest';
import { CATALOG, callFunction, createFunctionContext, HELGELAND_2026, isDhError, excelFormulaName, sheetsName } from '../../core/index.js';

const ctx = createFunctionContext(HELGELAND_2026, '2026-11-21');
const fn = (name: string) => CATALOG.find((e) => e.name === name)!;
const call = (name: string, ...args: unknown[]) => callFunction(fn(name), ctx, args);
const message = (r: unknown) => (isDhError(r) ? `${r.kind}: ${r.message}` : r);

describe('catalog metadata', () => {
  it('has the SPEC §4 minimum catalog', () => {
    for (const name of ['KOSTNAD', 'ANDEL', 'INNBYGGERE', 'KOMMUNENR', 'FORDEL', 'TIDSVERDI', 'NETTOGEVINST', 'NNV', 'TILBAKEBETALING', 'DEKNING', 'SJEKK']) {
      expect(CATALOG.some((e) => e.name === name), name).toBe(true);
    }
  });
  it.each(CATALOG.map((e) => [e.name, e]))('%s is documented in Norwegian with examples and valid ids', (_n, e) => {
    expect(e.name).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    expect(excelFormulaName(e)).toBe(`DH.${e.name}`);
    expect(sheetsName(e)).toMatch(/^DH_[A-Z0-9_]+$/);
    expect(e.description.length).toBeGreaterThan(20);
    expect(e.examples.length).toBeGreaterThan(0);
    for (const ex of e.examples) expect(ex.formula.startsWith(`=DH.${e.name}(`)).toBe(true);
    const seenOptional = e.params.findIndex((p) => p.optional);
    if (seenOptional >= 0) expect(e.params.slice(seenOptional).every((p) => p.optional)).toBe(true);
    for (const p of e.params) {
      expect(p.description.length).toBeGreaterThan(5);
      expect(p.description.length, `${e.name}.${p.name}: Excel viser høyst 128 tegn`).toBeLessThanOrEqual(128);
    }
  });
});

describe('functions', () => {
  it('KOSTNAD for every member equals fixed + 23 × innbyggere', () => {
    for (const m of HELGELAND_2026.members) {
      const expected = Math.round((156520.48 + 23 * m.population) * 100) / 100;
      expect(call('KOSTNAD', m.name, 2026), m.name).toBe(expected);
      expect(call('KOSTNAD', Number(m.kommunenr), 2026)).toBe(expected);
    }
  });
  it('lifts a column of kommuner into a column of results', () => {
    expect(call('KOSTNAD', [['Rana'], ['Vefsn'], ['']], 2026)).toEqual([[752197.48], [466813.48], [{ dhError: true, kind: 'value', message: 'Argumentet «kommune» mangler.' }]]);
  });
  it('ANDEL, INNBYGGERE, KOMMUNENR, KOMMUNENAVN', () => {
    expect(call('ANDEL', 'Rana', 2026)).toBeCloseTo(752197.48 / 4905406.12, 12);
    expect(call('INNBYGGERE', 'Rana')).toBe(25899);
    expect(call('KOMMUNENR', 'Rana - Raane')).toBe('1833');
    expect(call('KOMMUNENR', 'Bodø')).toBe('1804');
    expect(call('KOMMUNENAVN', 1826)).toBe('Hattfjelldal');
  });
  it('KOSTNAD with a project', () => {
    expect(call('KOSTNAD', 'Rana', 2026, 'RPA')).toBe(222000);
    expect(call('KOSTNAD', 'Meløy', 2026, 'RPA')).toBe(0);
    expect(message(call('KOSTNAD', 'Rana', 2026, 'Månelanding'))).toMatch(/^notAvailable: Ukjent prosjekt «Månelanding»/);
  });
  it('FORDEL spills exact øre in the shape of the range, blanks stay blank', () => {
    const kommuner = [['Rana'], [''], ['Vefsn'], ['Træna']];
    const r = call('FORDEL', 100000, kommuner) as number[][];
    expect(r[1]).toEqual(['']);
    const total = Math.round((r[0]![0]! + r[2]![0]! + r[3]![0]!) * 100);
    expect(total).toBe(10000000);
    expect(call('FORDEL', '1 000,00', [['Rana', 'Vefsn', 'Træna']], 'likt')).toEqual([[333.34, 333.33, 333.33]]);
    expect(call('FORDEL', 10, [['Rana'], ['Vefsn']], 'vekter', [[1], [3]])).toEqual([[2.5], [7.5]]);
    // weights 752 197,48 and 466 813,48: 1000 × 752197.48 / 1219010.96 = 617.0566… → 617.06
    expect(call("FORDEL", 1000, [["Rana"], ["Vefsn"]], 2026)).toEqual([[617.06], [382.94]]);
  });
  it('benefit functions', () => {
    expect(call('TIDSVERDI', 12000, 3, 685)).toBe(411000);
    expect(call('NETTOGEVINST', 12500, 1165, 5, 695, 12)).toBe(659675);
    expect(call('NNV', [[-1000], [1040]])).toBe(0);
    expect(call('NNV', [[-1000], [1100]], '10 %')).toBe(0);
    expect(call('TILBAKEBETALING', 500000, 200000)).toBe(2.5);
  });
  it('DEKNING counts each kommune once', () => {
    const total = HELGELAND_2026.members.reduce((a, m) => a + m.population, 0);
    expect(call('DEKNING', [['Rana'], ['Rana'], ['Vefsn']])).toBeCloseTo((25899 + 13491) / total, 12);
  });
});

describe('bad input', () => {
  it.each([
    [['KOSTNAD', 'Ranna', 2026], 'notAvailable: Ukjent kommune «Ranna» – mente du Rana?'],
    [['KOSTNAD', 'Atlantis', 2026], 'notAvailable: Ukjent kommune «Atlantis». Oppgi kommunenavn eller kommunenummer.'],
    [['KOSTNAD', 'Bodø', 2026], 'notAvailable: Bodø (1804) er ikke medlem i Digitale Helgeland 2026.'],
    [['KOSTNAD', 'Rana', 2031], 'notAvailable: Ingen fordelingsnøkkel for 2031 i Digitale Helgeland 2026 (har 2026).'],
    [['KOSTNAD', 'Rana', 'i fjor'], 'value: «i fjor» er ikke et gyldig år (skriv f.eks. 2026).'],
    [['KOSTNAD', '', 2026], 'value: Argumentet «kommune» mangler.'],
    [['KOSTNAD', { cellError: '#N/A' }, 2026], 'value: Argumentet «kommune» er en feilverdi (#N/A).'],
    [['KOSTNAD', true, 2026], 'value: «true» er ikke et kommunenavn eller kommunenummer.'],
    [['TIDSVERDI', '1 234,56', 60, 100], 123456],
    [['TIDSVERDI', 'mange', 60, 100], 'value: Argumentet «antall»: «mange» er ikke et tall.'],
    [['TIDSVERDI', '#VALUE!', 60, 100], 'value: Argumentet «antall» er en feilverdi (#VALUE!).'],
    [['TILBAKEBETALING', 100, [[0]]], 'notAvailable: Investeringen tjenes ikke inn på 40 år.'],
    [['FORDEL', 100, [['Rana'], ['Herøyy']]], 'notAvailable: Ukjent kommune «Herøyy» – mente du Herøy?'],
    [['FORDEL', 100, [['Rana']], 'tilfeldig'], 'value: Ukjent nøkkel «tilfeldig»: bruk "innbyggere", "likt", "vekter" eller et år.'],
  ])('%j → %s', (args, expected) => {
    const [name, ...rest] = args as [string, ...unknown[]];
    expect(message(call(name, ...rest))).toBe(expected);
  });
  it('never throws on arbitrary arguments', () => {
    const values = [null, undefined, '', 'x', 0, -1, 1e308, Number.NaN, true, new Date(0), { cellError: '#REF!' }, [[1, 'a'], [null, true]], '=1+1'];
    for (const entry of CATALOG) {
      for (const v of values) {
        expect(() => callFunction(entry, ctx, entry.params.map(() => v))).not.toThrow();
      }
    }
  });
});

describe('years are positions in NNV and TILBAKEBETALING', () => {
  it('a blank inside the cash flow is 0 for its year, not a shift of later years', () => {
    // −100 + 0/1,04 + 52/1,04² + 54,08/1,04³ = −3,846…; skipping the blank gave 0
    expect(call('NNV', [[-100], [null], [52], [54.08]])).toBe(-3.85);
    expect(call('NNV', [[-100], [''], [52], [54.08]])).toBe(call('NNV', [[-100], [0], [52], [54.08]]));
    expect(call('NNV', [[-100, null], [52, 54.08]])).toBe(-3.85); // reading order, row by row
  });
  it('blanks after the last value are not years', () => {
    expect(call('NNV', [[-100], [52], [54.08], [null], ['']])).toBe(0);
    expect(message(call('NNV', [[null], ['']]))).toBe('value: Kontantstrømmen er tom.');
  });
  it('TILBAKEBETALING counts a blank year as no gain', () => {
    // 100 000 in year 1, nothing in year 2, 400 000 in year 3 covers the last 400 000 exactly: 3 years (was 2)
    expect(call('TILBAKEBETALING', 500000, [[100000], [null], [400000]])).toBe(3);
    expect(call('TILBAKEBETALING', 500000, [[200000], [null]])).toBe(2.5); // one value (trailing blank) = every year
  });
});

describe('NNV rate', () => {
  it.each([[4, 'Renten 4 betyr 400 %: skriv 4 % eller 0,04.'], ['4', 'Renten 4 betyr 400 %: skriv 4 % eller 0,04.'], ['4,5', 'Renten 4,5 betyr 450 %: skriv 4,5 % eller 0,045.']])(
    'a bare rate %j is an error asking for per cent',
    (rate, text) => {
      expect(message(call('NNV', [[-100], [52], [54.08]], rate))).toBe(`value: ${text}`);
    },
  );
  it.each([['4 %'], [0.04], ['0,04'], [1], [0]])('%j is a rate', (rate) => {
    expect(typeof call('NNV', [[-100], [52], [54.08]], rate)).toBe('number');
  });
});

describe('kommune ranges and kommune numbers', () => {
  it('FORDEL with the same kommune twice (by name and number) names it and both cells', () => {
    expect(message(call('FORDEL', 100000, [['Rana'], ['1833'], ['Vefsn']]))).toBe(
      'value: Rana (1833) står to ganger i området («Rana» i rad 1 og «1833» i rad 2): fjern den ene, så får hver kommune én del.',
    );
    expect(message(call('FORDEL', 100, [['Rana', 'Vefsn', 'rana kommune']], 'likt'))).toMatch(/«Rana» i kolonne 1 og «rana kommune» i kolonne 3/);
    expect(message(call('FORDEL', 100, [['Rana', 'Vefsn'], [null, 1833]]))).toMatch(/«Rana» i rad 1, kolonne 1 og «1833» i rad 2, kolonne 2/);
  });
  it('DEKNING still counts a kommune named twice once', () => {
    expect(call('DEKNING', [['Rana'], ['1833'], ['Vefsn']])).toBe(call('DEKNING', [['Rana'], ['Vefsn']]));
  });
  it('an error value in a kommune range is named, as an error object or as Sheets’ text', () => {
    for (const na of [{ cellError: '#N/A' }, '#N/A']) {
      const expected = 'value: Kommunen i rad 2 i området er feilverdien #N/A: rett cellen eller ta den ut av området.';
      expect(message(call('FORDEL', 100, [['Rana'], [na], ['Vefsn']]))).toBe(expected);
      expect(message(call('DEKNING', [['Rana'], [na]]))).toBe(expected);
    }
  });
  it.each([[1833.5, '1833,5'], [0, '0'], [-1833, '-1833'], [18330, '18330']])('%j is not a kommunenummer', (kommune, shown) => {
    const text = `${shown} er ikke et kommunenummer: skriv kommunenummeret med fire sifre (f.eks. 1833) eller kommunenavnet.`;
    expect(message(call('KOSTNAD', kommune, 2026))).toBe(`value: ${text}`);
    expect(message(call('KOMMUNENAVN', kommune))).toBe(`value: ${text}`);
    expect(message(call('DEKNING', [['Rana'], [kommune]]))).toBe(`value: ${shown} i rad 2 i området er ikke et kommunenummer: skriv kommunenummeret med fire sifre (f.eks. 1833) eller kommunenavnet.`);
  });
  it('whole numbers 1–9999 still resolve', () => {
    expect(call('KOSTNAD', 1833, 2026)).toBe(752197.48);
    expect(call('KOMMUNENAVN', 301)).toBe('Oslo');
  });
});

describe('project figures and years', () => {
  it('a project cost exists for the dataset’s key years from the decision year; other years are #N/A naming them', () => {
    expect(call('KOSTNAD', 'Rana', 2026, 'RPA')).toBe(222000);
    for (const year of [2025, 2027, 2031]) {
      const text = `notAvailable: Prosjektet «RPA vedtatt pr epost» har ingen kostnad for ${year} i Digitale Helgeland 2026 (har 2026).`;
      expect(message(call('KOSTNAD', 'Rana', year, 'RPA'))).toBe(text);
      expect(message(call('ANDEL', 'Rana', year, 'RPA'))).toBe(text);
    }
  });
  it('a year before the decision says so', () => {
    const key = HELGELAND_2026.keys[0]!;
    const projects = HELGELAND_2026.projects.map((p) => (p.aliases?.includes('RPA') ? { ...p, decidedOn: '2025-06' } : p));
    const later = createFunctionContext({ ...HELGELAND_2026, projects, keys: [{ ...key, year: 2024 }, { ...key, year: 2025 }, key] }, '2026-11-21');
    expect(message(callFunction(fn('KOSTNAD'), later, ['Rana', 2024, 'RPA']))).toBe(
      'notAvailable: Prosjektet «RPA vedtatt pr epost» ble vedtatt i 2025 og har ingen kostnad for 2024 i Digitale Helgeland 2026 (har 2025, 2026).',
    );
    expect(callFunction(fn('KOSTNAD'), later, ['Rana', 2025, 'RPA'])).toBe(222000);
    expect(callFunction(fn('ANDEL'), later, ['Rana', 2025, 'RPA'])).toBe(call('ANDEL', 'Rana', 2026, 'RPA'));
  });
});
