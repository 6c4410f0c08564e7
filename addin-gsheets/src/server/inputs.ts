// The dataset the DH_ functions compute with: the workbook's DH_Kommuner / DH_Nokkel / DH_Prosjekter
// (read-only) over the embedded Digitale Helgeland 2026, prepared once and reused.
//
// Cache design (see addin-gsheets/README.md, "Hurtigbuffer"):
// - Every execution reads the three input ranges (a few cheap getValues calls; a custom function cannot be
//   told that a range changed, so reading is the only way to be right) and fingerprints the raw values
//   (cyrb53 of their JSON, dates as serials, plus where each table sits, since error messages name cells).
// - Within one execution (≤ 30 s, the custom-function limit) the prepared context is memoised in a module
//   variable, so a call that fills a column, or many calls in one run, reads and parses once.
// - Across executions the *parsed and validated* result (the Dataset, or the Norwegian error message) is
//   stored in CacheService.getDocumentCache() under the fingerprint and the build id, chunked below the
//   100 KB value limit and checked by a hash of its own text. A changed cell changes the fingerprint, so a
//   stale entry is never used: invalidation is by content, not by time. Entries expire after 6 hours.
import {
  createFunctionContext,
  datasetFromTables,
  DatasetContext,
  HELGELAND_2026,
  tableFromValues,
  type Dataset,
  type DhErrorKind,
  type FunctionContext,
  type TableData,
} from '../../../core/index.js';
import { decode, encode } from './codec.js';
import { activeSpreadsheet, documentCache, todayIso, type Cache } from './gas.js';
import { contentHash } from './hash.js';
import { stats } from './stats.js';
import { toInputValue } from './values.js';
import { hasContent, readRawTable, type RawTable } from './workbook.js';

declare const __DH_BUILD_ID__: string;
export const BUILD_ID: string = typeof __DH_BUILD_ID__ === 'string' ? __DH_BUILD_ID__ : 'dev';

export const INPUT_TABLES = ['DH_Kommuner', 'DH_Nokkel', 'DH_Prosjekter'] as const;

/** A prepared context is trusted for this long without re-reading: one custom-function execution at most. */
const MEMO_MS = 30_000;
/** CacheService's longest expiry. */
const CACHE_SECONDS = 21_600;
/** ≤ 90 KB of UTF-8 even at 3 bytes a character; CacheService refuses values above 100 KB. */
const CHUNK_CHARS = 30_000;

type Prepared = { ok: true; ctx: FunctionContext; used: readonly string[] } | { ok: false; message: string; kind: DhErrorKind };
type CacheEntry = { ok: true; dataset: Dataset; used: readonly string[] } | { ok: false; message: string; kind: DhErrorKind };

let memo: { key: string; checkedAt: number; prepared: Prepared } | undefined;

/** Forget the memoised inputs (after the add-in itself changed an input table). */
export function invalidateInputs(): void {
  memo = undefined;
}

/** A FunctionContext whose "today" is read (in the spreadsheet's time zone) only if a function asks. */
function contextFor(dataset: Dataset): FunctionContext {
  const base = createFunctionContext(new DatasetContext(dataset), '');
  let today: string | undefined;
  return {
    data: base.data,
    allocation: (year: number) => base.allocation(year),
    get today() {
      if (today === undefined) today = todayIso();
      return today;
    },
  };
}

/** The prepared inputs, or a thrown Error with the Norwegian message naming the bad cell. */
export function functionContext(): FunctionContext {
  const prepared = preparedInputs();
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.ctx;
}

export function preparedInputs(): Prepared {
  const now = Date.now();
  if (memo && now - memo.checkedAt < MEMO_MS) {
    stats.memoHits++;
    return memo.prepared;
  }
  const ss = activeSpreadsheet();
  stats.tableReads++;
  const raws: RawTable[] = [];
  for (const name of INPUT_TABLES) {
    const raw = readRawTable(ss, name, toInputValue);
    if (raw && hasContent(raw)) raws.push(raw);
  }
  const key = raws.length === 0 ? 'innebygd' : contentHash(JSON.stringify(raws));
  if (memo && memo.key === key) {
    memo.checkedAt = now;
    return memo.prepared;
  }
  const prepared = raws.length === 0 ? ({ ok: true, ctx: contextFor(HELGELAND_2026), used: [] } as const) : prepare(key, raws);
  memo = { key, checkedAt: now, prepared };
  return prepared;
}

function prepare(key: string, raws: readonly RawTable[]): Prepared {
  const cache = documentCache();
  const cacheKey = `dh:${BUILD_ID}:inn:${key}`;
  if (cache) {
    let text: string | null = null;
    try {
      text = readChunked(cache, cacheKey);
    } catch {
      text = null; // a cache outage is a miss
    }
    if (text !== null) {
      try {
        const entry = decode<CacheEntry>(text);
        stats.cacheHits++;
        return entry.ok ? { ok: true, ctx: contextFor(entry.dataset), used: entry.used } : entry;
      } catch {
        // unreadable entry: parse again below and overwrite it
      }
    }
    stats.cacheMisses++;
  }
  stats.parses++;
  const tables = new Map<string, TableData>(raws.map((r) => [r.name, tableFromValues(r.name, r.values, { sheet: r.sheet, row: r.row, column: r.column })]));
  const parsed = datasetFromTables((name) => tables.get(name), HELGELAND_2026);
  const entry: CacheEntry = parsed.ok
    ? { ok: true, dataset: parsed.value.dataset, used: parsed.value.used }
    : { ok: false, message: parsed.error.message, kind: parsed.error.kind };
  if (cache) {
    try {
      writeChunked(cache, cacheKey, encode(entry));
    } catch {
      // the cache is an optimisation: a full or failing cache never breaks a function
    }
  }
  return entry.ok ? { ok: true, ctx: contextFor(entry.dataset), used: entry.used } : entry;
}

function splitText(text: string): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + CHUNK_CHARS);
    const code = text.charCodeAt(end - 1);
    if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--; // never split a surrogate pair
    parts.push(text.slice(i, end));
    i = end;
  }
  return parts.length ? parts : [''];
}

export function writeChunked(cache: Cache, key: string, text: string): void {
  const parts = splitText(text);
  const values: Record<string, string> = {};
  parts.forEach((part, i) => {
    values[`${key}:${i}`] = part;
  });
  values[key] = JSON.stringify({ chunks: parts.length, hash: contentHash(text) });
  cache.putAll(values, CACHE_SECONDS);
}

export function readChunked(cache: Cache, key: string): string | null {
  const head = cache.get(key);
  if (!head) return null;
  let meta: { chunks?: unknown; hash?: unknown };
  try {
    meta = JSON.parse(head) as typeof meta;
  } catch {
    return null;
  }
  if (typeof meta.chunks !== 'number' || meta.chunks < 1 || meta.chunks > 1000) return null;
  const keys = Array.from({ length: meta.chunks }, (_, i) => `${key}:${i}`);
  const found = cache.getAll(keys);
  const parts: string[] = [];
  for (const k of keys) {
    const part = found[k];
    if (typeof part !== 'string') return null;
    parts.push(part);
  }
  const text = parts.join('');
  return contentHash(text) === meta.hash ? text : null;
}
