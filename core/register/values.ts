// How the register reads single cells: blank, error value, formula-like text, and the typed fields
// (numbers, dates, Ja/Nei, status, extract plan). Pure functions; the reader caches their results per text.
import { isCellError, isErrorLike, looksLikeFormula, parseDate, parseNumber, parseYesNo } from '../util/cells.js';
import type { Dec } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';

/** Classes of a cell, as the reader stores them per row (numbers so they fit a Uint8Array). */
export const CELL_BLANK = 0;
export const CELL_VALUE = 1;
/** A sheet error value ({cellError}, "#N/A" text, NaN/Infinity, an invalid Date, an unreadable object). */
export const CELL_ERROR = 2;
/** Text a spreadsheet would execute as a formula if written back ("=SUM(A1)", "@navn", "-ikke avklart"). */
export const CELL_FORMULA = 3;
export type CellClass = typeof CELL_BLANK | typeof CELL_VALUE | typeof CELL_ERROR | typeof CELL_FORMULA;

const DASHES_ONLY = /^[\s\-\u2012-\u2015\u2212]+$/;

/** Classifies one cell. Fast for ordinary text: one look at the first character. */
export function classifyCell(v: unknown): CellClass {
  if (typeof v === 'string') {
    if (v.length === 0) return CELL_BLANK;
    const c0 = v.charCodeAt(0);
    if (c0 === 61 || c0 === 43 || c0 === 45 || c0 === 64) {
      // = + - @ : a formula unless it is a number ("-12", "+47 …") or only dashes ("-", "--" mean "nothing").
      return looksLikeFormula(v) && !DASHES_ONLY.test(v) ? CELL_FORMULA : CELL_VALUE;
    }
    if (c0 === 35) return isErrorLike(v) ? CELL_ERROR : CELL_VALUE;
    if (c0 <= 32 || (c0 >= 127 && c0 <= 160) || c0 >= 0x1680) {
      const t = v.trim();
      if (t.length === 0) return CELL_BLANK;
      return isErrorLike(t) ? CELL_ERROR : CELL_VALUE;
    }
    return CELL_VALUE;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? CELL_VALUE : CELL_ERROR;
  if (v === null || v === undefined) return CELL_BLANK;
  if (typeof v === 'boolean') return CELL_VALUE;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? CELL_ERROR : CELL_VALUE;
  return CELL_ERROR;
}

/** Longest text shown from a cell in a message. */
const MAX_SHOWN = 80;

/** The cell's text for messages (never throws, whatever the value; long text is shortened). */
export function shownText(v: unknown): string {
  let text: string;
  if (v === null || v === undefined) text = '';
  else if (typeof v === 'string') text = v.trim();
  else if (typeof v === 'number') text = Number.isFinite(v) ? String(v) : String(v);
  else if (typeof v === 'boolean') text = v ? 'SANN' : 'USANN';
  else if (v instanceof Date) text = Number.isNaN(v.getTime()) ? 'ugyldig dato' : v.toISOString().slice(0, 10);
  else if (isCellError(v)) text = v.cellError;
  else text = '(ukjent verdi)';
  return text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN - 1) + '…' : text;
}

/** Describes an error cell for the feilverdi rule. */
export function errorDescription(v: unknown): string {
  if (typeof v === 'number') return `ugyldig tallverdi (${String(v)})`;
  if (v instanceof Date) return 'en ugyldig dato';
  if (isCellError(v) || typeof v === 'string') return `feilverdien ${shownText(v)}`;
  return 'en verdi som ikke kan leses';
}

// ---------------------------------------------------------------------------------------------------------
// Placeholders: text that fills a cell without saying anything ("-", "?", "Ukjent", "Ikke avklart").

const PLACEHOLDERS = new Set(['', 'ukjent', 'ikke avklart', 'uavklart', 'mangler', 'n a', 'na', 'ingen', 'tbd', 'xx', 'xxx', 'vet ikke', 'ikke kjent', 'ikke satt', 'ikke angitt']);
/** Longest placeholder text: longer text is never a placeholder, so most names skip the lookup. */
export const PLACEHOLDER_MAX_LENGTH = 14;

