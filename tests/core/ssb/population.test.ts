// Responses are shaped as PxWebApi v2 returns them for outputFormat=json-stat2: dataset with version/class/id/size/
// role/dimension{category{index,label}}/value/status, region codes "K-…" when a codelist is used, and a value array in
// row-major order over `id` (see «Using PxWebApi v2 with PxWebApiData», Langsrud & Bruusgaard,
// https://stat.ethz.ch/CRAN/web/packages/PxWebApiData/vignettes/pxwebapi_v2.html, for the v2 URL and response, and
// https://json-stat.org/format/ for index/value/status). 01222's content codes (Folketallet1 «ved inngangen av
// kvartalet» … Folketallet11 «ved utgangen av kvartalet») are as SSB's table lists them.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSsbPopulation, populationRequestFor, ssbPopulationUrl } from '../../../core/index.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/ssb/${name}`, import.meta.url), 'utf8'));
const utdrag = fixture('01222-utdrag.json');
const alle = fixture('01222-alle-statistikkvariabler.json');

function parsed(json: unknown, code?: string) {
  const r = parseSsbPopulation(json, code);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('01222: the population at the end of the quarter', () => {
  it('chooses «Befolkning ved utgangen av kvartalet» among all eleven content codes, not the first', () => {
    const r = parsed(alle);
    expect(r.contentsCode).toBe('Folketallet11');
    expect(r.rows.filter((x) => x.period === '2024K2').map((x) => [x.kommunenr, x.name, x.population, x.referenceDate])).toEqual([
      ['1505', 'Kristiansund', 24535, '2024-06-30'],
      ['1833', 'Rana', 26241, '2024-06-30'],
    ]);
  });

  it('dates every quarter to its own last day', () => {
    expect(parsed(alle).rows.filter((x) => x.kommunenr === '1505').map((x) => [x.period, x.referenceDate])).toEqual([
      ['2024K1', '2024-03-31'],
      ['2024K2', '2024-06-30'],
    ]);
  });

  it('gives the start-of-quarter figure its own date when that is what is asked for', () => {
    const start = parsed(alle, 'Folketallet1').rows.find((x) => x.kommunenr === '1505' && x.period === '2024K2');
    expect(start).toMatchObject({ population: 24505, referenceDate: '2024-04-01' });
  });

  it('refuses a content code that is not a population', () => {
    const r = parseSsbPopulation(alle, 'Fodte2');
    expect(!r.ok && r.error.message).toMatch(/Fodte2 .*ikke et folketall/);
  });

  it('refuses a response with only flows (births, deaths)', () => {
    const flows = { ...alle, size: [2, 1, 2], dimension: { ...alle.dimension, ContentsCode: { label: 'statistikkvariabel', category: { index: { Fodte2: 0 }, label: { Fodte2: 'Levendefødde' } } } }, value: [55, 50, 60, 55] };
    const r = parseSsbPopulation(flows);
    expect(!r.ok && r.error.message).toMatch(/ingen statistikkvariabel med folketall/);
  });

  it('reads the content codes by meaning in an English response too', () => {
    const en = structuredClone(alle);
    en.dimension.ContentsCode.category.label = Object.fromEntries(
      Object.keys(en.dimension.ContentsCode.category.label).map((c) => [c, c === 'Folketallet1' ? 'Population at the beginning of the quarter' : c === 'Folketallet11' ? 'Population at the end of the quarter' : 'Births']),
    );
    expect(parsed(en).contentsCode).toBe('Folketallet11');
  });
});

describe('status codes and the index', () => {
  const r = parsed(utdrag);
  it('maps values through dimension.Region.category.index', () => {
    expect(r.rows.map((x) => [x.kommunenr, x.population])).toEqual([
      ['1833', 25899],
      ['1824', 13491],
      ['1818', 1910],
    ]);
  });
  it('keeps the region label and the reference date', () => {
    expect(r.rows[2]).toMatchObject({ name: 'Herøy (Nordland)', period: '2025K2', referenceDate: '2025-06-30' });
  });
  it('reports status-coded cells instead of turning them into zero', () => {
    expect(r.warnings).toEqual(['Træna (1835) 2025K2: vises ikke av hensyn til personvern.']);
  });
  it('honours an index given as an array and a sparse value object; a year counts per 1 January', () => {
    const sparse = { version: '2.0', class: 'dataset', id: ['Region', 'Tid'], size: [2, 1], dimension: { Region: { category: { index: ['1826', '1833'] } }, Tid: { category: { index: ['2025'] } } }, value: { '1': 25899, '0': 1259 } };
    expect(parsed(sparse).rows.map((x) => [x.kommunenr, x.population, x.referenceDate])).toEqual([
      ['1826', 1259, '2025-01-01'],
      ['1833', 25899, '2025-01-01'],
    ]);
  });
  it('marks a preliminary figure («*») but keeps it', () => {
    const prelim = { ...utdrag, status: { '1': '*' } };
    const p = parsed(prelim);
    expect(p.rows[0]!.population).toBe(25899);
    expect(p.warnings).toContain('Rana (1833) 2025K2: foreløpig tall.');
  });
  it.each([
    [null, /ikke JSON-stat2/],
    [{ class: 'collection' }, /class «collection»/],
    [{ ...utdrag, value: [1, 2] }, /2 verdier, ventet 8/],
    [{ ...utdrag, size: [5, 2, 1] }, /Region har 4 kategorier/],
    [{ ...utdrag, dimension: { ...utdrag.dimension, Tid: { category: { index: { '2025H1': 0 } } } } }, /perioden «2025H1»/],
  ])('rejects malformed responses with a Norwegian message', (input, message) => {
    const p = parseSsbPopulation(input);
    expect(!p.ok && p.error.message).toMatch(message);
  });
});

describe('further dimensions: summed or refused, never one category', () => {
  it('sums Kjonn = Menn + Kvinner (07459)', () => {
    const r = parsed(fixture('07459-kjonn.json'));
    expect(r.rows.map((x) => [x.kommunenr, x.population, x.referenceDate])).toEqual([
      ['1833', 25880, '2026-01-01'],
      ['1824', 13491, '2026-01-01'],
    ]);
  });

  it('refuses a response holding only men', () => {
    const r = parseSsbPopulation(fixture('07459-bare-menn.json'));
    expect(!r.ok && r.error.message).toMatch(/delt på kjønn \(Kjonn: «Menn»\).*ikke hele befolkningen/);
  });

  it('reads only the total when the dimension carries one («Begge kjønn»)', () => {
    const withTotal = structuredClone(fixture('07459-kjonn.json'));
    withTotal.size[1] = 3;
    withTotal.dimension.Kjonn.category = { index: { '0': 0, '1': 1, '2': 2 }, label: { '0': 'Begge kjønn', '1': 'Menn', '2': 'Kvinner' } };
    withTotal.value = [25880, 13010, 12870, 13491, 6750, 6741];
    expect(parsed(withTotal).rows.map((x) => x.population)).toEqual([25880, 13491]);
  });

  const ages = (codes: string[]) => ({
    version: '2.0', class: 'dataset', role: { time: ['Tid'], metric: ['ContentsCode'], geo: ['Region'] },
    id: ['Region', 'Alder', 'ContentsCode', 'Tid'], size: [1, codes.length, 1, 1],
    dimension: {
      Region: { label: 'region', category: { index: { '1833': 0 }, label: { '1833': 'Rana' } } },
      Alder: { label: 'alder', category: { index: Object.fromEntries(codes.map((c, i) => [c, i])), label: Object.fromEntries(codes.map((c) => [c, c.endsWith('+') ? `${Number(c.slice(0, -1))} år eller eldre` : `${Number(c)} år`])) } },
      ContentsCode: { label: 'statistikkvariabel', category: { index: { Personer1: 0 }, label: { Personer1: 'Personer' } } },
      Tid: { label: 'år', category: { index: { '2026': 0 } } },
    },
    value: codes.map((_, i) => 100 + i),
  });
  const singleAges = [...Array.from({ length: 105 }, (_, i) => String(i).padStart(3, '0')), '105+'];

  it('sums Alder 000…105+ (every age)', () => {
    const r = parsed(ages(singleAges));
    expect(r.rows[0]!.population).toBe(singleAges.reduce((a, _, i) => a + 100 + i, 0));
  });

  it('refuses an age selection with a gap or without the top group', () => {
    for (const codes of [singleAges.filter((c) => c !== '017'), singleAges.slice(0, -1), singleAges.slice(18)]) {
      const r = parseSsbPopulation(ages(codes));
      expect(!r.ok && r.error.message).toMatch(/delt på alder/);
    }
  });

  it('a missing cell in a summed split makes the kommune missing, not smaller', () => {
    const k = structuredClone(fixture('07459-kjonn.json'));
    k.value[1] = null;
    k.status = { '1': '..' };
    const r = parsed(k);
    expect(r.rows.map((x) => x.kommunenr)).toEqual(['1824']);
    expect(r.warnings).toEqual(['Rana (1833) 2026: tall mangler.']);
  });

  it('property: the order of categories in the index never changes the figures', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 4, maxLength: 4 }), fc.boolean(), (v, swap) => {
        const k = structuredClone(fixture('07459-kjonn.json'));
        k.value = v;
        const expected = [v[0]! + v[1]!, v[2]! + v[3]!];
        if (swap) {
          // Kvinner first in the index: the values move with it.
          k.dimension.Kjonn.category.index = { '2': 0, '1': 1 };
          k.value = [v[1], v[0], v[3], v[2]];
        }
        expect(parsed(k).rows.map((x) => x.population)).toEqual(expected);
      }),
    );
  });
});

describe('the request', () => {
  it('asks 01222 for Folketallet11 for a quarter and 07459 for a year', () => {
    expect(populationRequestFor('2025k2')).toEqual({ ok: true, value: { table: '01222', period: '2025K2', contentsCode: 'Folketallet11' } });
    expect(populationRequestFor('2026')).toEqual({ ok: true, value: { table: '07459', period: '2026', contentsCode: 'Personer1' } });
    const bad = populationRequestFor('2. kv 2025');
    expect(!bad.ok && bad.error.message).toMatch(/ikke et kvartal/);
  });

  it('builds a v2 data URL against a configurable base', () => {
    const url = ssbPopulationUrl(['1833', '1824'], '2025K2', '01222', 'http://127.0.0.1:9999/api/v2/');
    expect(url.startsWith('http://127.0.0.1:9999/api/v2/tables/01222/data?')).toBe(true);
    expect(decodeURIComponent(url)).toContain('valueCodes[Region]=1833,1824');
    expect(decodeURIComponent(url)).toContain('valueCodes[ContentsCode]=Folketallet11');
    expect(url).toContain('outputFormat=json-stat2');
  });
});
