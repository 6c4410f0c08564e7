// Reads a register row by row into RowFacts: every cell looked at once (blank / value / error / formula-like),
// each typed field parsed once, each distinct text parsed only the first time it is seen, and the common
// spellings ("31.12.2026", "12 345,50", "Ja", "I bruk", 1833) read without any lookup. Rules look at the facts,
// never at raw parsing, so 200 000 rows are read in one pass with next to no allocation.
import { dec, type Dec } from '../money/kroner.js';
import { fieldForHeader, type RegisterField, type RegisterHeader } from './fields.js';
import { DEFAULT_REGISTRY, KommuneLookup, LOOKUP_MISSING, LOOKUP_OK, LOOKUP_UNKNOWN, registerScope, type KommuneLookupResult } from './kommune-lookup.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import { kommuneFromContext, type ContextKommune } from './sheet-kommune.js';
import { supplierKey } from './suppliers.js';
import { contractMayBeDue } from './contract.js';
import { normalizeKey } from '../util/text.js';
import {
  CELL_BLANK,
  CELL_VALUE,
  classifyCell,
  dayToNb,
  EXCEL_EPOCH_OFFSET,
  fastDay,
  fastNumber,
  hasExtractPlanText,
  isPlaceholderText,
  isSumLabel,
  parseRegisterNumberText,
  PLACEHOLDER_MAX_LENGTH,
  registerDateFromDate,
  registerDateFromNumber,
  registerDateFromText,
  registerYesNo,
  shownText,
  STATUS_IN_USE,
  STATUS_OUT_OF_USE,
  statusKind,
  type RegisterDate,
  type RegisterNumber,
  type StatusKind,
} from './values.js';

/** A typed cell that could not be read, for the ugyldig-* and omtrentlig-tall rules. */
export interface ParseProblem {
  /** 'period': a date written as a month, quarter or year ("des. 2027"), read as its last day (omtrentlig-dato). */
  readonly kind: 'number' | 'date' | 'yesno' | 'approximate' | 'period';
  readonly field: RegisterField;
  /** Column index within the row. */
  readonly c: number;
  /** Norwegian reason, e.g. "«mye» er ikke et tall". */
  readonly reason: string;
  /** The cell's text. */
  readonly actual: string;
}

// Row flags: what the reader saw in a row. A rule declares the flags it needs (RuleRun.when) and is only
// called for rows that have one of them, so a clean row costs almost nothing beyond reading it.
/** Some cell holds an error value or formula-like text (RowFacts.badColumns). */
export const ROW_BAD_CELL = 1 << 0;
/** Some typed cell could not be read, or is approximate (RowFacts.problems). */
export const ROW_PROBLEM = 1 << 1;
/** Kommune/Kommunenr is missing, unknown, ambiguous or they disagree. */
export const ROW_KOMMUNE = 1 << 2;
export const ROW_MISSING_SYSTEM = 1 << 3;
export const ROW_MISSING_SUPPLIER = 1 << 4;
export const ROW_MISSING_OWNER = 1 << 5;
export const ROW_MISSING_MANAGER = 1 << 6;
/**
 * A system in use whose contract has ended, or whose notice deadline may fall within the warning window
 * (contract.ts contractMayBeDue): the rows the contract rules must look at. Never set when the reader has no today.
 */
export const ROW_CONTRACT_DUE = 1 << 7;
/** Arkivverdig or Bevaringsverdig is Ja, and Uttrekk/depot states no plan. */
export const ROW_NO_EXTRACT_PLAN = 1 << 8;
/** Status says the system is out of use. */
export const ROW_OUT_OF_USE = 1 << 9;

/** Longest text read as a section label («Systemer i Hattfjelldal kommune» is longer than any kommune name needs). */
const SECTION_LABEL_MAX_LENGTH = 60;

/** Flags every sum row has at least one of (isSumRow is only asked for such rows). */
const SUM_ROW_SIGNS = ROW_KOMMUNE | ROW_MISSING_SYSTEM | ROW_MISSING_SUPPLIER | ROW_MISSING_OWNER | ROW_MISSING_MANAGER | ROW_PROBLEM | ROW_BAD_CELL;

/** The required text fields the reader checks for "missing", with their row flag. */
export const MISSING_FLAG: Readonly<Partial<Record<RegisterField, number>>> = {
  system: ROW_MISSING_SYSTEM,
  supplier: ROW_MISSING_SUPPLIER,
  systemOwner: ROW_MISSING_OWNER,
  systemManager: ROW_MISSING_MANAGER,
};

