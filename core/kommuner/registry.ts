import { editDistance, normalizeKey } from '../util/text.js';
import { fail, ok, type Result } from '../result.js';
import { KNOWN_KOMMUNER } from './data.js';
import { dayOf, describeFormer, kommuneHistory, type KommunePeriod } from './history.js';

export interface Kommune {
  /** Kommunenummer, four digits: the key. Names are never used as keys (Herøy exists twice). */
  readonly kommunenr: string;
  /** Official name (bokmål form as SSB publishes it). */
  readonly name: string;
  readonly fylke: string;
  /** Other names users type: Sami/parallel names, "Herøy (Nordland)", ascii spellings are derived automatically. */
  readonly aliases: readonly string[];
}

export { FORMER_KOMMUNENUMMER, KNOWN_KOMMUNER } from './data.js';

export type { KommunePeriod } from './history.js';

/**
 * "rana kommune" / "kommunen rana" / "heroy kommune nordland" → without the word: registers and tables often write
 * the name that way, and no kommune's name contains the word itself.
 */
function withoutKommuneWord(key: string): string {
  const stripped = key.replace(/(^| )kommunen?(?= |$)/g, ' ').replace(/ +/g, ' ').trim();
  return stripped || key;
}

export interface KommuneMatch {
  kommune: Kommune;
}

/**
 * Looks kommuner up by number or name. Names are compared case- and diacritic-insensitively; an ascii
 * spelling ("Bronnoy", "Roedoey") matches too. A name shared by several kommuner resolves within `scope`
 * (the active dataset's members) or fails asking for the number.
 */
const byDay = new Map<string, KommuneRegistry>();

export class KommuneRegistry {
  private readonly byNr = new Map<string, Kommune>();
  private readonly byKey = new Map<string, Kommune[]>();
  /** suggest()'s answers by scope and text; forgotten when add() changes the names. */
  private readonly suggestions = new Map<string, string | undefined>();

  /**
   * @param day the day this registry's kommuner were the kommuner (ISO); undefined: today. Set by `asOf`, so
   *   history answers "what became of it" only for kommuner that had ended by then.
   */
  constructor(kommuner: readonly Kommune[] = KNOWN_KOMMUNER, readonly day?: string) {
    for (const kommune of kommuner) this.add(kommune);
  }

  /**
   * The kommuner as they were on a day (a year means its 1 January): a 2017 table's «Ålesund» is 1504 and
   * «Ørskog» is 1523, Møre og Romsdal. For reading tables and registers made that year (SPEC §10).
   */
  static asOf(when: number | string | Date): KommuneRegistry {
    const day = dayOf(when);
    let hit = byDay.get(day);
    if (!hit) {
      hit = new KommuneRegistry(kommuneHistory().kommunerAt(day), day);
      // Tables name a handful of years; a caller asking for every day of a register is not kept in memory forever.
      if (byDay.size >= 64) byDay.clear();
      byDay.set(day, hit);
    }
    return hit;
  }

  /**
   * The former kommune a number or name meant, when this registry does not know it (latest first): «Ørskog» and
   * «1523» give Ørskog 1523 (1977–2019). Undefined when the input is no former kommune.
   */
  former(input: unknown): KommunePeriod | undefined {
    const history = kommuneHistory();
    const ended = (p: KommunePeriod) => p.to !== undefined && (this.day === undefined || p.to <= this.day);
    const latest = (list: readonly KommunePeriod[]) => [...list].filter(ended).sort((a, b) => b.to!.localeCompare(a.to!))[0];
    const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
    if (/^\d{3,4}$/.test(text)) {
      const nr = text.padStart(4, '0');
      return this.byNr.has(nr) ? undefined : latest(history.ofNumber(nr));
    }
    const key = withoutKommuneWord(normalizeKey(text));
    if (!key || this.byKey.has(key)) return undefined;
    return latest(history.ofName(key));
  }

  /** Today's kommuner that took a former kommune over (Ørskog 1523 → Ålesund 1508). */
  nowOf(period: KommunePeriod): Kommune[] {
    return kommuneHistory().nowOf(period);
  }