/** True when text is a placeholder that counts as "not filled in". */
export function isPlaceholderText(text: string): boolean {
  return PLACEHOLDERS.has(normalizeKey(text));
}

// ---------------------------------------------------------------------------------------------------------
// Numbers.

/** A parsed number: `value` for comparisons, `dec` for money, or `error` with a Norwegian reason. */
export interface RegisterNumber {
  readonly value: number;
  readonly dec?: Dec;
  readonly approximate: boolean;
  readonly error?: string;
}

const UNIT_SUFFIX = /\s*(mnd\.?|måneder|maaneder|måned|mndr\.?|md\.?|mån\.?|brukere|stk\.?|lisenser|pr\.?\s*mnd\.?|per\s*mnd\.?|\/\s*mnd\.?|pr\.?\s*måned|per\s*måned|eks\.?\s*mva|ekskl\.?\s*mva|inkl\.?\s*mva)$/i;

/** Parses a number cell's text: nb-NO formats via parseNumber, with trailing units ("3 mnd", "40 brukere") allowed. */
export function parseRegisterNumberText(text: string): RegisterNumber {
  let t = text.trim();
  // "-" / "–" in a number column means nothing, as in printed tables.
  if (DASHES_ONLY.test(t)) return { value: NaN, approximate: false };
  // No number is written with this many characters (and the patterns below need not look at essays).
  if (t.length > 60) return { value: NaN, approximate: false, error: `«${shownText(text)}» er ikke et tall` };
  for (let i = 0; i < 2; i++) {
    const stripped = t.replace(UNIT_SUFFIX, '');
    if (stripped === t) break;
    t = stripped;
  }
  const parsed = parseNumber(t);
  if (!parsed.ok) {
    return { value: NaN, approximate: false, error: `«${shownText(text)}» er ikke et tall` };
  }
  const value = parsed.value.toNumber();
  if (!Number.isFinite(value)) return { value: NaN, approximate: false, error: `«${shownText(text)}» er ikke et tall` };
  return { value, dec: parsed.value, approximate: parsed.approximate === true };
}

// ---------------------------------------------------------------------------------------------------------
// Dates, as whole days since 1970-01-01 (UTC), so comparisons are integer comparisons.

export const MS_PER_DAY = 86_400_000;
/** Excel serial of 1970-01-01 (1900 date system, leap-year bug included). */
export const EXCEL_EPOCH_OFFSET = 25569;

/**
 * A parsed contract date: `day`, or `open` (løpende/tidsubegrenset), or `error`. `period` is set when the cell named
 * a month, quarter, half year or year ("des. 2027", "Q4 2027", "2028") and `day` is that period's last day: the
 * date is used, with a note (omtrentlig-dato) that it was read that way.
 */
export interface RegisterDate {
  readonly day: number;
  readonly open?: boolean;
  readonly error?: string;
  /** "måneden", "kvartalet", "halvåret" or "året": the period whose last day `day` is. */
  readonly period?: string;
}

const OPEN_ENDED = new Set([
  'lopende', 'lopende avtale', 'fortlopende', 'tidsubegrenset', 'ubegrenset', 'ikke tidsbegrenset', 'ingen', 'ingen utlopsdato', 'evigvarende',
  'til oppsigelse', 'inntil videre', 'inntil oppsigelse', 'lopende til oppsigelse', 'lopende med oppsigelse', 'abonnement', 'lopende abonnement',
  'ubestemt', 'ubestemt tid', 'pa ubestemt tid', 'tidsubestemt', 'tidsubestemt avtale', 'ikke bestemt', 'uten sluttdato', 'uten utlopsdato',
  'ingen sluttdato', 'videre', 'til videre', 'lopende inntil videre', 'inntil videre lopende',
]);