/** Column index per field (-1 when the register has no such column). A class so every instance has one shape. */
export class ColumnIndex {
  kommune = -1;
  kommunenr = -1;
  system = -1;
  supplier = -1;
  version = -1;
  serviceArea = -1;
  systemType = -1;
  systemOwner = -1;
  systemManager = -1;
  userCount = -1;
  modules = -1;
  integrations = -1;
  archiveWorthy = -1;
  preservationWorthy = -1;
  personalData = -1;
  contractType = -1;
  contractExpires = -1;
  noticeMonths = -1;
  monthlyCost = -1;
  yearlyCost = -1;
  extractPlan = -1;
  status = -1;
}

/** Systems with the same name after case/space/diacritic folding share one group (duplicates, felles systemer). */
export class SystemGroup {
  constructor(
    readonly key: string,
    /** Dense index of the group within the run (0, 1, 2 …), for rules that keep per-group tables. */
    readonly id: number,
  ) {}
}

/** One distinct text of the System column. */
export class SystemEntry {
  /** Per-rule scratch space, indexed by RegisterReader.memoSlot(): what a rule last concluded for this system. */
  readonly memo: unknown[];
  constructor(
    /** The text trimmed. */
    readonly text: string,
    readonly group: SystemGroup,
    slots: number,
    /** The text is a placeholder («Ukjent», «-»): the system counts as missing. */
    readonly placeholder: boolean,
  ) {
    this.memo = new Array<unknown>(slots).fill(undefined);
  }
}

const NO_CELLS: readonly unknown[] = [];

/** What the reader knows about one data row. One instance is reused for every row of a run. */
export class RowFacts {
  /** Index of the row within the cells. */
  r = -1;
  row: readonly unknown[] = NO_CELLS;
  /** Number of cells in this row (rows may be ragged). */
  width = 0;
  /** ROW_* flags. */
  flags = 0;
  /** True when some cell needed a closer look; then `cls` holds every cell's class. */
  special = false;
  /** Cell classes (values.ts CELL_*) for columns 0 … width−1, valid when `special`. */
  cls: Uint8Array = new Uint8Array(32);
  /** Columns holding an error value or formula-like text. */
  readonly badColumns: number[] = [];

  /** Lookups of the Kommune and Kommunenr cells (undefined when blank, missing or unreadable). */
  nameLookup: KommuneLookupResult | undefined = undefined;
  numberLookup: KommuneLookupResult | undefined = undefined;
  /** The row's kommune: by number when given and known, else by an unambiguous name (never by a guess). */
  kommune: KommuneLookupResult | undefined = undefined;

  /** The System cell's entry (undefined when blank or unreadable). */
  system: SystemEntry | undefined = undefined;
  status: StatusKind = STATUS_IN_USE;
  /** Contract end as days since 1970-01-01; NaN when blank, open-ended or unreadable. */
  expiryDay = NaN;
  /** Notice period in months; NaN when blank or unreadable. */
  noticeMonths = NaN;
  /** Monthly cost; NaN when blank or unreadable. */
  cost = NaN;
  /** Yearly cost (Kostnad pr år); NaN when blank, unreadable or the register has no such column. */
  yearlyCost = NaN;
  userCount = NaN;
  archiveWorthy: boolean | undefined = undefined;
  preservationWorthy: boolean | undefined = undefined;
  personalData: boolean | undefined = undefined;
  /** Uttrekk/depot states a plan (only read when Arkivverdig or Bevaringsverdig is Ja). */
  extractPlan = false;
  readonly problems: ParseProblem[] = [];

  /** System name as typed, trimmed ("" when blank). */
  get systemText(): string {
    return this.system === undefined ? '' : this.system.text;
  }

  /** The cell at column c (undefined outside the row). */
  cell(c: number): unknown {
    return c >= 0 && c < this.width ? this.row[c] : undefined;
  }

  /** The class of the cell at column c (blank outside the row). */
  cellClass(c: number): number {
    if (c < 0 || c >= this.width) return CELL_BLANK;
    if (this.special) return this.cls[c]!;
    const v = this.row[c];
    return v === undefined || v === null || v === '' ? CELL_BLANK : CELL_VALUE;
  }

  /** The cell at column c when it holds a usable value (not blank, not an error, not formula-like). */
  value(c: number): unknown {
    if (c < 0 || c >= this.width) return undefined;
    const v = this.row[c];
    if (this.special) return this.cls[c] === CELL_VALUE ? v : undefined;
    return v === '' || v === null ? undefined : v;
  }
}

