// Inputs are read every execution (it is the only way a custom function can see a change) but parsed and
// validated once per content: memoised within an execution, and across executions kept in the document
// cache under a hash of the raw values, chunked below CacheService's 100 KB value limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_VALUE_LIMIT, type AppsScriptFake, type AppsScriptRuntime } from '../fakes/apps-script/index.js';
import { ensureBuilt, loadAddon } from './helpers.js';

beforeAll(ensureBuilt);

const KOMMUNER = [
  ['Kommunenr', 'Kommune', 'Innbyggere'],
  ['1804', 'Bodø', 53712],
  ['1841', 'Fauske', 9867],
  ['1840', 'Saltdal', 4614],
];
const NOKKEL = [
  ['År', 'Fast beløp', 'Sats pr innbygger'],
  [2026, 100000, 20],
];

function setup(): { fake: AppsScriptFake; runtime: AppsScriptRuntime } {
  const addon = loadAddon();
  addon.fake.spreadsheet.putSheet('DH_Kommuner', KOMMUNER);
  addon.fake.spreadsheet.putSheet('DH_Nokkel', NOKKEL, { namedRange: 'DH_Nokkel' });
  return addon;
}

/** One cell's execution: the value and that execution's counters. */
function cell(runtime: AppsScriptRuntime, fn: string, ...args: unknown[]) {
  return runtime.execute((g) => {
    let value: unknown;
    try {
      value = g[fn](...args);
    } catch (error) {
      value = { error: (error as Error).message };
    }
    return { value, stats: g.__DH.stats() as { tableReads: number; parses: number; cacheHits: number; cacheMisses: number; memoHits: number } };
  }, 'customFunction');
}

