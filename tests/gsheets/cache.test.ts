// The parsed inputs live in the document cache under fixed keys (addin-gsheets/src/server/inputs.ts): a warm
// DH_ execution makes two service calls (CacheService.getDocumentCache, Cache.getAll) and reads no table. The
// cache is dropped when an input table changes — by the onEdit simple trigger, by the add-in's own writes and by
// the menu action — and a table given as a trailing argument is checked against it, so no stale model is used
// where Sheets would recalculate. Chunks stay below CacheService's 100 KB value limit.
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_VALUE_LIMIT, userEdit, type AppsScriptFake, type AppsScriptRuntime } from '../fakes/apps-script/index.js';
import { ensureBuilt, KOMMUNER, loadAddon, NOKKEL } from './helpers.js';

beforeAll(ensureBuilt);


function setup(): { fake: AppsScriptFake; runtime: AppsScriptRuntime } {
  const addon = loadAddon();
  addon.fake.spreadsheet.putSheet('DH_Kommuner', KOMMUNER);
  addon.fake.spreadsheet.putSheet('DH_Nokkel', NOKKEL, { namedRange: 'DH_Nokkel' });
  return addon;
}

type Stats = { tableReads: number; parses: number; cacheHits: number; cacheMisses: number; memoHits: number };

/** One cell's execution: the value, that execution's counters and its service calls. */
function cell(runtime: AppsScriptRuntime, fn: string, ...args: unknown[]): { value: unknown; stats: Stats; calls: number } {
  const before = [...runtime.fake.counts.values()].reduce((a, b) => a + b, 0);
  const out = runtime.execute((g) => {
    let value: unknown;
    try {
      value = g[fn](...args);
    } catch (error) {
      value = { error: (error as Error).message };
    }
    return { value, stats: g.__DH.stats() as Stats };
  }, 'customFunction');
  const after = [...runtime.fake.counts.values()].reduce((a, b) => a + b, 0);
  return { ...out, calls: after - before };
}

describe('across executions', () => {
  it('cold once, then every cell is served from the document cache with two service calls', () => {
    const { fake, runtime } = setup();
    const first = cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    expect(first.value).toBe(100000 + 20 * 53712);
    expect(first.stats).toMatchObject({ tableReads: 1, parses: 1, cacheMisses: 1, cacheHits: 0 });
    fake.resetCounts();
    for (let i = 0; i < 50; i++) {
      const c = cell(runtime, 'DH_KOSTNAD', ['Bodø', 'Fauske', 'Saltdal'][i % 3], 2026);
      expect(typeof c.value).toBe('number');
      expect(c.stats).toMatchObject({ cacheHits: 1, parses: 0, tableReads: 0 });
      expect(c.calls).toBe(2);
    }
    expect(fake.count('CacheService.getDocumentCache')).toBe(50);
    expect(fake.count('Cache.getAll')).toBe(50);
    expect(fake.count('Range.getValues')).toBe(0);
    expect(fake.count(/^Cache\.put/)).toBe(0);
  });

  it('a user edit in DH_Kommuner runs onEdit, which drops the model: the next execution sees the new value', () => {
    const { runtime } = setup();
    expect(cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026).value).toBe(100000 + 20 * 9867);
    userEdit(runtime, 'DH_Kommuner', 'C3', '10 000');
    const changed = cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026);
    expect(changed.value).toBe(100000 + 20 * 10000);
    expect(changed.stats).toMatchObject({ parses: 1, cacheMisses: 1 });
  });

  it('an edit inside a named input range on another sheet drops it too; an edit elsewhere does not', () => {
    const { fake, runtime } = setup();
    fake.spreadsheet.putSheet('Oppsett', NOKKEL, { namedRange: 'DH_Nokkel', at: { row: 2, column: 1 } });
    fake.spreadsheet.sheets.splice(fake.spreadsheet.sheets.findIndex((s) => s.name === 'DH_Nokkel'), 1);
    cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    userEdit(runtime, 'Oppsett', 'A1', 'notat');
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026).stats.cacheHits).toBe(1);
    userEdit(runtime, 'Oppsett', 'C3', '30');
    const after = cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    expect(after.stats.parses).toBe(1);
    expect(after.value).toBe(100000 + 30 * 53712);
  });

  it('a table given as a trailing argument is checked against the cache: an edit not yet seen by onEdit is never served stale', () => {
    const { fake, runtime } = setup();
    cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026);
    // another script (no onEdit) changed the table; the formula passes DH_Kommuner as its dependency
    fake.spreadsheet.sheet('DH_Kommuner')!.mutableCell(3, 3).value = 10000;
    const table = fake.spreadsheet.sheet('DH_Kommuner')!.snapshot();
    const c = cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026, undefined, table);
    expect(c.value).toBe(100000 + 20 * 10000);
    expect(c.stats).toMatchObject({ cacheMisses: 1, parses: 1 });
    // the same table again: warm, two calls
    expect(cell(runtime, 'DH_KOSTNAD', 'Fauske', 2026, undefined, table)).toMatchObject({ calls: 2, stats: { cacheHits: 1 } });
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

  it('the embedded dataset is not parsed and is cached as a marker only', () => {
    const { fake, runtime } = loadAddon();
    const c = cell(runtime, 'DH_KOSTNAD', 'Rana', 2026);
    expect(c.value).toBe(752197.48);
    expect(c.stats).toMatchObject({ parses: 0 });
    const stored = [...fake.cacheStore.entries.values()].reduce((n, e) => n + e.value.length, 0);
    expect(stored).toBeLessThan(500);
    expect(cell(runtime, 'DH_KOSTNAD', 'Rana', 2026)).toMatchObject({ value: 752197.48, calls: 2 });
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

  it('CacheService keeps at most 1 000 items: when other entries push the model out, it is a miss, never a wrong answer', () => {
    const { fake, runtime } = setup();
    cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026);
    // 1 000 longer-lived entries written by something else evict the model (nearest to expiry goes first)
    runtime.execute((g) => {
      const cache = g.CacheService.getDocumentCache();
      for (let i = 0; i < 10; i++) {
        const batch: Record<string, string> = {};
        for (let j = 0; j < 100; j++) batch[`annet:${i}:${j}`] = 'x';
        cache.putAll(batch, 21_600);
      }
    });
    fake.clock += 1000;
    expect(fake.cacheStore.entries.size).toBeLessThanOrEqual(1000);
    expect(fake.cacheStore.evicted).toBeGreaterThan(0);
    expect(cell(runtime, 'DH_KOSTNAD', 'Bodø', 2026)).toMatchObject({ value: 100000 + 20 * 53712 });
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
    fake.failOn({ op: 'Cache.getAll', times: 1 });
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
});