/** First-character table for the row scan: 1 = the cell needs classifyCell (=, +, -, @, #, whitespace, controls). */
const NEEDS_LOOK = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c <= 32; c++) table[c] = 1;
  for (const ch of '=+-@#') table[ch.charCodeAt(0)] = 1;
  for (let c = 127; c <= 160; c++) table[c] = 1;
  for (let c = 0x1680; c < 0x10000; c++) table[c] = 1;
  return table;
})();

/** Lower-cased first two letters of every placeholder ("uk"jent, "ik"ke avklart …): other text skips the lookup. */
const PLACEHOLDER_STARTS = (() => {
  const set = new Uint8Array(0x10000);
  for (const word of ['ukjent', 'ikke avklart', 'uavklart', 'mangler', 'n/a', 'na', 'ingen', 'tbd', 'xx', 'vet ikke', 'ikke kjent', 'ikke satt', 'ikke angitt']) {
    set[(word.charCodeAt(0) << 8) | (word.charCodeAt(1) & 0xff)] = 1;
  }
  return set;
})();

function mayBePlaceholder(v: string): boolean {
  const n = v.length;
  if (n > PLACEHOLDER_MAX_LENGTH + 4) return false;
  const c0 = v.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) return false; // digits: a number, never a placeholder
  if (n < 2) return true;
  // Non-letters first ("?", "-", "(ukjent)"): let the full test decide.
  if (c0 < 65 || (c0 > 90 && c0 < 97) || c0 > 122) return true;
  const c1 = v.charCodeAt(1);
  if (c1 < 65 || (c1 > 90 && c1 < 97) || c1 > 122) return true;
  return PLACEHOLDER_STARTS[((c0 | 0x20) << 8) | ((c1 | 0x20) & 0xff)] === 1;
}

const SCAN_FILLED = 1;
const SCAN_SPECIAL = 2;

/**
 * One look at every cell of a row: 0 when every cell is blank, SCAN_SPECIAL when some cell needs classifyCell (error value, formula-like or
 * space-led text, NaN, odd objects), else SCAN_FILLED. Kept small so the JIT makes it a tight loop.
 */
export function scanRow(row: readonly unknown[]): number {
  let result = 0;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string') {
      if (v.length === 0) continue;
      if (NEEDS_LOOK[v.charCodeAt(0)] === 1) return SCAN_SPECIAL;
      result = SCAN_FILLED;
    } else if (typeof v === 'number') {
      if (v - v !== 0) return SCAN_SPECIAL; // NaN, ±Infinity
      result = SCAN_FILLED;
    } else if (v !== undefined && v !== null) {
      if (typeof v !== 'boolean' && !(v instanceof Date && v.getTime() === v.getTime())) return SCAN_SPECIAL;
      result = SCAN_FILLED;
    }
  }
  return result;
}

export interface ReaderOptions {
  readonly registry?: KommuneRegistry;
  readonly scope?: ReadonlySet<string>;
  /** The sheet's name: a register without a kommune column may be named after its kommune («Rana»). */
  readonly sheet?: string;
  /** Today as days since 1970-01-01, for ROW_CONTRACT_DUE (no row is flagged so without it). */
  readonly today?: number;
}

export class RegisterReader {
  readonly col = new ColumnIndex();
  readonly lookup: KommuneLookup;
  private memoSlots = 0;
  private readonly systems = new Map<string, SystemEntry>();
  private readonly systemGroups = new Map<string, SystemGroup>();
  private readonly placeholders = new Map<string, boolean>();
  private readonly numbers = new Map<string, RegisterNumber>();
  private readonly dates = new Map<string, RegisterDate>();
  private readonly yesNo = new Map<string, { readonly value?: boolean; readonly error?: string }>();
  private readonly statuses = new Map<string, StatusKind>();
  private readonly plans = new Map<string, boolean>();
  private readonly supplierKeys = new Map<string, string>();
  private countScratch = new Uint8Array(32);
  /** The header row's System cell: a data row repeating it may be a repeated header. */
  private readonly systemHeaderCell: unknown;
  /**
   * For a register without Kommune and Kommunenr columns: the kommune its sheet name or title names, which every row
   * then belongs to (undefined otherwise). `contextKommune` says where it was read from.
   */
  readonly contextKommune: ContextKommune | undefined;
  private readonly fixedKommune: KommuneLookupResult | undefined;
  private readonly today: number;