/** Years a bare year (or a period within one) may name; other four-digit numbers are not read as years. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

/** The last day of a year's month (1–12), as days since 1970-01-01. */
function lastDayOfMonth(year: number, month: number): number {
  return civilDay(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1;
}

function periodEnd(year: number, month: number, period: string): RegisterDate {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR) || !(month >= 1 && month <= 12)) return { day: NaN };
  return { day: lastDayOfMonth(year, month), period };
}

/** Month names and abbreviations (folded: "des", "desember", "sept") → month number. */
const MONTHS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const names = [
    ['jan', 'januar', 'january'], ['feb', 'februar', 'february'], ['mar', 'mars', 'march'], ['apr', 'april'], ['mai', 'may'], ['jun', 'juni', 'june'],
    ['jul', 'juli', 'july'], ['aug', 'august'], ['sep', 'sept', 'september'], ['okt', 'oktober', 'oct', 'october'], ['nov', 'november'],
    ['des', 'desember', 'dec', 'december'],
  ];
  names.forEach((words, i) => words.forEach((w) => map.set(w, i + 1)));
  return map;
})();

/** Words that may come before a period and mean its end ("utgangen av 2027", "ut des. 2027"). */
const END_OF = /^(?:ved |innen )?(?:utgangen av|slutten av|utlopet av|ut|slutt) /;

/**
 * A contract end written as a period (on the folded text): "des 2027", "desember 2027", "12 2027" (12.2027),
 * "2027 12" (2027-12), "q4 2027", "4 kvartal 2027", "2027 q4", "1 halvar 2027", "2028", "utgangen av 2027". The
 * date is the period's last day; undefined when the text is no period.
 */
function periodDate(key: string): RegisterDate | undefined {
  const k = key.replace(END_OF, '');
  let m = /^(\d{4})$/.exec(k);
  if (m) return periodEnd(+m[1]!, 12, 'året');
  m = /^([a-z]+) (\d{4})$/.exec(k);
  if (m) {
    const month = MONTHS.get(m[1]!);
    return month === undefined ? undefined : periodEnd(+m[2]!, month, 'måneden');
  }
  m = /^(\d{1,2}) (\d{4})$/.exec(k) ?? /^(\d{4}) (\d{1,2})$/.exec(k);
  if (m) {
    const [year, month] = m[1]!.length === 4 ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return month >= 1 && month <= 12 ? periodEnd(year, month, 'måneden') : undefined;
  }
  m = /^(?:q ?([1-4])|([1-4]) ?(?:kvartal|kv)) (\d{4})$/.exec(k);
  if (m) return periodEnd(+m[3]!, 3 * +(m[1] ?? m[2])!, 'kvartalet');
  m = /^(\d{4}) q ?([1-4])$/.exec(k);
  if (m) return periodEnd(+m[1]!, 3 * +m[2]!, 'kvartalet');
  m = /^(?:h ?([12])|([12]) ?(?:halvar|halvaret)) (\d{4})$/.exec(k);
  if (m) return periodEnd(+m[3]!, 6 * +(m[1] ?? m[2])!, 'halvåret');
  return undefined;
}

/** Days since 1970-01-01 for an ISO date. */
export function isoToDay(iso: string): number {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / MS_PER_DAY);
}

/** Year, month and day of the last civilFromDay() call (scratch, to avoid allocating an array per date). */
let civilY = 0;
let civilM = 0;
let civilD = 0;

/** Sets civilY/M/D from a day number (Howard Hinnant's civil_from_days; no Date object). */
function civilFromDay(day: number): void {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  civilY = yoe + era * 400 + (m <= 2 ? 1 : 0);
  civilM = m;
  civilD = d;
}

const two = (n: number): string => (n < 10 ? '0' + n : String(n));
const four = (n: number): string => (n >= 0 && n < 10000 ? String(n).padStart(4, '0') : String(n));

/** ISO yyyy-mm-dd for a day number. */
export function dayToIso(day: number): string {
  civilFromDay(day);
  return `${four(civilY)}-${two(civilM)}-${two(civilD)}`;
}