describe('across executions', () => {
  it('parses once, then every other cell is served from the document cache', () => {
    const { fake, runtime } = setup();
    const first = cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    expect(first.value).toBe(100000 + 20 * 53712);
    expect(first.stats).toMatchObject({ tableReads: 1, parses: 1, cacheMisses: 1, cacheHits: 0 });
    fake.resetCounts();
    let parses = 0;
    for (let i = 0; i < 50; i++) {
      const c = cell(runtime, 'DH_KOSTNAD', ['Bodø', 'Fauske', 'Saltdal'][i % 3], 2026);
      expect(typeof c.value).toBe('number');
      expect(c.stats.cacheHits).toBe(1);
      parses += c.stats.parses;
    }
    expect(parses).toBe(0);
    // reading stays cheap: two small getValues per execution (DH_Kommuner, DH_Nokkel), no writes
    expect(fake.count('Range.getValues')).toBe(100);
    expect(fake.count('Cache.get')).toBe(50);
    expect(fake.count('Cache.getAll')).toBe(50);
    expect(fake.count(/^Cache\.put/)).toBe(0);
  });

  it('a changed input cell changes the hash: the next execution parses again and sees the new value', () => {
    const { fake, runtime } = setup();
    expect(cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026).value).toBe(100000 + 20 * 9867);
    expect(cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026).stats.parses).toBe(0);
    fake.spreadsheet.sheet('DH_Kommuner')!.mutableCell(3, 3).value = 10000;
    const changed = cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026);
    expect(changed.value).toBe(100000 + 20 * 10000);
    expect(changed.stats).toMatchObject({ parses: 1, cacheMisses: 1 });
    // changing it back finds the earlier entry again
    fake.spreadsheet.sheet('DH_Kommuner')!.mutableCell(3, 3).value = 9867;
    expect(cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026)).toMatchObject({ value: 100000 + 20 * 9867, stats: { parses: 0, cacheHits: 1 } });
  });

  it('moving a table changes the hash too (messages name cells)', () => {
    const { fake, runtime } = setup();
    cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    fake.spreadsheet.putSheet('DH_Nokkel', NOKKEL, { namedRange: 'DH_Nokkel', at: { row: 2, column: 1 } });
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026).stats.parses).toBe(1);
  });

  it('caches a validation error as well, with the same message', () => {
    const { fake, runtime } = setup();
    fake.spreadsheet.sheet('DH_Kommuner')!.mutableCell(2, 3).value = 'mange';
    const first = cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    const second = cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    expect(first.value).toEqual({ error: 'DH_Kommuner rad 2 (DH_Kommuner!C2): innbyggertallet «mange» er ikke et helt tall.' });
    expect(second.value).toEqual(first.value);
    expect(second.stats).toMatchObject({ parses: 0, cacheHits: 1 });
  });

  it('the embedded dataset needs neither parse nor cache', () => {
    const { fake, runtime } = loadAddon();
    const c = cell(runtime, 'DH_KOSTNAD', 'Rana', 2026);
    expect(c.value).toBe(752197.48);
    expect(c.stats).toMatchObject({ parses: 0, cacheHits: 0, cacheMisses: 0 });
    expect(fake.count(/^Cache\./)).toBe(0);
    expect(fake.count('Range.getValues')).toBe(0);
  });

  it('a large parsed dataset is chunked below the 100 KB value limit and read back whole', () => {
    const { fake, runtime } = setup();
    const members = ['Bodø', 'Fauske', 'Saltdal'];
    const rows: unknown[][] = [['Prosjekt', 'Kommune', 'Deltar', 'Kostnad', 'Fordeling']];
    for (let p = 0; p < 1500; p++) {
      rows.push([`Prosjekt nummer ${p} med et langt navn for å fylle hurtigbufferen`, '', '', 90000 + p, p % 2 ? 'flatt' : 'innbyggere']);
      for (const m of members) rows.push([`Prosjekt nummer ${p} med et langt navn for å fylle hurtigbufferen`, m, 'Ja', 1000 + p, '']);
    }
    fake.spreadsheet.putSheet('DH_Prosjekter', rows);
    const first = cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026, 'Prosjekt nummer 1499 med');
    expect(first.value).toBe(2499);
    const entries = [...fake.cacheStore.entries.entries()];
    const chunks = entries.filter(([k]) => /:\d+$/.test(k));
    expect(chunks.length).toBeGreaterThan(1);
    for (const [, e] of entries) expect(Buffer.byteLength(e.value, 'utf8')).toBeLessThanOrEqual(CACHE_VALUE_LIMIT);
    const second = cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026, 'Prosjekt nummer 1499 med');
    expect(second).toMatchObject({ value: 2499, stats: { parses: 0, cacheHits: 1 } });
    // a lost chunk (evicted) is a miss, never a wrong answer
    fake.cacheStore.entries.delete(chunks[1]![0]);
    expect(cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026, 'Prosjekt nummer 1499 med')).toMatchObject({ value: 2499, stats: { parses: 1, cacheMisses: 1 } });
  });

  it('entries expire after at most 6 hours', () => {
    const { fake, runtime } = setup();
    cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    fake.clock += 6 * 3600 * 1000 + 1000;
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026).stats.parses).toBe(1);
  });

  it('a failing or corrupted cache never breaks a function', () => {
    const { fake, runtime } = setup();
    fake.failOn({ op: 'Cache.putAll', times: 10 });
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026).value).toBe(100000 + 20 * 53712);
    expect(fake.cacheStore.entries.size).toBe(0);
    fake.clearFailures();
    cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    const chunkKey = [...fake.cacheStore.entries.keys()].find((k) => k.endsWith(':0'))!;
    fake.cacheStore.entries.get(chunkKey)!.value = '{ødelagt';
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026)).toMatchObject({ value: 100000 + 20 * 53712, stats: { parses: 1 } });
    fake.failOn({ op: 'Cache.get', times: 1 });
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026)).toMatchObject({ value: 100000 + 20 * 53712, stats: { parses: 1 } });
  });
});

describe('within one execution', () => {
  it('reads and parses once for many calls (memoised in a module variable)', () => {
    const { fake, runtime } = setup();
    fake.resetCounts();
    const stats = runtime.execute((g) => {
      for (let i = 0; i < 200; i++) g.DH_KOSTNAD(i % 2 ? 'Bodø' : 'Saltdal', 2026);
      return g.__DH.stats();
    }, 'customFunction');
    expect(stats).toMatchObject({ tableReads: 1, parses: 1, memoHits: 199 });
    expect(fake.count('Range.getValues')).toBe(2);
  });

  it('every execution starts from fresh globals, so nothing stale survives it', () => {
    const { fake, runtime } = setup();
    runtime.execute((g) => g.DH_KOSTNAD('Bodø', 2026), 'customFunction');
    fake.spreadsheet.sheet('DH_Kommuner')!.mutableCell(2, 3).value = 50000;
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026).value).toBe(100000 + 20 * 50000);
  });
});