  constructor(
    readonly cells: readonly (readonly unknown[])[],
    readonly header: RegisterHeader,
    options: ReaderOptions = {},
  ) {
    for (const [field, c] of header.columns) this.col[field] = c;
    const registry = options.registry ?? DEFAULT_REGISTRY;
    // Worked out only if some name is ambiguous (Herøy): most registers never pay for it.
    this.lookup = new KommuneLookup(registry, () => registerScope(cells.slice(this.firstDataRow), this.col.kommunenr, this.col.kommune, registry, options.scope), options.scope);
    this.systemHeaderCell = cells[header.row]?.[this.col.system];
    this.today = typeof options.today === 'number' ? options.today : NaN;
    this.contextKommune = this.col.kommune < 0 && this.col.kommunenr < 0 ? kommuneFromContext(cells, header.row, options.sheet, registry, options.scope) : undefined;
    this.fixedKommune = this.contextKommune === undefined ? undefined : this.lookup.number(this.contextKommune.kommune.kommunenr);
    if (this.fixedKommune !== undefined && this.fixedKommune.kind !== LOOKUP_OK) this.fixedKommune = undefined;
  }

  /** Index of the first data row (under the sub-header row of a two-row header). */
  get firstDataRow(): number {
    return (this.header.subRow ?? this.header.row) + 1;
  }

  /** Reserves a slot in SystemEntry.memo for one rule. Call from RegisterRule.start, before rows are read. */
  memoSlot(): number {
    if (this.systems.size > 0) throw new Error('memoSlot() må kalles før radene leses');
    return this.memoSlots++;
  }

  /**
   * True when the row is a sum row: its first non-blank cell, or its Kommune or System cell, is a sum label ("Sum",
   * "Totalt", "I alt"; an Excel table's totals row). Such a row is no system: it gives no findings and is not counted.
   */
  private isSumRow(row: readonly unknown[], width: number): boolean {
    let c = 0;
    let v = row[0];
    while ((v === undefined || v === null || v === '') && ++c < width) v = row[c];
    if (isSumLabel(v)) return true;
    const k = this.col.kommune;
    const s = this.col.system;
    return (k > c && k < width && isSumLabel(row[k])) || (s > c && s < width && isSumLabel(row[s]));
  }

  /**
   * True when row r is one the check reads as a system: not blank (or only whitespace), not a repeated header row,
   * not a sum row. The same rows read() fills; for counting, not for the row loop.
   */
  isDataRow(r: number): boolean {
    const row = this.cells[r];
    if (!Array.isArray(row)) return false;
    const seen = scanRow(row);
    if (seen === 0) return false;
    if (seen === SCAN_SPECIAL && !row.some((v) => classifyCell(v) !== CELL_BLANK)) return false;
    const c = this.col.system;
    if (c >= 0 && row[c] === this.systemHeaderCell && row[c] !== undefined && row[c] !== null && this.isRepeatedHeader(row)) return false;
    if (this.isSumRow(row, row.length)) return false;
    // One scratch buffer for every row: counting a million-row register must not allocate a typed array per row.
    if (this.countScratch.length < row.length) this.countScratch = new Uint8Array(Math.max(row.length, 2 * this.countScratch.length));
    const cls = this.countScratch;
    for (let k = 0; k < row.length; k++) cls[k] = classifyCell(row[k]);
    return this.sectionLabel(row, row.length, true, cls) === undefined;
  }