/** dd.mm.åååå for a day number (nb-NO). */
export function dayToNb(day: number): string {
  civilFromDay(day);
  return `${two(civilD)}.${two(civilM)}.${four(civilY)}`;
}

/** A date from a number cell: an Excel serial date. A bare year (2027) is the year's last day (a period). */
export function registerDateFromNumber(v: number): RegisterDate {
  if (!Number.isFinite(v)) return { day: NaN, error: `${String(v)} er ikke en dato` };
  if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return periodEnd(v, 12, 'året');
  if (v < 1 || v >= 2958466) return { day: NaN, error: `${String(v)} er ikke en dato (bruk dd.mm.åååå)` };
  return { day: Math.floor(v) - EXCEL_EPOCH_OFFSET };
}

/**
 * A date from a Date cell. Hosts hand over date-only cells as midnight in the sheet's time zone, which in
 * Norway is 22:00 or 23:00 UTC the day before; rounding to the nearest day gives the date the sheet shows.
 */
export function registerDateFromDate(v: Date): RegisterDate {
  const t = v.getTime();
  if (Number.isNaN(t)) return { day: NaN, error: 'ugyldig dato' };
  return { day: Math.round(t / MS_PER_DAY) };
}

/**
 * A date from text: "31.12.2026", "2026-12-31", serials as text; "Løpende"/"Ubestemt" is an open-ended contract;
 * a month, quarter, half year or year ("des. 2027", "Q4 2027", "2028") is that period's last day (see periodDate).
 */
export function registerDateFromText(text: string): RegisterDate {
  const t = text.trim();
  const key = t.length < 40 ? normalizeKey(t) : '';
  if (t.length < 40 && (DASHES_ONLY.test(t) || OPEN_ENDED.has(key))) return { day: NaN, open: true };
  // Serials as text ("46022"). Other digits-only text is a year ("2028"), a month ("12.2027") or no date ("31.12").
  let period: RegisterDate | undefined;
  if (/^\d+([.,]\d+)?$/.test(t)) {
    if (/^\d{5,7}([.,]\d+)?$/.test(t)) return registerDateFromNumber(Number(t.replace(',', '.')));
    if (/^\d{4}$|^\d{1,2}[.,]\d{4}$/.test(t)) period = periodDate(key);
  } else {
    const parsed = parseDate(t);
    if (parsed.ok) return { day: isoToDay(parsed.value) };
    if (key) period = periodDate(key);
  }
  if (period !== undefined && period.day === period.day) return period;
  return { day: NaN, error: `«${shownText(t)}» er ikke en dato (bruk dd.mm.åååå)` };
}

/**
 * The day `months` months before `day`, clamped to the month's end (31.05 − 3 mnd = 28.02/29.02). A fractional
 * part counts as 30 days per month.
 */
export function subtractMonths(day: number, months: number): number {
  const whole = Math.floor(months);
  const extraDays = Math.round((months - whole) * 30);
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() - whole;
  const dom = d.getUTCDate();
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const result = Date.UTC(targetYear, targetMonth, Math.min(dom, lastDay)) / MS_PER_DAY;
  return Math.round(result) - extraDays;
}

// ---------------------------------------------------------------------------------------------------------
// Ja/Nei.

/** Check marks that mean Ja in a yes/no column: ✓ ✔ ☑ ✅ (also "✓ Ja"). */
const CHECK_MARK = /^[\u2713\u2714\u2611\u2705]\ufe0f?(\s*ja)?$/i;

/** Ja/Nei as the register reads it: parseYesNo plus "Delvis" (partly) and check marks (✓ ✔ ☑) = Ja. `error` otherwise. */
export function registerYesNo(v: unknown): { readonly value?: boolean; readonly error?: string } {
  const parsed = parseYesNo(v);
  if (parsed.ok) return { value: parsed.value };
  if (typeof v === 'string') {
    if (CHECK_MARK.test(v.trim())) return { value: true };
    const key = normalizeKey(v);
    if (key === 'delvis' || key === 'ja delvis' || key === 'ja x') return { value: true };
    return { error: `«${shownText(v)}» er ikke Ja eller Nei` };
  }
  return { error: `${shownText(v)} er ikke Ja eller Nei` };
}

