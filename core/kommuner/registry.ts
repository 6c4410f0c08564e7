import { editDistance, normalizeKey } from '../util/text.js';
import { fail, ok, type Result } from '../result.js';

export interface Kommune {
  /** Kommunenummer, four digits: the key. Names are never used as keys (Herøy exists twice). */
  readonly kommunenr: string;
  /** Official name (bokmål form as SSB publishes it). */
  readonly name: string;
  readonly fylke: string;
  /** Other names users type: Sami/parallel names, "Herøy (Nordland)", ascii spellings are derived automatically. */
  readonly aliases: readonly string[];
}

function k(kommunenr: string, name: string, fylke: string, ...aliases: string[]): Kommune {
  return { kommunenr, name, fylke, aliases };
}

/**
 * Kommuner known without a workbook: all of Nordland (2024 numbers) and the namesakes elsewhere that
 * make a Nordland name ambiguous. Other cooperations bring their members through DH_Kommuner.
 */
export const KNOWN_KOMMUNER: readonly Kommune[] = [
  k('1804', 'Bodø', 'Nordland', 'Bådåddjo'),
  k('1806', 'Narvik', 'Nordland', 'Nárvik'),
  k('1811', 'Bindal', 'Nordland'),
  k('1812', 'Sømna', 'Nordland'),
  k('1813', 'Brønnøy', 'Nordland'),
  k('1815', 'Vega', 'Nordland'),
  k('1816', 'Vevelstad', 'Nordland'),
  k('1818', 'Herøy', 'Nordland', 'Herøy (Nordland)', 'Herøy i Nordland', 'Herøy N'),
  k('1820', 'Alstahaug', 'Nordland'),
  k('1822', 'Leirfjord', 'Nordland'),
  k('1824', 'Vefsn', 'Nordland'),
  k('1825', 'Grane', 'Nordland'),
  k('1826', 'Hattfjelldal', 'Nordland', 'Aarborte - Hattfjelldal', 'Hattfjelldal - Aarborte', 'Aarborte'),
  k('1827', 'Dønna', 'Nordland'),
  k('1828', 'Nesna', 'Nordland'),
  k('1832', 'Hemnes', 'Nordland'),
  k('1833', 'Rana', 'Nordland', 'Rana - Raane', 'Raane - Rana', 'Raane'),
  k('1834', 'Lurøy', 'Nordland'),
  k('1835', 'Træna', 'Nordland'),
  k('1836', 'Rødøy', 'Nordland'),
  k('1837', 'Meløy', 'Nordland'),
  k('1838', 'Gildeskål', 'Nordland'),
  k('1839', 'Beiarn', 'Nordland'),
  k('1840', 'Saltdal', 'Nordland'),
  k('1841', 'Fauske', 'Nordland', 'Fauske - Fuossko', 'Fuossko'),
  k('1845', 'Sørfold', 'Nordland'),
  k('1848', 'Steigen', 'Nordland'),
  k('1851', 'Lødingen', 'Nordland'),
  k('1853', 'Evenes', 'Nordland'),
  k('1856', 'Røst', 'Nordland'),
  k('1857', 'Værøy', 'Nordland'),
  k('1859', 'Flakstad', 'Nordland'),
  k('1860', 'Vestvågøy', 'Nordland'),
  k('1865', 'Vågan', 'Nordland'),
  k('1866', 'Hadsel', 'Nordland'),
  k('1867', 'Bø', 'Nordland', 'Bø (Nordland)', 'Bø i Nordland'),
  k('1868', 'Øksnes', 'Nordland'),
  k('1870', 'Sortland', 'Nordland', 'Sortland - Suortá'),
  k('1871', 'Andøy', 'Nordland'),
  k('1874', 'Moskenes', 'Nordland'),
  k('1875', 'Hamarøy', 'Nordland', 'Hamarøy - Hábmer', 'Hábmer'),
  k('1515', 'Herøy', 'Møre og Romsdal', 'Herøy (Møre og Romsdal)', 'Herøy i Møre og Romsdal', 'Herøy MR'),
  k('5001', 'Trondheim', 'Trøndelag', 'Trondheim - Tråante'),
  k('5501', 'Tromsø', 'Troms', 'Romsa'),
];

export interface KommuneMatch {
  kommune: Kommune;
}

/**
 * Looks kommuner up by number or name. Names are compared case- and diacritic-insensitively; an ascii
 * spelling ("Bronnoy", "Roedoey") matches too. A name shared by several kommuner resolves within `scope`
 * (the active dataset's members) or fails asking for the number.
 */