  /** «Ørskog (1523, Møre og Romsdal) ble en del av Ålesund (1507) 1. januar 2020; nå Ålesund (1508).» */
  describeFormer(period: KommunePeriod, typed?: string): string {
    return describeFormer(period, typed === undefined ? undefined : withoutKommuneWord(normalizeKey(typed)));
  }

  /** Adds or replaces a kommune (a workbook's DH_Kommuner can bring kommuner we do not know). */
  add(kommune: Kommune): void {
    this.suggestions.clear();
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
   * The kommunenummer of the fylke most of `named` belong to (the first one named on a tie), or undefined when none
   * has a fylke: where an ambiguous name (Herøy) settles in a sheet that is not the active dataset's.
   */
  fylkeScope(named: Iterable<Kommune>): ReadonlySet<string> | undefined {
    const counts = new Map<string, number>();
    for (const k of named) if (k.fylke) counts.set(k.fylke, (counts.get(k.fylke) ?? 0) + 1);
    let dominant: string | undefined;
    let most = 0;
    for (const [fylke, count] of counts) {
      if (count > most) {
        dominant = fylke;
        most = count;
      }
    }
    return dominant === undefined ? undefined : new Set(this.all().filter((k) => k.fylke === dominant).map((k) => k.kommunenr));
  }

  /**
   * Whether a name (not a number) is one of this registry's kommuner, one or several (Herøy): what `resolve` finds
   * without working out a «mente du …?» suggestion for a miss, for callers that only ask whether text is a kommune.
   */
  hasName(text: string): boolean {
    return (this.byKey.get(withoutKommuneWord(normalizeKey(text.trim())))?.length ?? 0) > 0;
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
    const key = withoutKommuneWord(normalizeKey(text));
    const candidates = this.byKey.get(key) ?? [];
    if (candidates.length === 1) return ok(candidates[0]!);
    if (candidates.length > 1) {
      const inScope = scope ? candidates.filter((c) => scope.has(c.kommunenr)) : [];
      if (inScope.length === 1) return ok(inScope[0]!);
      const options = candidates.map((c) => `${c.kommunenr} (${c.fylke})`).join(' eller ');
      return fail(`«${text}» er tvetydig: oppgi kommunenummer, ${options}.`);
    }
    const former = this.former(text);
    if (former) return fail(`«${text}» er ikke lenger en kommune: ${describeFormer(former, key)}`, 'notAvailable');
    const suggestion = this.suggest(key, scope);
    return fail(
      suggestion ? `Ukjent kommune «${text}» – mente du ${suggestion}?` : `Ukjent kommune «${text}». Oppgi kommunenavn eller kommunenummer.`,
      'notAvailable',
    );
  }

  private resolveNumber(kommunenr: string): Result<Kommune> {
    const kommune = this.byNr.get(kommunenr);
    return kommune ? ok(kommune) : fail(this.unknownNumberMessage(kommunenr), 'notAvailable');
  }

  /**
   * Today's kommuner that took over a kommunenummer no longer in use ("3004" → Fredrikstad 3107; "1507" → Ålesund
   * 1508 and Haram 1580; "1523" → Ålesund 1508), or undefined when `kommunenr` never was a kommune since 1977 or this
   * registry knows it (a workbook may bring it). Only for messages: a former number never resolves to a kommune.
   */
  successorsOf(kommunenr: string): Kommune[] | undefined {
    const period = this.former(kommunenr);
    if (!period) return undefined;
    const successors = this.nowOf(period);
    return successors.length ? successors : undefined;
  }

  /**
   * «Ukjent kommunenummer 3004: 3004 var Fredrikstads kommunenummer før 2024; nå 3107.» (or «… Ørskogs kommunenummer
   * før 2020; nå 1508 (Ålesund).») for a number this registry lacks.
   */
  unknownNumberMessage(kommunenr: string): string {
    const period = this.former(kommunenr);
    const successors = this.successorsOf(kommunenr);
    if (!period || !successors) return `Ukjent kommunenummer ${kommunenr}.`;
    const now =
      successors.length === 1 && successors[0]!.name === period.name
        ? successors[0]!.kommunenr
        : successors.map((k) => `${k.kommunenr} (${k.name})`).join(' eller ');
    return `Ukjent kommunenummer ${kommunenr}: ${kommunenr} var ${genitive(period.name)} kommunenummer før ${period.to!.slice(0, 4)}; nå ${now}.`;
  }

  /**
   * The closest known name within a small edit distance, members of `scope` first. A former kommune's name that is
   * at least as close wins over today's kommuner (so «Ørskg» is Ørskog, never Lørenskog in another fylke).
   */
  suggest(text: string, scope?: ReadonlySet<string>): string | undefined {
    const target = normalizeKey(text);
    if (!target) return undefined;
    // Remembered (until add() changes the names): a register checked again after an edit has the same misspellings,
    // and each costs a pass over every name, today's and former. Keyed by the scope's numbers, not the set object,
    // which its owner might change.
    const key = `${scope === undefined ? '' : [...scope].sort().join(',')}|${target}`;
    if (this.suggestions.has(key)) return this.suggestions.get(key);
    const found = this.closestName(target, scope);
    if (this.suggestions.size >= SUGGESTIONS_REMEMBERED) this.suggestions.clear();
    this.suggestions.set(key, found);
    return found;
  }

  private closestName(target: string, scope: ReadonlySet<string> | undefined): string | undefined {
    let best: { name: string; distance: number; member: boolean } | undefined;
    const consider = (key: string, candidates: () => Iterable<{ name: string; member: boolean }>, formerName: boolean) => {
      const limit = Math.max(1, Math.floor(Math.max(target.length, key.length) / 3));
      // The distance is at least the difference in length: most of the ~600 keys are skipped without computing it.
      if (Math.abs(target.length - key.length) > limit) return;
      const distance = editDistance(target, key);
      if (distance > limit) return;
      for (const c of candidates()) {
        const better = !best || distance < best.distance || (distance === best.distance && (formerName || (c.member && !best.member)));
        if (better) best = { name: c.name, distance, member: c.member };
      }
    };
    for (const [key, kommuner] of this.byKey) {
      consider(key, () => kommuner.map((k) => ({ name: k.name, member: scope?.has(k.kommunenr) ?? false })), false);
    }
    // Former names only once the key is close enough (consider() checks that first): filtering the periods of every
    // one of the ~900 historical keys cost each misspelt name in a register half a megabyte.
    const endedBy = (p: { readonly to?: string }) => p.to !== undefined && (this.day === undefined || p.to <= this.day);
    for (const [key, periods] of kommuneHistory().nameKeys()) {
      if (this.byKey.has(key)) continue;
      consider(key, () => periods.filter(endedBy).map((p) => ({ name: p.name, member: false })), true);
    }
    return best?.name;
  }
}

/** Suggestions a registry remembers, over all scopes (then it starts over). */
const SUGGESTIONS_REMEMBERED = 1000;

/** Norwegian genitive of a name: "Fredrikstads", but "Moss'" and "Ås'". */
function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
}

/**
 * Match keys for a kommune: name, aliases, and each with the ascii spellings users type (ø→o/oe, å→a/aa; the Sami
 * letters without a base letter, ŋ đ ŧ, as n d t: "Porsangu").
 */
function keysFor(kommune: Kommune): string[] {
  const keys = new Set<string>();
  for (const name of [kommune.name, ...kommune.aliases]) {
    keys.add(normalizeKey(name));
    const lower = name.toLowerCase().replace(/ŋ/g, 'n').replace(/đ/g, 'd').replace(/ŧ/g, 't');
    keys.add(normalizeKey(lower));
    keys.add(normalizeKey(lower.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')));
    keys.add(normalizeKey(lower.replace(/æ/g, 'a').replace(/ø/g, 'o').replace(/å/g, 'a')));
  }
  return [...keys].filter(Boolean);
}