// ---------------------------------------------------------------------------------------------------------
// Status.

// What each status means for the rules that look at it (reader.ts reads Status once per row; contract.ts holds the
// date rules' test):
//
//   status kind     examples                                 avtale-utlopt  oppsigelsesfrist  kostnad-utfaset  kritisk-integrasjon-mangler
//   IN_USE          I bruk, Aktiv, I drift, blank, unknown   yes            yes               no               yes
//   PHASING_OUT     Oppsagt, Sagt opp, Under avvikling,      no (notice is  no (notice is     no (paid until   yes (it still runs until the
//                   Skal fases ut, Erstattes                 given: ending  already given)    the end)         replacement takes over)
//                                                            is expected)
//   OUT_OF_USE      Utfaset, Avviklet, Avsluttet 2024, Ute   no             no                yes              no (nothing to integrate)
//                   av bruk, Stengt, Erstattet av X, Nei
//   PLANNED         Planlagt, Under anskaffelse, Under       no (not in     no                no               yes (plan its integrations)
//                   innføring                                use yet)

/** In use (also blank or unknown status text). */
export const STATUS_IN_USE = 0;
/** Out of use: utfaset, avviklet, avsluttet, ikke i bruk … */
export const STATUS_OUT_OF_USE = 1;
/** Notice given or being phased out (still running until it ends): oppsagt, under avvikling … */
export const STATUS_PHASING_OUT = 2;
/** Not taken into use yet: planlagt, under anskaffelse, under innføring. */
export const STATUS_PLANNED = 3;
export type StatusKind = typeof STATUS_IN_USE | typeof STATUS_OUT_OF_USE | typeof STATUS_PHASING_OUT | typeof STATUS_PLANNED;

// Status is read from its words, wherever they stand and whatever follows («Avsluttet 2024», «Ute av bruk fra
// 01.03.2024», «Erstattet av Visma Flyt», «I bruk, skal erstattes 2025»), not from a list of openings. The tense
// decides: what *will* end (skal/blir/planlagt + an end word, «oppsagt», «under avvikling», «fases ut») is being
// phased out; what *has* ended (avsluttet, stengt, erstattet, «ute av bruk», «ikke lenger i bruk») is out of use;
// what has not begun («ikke tatt i bruk», «ikke i bruk ennå», planlagt, under anskaffelse) is planned.

/** End words in the forms that speak of the future or of an intent. */
const WILL_END =
  /\b(skal|vil|blir|planlagt|planlegger|planlegges|forventes|forventet|bestemt|besluttet|vedtatt|vedtak om)( (a|aa|bli|vaere|snart|helt|etter hvert|i|innen|fra|til|\d{4}))* (avvikl|utfas|fases ut|faset ut|avslutt|erstatt|stenge|stengt|sies opp|sagt opp|legges ned|lagt ned|nedlegg|bytt|fjern|termin|kutt|oppsi)\w*/;
/** Notice given or being wound down: still running until it ends. */
const ENDING =
  /\b(oppsagt|sagt opp|oppsigelse (er )?(sendt|gitt|levert)|i oppsigelsestid|(under )?(avvikling|utfasing|utfasning|oppsigelse|avslutning|nedleggelse|utskifting|utskiftning)|fases ut|utfases|avvikles|avsluttes|erstattes|stenges|legges ned|byttes ut|skiftes ut|sies opp|i bruk (til|ut|frem til|fram til|inntil)|i drift (til|ut|frem til|fram til|inntil))\b/;