export class KommuneRegistry {
  private readonly byNr = new Map<string, Kommune>();
  private readonly byKey = new Map<string, Kommune[]>();

  constructor(kommuner: readonly Kommune[] = KNOWN_KOMMUNER) {
    for (const kommune of kommuner) this.add(kommune);
  }

  /** Adds or replaces a kommune (a workbook's DH_Kommuner can bring kommuner we do not know). */
  add(kommune: Kommune): void {
    const previous = this.byNr.get(kommune.kommunenr);
    if (previous) this.unindex(previous);
    this.byNr.set(kommune.kommunenr, kommune);
    for (const key of keysFor(kommune)) {
      const list = this.byKey.get(key) ?? [];
      if (!list.some((x) => x.kommunenr === kommune.kommunenr)) list.push(kommune);
      this.byKey.set(key, list);
    }
  }

  private unindex(kommune: Kommune): void {
    for (const key of keysFor(kommune)) {
      const list = (this.byKey.get(key) ?? []).filter((x) => x.kommunenr !== kommune.kommunenr);
      if (list.length) this.byKey.set(key, list);
      else this.byKey.delete(key);
    }
  }

  byNumber(kommunenr: string): Kommune | undefined {
    return this.byNr.get(kommunenr);
  }

  all(): Kommune[] {
    return [...this.byNr.values()];
  }

  /**
   * Resolves what a user typed: a kommunenummer (1833, "1833", "0301") or a name/alias.
   * `scope` is the set of kommunenummer in the active dataset, used to settle ambiguous names
   * and to prefer members in suggestions.
   */
  resolve(input: unknown, scope?: ReadonlySet<string>): Result<Kommune> {
    if (typeof input === 'number' && Number.isInteger(input) && input > 0 && input < 10000) {
      return this.resolveNumber(String(input).padStart(4, '0'));
    }
    if (typeof input !== 'string' || input.trim() === '') return fail('Kommune mangler: skriv kommunenavn eller kommunenummer.');
    const text = input.trim();
    if (/^\d{3,4}$/.test(text)) return this.resolveNumber(text.padStart(4, '0'));
    const candidates = this.byKey.get(normalizeKey(text)) ?? [];
    if (candidates.length === 1) return ok(candidates[0]!);
    if (candidates.length > 1) {
      const inScope = scope ? candidates.filter((c) => scope.has(c.kommunenr)) : [];
      if (inScope.length === 1) return ok(inScope[0]!);
      const options = candidates.map((c) => `${c.kommunenr} (${c.fylke})`).join(' eller ');
      return fail(`«${text}» er tvetydig: oppgi kommunenummer, ${options}.`);
    }
    const suggestion = this.suggest(text, scope);
    return fail(
      suggestion ? `Ukjent kommune «${text}» – mente du ${suggestion}?` : `Ukjent kommune «${text}». Oppgi kommunenavn eller kommunenummer.`,
      'notAvailable',
    );
  }

  private resolveNumber(kommunenr: string): Result<Kommune> {
    const kommune = this.byNr.get(kommunenr);
    return kommune ? ok(kommune) : fail(`Ukjent kommunenummer ${kommunenr}.`, 'notAvailable');
  }

  /** The closest known name within a small edit distance, members of `scope` first. */
  suggest(text: string, scope?: ReadonlySet<string>): string | undefined {
    const target = normalizeKey(text);
    if (!target) return undefined;
    let best: { name: string; distance: number; member: boolean } | undefined;
    for (const [key, kommuner] of this.byKey) {
      const distance = editDistance(target, key);
      const limit = Math.max(1, Math.floor(Math.max(target.length, key.length) / 3));
      if (distance > limit) continue;
      for (const kommune of kommuner) {
        const member = scope?.has(kommune.kommunenr) ?? false;
        if (!best || distance < best.distance || (distance === best.distance && member && !best.member)) {
          best = { name: kommune.name, distance, member };
        }
      }
    }
    return best?.name;
  }
}

/** Match keys for a kommune: name, aliases, and each with the ascii spellings users type (ø→o/oe, å→a/aa). */
function keysFor(kommune: Kommune): string[] {
  const keys = new Set<string>();
  for (const name of [kommune.name, ...kommune.aliases]) {
    keys.add(normalizeKey(name));
    const lower = name.toLowerCase();
    keys.add(normalizeKey(lower.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')));
    keys.add(normalizeKey(lower.replace(/æ/g, 'a').replace(/ø/g, 'o').replace(/å/g, 'a')));
  }
  return [...keys].filter(Boolean);
}
