import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMER_KOMMUNENUMMER, KNOWN_KOMMUNER, KommuneRegistry } from '../../core/index.js';
import { kommuneHistory } from '../../core/kommuner/history.js';
import { checkRegister } from '../../core/register/index.js';
import { generateKommuneHistory } from '../../scripts/gen-kommune-history.js';

const history = kommuneHistory();
const today = new KommuneRegistry();

function message(input: string | number, registry = today): string {
  const r = registry.resolve(input);
  if (r.ok) throw new Error(`${input} resolved to ${r.value.kommunenr}`);
  return r.error.message;
}

describe('kommune history (SPEC §10)', () => {
  it('core/kommuner/history-data.ts is what the generator makes of its sources', async () => {
    const file = readFileSync(resolve(import.meta.dirname, '../../core/kommuner/history-data.ts'), 'utf8');
    expect(file).toBe(await generateKommuneHistory());
  }, 60_000);

  it('knows as many kommuner on each 1 January as Norway had', () => {
    // Counts as SSB states them for each year (454 in 1977 … 356 in 2020, 357 from 2024).
    const counts: Record<number, number> = { 1977: 454, 1988: 448, 1994: 435, 2002: 434, 2006: 431, 2008: 430, 2012: 429, 2013: 428, 2017: 426, 2018: 422, 2020: 356, 2024: 357 };
    for (const [year, count] of Object.entries(counts)) expect(history.kommunerAt(Number(year)), year).toHaveLength(count);
  });

  it('Ørskog, Norddal, Sandøy and Halsa are themselves, with what they became, never a look-alike elsewhere', () => {
    expect(message('Ørskog')).toBe('«Ørskog» er ikke lenger en kommune: Ørskog (1523, Møre og Romsdal) ble en del av Ålesund (1507) 1. januar 2020; nå Ålesund (1508).');
    expect(message('Norddal')).toBe('«Norddal» er ikke lenger en kommune: Norddal (1524, Møre og Romsdal) ble en del av Fjord (1578) 1. januar 2020.');
    expect(message('Sandøy')).toBe('«Sandøy» er ikke lenger en kommune: Sandøy (1546, Møre og Romsdal) ble en del av Ålesund (1507) 1. januar 2020; nå Ålesund (1508).');
    expect(message('Halsa')).toBe('«Halsa» er ikke lenger en kommune: Halsa (1571, Møre og Romsdal) ble en del av Heim (5055) 1. januar 2020.');
    expect(message(1571)).toBe('Ukjent kommunenummer 1571: 1571 var Halsas kommunenummer før 2020; nå 5055 (Heim).');
    expect(message('1504')).toBe('Ukjent kommunenummer 1504: 1504 var Ålesunds kommunenummer før 2020; nå 1508.');
    expect(message('1523')).toBe('Ukjent kommunenummer 1523: 1523 var Ørskogs kommunenummer før 2020; nå 1508 (Ålesund).');
    for (const name of ['Ørskog', 'Norddal', 'Sandøy', 'Halsa']) expect(message(name)).not.toMatch(/mente du|Lørenskog|Nord-Odal|Andøy/);
  });

  it('a split names every part, and a part that restores an old kommune takes back only its own', () => {
    expect(message('Snillfjord')).toContain('ble delt mellom Heim (5055), Hitra (5056) og Orkland (5059) 1. januar 2020');
    expect(message('1534')).toBe('Ukjent kommunenummer 1534: 1534 var Harams kommunenummer før 2020; nå 1580.');
    expect(message('1507')).toBe('Ukjent kommunenummer 1507: 1507 var Ålesunds kommunenummer før 2024; nå 1508 (Ålesund) eller 1580 (Haram).');
  });

  it('a former name of a kommune says when it changed', () => {
    expect(message('Borre')).toBe('«Borre» er ikke lenger en kommune: Borre (0701) fikk navnet Horten 1. juni 2002; Horten (0701, Vestfold) fikk nummer 3801 1. januar 2020; nå Horten (3901).');
  });

  it('misspelt former names are suggested as themselves, not as a kommune in another fylke', () => {
    expect(message('Ørskg')).toBe('Ukjent kommune «Ørskg» – mente du Ørskog?');
    expect(message('Nordal')).toBe('Ukjent kommune «Nordal» – mente du Norddal?');
    expect(message('Sandoy')).toContain('Sandøy (1546');
    expect(message('Sandoey')).toContain('Sandøy (1546');
    expect(message('Oerskog kommune')).toContain('Ørskog (1523');
  });

  it('a registry as of a year reads names as they were that year', () => {
    const y2017 = KommuneRegistry.asOf(2017);
    const at = (x: string | number, r = y2017) => {
      const found = r.resolve(x);
      return found.ok ? `${found.value.kommunenr} ${found.value.name} (${found.value.fylke})` : found.error.message;
    };
    expect(at('Ålesund')).toBe('1504 Ålesund (Møre og Romsdal)');
    expect(at('Ørskog')).toBe('1523 Ørskog (Møre og Romsdal)');
    expect(at(1504)).toBe('1504 Ålesund (Møre og Romsdal)');
    expect(at('Trondheim')).toBe('1601 Trondheim (Sør-Trøndelag)');
    expect(at('Rana')).toBe('1833 Rana (Nordland)');
    // Herøy is still two kommuner, and settles within a scope as today.
    expect(at('Herøy')).toContain('tvetydig');
    expect(y2017.resolve('Herøy', new Set(['1818'])).ok).toBe(true);
    // In 2021 Ålesund is 1507; Ørskog had ended, and says so.
    expect(at('Ålesund', KommuneRegistry.asOf(2021))).toBe('1507 Ålesund (Møre og Romsdal)');
    expect(at('Ørskog', KommuneRegistry.asOf(2021))).toContain('ble en del av Ålesund (1507) 1. januar 2020');
    // A kommune that only came later is unknown in 2017.
    expect(at('Heim')).toMatch(/^Ukjent kommune/);
    expect(KommuneRegistry.asOf('2017-06-30')).toBe(KommuneRegistry.asOf('2017-06-30'));
  });

  it('agrees with the hand-kept list of numbers retired in 2024 (an independent source)', () => {
    for (const [former, next] of Object.entries(FORMER_KOMMUNENUMMER)) {
      const period = today.former(former)!;
      expect(period, former).toBeDefined();
      expect(period.to, former).toBe('2024-01-01');
      expect(today.nowOf(period).map((k) => k.kommunenr).sort(), former).toEqual([...next].sort());
    }
  });

  it('property: on any day every number is one kommune, and every ended kommune leads to kommuner of today', () => {
    const current = new Set(KNOWN_KOMMUNER.map((k) => k.kommunenr));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1977, 0, 1), max: Date.UTC(2026, 11, 31) }), (ms) => {
        const day = new Date(ms).toISOString().slice(0, 10);
        const numbers = history.kommunerAt(day).map((k) => k.kommunenr);
        expect(new Set(numbers).size).toBe(numbers.length);
        for (const p of history.periods.filter((x) => x.to !== undefined && x.to <= day)) {
          const now = history.nowOf(p);
          expect(now.length, p.kommunenr).toBeGreaterThan(0);
          for (const k of now) expect(current.has(k.kommunenr)).toBe(true);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('a register row naming a former kommune says what took it over', () => {
    const findings = checkRegister(
      [
        ['Kommune', 'System', 'Leverandør', 'Systemeier'],
        ['Ørskog', 'Visma Flyt Skole', 'Visma', 'Ola'],
      ],
      { today: '2026-11-21' },
    );
    const found = findings.filter((f) => f.rule === 'register.kommune-ukjent');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('Ørskog (1523, Møre og Romsdal) ble en del av Ålesund (1507)');
    expect(found[0]!.message).not.toContain('Lørenskog');
  });
});