  /**
   * Reads row r into `f`. Returns false for a row with nothing in it (and for a repeated header row or a sum row):
   * such rows produce no findings.
   */
  read(r: number, f: RowFacts): boolean {
    const row = this.cells[r];
    if (!Array.isArray(row)) return false; // not a row at all: nothing in it
    const width = row.length;
    // One cheap look at every cell: is anything there, and does anything need a closer look?
    const seen = scanRow(row);
    let filled = seen !== 0;
    const special = seen === SCAN_SPECIAL;
    if (!filled) return false;
    f.r = r;
    f.row = row;
    f.width = width;
    f.special = special;
    let flags = 0;
    const bad = f.badColumns;
    if (bad.length !== 0) bad.length = 0;
    if (special) {
      if (f.cls.length < width) f.cls = new Uint8Array(Math.max(width, f.cls.length * 2));
      const cls = f.cls;
      filled = false;
      for (let c = 0; c < width; c++) {
        const k = classifyCell(row[c]);
        cls[c] = k;
        if (k !== CELL_BLANK) {
          filled = true;
          if (k !== CELL_VALUE) bad.push(c);
        }
      }
      if (!filled) return false; // only whitespace
      if (bad.length > 0) flags |= ROW_BAD_CELL;
    }
    // pop(), not length = 0: keeps the list its room, where truncating would make the next push allocate anew.
    const problems = f.problems;
    while (problems.length !== 0) problems.pop();
    const col = this.col;
    const cls = f.cls;

    // System (a row repeating the header is skipped).
    const systemValue = valueAt(row, width, special, cls, col.system);
    if (systemValue === undefined) {
      f.system = undefined;
      if (this.missingAt(row, width, special, cls, col.system)) flags |= ROW_MISSING_SYSTEM;
    } else {
      if (systemValue === this.systemHeaderCell && this.isRepeatedHeader(row)) return false;
      const entry = (f.system = this.systemEntry(systemValue));
      // A placeholder («Ukjent», «-») is decided once per distinct text; only text can be one.
      if (entry.placeholder && typeof systemValue === 'string') flags |= ROW_MISSING_SYSTEM;
    }
    flags |= this.readKommune(f, row, width, special, cls);
    if (this.missingAt(row, width, special, cls, col.supplier)) flags |= ROW_MISSING_SUPPLIER;
    if (this.missingAt(row, width, special, cls, col.systemOwner)) flags |= ROW_MISSING_OWNER;
    if (this.missingAt(row, width, special, cls, col.systemManager)) flags |= ROW_MISSING_MANAGER;

    const status = this.statusOf(valueAt(row, width, special, cls, col.status));
    f.status = status;
    if (status === STATUS_OUT_OF_USE) flags |= ROW_OUT_OF_USE;
    this.readDate(f, valueAt(row, width, special, cls, col.contractExpires), col.contractExpires);
    this.readNumber(f, NOTICE, valueAt(row, width, special, cls, col.noticeMonths), col.noticeMonths);
    if (status === STATUS_IN_USE && contractMayBeDue(f.expiryDay, f.noticeMonths, this.today)) flags |= ROW_CONTRACT_DUE;
    this.readNumber(f, COST, valueAt(row, width, special, cls, col.monthlyCost), col.monthlyCost);
    // Kostnad pr år: most registers have none, and f.yearlyCost then stays NaN.
    if (col.yearlyCost >= 0) this.readNumber(f, YEARLY_COST, valueAt(row, width, special, cls, col.yearlyCost), col.yearlyCost);
    this.readNumber(f, USERS, valueAt(row, width, special, cls, col.userCount), col.userCount);
    const archive = (f.archiveWorthy = this.readYesNo(f, 'archiveWorthy', valueAt(row, width, special, cls, col.archiveWorthy), col.archiveWorthy));
    const preserve = (f.preservationWorthy = this.readYesNo(
      f,
      'preservationWorthy',
      valueAt(row, width, special, cls, col.preservationWorthy),
      col.preservationWorthy,
    ));
    f.personalData = this.readYesNo(f, 'personalData', valueAt(row, width, special, cls, col.personalData), col.personalData);
    f.extractPlan = false;
    if (archive === true || preserve === true) {
      f.extractPlan = this.planOf(valueAt(row, width, special, cls, col.extractPlan));
      if (!f.extractPlan) flags |= ROW_NO_EXTRACT_PLAN;
    }
    if (f.problems.length > 0) flags |= ROW_PROBLEM;
    // A sum row ("Sum" in Kommune or System, an Excel totals row) always lacks something (a known kommune, a
    // supplier, a readable number …), so only rows flagged so are looked at: clean rows pay nothing for it.
    if ((flags & SUM_ROW_SIGNS) !== 0 || f.kommune === this.section) {
      if ((flags & SUM_ROW_SIGNS) !== 0 && this.isSumRow(row, width)) return false;
      // «Eigersund kommune» alone in a row (merged across the register or not): a section label that gives its
      // kommune to the rows under it, never a system.
      const label = this.sectionLabel(row, width, special, cls);
      if (label !== undefined) {
        this.section = label.found;
        // «Ørskog kommune» above its systems in an older register: reported once, at the label (kommune-ukjent).
        if (label.found.kind !== LOOKUP_OK) this.formerLabels.push({ r, c: label.c, lookup: label.found });
        return false;
      }
    }
    f.flags = flags;
    return true;
  }

  /**
   * The kommune of the last section label row read («Eigersund kommune» above its systems): a known kommune, or a
   * former one («Ørskog kommune», LOOKUP_UNKNOWN), whose rows then have no kommune and are not reported one by one.
   */
  private section: KommuneLookupResult | undefined = undefined;

  /** Section labels naming a kommune that no longer exists, in row order, for one finding each. */
  readonly formerLabels: { readonly r: number; readonly c: number; readonly lookup: KommuneLookupResult }[] = [];

  /** True once a section label row has been read. */
  get hasSections(): boolean {
    return this.section !== undefined;
  }