/** Not taken into use yet, said with a negation (before ENDED, which would read «ikke i bruk» as ended). */
const NOT_YET = /\b(ikke (enda |enna |ennu )?(tatt|satt) i (bruk|drift|produksjon)|ikke i (bruk|drift|produksjon) (enda|enna|ennu|for)|ikke startet|ikke innfort)\b/;
/** Not taken into use yet, said as a plan (after ENDED: «erstattet av X, som tas i bruk 2025» has ended). */
const PLANNED = /\b(planlagt|planlegges|under (anskaffelse|innforing|implementering|etablering|utrulling|utvikling|testing)|skal (tas|settes) i (bruk|drift|produksjon)|tas i bruk|anskaffes|innfores|bestilt|kommer)\b/;
/** Ended, in any wording. */
const ENDED =
  /\b(utfaset|faset ut|avviklet|avsluttet|nedlagt|lagt ned|stengt|slettet|erstattet|utgatt|utgaatt|historisk|inaktiv|deaktivert|terminert|opphort|fjernet|kassert|sagt opp og avsluttet|ute av (bruk|drift|produksjon)|tatt ut av (bruk|drift|produksjon)|ikke (lenger |lengre )?(i bruk|i drift|i produksjon|aktiv|brukt|i aktiv bruk)|brukes ikke|benyttes ikke|ikke i bruk|ikke aktiv)\b/;

/** Reads a Status (or "I bruk") cell. Ja/true = in use, Nei/false = out of use. */
export function statusKind(v: unknown): StatusKind {
  if (typeof v === 'boolean') return v ? STATUS_IN_USE : STATUS_OUT_OF_USE;
  if (typeof v === 'number') return v === 0 ? STATUS_OUT_OF_USE : STATUS_IN_USE;
  if (typeof v !== 'string') return STATUS_IN_USE;
  const key = normalizeKey(v);
  if (key === 'nei' || key === 'n' || key.startsWith('nei ')) return STATUS_OUT_OF_USE;
  if (WILL_END.test(key)) return STATUS_PHASING_OUT;
  if (NOT_YET.test(key)) return STATUS_PLANNED;
  if (ENDED.test(key)) return STATUS_OUT_OF_USE;
  if (ENDING.test(key)) return STATUS_PHASING_OUT;
  if (PLANNED.test(key)) return STATUS_PLANNED;
  return STATUS_IN_USE;
}

// ---------------------------------------------------------------------------------------------------------
// Sum rows: "Sum", "Totalt", "I alt" … under the systems (an Excel table's totals row, or one typed by hand).

/** Sum labels, folded (foldKey). */
const SUM_LABELS = new Set([
  'sum', 'summer', 'summert', 'summen', 'total', 'totalt', 'totalsum', 'total sum', 'totaler', 'i alt', 'sum totalt', 'totalt sum', 'sum i alt',
  'totalt i alt', 'sum total', 'sum alle', 'sum alle kommuner', 'sum samlet', 'sum kostnad', 'sum kostnader',
]);
/** Longest sum label worth folding ("sum alle kommuner" plus a colon or spaces). */
const SUM_LABEL_MAX_LENGTH = 22;

/**
 * True when `v` is a sum label ("Sum", "SUMMER", "Totalt:", "I alt", "Sum totalt"), case- and diacritic-insensitive.
 * Two character tests turn away nearly every other cell, so the reader can ask it for every row.
 */
export function isSumLabel(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const n = v.length;
  if (n < 3 || n > SUM_LABEL_MAX_LENGTH) return false;
  const raw0 = v.charCodeAt(0);
  const c0 = raw0 | 0x20;
  const c1 = v.charCodeAt(1) | 0x20;
  // su(m), to(tal), "i alt", or text led by spaces: only these can be a sum label.
  if (!((c0 === 115 && c1 === 117) || (c0 === 116 && c1 === 111) || (c0 === 105 && c1 === 32) || raw0 <= 32 || raw0 === 160)) return false;
  return SUM_LABELS.has(normalizeKey(v));
}

