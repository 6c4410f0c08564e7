// Kommuner through time (SPEC §10): every kommune since 1 January 1977 with its number, name(s), fylke, the day it
// began and ended and who took it over, parsed once from the generated core/kommuner/history-data.ts.
import { normalizeKey } from '../util/text.js';
import { HISTORY_FYLKER, KOMMUNE_HISTORY } from './history-data.js';
import { KNOWN_KOMMUNER } from './data.js';
import type { Kommune } from './registry.js';

/** One kommunenummer with one run of existence (a number can be used again later by another kommune). */
export interface KommunePeriod {
  readonly kommunenr: string;
  /** The name the kommune had last in this period. */
  readonly name: string;
  /** Every name it had, with the day each took effect (the first has none: it held from `from`). */
  readonly names: readonly { readonly name: string; readonly from?: string }[];
  readonly fylke: string;
  /** First day (ISO); undefined when it began before 1977. */
  readonly from?: string;
  /** The day it ended (ISO, exclusive); undefined while it is still a kommune. */
  readonly to?: string;
  /** Kommunenummer that took it over on `to`. */
  readonly next: readonly string[];
}

/** «2020» → «2020-01-01»; «2002-06-01» stays. */
function isoOf(text: string): string | undefined {
  if (!text) return undefined;
  return text.length === 4 ? `${text}-01-01` : text;
}

