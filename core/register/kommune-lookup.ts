// Kommune columns of a register: resolves names and numbers through the KommuneRegistry (ambiguous names
// settle within the active dataset's members), and caches per distinct text so 200 000 rows cost little.
// The key is always the kommunenummer; a name is only used when it identifies exactly one kommune.
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
}

type Unslotted = Omit<KommuneLookupResult, 'slot'>;

const DEFAULT_REGISTRY = new KommuneRegistry();

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

/** "1833 Rana", "1833 - Rana", "1833: Rana". */
const NUMBER_AND_NAME = /^(\d{3,4})\s*[-–:,]?\s*(\D.*)$/;

export class KommuneLookup {
  private readonly byText = new Map<string, KommuneLookupResult>();
  private readonly byNumberText = new Map<string, KommuneLookupResult>();
  private readonly byNumberValue = new Map<number, KommuneLookupResult>();
  /** Fast path: integer kommunenummer 1 … 9999 → result. */
  private readonly byInt: (KommuneLookupResult | undefined)[] = new Array<KommuneLookupResult | undefined>(10000).fill(undefined);
  private readonly agreeCache = new Map<string, boolean>();

  constructor(
    readonly registry: KommuneRegistry = DEFAULT_REGISTRY,
    /** Kommunenummer of the active dataset's members (settles ambiguous names, ranks suggestions). */
    readonly scope?: ReadonlySet<string>,
  ) {}

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

  /** Gives the result its kommune slot, as an object of one fixed shape (fast property access in the row loop). */
  private slotted(result: Unslotted): KommuneLookupResult {
    let slot = -1;
    if (result.kommune) {
      const known = this.slots.get(result.kommune.kommunenr);
      slot = known ?? this.slots.size;
      if (known === undefined) this.slots.set(result.kommune.kommunenr, slot);
    }
    return {
      kind: result.kind,
      kommune: result.kommune,
      text: result.text,
      name: result.name,
      message: result.message,
      suggestion: result.suggestion,
      candidates: result.candidates,
      slot,
    };
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
    const asName = this.registry.resolve(text, this.scope);
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
    const named = this.registry.resolve(name, this.scope);
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
    const found = this.registry.resolve(text, this.scope);
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
    const suggestion = normalizeKey(text) ? this.registry.suggest(text, this.scope) : undefined;
    return {
      kind: LOOKUP_UNKNOWN,
      text: shown,
      name: text,
      message: suggestion ? `Ukjent kommune «${shown}» – mente du ${suggestion}?` : `Ukjent kommune «${shown}».`,
      suggestion,
    };
  }
}
