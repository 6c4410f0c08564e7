// Kommune columns of a register: resolves names and numbers through the KommuneRegistry (ambiguous names
// settle within the active dataset's members), and caches per distinct text so 200 000 rows cost little.
// The key is always the kommunenummer; a name is only used when it identifies exactly one kommune.
import { isMostlyMembers } from '../dataset/context.js';
import { KommuneRegistry, type Kommune } from '../kommuner/registry.js';
import { normalizeKey } from '../util/text.js';
import { isPlaceholderText, shownText } from './values.js';

export const LOOKUP_OK = 0;
/** A name or number that is not a known kommune. */
export const LOOKUP_UNKNOWN = 1;
/** A name shared by several kommuner, none of them (or more than one) in the active dataset. */
export const LOOKUP_AMBIGUOUS = 2;
/** A number that is not four digits. */
export const LOOKUP_INVALID = 3;
/** "1833 Vefsn": number and name in one cell that disagree. */
export const LOOKUP_MISMATCH = 4;
/** A placeholder ("-", "?", "Ukjent"): the same as a blank cell. */
export const LOOKUP_MISSING = 5;

export interface KommuneLookupResult {
  readonly kind: typeof LOOKUP_OK | typeof LOOKUP_UNKNOWN | typeof LOOKUP_AMBIGUOUS | typeof LOOKUP_INVALID | typeof LOOKUP_MISMATCH | typeof LOOKUP_MISSING;
  readonly kommune?: Kommune;
  /** The text as typed (trimmed, shortened). */
  readonly text: string;
  /** The name part, when the cell held a name. */
  readonly name?: string;
  /** Norwegian explanation for a finding (not set when ok). */
  readonly message?: string;
  /** "Rana" / "1833": what the user probably meant. */
  readonly suggestion?: string;
  /** For an ambiguous name: the kommuner it can mean. */
  readonly candidates?: readonly Kommune[];
  /** Dense index of `kommune` within this lookup (0, 1, 2 … in order of first sight), -1 without a kommune. */
  readonly slot: number;
  /** Dense index of this result within its lookup (KommuneLookup.result(id) gives it back): a number to keep per row. */
  readonly id: number;
}

type Unslotted = Omit<KommuneLookupResult, 'slot' | 'id'>;

/** The built-in registry, shared by every run that brings none of its own. */
export const DEFAULT_REGISTRY = new KommuneRegistry();

/** "1833" → 1833 without allocating; -1 unless exactly four ASCII digits. */
export function fourDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Where the ambiguous names of a register settle: among the active dataset's members when nearly all the kommuner
 * the register names without ambiguity are members; otherwise (another network's register, e.g. Sunnmøre's, where
 * «Herøy» is 1515) among the kommuner of the fylke most of its rows belong to.
 */
export function registerScope(
  rows: readonly (readonly unknown[] | undefined)[],
  numberColumn: number,
  nameColumn: number,
  registry: KommuneRegistry,
  datasetScope: ReadonlySet<string> | undefined,
): ReadonlySet<string> | undefined {
  const memo = new Map<unknown, Kommune | null>();
  const identify = (v: unknown, asNumber: boolean): Kommune | null => {
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    let hit = memo.get(v);
    if (hit === undefined) {
      const text = String(v).trim();
      if (/^\d{3,4}$/.test(text)) hit = registry.byNumber(text.padStart(4, '0')) ?? null;
      else if (asNumber || text.length === 0 || text.length > 100) hit = null;
      else {
        const found = registry.resolve(text);
        hit = found.ok ? found.value : null;
      }
      memo.set(v, hit);
    }
    return hit;
  };
  const named: Kommune[] = [];
  let members = 0;
  for (const row of rows) {
    if (!Array.isArray(row)) continue;
    const kommune = (numberColumn >= 0 ? identify(row[numberColumn], true) : null) ?? (nameColumn >= 0 ? identify(row[nameColumn], false) : null);
    if (kommune === null) continue;
    named.push(kommune);
    if (datasetScope?.has(kommune.kommunenr)) members++;
  }
  if (datasetScope !== undefined && isMostlyMembers(members, named.length)) return datasetScope;
  return registry.fylkeScope(named) ?? datasetScope;
}

/** "1833 Rana", "1833 - Rana", "1833: Rana". */
const NUMBER_AND_NAME = /^(\d{3,4})\s*[-–:,]?\s*(\D.*)$/;

export class KommuneLookup {
  private readonly byText = new Map<string, KommuneLookupResult>();
  private readonly byNumberText = new Map<string, KommuneLookupResult>();
  private readonly byNumberValue = new Map<number, KommuneLookupResult>();
  /** Fast path: integer kommunenummer 1 … 9999 → result. */
  private readonly byInt: (KommuneLookupResult | undefined)[] = new Array<KommuneLookupResult | undefined>(10000).fill(undefined);
  private readonly agreeCache = new Map<string, boolean>();