  /**
   * The kommune a row names when it holds nothing but one text that is a kommune's name («Eigersund kommune»,
   * «RANA», «1833 Rana»); undefined for any other row. A merged cell counts once: hosts give its master cell only.
   */
  private sectionLabel(row: readonly unknown[], width: number, special: boolean, cls: Uint8Array): { found: KommuneLookupResult; c: number } | undefined {
    let only: unknown;
    let at = -1;
    for (let c = 0; c < width; c++) {
      const v = row[c];
      const blank = special ? cls[c] === CELL_BLANK : v === undefined || v === null || v === '';
      if (blank) continue;
      if (at >= 0) return undefined;
      only = v;
      at = c;
    }
    if (typeof only !== 'string' || only.length > SECTION_LABEL_MAX_LENGTH || !/\p{L}/u.test(only)) return undefined;
    const found = this.lookup.name(only);
    if (found.kind === LOOKUP_OK || (found.kind === LOOKUP_UNKNOWN && this.lookup.registry.former(only) !== undefined)) return { found, c: at };
    return undefined;
  }

  private isRepeatedHeader(row: readonly unknown[]): boolean {
    let named = 0;
    for (let c = 0; c < row.length && named < 3; c++) if (fieldForHeader(row[c])) named++;
    return named >= 3;
  }

  private systemEntry(v: unknown): SystemEntry {
    const text = typeof v === 'string' ? v : shownText(v);
    let entry = this.systems.get(text);
    if (entry === undefined) {
      const key = normalizeKey(text);
      let group = this.systemGroups.get(key);
      if (group === undefined) {
        group = new SystemGroup(key, this.systemGroups.size);
        this.systemGroups.set(key, group);
      }
      entry = new SystemEntry(text.trim(), group, this.memoSlots, mayBePlaceholder(text) && this.placeholder(text));
      this.systems.set(text, entry);
    }
    return entry;
  }

  /** Reads Kommune/Kommunenr; returns ROW_KOMMUNE when something is missing, unknown, ambiguous or disagrees. */
  private readKommune(f: RowFacts, row: readonly unknown[], width: number, special: boolean, cls: Uint8Array): number {
    const nrValue = valueAt(row, width, special, cls, this.col.kommunenr);
    let byNumber = nrValue === undefined ? undefined : this.lookup.number(nrValue);
    if (byNumber !== undefined && byNumber.kind === LOOKUP_MISSING) byNumber = undefined;
    const nameValue = valueAt(row, width, special, cls, this.col.kommune);
    let byName: KommuneLookupResult | undefined;
    if (nameValue === undefined) byName = undefined;
    // The usual row: the name is exactly the number's official name; no lookup needed.
    else if (byNumber !== undefined && byNumber.kind === LOOKUP_OK && nameValue === byNumber.kommune!.name) byName = byNumber;
    else {
      byName = this.lookup.name(nameValue);
      if (byName.kind === LOOKUP_MISSING) byName = undefined;
    }
    f.numberLookup = byNumber;
    f.nameLookup = byName;
    const numberOk = byNumber !== undefined && byNumber.kind === LOOKUP_OK;
    const nameOk = byName !== undefined && byName.kind === LOOKUP_OK;
    // The number is the key; the name only decides when there is no usable number.
    f.kommune = numberOk ? byNumber : nameOk ? byName : undefined;
    if (numberOk && (byName === undefined || byName === byNumber || (nameOk && byName.kommune === byNumber!.kommune))) return 0;
    if (nameOk && byNumber === undefined) return 0;
    // Nothing in the row's own kommune cells, under a section label («Eigersund kommune»): the section's kommune.
    if (byNumber === undefined && byName === undefined && this.section !== undefined) {
      f.kommune = this.section.kind === LOOKUP_OK ? this.section : undefined;
      return 0;
    }
    // No kommune column, but the sheet is one kommune's («Rana», «Systemoversikt Vefsn kommune»).
    if (this.fixedKommune !== undefined) {
      f.kommune = this.fixedKommune;
      return 0;
    }
    return ROW_KOMMUNE;
  }

  /** True when column c is blank or holds a placeholder ("-", "?", "Ukjent"), for the row being read. */
  private missingAt(row: readonly unknown[], width: number, special: boolean, cls: Uint8Array, c: number): boolean {
    if (c < 0) return false;
    if (c >= width) return true;
    const v = row[c];
    if (special) {
      const k = cls[c];
      if (k === CELL_BLANK) return true;
      if (k !== CELL_VALUE) return false;
    } else if (v === undefined || v === null || v === '') return true;
    return typeof v === 'string' && mayBePlaceholder(v) && this.placeholder(v);
  }