// ---------------------------------------------------------------------------------------------------------
// Uttrekk/depot: any real text is a plan; "Nei", "Ingen", "Mangler", "Ikke avklart" are not.

const NO_PLAN = /^(nei|n|ingen|ingen plan|mangler|ikke avklart|uavklart|ukjent|ikke planlagt|ikke startet|ikke vurdert|vet ikke|tbd|na|n a|x nei|0|false|usann)$/;

/** True when the Uttrekk/depot text states a plan (or a done extract/deposit). */
export function hasExtractPlanText(text: string): boolean {
  const key = normalizeKey(text);
  return key.length > 0 && !NO_PLAN.test(key);
}

// ---------------------------------------------------------------------------------------------------------
// Fast paths for the common spellings, without allocating. They return NaN when the text needs the full parser.

/** Days since 1970-01-01 of a valid calendar date, or NaN. */
export function civilDay(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const monthDays = m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
  if (d > monthDays) return NaN;
  // Howard Hinnant's days_from_civil.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digitsAt(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** "31.12.2026" or "2026-12-31" → day number; NaN for anything else (the full parser decides). */
export function fastDay(s: string): number {
  if (s.length !== 10) return NaN;
  const c2 = s.charCodeAt(2);
  if (c2 === 46 && s.charCodeAt(5) === 46) {
    const d = digitsAt(s, 0, 2);
    const m = digitsAt(s, 3, 2);
    const y = digitsAt(s, 6, 4);
    return d < 0 || m < 0 || y < 0 ? NaN : civilDay(y, m, d);
  }
  if (s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = digitsAt(s, 0, 4);
    const m = digitsAt(s, 5, 2);
    const d = digitsAt(s, 8, 2);
    return d < 0 || m < 0 || y < 0 ? NaN : civilDay(y, m, d);
  }
  return NaN;
}

/**
 * "12 345,50", "1234", "40", "kr 2 500", "2 500 kr", "2 500,-" → the number; NaN for anything else (other units,
 * "ca.", dots, signs: the full parser decides). Spaces (also no-break and narrow no-break) between digits group
 * thousands; one comma starts up to two decimals.
 */
export function fastNumber(s: string): number {
  let n = s.length;
  if (n === 0 || n > 20) return NaN;
  let i = 0;
  // "kr 2 500", "2 500 kr", "2 500,-": the currency words printed tables use.
  if ((s.charCodeAt(0) | 0x20) === 107 && (s.charCodeAt(1) | 0x20) === 114) {
    i = s.charCodeAt(2) === 32 ? 3 : 2;
  } else if (n > 3 && (s.charCodeAt(n - 1) | 0x20) === 114 && (s.charCodeAt(n - 2) | 0x20) === 107) {
    n -= s.charCodeAt(n - 3) === 32 ? 3 : 2;
  } else if (n > 2 && s.charCodeAt(n - 1) === 45 && s.charCodeAt(n - 2) === 44) {
    n -= 2;
  }
  if (i >= n) return NaN;
  let whole = 0;
  let digits = 0;
  for (; i < n; i++) {
    const ch = s.charCodeAt(i);
    if (ch >= 48 && ch <= 57) {
      whole = whole * 10 + (ch - 48);
      digits++;
    } else if (ch === 32 || ch === 160 || ch === 0x202f) {
      if (digits === 0 || i === n - 1) return NaN;
      const next = s.charCodeAt(i + 1);
      if (next < 48 || next > 57) return NaN;
    } else break;
  }
  if (digits === 0) return NaN;
  if (i === n) return whole;
  if (s.charCodeAt(i) !== 44 || n - i - 1 < 1 || n - i - 1 > 2) return NaN;
  let fraction = 0;
  let scale = 1;
  for (let j = i + 1; j < n; j++) {
    const d = s.charCodeAt(j) - 48;
    if (d < 0 || d > 9) return NaN;
    fraction = fraction * 10 + d;
    scale *= 10;
  }
  return whole + fraction / scale;
}

