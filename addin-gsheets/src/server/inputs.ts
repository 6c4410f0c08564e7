// The dataset the DH_ functions compute with: the workbook's DH_Kommuner / DH_Nokkel / DH_Prosjekter
// (read-only) over the embedded Digitale Helgeland 2026, prepared once and reused.
//
// Recalculation and cache design (addin-gsheets/README.md, «Når Sheets regner ut DH-formlene»):
// - Sheets re-runs a custom function only when its arguments change ("Custom Functions in Google Sheets",
//   developers.google.com; results are cached by argument), so a DH_ cell never notices an edit in DH_Kommuner
//   by itself. Two ways make it notice: give the table as an extra, trailing argument
//   (=DH_KOSTNAD("Rana"; 2026; ; DH_Kommuner) — then the cell depends on it), or the menu action
//   «Regn ut DH-formler på nytt» (recalc.ts), which makes every DH_ cell compute again.
// - A custom function execution costs what its service calls cost. The parsed model (the Dataset, or the
//   Norwegian error message, plus a fingerprint of each input table) lives in CacheService's document cache
//   under fixed keys, so a warm execution makes two calls: CacheService.getDocumentCache() and one
//   Cache.getAll(). Only a cold execution reads the tables (SpreadsheetApp) and writes the cache.
// - The cached model is dropped when an input table changes: by the onEdit simple trigger (an edit on a
//   DH_Kommuner / DH_Nokkel / DH_Prosjekter sheet or named range), by the add-in's own writes
//   (invalidateInputs), and by the menu action. A table given as a trailing argument is also checked against
//   the cached fingerprint, so such a cell is right even if it runs before onEdit has dropped the model.
//   Entries expire after 6 hours at the latest (CacheService's longest expiry).
import {
  BALANCE_INPUT_TABLES,
  createFunctionContext,
  datasetFromTables,
  DatasetContext,
  HELGELAND_2026,
  tableFromValues,
  type CellValue,
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

export const INPUT_TABLES = ['DH_Kommuner', 'DH_Nokkel', 'DH_Prosjekter', ...BALANCE_INPUT_TABLES] as const;

/** A prepared context is trusted for this long without looking again: one custom-function execution at most. */
const MEMO_MS = 30_000;
/** CacheService's longest expiry. */
const CACHE_SECONDS = 21_600;
/** ≤ 90 KB of UTF-8 even at 3 bytes a character; CacheService refuses values above 100 KB. */
const CHUNK_CHARS = 30_000;
/** Chunks fetched with the head in the one warm getAll (240 000 characters); a bigger model costs one more call. */
export const WARM_CHUNKS = 8;
/** The model's cache key (its chunks are `${key}:0`, `${key}:1`, …). */
export const MODEL_KEY = `dh:${BUILD_ID}:modell`;

type Prepared = { ok: true; ctx: FunctionContext; used: readonly string[] } | { ok: false; message: string; kind: DhErrorKind };
type CacheEntry =
  | { ok: true; dataset: Dataset; used: readonly string[] }
  | { ok: true; embedded: true; used: readonly [] }
  | { ok: false; message: string; kind: DhErrorKind };

/** The context for a cache entry (the embedded dataset is not stored, only named). */
function preparedFrom(entry: CacheEntry): Prepared {
  if (!entry.ok) return entry;
  return { ok: true, ctx: contextFor('embedded' in entry ? HELGELAND_2026 : entry.dataset), used: entry.used };
}

/** What the cache holds next to the model: how to reassemble it, and what each input table looked like. */
interface ModelHead {
  readonly chunks: number;
  readonly hash: string;
  /** Fingerprint of each input table's values (trailing blank rows/columns ignored), by table name. */
  readonly tables: Readonly<Record<string, string>>;
}

let memo: { key: string; checkedAt: number; prepared: Prepared } | undefined;

/** Forget the prepared inputs, here and in the document cache (after an input table changed). */
export function invalidateInputs(): void {
  memo = undefined;
  const cache = documentCache();
  if (!cache) return;
  try {
    cache.remove(MODEL_KEY);
  } catch {
    // an unreachable cache holds nothing we could serve either: the head is read before any chunk
  }
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

/** Values without trailing blank rows and columns: a named range and an open A:C range compare equal. */
function trimmed(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const blank = (v: CellValue) => v === '' || v === null || v === undefined;
  let rows = values.length;
  while (rows > 0 && values[rows - 1]!.every(blank)) rows--;
  let columns = 0;
  for (let r = 0; r < rows; r++) {
    const row = values[r]!;
    for (let c = row.length; c > columns; c--) if (!blank(row[c - 1]!)) columns = c;
  }
  return values.slice(0, rows).map((row) => Array.from({ length: columns }, (_, c) => (row[c] === undefined ? '' : row[c]!)));
}

/** Fingerprint of a table's values as a custom function would receive them. */
export function tableFingerprint(values: readonly (readonly unknown[])[]): string {
  return contentHash(JSON.stringify(trimmed(values.map((row) => row.map(toInputValue)))));
}

/** The trailing arguments that are ranges (tables a formula depends on); scalars are dependencies only. */
function tableArgs(deps: readonly unknown[]): unknown[][][] {
  return deps.filter((d): d is unknown[][] => Array.isArray(d) && d.length > 0 && Array.isArray(d[0]) && !(d.length === 1 && d[0]!.length === 1));
}

/** The prepared inputs, or a thrown Error with the Norwegian message naming the bad cell. */
export function functionContext(deps: readonly unknown[] = []): FunctionContext {
  const prepared = preparedInputs(deps);
  if (!prepared.ok) throw new Error(prepared.message);
  return prepared.ctx;
}

/**
 * The model for one execution: memoised within it; else the document cache (two service calls); else the
 * tables themselves. `deps` are the formula's trailing arguments: a range among them that matches no cached
 * input table means the cache is older than the sheet, and the tables are read again.
 */
export function preparedInputs(deps: readonly unknown[] = []): Prepared {
  const now = Date.now();
  const wanted = tableArgs(deps).map(tableFingerprint);
  const memoKey = wanted.join('|');
  if (memo && memo.key === memoKey && now - memo.checkedAt < MEMO_MS) {
    stats.memoHits++;
    return memo.prepared;
  }
  const cache = documentCache();
  let prepared: Prepared | undefined;
  if (cache) {
    const warm = readModel(cache);
    if (warm && wanted.every((fp) => Object.values(warm.head.tables).includes(fp))) {
      stats.cacheHits++;
      prepared = warm.prepared;
    } else {
      stats.cacheMisses++;
    }
  }
  prepared ??= readAndPrepare(cache);
  memo = { key: memoKey, checkedAt: now, prepared };
  return prepared;
}

function readModel(cache: Cache): { head: ModelHead; prepared: Prepared } | undefined {
  let text: { head: ModelHead; text: string } | null;
  try {
    text = readChunked(cache, MODEL_KEY);
  } catch {
    return undefined; // a cache outage is a miss
  }
  if (!text) return undefined;
  try {
    const entry = decode<CacheEntry>(text.text);
    return { head: text.head, prepared: preparedFrom(entry) };
  } catch {
    return undefined; // unreadable entry: read again and overwrite it
  }
}

function readAndPrepare(cache: Cache | null): Prepared {
  const ss = activeSpreadsheet();
  stats.tableReads++;
  const raws: RawTable[] = [];
  for (const name of INPUT_TABLES) {
    const raw = readRawTable(ss, name, toInputValue);
    if (raw && hasContent(raw)) raws.push(raw);
  }
  let entry: CacheEntry;
  if (raws.length === 0) {
    entry = { ok: true, embedded: true, used: [] };
  } else {
    stats.parses++;
    const tables = new Map<string, TableData>(raws.map((r) => [r.name, tableFromValues(r.name, r.values, { sheet: r.sheet, row: r.row, column: r.column })]));
    const parsed = datasetFromTables((name) => tables.get(name), HELGELAND_2026);
    entry = parsed.ok ? { ok: true, dataset: parsed.value.dataset, used: parsed.value.used } : { ok: false, message: parsed.error.message, kind: parsed.error.kind };
  }
  if (cache) {
    const fingerprints = Object.fromEntries(raws.map((r) => [r.name, tableFingerprint(r.values)]));
    try {
      writeChunked(cache, MODEL_KEY, encode(entry), fingerprints);
    } catch {
      // the cache is an optimisation: a full or failing cache never breaks a function
    }
  }
  return preparedFrom(entry);
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

export function writeChunked(cache: Cache, key: string, text: string, tables: Readonly<Record<string, string>> = {}): void {
  const parts = splitText(text);
  const values: Record<string, string> = {};
  parts.forEach((part, i) => {
    values[`${key}:${i}`] = part;
  });
  const head: ModelHead = { chunks: parts.length, hash: contentHash(text), tables };
  values[key] = JSON.stringify(head);
  cache.putAll(values, CACHE_SECONDS);
}

/**
 * The text stored under `key`, or null when any part is missing or does not match its hash (a chunk the
 * cache evicted is a miss, never a wrong answer). The head and the first WARM_CHUNKS chunks come in one getAll.
 */
export function readChunked(cache: Cache, key: string): { head: ModelHead; text: string } | null {
  const first = [key, ...Array.from({ length: WARM_CHUNKS }, (_, i) => `${key}:${i}`)];
  const found = cache.getAll(first);
  const headText = found[key];
  if (!headText) return null;
  let head: ModelHead;
  try {
    head = JSON.parse(headText) as ModelHead;
  } catch {
    return null;
  }
  if (typeof head.chunks !== 'number' || head.chunks < 1 || head.chunks > 1000 || typeof head.tables !== 'object' || head.tables === null) return null;
  const keys = Array.from({ length: head.chunks }, (_, i) => `${key}:${i}`);
  const rest = keys.filter((k) => !first.includes(k));
  const more = rest.length ? cache.getAll(rest) : {};
  const parts: string[] = [];
  for (const k of keys) {
    const part = found[k] ?? more[k];
    if (typeof part !== 'string') return null;
    parts.push(part);
  }
  const text = parts.join('');
  return contentHash(text) === head.hash ? { head, text } : null;
}