  private placeholder(v: string): boolean {
    let hit = this.placeholders.get(v);
    if (hit === undefined) {
      hit = isPlaceholderText(v);
      this.placeholders.set(v, hit);
    }
    return hit;
  }

  /** True when column c of the row is blank or holds a placeholder ("-", "?", "Ukjent", "Ikke avklart"). */
  isMissing(f: RowFacts, c: number): boolean {
    return this.missingAt(f.row, f.width, f.special, f.cls, c);
  }

  private statusOf(v: unknown): StatusKind {
    if (v === undefined || v === 'I bruk' || v === 'Aktiv' || v === 'I drift') return STATUS_IN_USE;
    if (typeof v !== 'string') return statusKind(v);
    let hit = this.statuses.get(v);
    if (hit === undefined) {
      hit = statusKind(v);
      this.statuses.set(v, hit);
    }
    return hit;
  }

  private planOf(v: unknown): boolean {
    if (v === undefined) return false;
    if (typeof v !== 'string') return typeof v === 'number' ? v !== 0 : v === true || v instanceof Date;
    if (v.length > PLAN_WORDS_MAX_LENGTH) return true;
    let hit = this.plans.get(v);
    if (hit === undefined) {
      hit = hasExtractPlanText(v);
      this.plans.set(v, hit);
    }
    return hit;
  }

  /** Sets f.expiryDay from the Avtale utløper cell `v` (column c); NaN when blank, open-ended or unreadable. */
  private readDate(f: RowFacts, v: unknown, c: number): void {
    f.expiryDay = NaN;
    if (v === undefined) return;
    let parsed: RegisterDate;
    if (typeof v === 'string') {
      const day = fastDay(v);
      if (day === day) {
        f.expiryDay = day;
        return;
      }
      const hit = this.dates.get(v);
      if (hit === undefined) {
        parsed = registerDateFromText(v);
        this.dates.set(v, parsed);
      } else parsed = hit;
    } else if (typeof v === 'number') {
      // Excel serial dates (the usual number here): no allocation unless the number is not a date.
      if (v >= 1 && v < 2958466 && !(v >= 1900 && v <= 2200 && (v | 0) === v)) {
        f.expiryDay = Math.floor(v) - EXCEL_EPOCH_OFFSET;
        return;
      }
      parsed = registerDateFromNumber(v);
    } else if (v instanceof Date) parsed = registerDateFromDate(v);
    else parsed = { day: NaN, error: `${shownText(v)} er ikke en dato (bruk dd.mm.åååå)` };
    if (parsed.error !== undefined) f.problems.push({ kind: 'date', field: 'contractExpires', c, reason: parsed.error, actual: shownText(v) });
    else if (parsed.period !== undefined) {
      const shown = shownText(v);
      f.problems.push({ kind: 'period', field: 'contractExpires', c, reason: `«${shown}» er lest som ${dayToNb(parsed.day)}, siste dag i ${parsed.period}`, actual: shown });
    }
    f.expiryDay = parsed.day;
  }

  /** Sets the number field `which` (NOTICE, COST, USERS, YEARLY_COST) from cell `v` (column c); NaN when blank or unreadable. */
  private readNumber(f: RowFacts, which: number, v: unknown, c: number): void {
    let value = NaN;
    if (v !== undefined) {
      if (typeof v === 'number') value = v;
      else if (typeof v === 'string') {
        value = fastNumber(v);
        if (value !== value) value = this.slowNumber(f, which, v, c);
      } else {
        const shown = shownText(v);
        f.problems.push({ kind: 'number', field: NUMBER_FIELDS[which]!, c, reason: `${shown} er ikke et tall`, actual: shown });
      }
      if (value < 0 || (which === USERS && value === value && !Number.isInteger(value))) {
        f.problems.push({ kind: 'number', field: NUMBER_FIELDS[which]!, c, reason: numberSanity(which, value), actual: shownText(v) });
        value = NaN;
      }
    }
    if (which === NOTICE) f.noticeMonths = value;
    else if (which === COST) f.cost = value;
    else if (which === USERS) f.userCount = value;
    else f.yearlyCost = value;
  }

  /** The full parser for number text the fast path does not take ("3 mnd", "ca. 40", "1.234,50"), cached. */
  private slowNumber(f: RowFacts, which: number, v: string, c: number): number {
    let hit = this.numbers.get(v);
    if (hit === undefined) {
      hit = parseRegisterNumberText(v);
      this.numbers.set(v, hit);
    }
    if (hit.error !== undefined) {
      f.problems.push(this.numberProblem(which, 'number', v, c, hit.error));
      return NaN;
    }
    if (hit.approximate && hit.value >= 0) f.problems.push(this.numberProblem(which, 'approximate', v, c, undefined));
    return hit.value; // NaN for "-": nothing, as in printed tables
  }

