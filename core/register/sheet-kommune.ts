// The kommune of a register that has no Kommune or Kommunenr column: one sheet per kommune, named after it
// («Rana», «Vefsn kommune»), or with the name in a title row above the header («Systemoversikt Vefsn kommune»).
// Worked out once per register, and only for registers without a kommune column.
import type { Kommune, KommuneRegistry } from '../kommuner/registry.js';
import { normalizeKey } from '../util/text.js';

/** Where a register's kommune was read from. */
export interface ContextKommune {
  readonly kommune: Kommune;
  /** The sheet's name, or a title row above the header. */
  readonly source: 'sheet' | 'title';
  /** The text it was read from, as the sheet has it (trimmed). */
  readonly text: string;
}

/**
 * Kommune names that are also everyday words (or too short to trust inside a sentence): inside a longer text they
 * only count next to the word «kommune» («Time kommune»); a sheet named just «Time» is still Time.
 */
const ORDINARY_WORDS = new Set([
  'time', 'gran', 'vik', 'heim', 'stad', 'hole', 'nes', 'sel', 'lom', 'lund', 'moss', 'lier', 'vang', 'tinn', 'kinn', 'sula', 'aure', 'fla', 'gol',
  'hol', 'grue', 'amot', 'rade', 'kvam', 'sande', 'nome', 'osen', 'sund', 'bo', 'as', 'al', 'os', 'ha', 'leka', 'vega', 'rost', 'bokn',
]);

/** Longest kommune name in words ("Evje og Hornnes", "Porsanger Porsáŋgu Porsanki"). */
const MAX_NAME_WORDS = 4;
/** Title text longer than this is a note, not a title, and is not searched. */
const MAX_TITLE_LENGTH = 160;
/** At most this many distinct title texts are searched. */
const MAX_TITLES = 12;

/** The folded names and aliases of the registry's kommuner: only spans of a text that are one of them are looked up. */
function nameKeys(registry: KommuneRegistry): Set<string> {
  const keys = new Set<string>();
  for (const k of registry.all()) for (const name of [k.name, ...k.aliases]) keys.add(normalizeKey(name));
  return keys;
}

/**
 * The kommuner a text names, found word by word (longest name first): "Systemoversikt Vefsn kommune" → Vefsn,
 * "Aarborte - Hattfjelldal" → Hattfjelldal. Numbers (years, dates) are never read as kommunenummer here.
 */
function kommunerIn(text: string, registry: KommuneRegistry, keys: Set<string>, scope: ReadonlySet<string> | undefined): Map<string, Kommune> {
  const found = new Map<string, Kommune>();
  const words = normalizeKey(text).split(' ').filter(Boolean);
  for (let i = 0; i < words.length; ) {
    let used = 0;
    for (let len = Math.min(MAX_NAME_WORDS, words.length - i); len >= 1 && used === 0; len--) {
      const span = words.slice(i, i + len);
      if (span.some((w) => /^\d/.test(w)) || span[0] === 'kommune' || span[0] === 'kommunen') continue;
      const key = span.join(' ');
      if (!keys.has(key)) continue;
      const nearKommune = words[i + len] === 'kommune' || words[i - 1] === 'kommune' || words[i - 1] === 'kommunen';
      if (len === 1 && !nearKommune && ORDINARY_WORDS.has(key)) continue;
      const resolved = registry.resolve(key, scope);
      if (resolved.ok) {
        found.set(resolved.value.kommunenr, resolved.value);
        used = len;
      }
    }
    i += Math.max(1, used);
  }
  return found;
}

/** The one kommune a text names: the whole text first ("Vefsn kommune", "Herøy"), else word by word. */
function onlyKommune(text: string, registry: KommuneRegistry, keys: Set<string>, scope: ReadonlySet<string> | undefined): Kommune | undefined | null {
  if (!/^\d/.test(text)) {
    const whole = registry.resolve(text, scope);
    if (whole.ok) return whole.value;
  }
  const found = kommunerIn(text, registry, keys, scope);
  if (found.size === 0) return undefined;
  return found.size === 1 ? found.values().next().value! : null; // null: several kommuner
}

/**
 * The kommune of a register without Kommune/Kommunenr columns: the one kommune the sheet name names, else the one
 * kommune the title rows above the header name. Undefined when none or more than one is found (names shared by
 * several kommuner settle within `scope`, the active dataset's members).
 */
export function kommuneFromContext(
  cells: readonly (readonly unknown[])[],
  headerRow: number,
  sheet: string | undefined,
  registry: KommuneRegistry,
  scope: ReadonlySet<string> | undefined,
): ContextKommune | undefined {
  let keys: Set<string> | undefined;
  const sheetName = typeof sheet === 'string' ? sheet.trim() : '';
  if (sheetName && sheetName.length <= 100) {
    keys = nameKeys(registry);
    const kommune = onlyKommune(sheetName, registry, keys, scope);
    if (kommune) return { kommune, source: 'sheet', text: sheetName };
    if (kommune === null) return undefined;
  }
  const titles: string[] = [];
  for (let r = 0; r < headerRow && r < cells.length; r++) {
    const row = cells[r];
    if (!Array.isArray(row)) continue;
    for (const v of row) {
      const text = typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
      if (text && text.length <= MAX_TITLE_LENGTH && !titles.includes(text)) titles.push(text);
    }
    if (titles.length >= MAX_TITLES) break;
  }
  if (titles.length === 0) return undefined;
  keys ??= nameKeys(registry);
  let result: ContextKommune | undefined;
  for (const text of titles.slice(0, MAX_TITLES)) {
    for (const kommune of kommunerIn(text, registry, keys, scope).values()) {
      if (result !== undefined && result.kommune.kommunenr !== kommune.kommunenr) return undefined; // several kommuner
      result ??= { kommune, source: 'title', text };
    }
  }
  return result;
}