  private scopeProvider: (() => ReadonlySet<string> | undefined) | undefined;
  private scopeValue: ReadonlySet<string> | undefined;

  constructor(
    readonly registry: KommuneRegistry = DEFAULT_REGISTRY,
    /**
     * Kommunenummer that settle ambiguous names and rank suggestions (the active dataset's members), or a function
     * that works them out, called once and only when a name needs them.
     */
    scope?: ReadonlySet<string> | (() => ReadonlySet<string> | undefined),
    /** Kommunenummer preferred in suggestions for misspelt names (default: `scope` when it is a set). */
    private readonly ranking: ReadonlySet<string> | undefined = typeof scope === 'function' ? undefined : scope,
  ) {
    if (typeof scope === 'function') this.scopeProvider = scope;
    else this.scopeValue = scope;
  }

  /** A name through the registry; the scope is only asked for when the name is ambiguous (Herøy, Våler). */
  private resolveName(text: string): ReturnType<KommuneRegistry['resolve']> {
    const found = this.registry.resolve(text);
    return !found.ok && found.error.kind === 'value' ? this.registry.resolve(text, this.scope) : found;
  }

  /** The kommunenummer ambiguous names settle among (undefined: none). */
  get scope(): ReadonlySet<string> | undefined {
    const provider = this.scopeProvider;
    if (provider !== undefined) {
      this.scopeProvider = undefined;
      this.scopeValue = provider();
    }
    return this.scopeValue;
  }

  /** A Kommunenr cell: 1833, "1833", "0301", "1833 Rana". */
  number(v: unknown): KommuneLookupResult {
    if (typeof v === 'number' && v >= 1 && v <= 9999 && (v | 0) === v) return this.int(v);
    if (typeof v === 'string' && v.length === 4) {
      const n = fourDigits(v);
      if (n > 0) return this.int(n);
    }
    if (typeof v === 'number') {
      let hit = this.byNumberValue.get(v);
      if (hit === undefined) {
        hit = this.slotted(this.invalidNumber(String(v)));
        this.byNumberValue.set(v, hit);
      }
      return hit;
    }
    const text = typeof v === 'string' ? v : shownText(v);
    let hit = this.byNumberText.get(text);
    if (hit === undefined) {
      hit = this.slotted(this.numberText(text));
      this.byNumberText.set(text, hit);
    }
    return hit;
  }

  /** A Kommune cell: a name, alias or ascii spelling; a number or "1833 Rana" is accepted too. */
  name(v: unknown): KommuneLookupResult {
    if (typeof v === 'number') return this.number(v);
    const text = typeof v === 'string' ? v : shownText(v);
    let hit = this.byText.get(text);
    if (hit === undefined) {
      hit = this.slotted(this.nameText(text));
      this.byText.set(text, hit);
    }
    return hit;
  }

  private readonly slots = new Map<string, number>();
  private readonly results: KommuneLookupResult[] = [];

  /** The result with this id (see KommuneLookupResult.id). */
  result(id: number): KommuneLookupResult {
    return this.results[id]!;
  }

  /** Gives the result its kommune slot, as an object of one fixed shape (fast property access in the row loop). */
  private slotted(result: Unslotted): KommuneLookupResult {
    let slot = -1;
    if (result.kommune) {
      const known = this.slots.get(result.kommune.kommunenr);
      slot = known ?? this.slots.size;
      if (known === undefined) this.slots.set(result.kommune.kommunenr, slot);
    }
    const slottedResult: KommuneLookupResult = {
      kind: result.kind,
      kommune: result.kommune,
      text: result.text,
      name: result.name,
      message: result.message,
      suggestion: result.suggestion,
      candidates: result.candidates,
      slot,
      id: this.results.length,
    };
    this.results.push(slottedResult);
    return slottedResult;
  }

  /** Number of kommune slots handed out so far (slots are 0 … slotCount−1). */
  get slotCount(): number {
    return this.slots.size;
  }

  /** An integer kommunenummer 1 … 9999. */
  int(n: number): KommuneLookupResult {
    let hit = this.byInt[n];
    if (hit === undefined) {
      const text = String(n).padStart(4, '0');
      hit = this.slotted(this.resolveNumber(text, text));
      this.byInt[n] = hit;
    }
    return hit;
  }

  /** True when the name (as typed) can mean kommunenr `nr` (Herøy agrees with both 1818 and 1515). */
  agrees(nameText: string, nr: string): boolean {
    if (nameText.length > 100) return false; // no kommune name is that long (and suggestions would be slow)
    const key = nr + '\u0001' + nameText;
    let hit = this.agreeCache.get(key);
    if (hit === undefined) {
      const found = this.registry.resolve(nameText, new Set([nr]));
      hit = found.ok && found.value.kommunenr === nr;
      this.agreeCache.set(key, hit);
    }
    return hit;
  }