/** 2017 → 1 January 2017; «2017-05-03» and Date are read as that day. */
export function dayOf(when: number | string | Date): string {
  if (when instanceof Date) return when.toISOString().slice(0, 10);
  if (typeof when === 'number') return `${String(when).padStart(4, '0')}-01-01`;
  return /^\d{4}$/.test(when) ? `${when}-01-01` : when.slice(0, 10);
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** «1. januar 2020». */
export function norwegianDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)}. ${MONTHS[Number(m) - 1]} ${y}`;
}

function parse(): KommunePeriod[] {
  const periods: KommunePeriod[] = [];
  for (const line of KOMMUNE_HISTORY.split('\n')) {
    if (!line) continue;
    const [kommunenr, namePart, fylke, from, to, next] = line.split('|') as [string, string, string, string, string, string];
    const parts = namePart.split('~');
    const names: { name: string; from?: string }[] = [{ name: parts[0]! }];
    for (let i = 1; i + 1 < parts.length; i += 2) names.push({ name: parts[i + 1]!, from: isoOf(parts[i]!) });
    periods.push({
      kommunenr,
      name: names[names.length - 1]!.name,
      names,
      fylke: HISTORY_FYLKER[Number(fylke)] ?? '',
      ...(isoOf(from) ? { from: isoOf(from) } : {}),
      ...(isoOf(to) ? { to: isoOf(to) } : {}),
      next: next ? next.split(',') : [],
    });
  }
  return periods;
}

/** «Divtasvuodna - Tysfjord» is also «Divtasvuodna» and «Tysfjord»; «Sandøy» also «Sandoey» (as users type it). */
export function nameKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const part of name.includes(' - ') ? [name, ...name.split(' - ')] : [name]) {
    const lower = part.toLowerCase();
    keys.add(normalizeKey(lower));
    keys.add(normalizeKey(lower.replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')));
  }
  return [...keys].filter(Boolean);
}

/** The history of every kommune since 1977. Built once, on first use. */
export class KommuneHistory {
  readonly periods: readonly KommunePeriod[];
  private readonly byNr = new Map<string, KommunePeriod[]>();
  private readonly byName = new Map<string, KommunePeriod[]>();
  private readonly current = new Map(KNOWN_KOMMUNER.map((k) => [k.kommunenr, k]));
  private readonly atCache = new Map<string, Kommune[]>();

  constructor(periods: readonly KommunePeriod[] = parse()) {
    this.periods = periods;
    for (const p of periods) {
      this.byNr.set(p.kommunenr, [...(this.byNr.get(p.kommunenr) ?? []), p]);
      for (const { name } of p.names) {
        for (const key of nameKeys(name)) {
          const list = this.byName.get(key) ?? [];
          if (!list.includes(p)) list.push(p);
          this.byName.set(key, list);
        }
      }
    }
  }

  /** Periods of a kommunenummer, latest last. */
  ofNumber(kommunenr: string): readonly KommunePeriod[] {
    return this.byNr.get(kommunenr) ?? [];
  }

  /** Periods that ever carried a name (case/diacritic-insensitive; each part of a Sami/Norwegian double name). */
  ofName(name: string): readonly KommunePeriod[] {
    return this.byName.get(normalizeKey(name)) ?? [];
  }

  /** Every normalized former name, for suggestions. */
  nameKeys(): IterableIterator<[string, KommunePeriod[]]> {
    return this.byName.entries();
  }

  /** The period of `kommunenr` on `day`, if it was a kommune then. */
  numberAt(kommunenr: string, day: string): KommunePeriod | undefined {
    const listed = this.byNr.get(kommunenr);
    if (listed) return listed.find((p) => isValid(p, day));
    // Today's kommuner that neither began nor ended since 1977 (Bodø, taking Skjerstad over in 2005) have no line.
    const now = this.current.get(kommunenr);
    return now ? { kommunenr, name: now.name, names: [{ name: now.name }], fylke: now.fylke, next: [] } : undefined;
  }

  /** The name a period had on `day` (its last name when the day is outside it). */
  nameAt(period: KommunePeriod, day: string): string {
    let name = period.names[0]!.name;
    for (const n of period.names) if (!n.from || n.from <= day) name = n.name;
    return name;
  }

  /**
   * The kommuner of `day` as the registry knows kommuner: number, the name of that day, fylke, and the other names
   * of the period as aliases. Today's kommuner keep their aliases (Sami parallel names) from data.ts.
   */
  kommunerAt(when: number | string | Date): Kommune[] {
    const day = dayOf(when);
    let hit = this.atCache.get(day);
    if (hit) return hit;
    const listed = new Set<string>();
    hit = [];
    for (const p of this.periods) {
      if (!isValid(p, day)) continue;
      listed.add(p.kommunenr);
      const now = p.to === undefined ? this.current.get(p.kommunenr) : undefined;
      const name = this.nameAt(p, day);
      if (now && now.name === name) hit.push(now);
      else {
        const aliases = new Set(p.names.flatMap((n) => [n.name, ...(n.name.includes(' - ') ? n.name.split(' - ') : [])]));
        aliases.delete(name);
        hit.push({ kommunenr: p.kommunenr, name, fylke: p.fylke, aliases: [...aliases, ...(now?.aliases ?? [])] });
      }
    }
    // Today's kommuner that began before 1977 and never changed are not in the history lines.
    for (const k of KNOWN_KOMMUNER) if (!listed.has(k.kommunenr) && !this.byNr.has(k.kommunenr)) hit.push(k);
    if (this.atCache.size >= 64) this.atCache.clear();
    this.atCache.set(day, hit);
    return hit;
  }

  /**
   * Today's kommuner that took over a period, following every later change (Ørskog 1523 → Ålesund 1507 → Ålesund
   * 1508). When a kommune is split and one part restores a kommune that had merged into it (Haram 1580 in 2024),
   * that part took back only its own land: the others went to the rest.
   */
  nowOf(period: KommunePeriod): Kommune[] {
    if (period.to === undefined) {
      const now = this.current.get(period.kommunenr);
      return now ? [now] : [];
    }
    const out = new Map<string, Kommune>();
    for (const nr of period.next) {
      const next = this.numberAt(nr, period.to);
      if (!next) continue;
      let targets: readonly string[] = [];
      if (next.to !== undefined && next.next.length > 1) {
        const restoring = next.next.filter((s) => this.restores(s, next));
        const own = restoring.filter((s) => sameName(this.numberAt(s, next.to!)?.name, period.name));
        if (restoring.length && period.kommunenr !== next.kommunenr) {
          targets = own.length ? own : next.next.filter((s) => !restoring.includes(s));
        }
      }
      if (targets.length) {
        for (const s of targets) {
          const succ = this.numberAt(s, next.to!);
          if (succ) for (const k of this.nowOf(succ)) out.set(k.kommunenr, k);
        }
      } else {
        for (const k of this.nowOf(next)) out.set(k.kommunenr, k);
      }
    }
    return [...out.values()];
  }

  /** True when `successorNr`, created when `split` ended, bears the name of a kommune that had merged into `split`. */
  private restores(successorNr: string, split: KommunePeriod): boolean {
    const successor = this.numberAt(successorNr, split.to!);
    // The part that keeps the split kommune's name (Ålesund 1508 of Ålesund 1507) goes on with it: no restoration.
    if (!successor || !split.from || sameName(successor.name, split.name)) return false;
    return this.periods.some(
      (p) => p.to === split.from && p.next.includes(split.kommunenr) && p.kommunenr !== split.kommunenr && sameName(p.name, successor.name),
    );
  }

  /** The period a kommune took over, as a Kommune for messages (name and fylke of its last day). */
  asKommune(period: KommunePeriod): Kommune {
    return this.current.get(period.kommunenr) && period.to === undefined
      ? this.current.get(period.kommunenr)!
      : { kommunenr: period.kommunenr, name: period.name, fylke: period.fylke, aliases: [] };
  }
}

function sameName(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && normalizeKey(a) === normalizeKey(b);
}

function isValid(p: KommunePeriod, day: string): boolean {
  return (p.from === undefined || p.from <= day) && (p.to === undefined || p.to > day);
}

let shared: KommuneHistory | undefined;
/** The built-in history, parsed on first use. */
export function kommuneHistory(): KommuneHistory {
  shared ??= new KommuneHistory();
  return shared;
}

/**
 * «Ørskog (1523, Møre og Romsdal) ble en del av Ålesund (1507) 1. januar 2020; nå Ålesund (1508).» — what a former
 * kommune became, in the words a user reads.
 */
export function describeFormer(period: KommunePeriod, typed?: string, history: KommuneHistory = kommuneHistory()): string {
  const to = period.to!;
  // «Borre» found Horten 0701, which was called Borre until 2002: say so first.
  const key = typed === undefined ? '' : normalizeKey(typed);
  const last = nameKeys(period.name);
  const earlier = last.includes(key) ? -1 : period.names.findIndex((n, i) => i < period.names.length - 1 && nameKeys(n.name).includes(key));
  const renamed =
    earlier < 0
      ? ''
      : `${period.names[earlier]!.name} (${period.kommunenr}) fikk navnet ${period.names[earlier + 1]!.name} ${norwegianDay(period.names[earlier + 1]!.from!)}; `;
  const next = period.next.map((nr) => history.numberAt(nr, to)).filter((p): p is KommunePeriod => !!p);
  const label = (p: KommunePeriod) => `${history.nameAt(p, to)} (${p.kommunenr})`;
  const self = `${period.name} (${period.kommunenr}${period.fylke ? `, ${period.fylke}` : ''})`;
  let what: string;
  if (next.length === 1 && next[0]!.kommunenr !== period.kommunenr && sameName(next[0]!.name, period.name) && next[0]!.from === to) {
    what = `fikk nummer ${next[0]!.kommunenr}`;
  } else if (next.length === 1) {
    what = `ble en del av ${label(next[0]!)}`;
  } else if (next.length > 1) {
    what = `ble delt mellom ${next.slice(0, -1).map(label).join(', ')} og ${label(next[next.length - 1]!)}`;
  } else {
    what = 'ble nedlagt';
  }
  const now = history.nowOf(period);
  const direct = new Set(next.map((p) => p.kommunenr));
  const nowText = now.every((k) => direct.has(k.kommunenr) && history.numberAt(k.kommunenr, to)?.to === undefined)
    ? ''
    : `; nå ${now.map((k) => `${k.name} (${k.kommunenr})`).join(' og ')}`;
  return `${renamed}${self} ${what} ${norwegianDay(to)}${nowText}.`;
}