  /** Problems of number text by field and text: a register writes «ca. 40» in many rows, one problem serves them all. */
  private readonly numberProblems: Map<string, ParseProblem>[] = NUMBER_FIELDS.map(() => new Map());

  private numberProblem(which: number, kind: 'number' | 'approximate', v: string, c: number, error: string | undefined): ParseProblem {
    const known = this.numberProblems[which]!;
    let problem = known.get(v);
    if (problem === undefined) {
      const actual = shownText(v);
      problem = { kind, field: NUMBER_FIELDS[which]!, c, reason: error ?? `«${actual}» er et omtrentlig tall`, actual };
      known.set(v, problem);
    }
    return problem;
  }

  private readYesNo(f: RowFacts, field: 'archiveWorthy' | 'preservationWorthy' | 'personalData', v: unknown, c: number): boolean | undefined {
    if (v === undefined) return undefined;
    if (typeof v === 'string') {
      const quick = quickYesNo(v);
      if (quick !== 0) return quick === 1;
    } else if (typeof v === 'boolean') return v;
    let parsed: { readonly value?: boolean; readonly error?: string };
    if (typeof v === 'string') {
      const hit = this.yesNo.get(v);
      if (hit === undefined) {
        parsed = registerYesNo(v);
        this.yesNo.set(v, parsed);
      } else parsed = hit;
    } else parsed = registerYesNo(v);
    if (parsed.error !== undefined) {
      f.problems.push({ kind: 'yesno', field, c, reason: parsed.error, actual: shownText(v) });
      return undefined;
    }
    return parsed.value;
  }

  /** The row's cost as an exact decimal (for sums), or undefined when blank/unreadable. */
  costDec(f: RowFacts): Dec | undefined {
    if (!(f.cost === f.cost)) return undefined;
    const v = f.cell(this.col.monthlyCost);
    if (typeof v === 'number') return dec(v);
    if (typeof v !== 'string') return undefined;
    let hit = this.numbers.get(v);
    if (hit === undefined) {
      hit = parseRegisterNumberText(v);
      this.numbers.set(v, hit);
    }
    return hit.dec;
  }

  /** Comparison key of a supplier name (cached). */
  supplierKeyOf(text: string): string {
    let key = this.supplierKeys.get(text);
    if (key === undefined) {
      key = supplierKey(text);
      this.supplierKeys.set(text, key);
    }
    return key;
  }
}

/** Longer Uttrekk/depot text than this is always a plan (the "no plan" words are all shorter). */
const PLAN_WORDS_MAX_LENGTH = 16;

const NOTICE = 0;
const COST = 1;
const USERS = 2;
const YEARLY_COST = 3;
const NUMBER_FIELDS: readonly RegisterField[] = ['noticeMonths', 'monthlyCost', 'userCount', 'yearlyCost'];

function numberSanity(which: number, value: number): string {
  const shown = String(value).replace('.', ',');
  if (which === USERS) return `antall brukere må være et helt tall (0 eller mer), ikke ${shown}`;
  if (which === NOTICE) return `oppsigelsestiden kan ikke være negativ (${shown})`;
  return `kostnaden kan ikke være negativ (${shown})`;
}

/** Ja, J, X (1) or Nei, N (−1) in any case, read from the characters; 0 when the full parser must decide. */
function quickYesNo(v: string): number {
  const n = v.length;
  if (n === 0 || n > 3) return 0;
  const c0 = v.charCodeAt(0) | 0x20;
  if (n === 1) return c0 === 106 || c0 === 120 ? 1 : c0 === 110 ? -1 : 0; // j x | n
  const c1 = v.charCodeAt(1) | 0x20;
  if (n === 2) return c0 === 106 && c1 === 97 ? 1 : 0; // ja
  return c0 === 110 && c1 === 101 && (v.charCodeAt(2) | 0x20) === 105 ? -1 : 0; // nei
}

/** The cell at column c when it holds a usable value (not blank, not an error, not formula-like). */
function valueAt(row: readonly unknown[], width: number, special: boolean, cls: Uint8Array, c: number): unknown {
  if (c < 0 || c >= width) return undefined;
  const v = row[c];
  if (special) return cls[c] === CELL_VALUE ? v : undefined;
  return v === '' || v === null ? undefined : v;
}