  private numberText(raw: string): Unslotted {
    const text = raw.trim();
    if (isPlaceholderText(text)) return { kind: LOOKUP_MISSING, text: shownText(text) };
    if (/^\d{3,4}$/.test(text)) return this.resolveNumber(text.padStart(4, '0'), text);
    const both = NUMBER_AND_NAME.exec(text);
    if (both) return this.numberAndName(both[1]!.padStart(4, '0'), both[2]!.trim(), text);
    const shown = shownText(text);
    if (text.length > 100) return this.invalidNumber(shown);
    // A name in the number column: say which number it has.
    const asName = this.resolveName(text);
    if (asName.ok) {
      return {
        kind: LOOKUP_INVALID,
        text: shown,
        message: `«${shown}» er ikke et kommunenummer: ${asName.value.name} har kommunenummer ${asName.value.kommunenr}.`,
        suggestion: asName.value.kommunenr,
      };
    }
    return this.invalidNumber(shown);
  }

  private invalidNumber(shown: string): Unslotted {
    return { kind: LOOKUP_INVALID, text: shown, message: `«${shown}» er ikke et kommunenummer: bruk fire siffer, f.eks. 1833 for Rana.` };
  }

  private resolveNumber(nr: string, shown: string): Unslotted {
    const kommune = this.registry.byNumber(nr);
    if (kommune) return { kind: LOOKUP_OK, kommune, text: shown };
    // A number taken out of use on 1 January 2024 (3004 Fredrikstad, now 3107) is still unknown, but says what replaced it.
    const successors = this.registry.successorsOf(nr);
    return {
      kind: LOOKUP_UNKNOWN,
      text: shown,
      message: this.registry.unknownNumberMessage(nr),
      suggestion: successors?.map((k) => k.kommunenr).join(' eller '),
    };
  }

  private numberAndName(nr: string, name: string, shown: string): Unslotted {
    const byNumber = this.resolveNumber(nr, shown);
    if (byNumber.kind !== LOOKUP_OK) return byNumber;
    const kommune = byNumber.kommune!;
    if (this.agrees(name, nr)) return { kind: LOOKUP_OK, kommune, text: shown, name };
    const named = this.resolveName(name);
    const other = named.ok ? ` (${named.value.name} har ${named.value.kommunenr})` : '';
    return {
      kind: LOOKUP_MISMATCH,
      kommune,
      text: shown,
      name,
      message: `«${shownText(shown)}»: kommunenummer ${nr} er ${kommune.name}, ikke «${shownText(name)}»${other}.`,
      suggestion: `${nr} ${kommune.name}`,
    };
  }

  private nameText(raw: string): Unslotted {
    const text = raw.trim();
    const shown = shownText(text);
    if (isPlaceholderText(text)) return { kind: LOOKUP_MISSING, text: shown };
    if (/^\d{3,4}$/.test(text)) return this.resolveNumber(text.padStart(4, '0'), shown);
    const both = NUMBER_AND_NAME.exec(text);
    if (both) return this.numberAndName(both[1]!.padStart(4, '0'), both[2]!.trim(), shown);
    if (text.length > 100) {
      return { kind: LOOKUP_UNKNOWN, text: shown, name: shown, message: `Ukjent kommune «${shown}». Skriv kommunenavnet eller kommunenummeret.` };
    }
    const found = this.resolveName(text);
    if (found.ok) return { kind: LOOKUP_OK, kommune: found.value, text: shown, name: text };
    if (found.error.kind === 'value') {
      // Ambiguous: list the kommuner the name can mean.
      const candidates = this.registry.all().filter((k) => this.agrees(text, k.kommunenr));
      if (candidates.length > 1) {
        const list = candidates.map((k) => `${k.kommunenr} (${k.fylke || k.name})`).join(' og ');
        return {
          kind: LOOKUP_AMBIGUOUS,
          text: shown,
          name: text,
          candidates,
          message: `«${shown}» er tvetydig: ${candidates[0]!.name} finnes som ${list}.`,
          suggestion: candidates.map((k) => k.kommunenr).join(' eller '),
        };
      }
    }
    // A kommune that has merged or been split since (Ørskog, Norddal, Halsa) is named as what it was and what took it
    // over, never "corrected" into a kommune that merely looks alike (Lørenskog, Nord-Odal).
    const former = this.registry.former(text);
    if (former) {
      const now = this.registry.nowOf(former);
      return {
        kind: LOOKUP_UNKNOWN,
        text: shown,
        name: text,
        message: `«${shown}» er ikke lenger en kommune: ${this.registry.describeFormer(former, text)}`,
        suggestion: now.length === 1 ? now[0]!.name : undefined,
      };
    }
    const suggestion = normalizeKey(text) ? this.registry.suggest(text, this.ranking) : undefined;
    return {
      kind: LOOKUP_UNKNOWN,
      text: shown,
      name: text,
      message: suggestion ? `Ukjent kommune «${shown}» – mente du ${suggestion}?` : `Ukjent kommune «${shown}».`,
      suggestion,
    };
  }
}
