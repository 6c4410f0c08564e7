import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSsbPopulation, ssbPopulationUrl } from '../../core/index.js';

const response = JSON.parse(readFileSync(new URL('../fixtures/ssb/01222-utdrag.json', import.meta.url), 'utf8'));

describe('SSB PxWebApi v2 JSON-stat2 parser', () => {
  const r = parseSsbPopulation(response, 'Folketallet1');
  if (!r.ok) throw new Error(r.error.message);

  it('maps values through dimension.Region.category.index', () => {
    expect(r.value.rows.map((x) => [x.kommunenr, x.population])).toEqual([
      ['1833', 25899],
      ['1824', 13491],
      ['1818', 1910],
    ]);
  });

  it('keeps the region label and the reference date of the quarter', () => {
    expect(r.value.rows[2]).toMatchObject({ name: 'Herøy (Nordland)', period: '2025K2', referenceDate: '2025-06-30' });
  });

  it('reports status-coded cells instead of turning them into zero', () => {
    expect(r.value.warnings).toEqual(['Træna (1835) 2025K2: vises ikke av hensyn til personvern.']);
  });

  it('picks the first content code by default', () => {
    const births = parseSsbPopulation(response);
    expect(births.ok && births.value.rows[0]!.population).toBe(61);
  });

  it('honours an index given as an array and a sparse value object', () => {
    const sparse = {
      ...response,
      id: ['Region', 'Tid'],
      size: [2, 1],
      dimension: { Region: { category: { index: ['1826', '1833'] } }, Tid: { category: { index: ['2025'] } } },
      value: { '1': 25899, '0': 1259 },
      status: undefined,
    };
    const p = parseSsbPopulation(sparse);
    expect(p.ok && p.value.rows.map((x) => [x.kommunenr, x.population, x.referenceDate])).toEqual([
      ['1826', 1259, '2025-01-01'],
      ['1833', 25899, '2025-01-01'],
    ]);
  });

  it.each([
    [null, /ikke JSON-stat2/],
    [{ class: 'collection' }, /class «collection»/],
    [{ ...response, value: [1, 2] }, /2 verdier, ventet 8/],
    [{ ...response, size: [5, 2, 1] }, /Region har 4 kategorier/],
  ])('rejects malformed responses with a Norwegian message', (input, message) => {
    const p = parseSsbPopulation(input);
    expect(!p.ok && p.error.message).toMatch(message);
  });

  it('builds a v2 data URL for the hosts to fetch', () => {
    const url = ssbPopulationUrl(['1833', '1824'], '2025K2');
    expect(url).toContain('/api/pxwebapi/v2/tables/01222/data?');
    expect(decodeURIComponent(url)).toContain('valueCodes[Region]=1833,1824');
    expect(url).toContain('outputFormat=json-stat2');
  });
});
