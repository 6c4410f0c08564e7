import type { AllocationKey, Dataset, Grant, Member, Project, ProjectSplit } from '../dataset/model.js';
import { gainsFromTable, grantsFromTable } from './benefit-tables.js';
import { KommuneRegistry } from '../kommuner/registry.js';
import { DEFAULT_ARKIVPLAN_DECISION, type ArkivplanInputs } from '../arkivplan/model.js';
import { arkivplanFromTable } from '../arkivplan/read.js';
import { a1 } from '../findings/finding.js';
import { resolveKey } from '../allocation/key.js';
import { formatKroner, formatNumber } from '../money/format.js';
import { Dec, roundOre, type Kroner } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';
import { cellText, isBlank, parseDate, parseNumber, parseYesNo, type CellValue } from '../util/cells.js';
import { joinWords, normalizeKey } from '../util/text.js';
import { columnIndex, type TableData } from './table.js';

/** Where a workbook's tables come from: any host can answer "give me the table called X". */
export type TableSource = (name: string) => TableData | undefined;

export interface WorkbookDataset {
  readonly dataset: Dataset;
  /** Input tables that were found and used. */
  readonly used: readonly string[];
}

/** "DH_Kommuner rad 5 (C5)" — where a bad value sits, in words a user can act on. */
function place(table: TableData, rowIndex: number, column: number): string {
  const row = (table.originRow ?? 1) + 1 + rowIndex;
  const col = (table.originColumn ?? 1) + column;
  return `${table.name} rad ${row} (${table.sheet ? table.sheet + '!' : ''}${a1(row, col)})`;
}

function requireColumn(table: TableData, label: string, ...names: string[]): Result<number> {
  const index = columnIndex(table.headers, ...names);
  return index >= 0 ? ok(index) : fail(`${table.name} mangler kolonnen «${label}».`);
}

function numberAt(table: TableData, row: readonly CellValue[], r: number, c: number, label: string): Result<Dec | undefined> {
  if (c < 0 || isBlank(row[c])) return ok(undefined);
  const parsed = parseNumber(row[c]);
  return parsed.ok ? ok(parsed.value) : fail(`${place(table, r, c)}: ${label} – ${parsed.reason}.`);
}

/**
 * DH_Kommuner (Kommunenr, Kommune, Innbyggere, Referansedato). The number is the key; a name that
 * contradicts the number is an error rather than a guess, because Herøy exists twice.
 */
export function membersFromTable(table: TableData, registry = new KommuneRegistry()): Result<Member[]> {
  const nrCol = requireColumn(table, 'Kommunenr', 'Kommunenr', 'Kommunenummer', 'Knr', 'Nr');
  if (!nrCol.ok) return nrCol;
  const nameCol = columnIndex(table.headers, 'Kommune', 'Kommunenavn', 'Navn');
  const popCol = requireColumn(table, 'Innbyggere', 'Innbyggere', 'Antall innbyggere', 'Folketall', 'Befolkning');
  if (!popCol.ok) return popCol;
  const dateCol = columnIndex(table.headers, 'Referansedato', 'Dato', 'Per');
  const members: Member[] = [];
  const seen = new Set<string>();
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every(isBlank)) continue;
    const rawNr = cellText(row[nrCol.value]).replace(/\s/g, '');
    if (!/^\d{3,4}$/.test(rawNr)) return fail(`${place(table, r, nrCol.value)}: «${rawNr}» er ikke et kommunenummer (fire sifre).`);
    const kommunenr = rawNr.padStart(4, '0');
    if (seen.has(kommunenr)) return fail(`${place(table, r, nrCol.value)}: kommunenummer ${kommunenr} står to ganger.`);
    seen.add(kommunenr);
    // Only real kommuner can be members: a number that does not exist, or went out of use on 1.1.2024
    // (3004 Fredrikstad is 3107 now), is an error — never a member the rest of the add-in cannot look up.
    const known = registry.byNumber(kommunenr);
    if (!known) {
      const hint = registry.successorsOf(kommunenr) ? 'Bruk det nye nummeret.' : 'Bruk kommunenummeret fra SSB (fire sifre).';
      return fail(`${place(table, r, nrCol.value)}: ${registry.unknownNumberMessage(kommunenr)} ${hint}`);
    }
    const typedName = nameCol >= 0 ? cellText(row[nameCol]) : '';
    if (typedName && !sameKommune(registry, typedName, kommunenr)) {
      return fail(`${place(table, r, nameCol)}: «${typedName}» passer ikke med kommunenummer ${kommunenr} (${known.name}).`);
    }
    // The key multiplies by this number: an estimate («ca. 1000») or a percentage is not a population.
    const popCell = row[popCol.value];
    const pop = parseNumber(popCell);
    if (!pop.ok || !pop.value.isInteger() || pop.value.isNegative() || hasPercentSign(popCell)) {
      return fail(`${place(table, r, popCol.value)}: innbyggertallet «${cellText(popCell)}» er ikke et helt tall.`);
    }
    if (pop.approximate) {
      return fail(`${place(table, r, popCol.value)}: innbyggertallet «${cellText(popCell)}» er omtrentlig; skriv det nøyaktige tallet.`);
    }
    const date = dateCol >= 0 && !isBlank(row[dateCol]) ? parseDate(row[dateCol]) : undefined;
    if (date && !date.ok) return fail(`${place(table, r, dateCol)}: ${date.reason}.`);
    members.push({
      kommunenr,
      name: typedName || known.name,
      population: pop.value.toNumber(),
      ...(date?.ok ? { referenceDate: date.value } : {}),
    });
  }
  if (members.length === 0) return fail(`${table.name} har ingen kommuner.`);
  return ok(members);
}

function sameKommune(registry: KommuneRegistry, typed: string, kommunenr: string): boolean {
  const resolved = registry.resolve(typed, new Set([kommunenr]));
  return resolved.ok ? resolved.value.kommunenr === kommunenr : false;
}

/** Text that ends in a % sign («40 %»): parseNumber has already made it a fraction (0,4). */
function hasPercentSign(value: CellValue): boolean {
  return typeof value === 'string' && /%\s*$/.test(value.trim());
}

/** nb-NO with the decimals the value has: «1,039», «103 900». */
function nb(value: Dec): string {
  return formatNumber(value, Math.min(value.decimalPlaces(), 6));
}

/** nb-NO percent with the decimals the value needs: «3,9 %». */
function nbPercent(fraction: Dec): string {
  return `${nb(fraction.times(100))} %`;
}

/** The value as the user sees it: text as typed, a number in nb-NO («1,039»). */
function shown(value: CellValue, parsed: Dec): string {
  return typeof value === 'number' ? nb(parsed) : cellText(value);
}

/**
 * Andel likt as a fraction 0–1. «40 %» is already a percentage (never rescaled); a bare 0,4 is a fraction and a
 * bare 40 is read as percent points (40 %). Either way the share must be 0–100 %.
 */
function equalShareAt(table: TableData, row: readonly CellValue[], r: number, c: number): Result<Dec | undefined> {
  const label = table.headers[c] || 'Andel likt';
  const parsed = numberAt(table, row, r, c, label);
  if (!parsed.ok || parsed.value === undefined) return parsed;
  const v = parsed.value;
  const share = !hasPercentSign(row[c]) && v.greaterThan(1) ? v.dividedBy(100) : v;
  if (share.isNegative() || share.greaterThan(1)) {
    return fail(`${place(table, r, c)}: ${label} «${shown(row[c], v)}» må være mellom 0 og 100 %.`);
  }
  return ok(share);
}

/**
 * Prisindeks as a change (0,039 = +3,9 %). «3,9 %» is already a percentage; a bare 0,039 is a fraction and a bare 3,9
 * percent points. Two bare forms are ambiguous and refused rather than guessed: a number from 1 up to 2 may be a factor
 * (1,039 = +3,9 %) or percent points (+1,039 %), and one from 100 up looks like an index level (103,9 with 100 =
 * unchanged). The change must lie between −100 % and +100 %.
 */
function priceIndexAt(table: TableData, row: readonly CellValue[], r: number, c: number): Result<Dec | undefined> {
  const label = table.headers[c] || 'Prisindeks';
  const parsed = numberAt(table, row, r, c, label);
  if (!parsed.ok || parsed.value === undefined) return parsed;
  const v = parsed.value;
  const text = shown(row[c], v);
  let change = v;
  if (!hasPercentSign(row[c])) {
    if (v.greaterThanOrEqualTo(1) && v.lessThan(2)) {
      const meant = v.minus(1);
      return fail(`${place(table, r, c)}: ${label} «${text}» er tvetydig (faktor eller prosent?); skriv endringen som ${nbPercent(meant)} eller ${nb(meant)}.`);
    }
    if (v.greaterThanOrEqualTo(100)) {
      const meant = v.dividedBy(100).minus(1);
      return fail(`${place(table, r, c)}: ${label} «${text}» ser ut som et indekstall (100 = uendret); skriv endringen som ${nbPercent(meant)} eller ${nb(meant)}.`);
    }
    if (v.abs().greaterThan(1)) change = v.dividedBy(100);
  }
  if (change.lessThanOrEqualTo(-1) || change.greaterThanOrEqualTo(1)) {
    return fail(`${place(table, r, c)}: ${label} «${text}» må være en endring mellom −100 % og 100 %.`);
  }
  return ok(change);
}

/**
 * DH_Nokkel: one row per year, either Fast beløp + Sats pr innbygger, or Sum å fordele split Andel likt equally
 * (the rest by population), or only Prisindeks (this year's key = the previous year's × (1 + index)). A row with
 * both kinds of key is an error, never one of them chosen silently.
 *
 * Prisindeks on a row with its own figures: the figures are the key, and the index records how they were derived
 * (the board's document prints «prisindeks er satt til 3,9 %» beside the 2026 figures, and the embedded key holds
 * both). It is never applied a second time. When the table also holds the previous year's key of the same kind,
 * the figures must be what the index gives from it (each figure compared at the decimals the row writes it with, so
 * a rate of whole kroner is compared in whole kroner); otherwise the row says two different things and is an error naming the
 * Prisindeks cell — e.g. last year's figures copied with an index meant to raise them.
 */
export function keysFromTable(table: TableData): Result<AllocationKey[]> {
  const yearCol = requireColumn(table, 'År', 'År', 'Aar', 'Budsjettår', 'Year');
  if (!yearCol.ok) return yearCol;
  const cols = {
    fixed: columnIndex(table.headers, 'Fast beløp', 'Fast belop', 'Fastbeløp', 'Fast andel', 'Grunnbeløp'),
    rate: columnIndex(table.headers, 'Sats pr innbygger', 'Sats per innbygger', 'Sats', 'Kr pr innbygger'),
    equal: columnIndex(table.headers, 'Andel likt', 'Likt', 'Alfa'),
    total: columnIndex(table.headers, 'Sum å fordele', 'Sum a fordele', 'Totalt å fordele', 'Beløp å fordele'),
    index: columnIndex(table.headers, 'Prisindeks', 'Indeks', 'Prisjustering'),
    budget: columnIndex(table.headers, 'Budsjettert sum', 'Budsjett', 'Budsjettlinje'),
  };
  const keys: AllocationKey[] = [];
  const indexed: { key: AllocationKey; r: number }[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every(isBlank)) continue;
    const year = parseNumber(row[yearCol.value]);
    if (!year.ok || !year.value.isInteger()) return fail(`${place(table, r, yearCol.value)}: «${cellText(row[yearCol.value])}» er ikke et år.`);
    const amount = (field: 'fixed' | 'rate' | 'total' | 'budget') => numberAt(table, row, r, cols[field], table.headers[cols[field]] ?? field);
    const fixed = amount('fixed');
    if (!fixed.ok) return fixed;
    const rate = amount('rate');
    if (!rate.ok) return rate;
    const equal = equalShareAt(table, row, r, cols.equal);
    if (!equal.ok) return equal;
    const total = amount('total');
    if (!total.ok) return total;
    const index = priceIndexAt(table, row, r, cols.index);
    if (!index.ok) return index;
    const budget = amount('budget');
    if (!budget.ok) return budget;
    const hasFixed = fixed.value !== undefined || rate.value !== undefined;
    const hasTotal = total.value !== undefined;
    if (hasFixed && (hasTotal || equal.value !== undefined)) {
      const c = hasTotal ? cols.total : cols.equal;
      return fail(
        `${place(table, r, c)}: raden for ${year.value} har både Fast beløp/Sats pr innbygger og Sum å fordele/Andel likt; en rad bruker enten det ene eller det andre.`,
      );
    }
    if (equal.value !== undefined && !hasTotal) {
      return fail(`${place(table, r, cols.equal)}: raden for ${year.value} har Andel likt, men mangler Sum å fordele.`);
    }
    if (!hasFixed && !hasTotal && index.value === undefined) {
      return fail(`${place(table, r, yearCol.value)}: raden for ${year.value} trenger Fast beløp og Sats pr innbygger, eller Sum å fordele.`);
    }
    if (keys.some((k) => k.year === year.value.toNumber())) return fail(`${place(table, r, yearCol.value)}: året ${year.value} står to ganger.`);
    const key: AllocationKey = {
      year: year.value.toNumber(),
      ...(hasFixed ? { fixedAmount: fixed.value ?? new Dec(0), ratePerInhabitant: rate.value ?? new Dec(0) } : {}),
      ...(hasTotal ? { totalToAllocate: total.value!, equalShare: equal.value ?? new Dec(0) } : {}),
      ...(index.value !== undefined ? { priceIndex: index.value } : {}),
      ...(budget.value !== undefined ? { budgetedTotal: budget.value as Kroner } : {}),
    };
    keys.push(key);
    if ((hasFixed || hasTotal) && index.value !== undefined) indexed.push({ key, r });
  }
  for (const { key, r } of indexed) {
    const mismatch = indexMismatch(key, keys, table.name);
    if (mismatch) return fail(`${place(table, r, cols.index)}: ${mismatch}`);
  }
  return ok(keys);
}

/**
 * For a row with its own figures and a Prisindeks: a message when the previous year's key in the same table (of the
 * same kind) × (1 + index) does not give the row's figures, each compared at the decimals it has (at most øre).
 */
function indexMismatch(key: AllocationKey, keys: readonly AllocationKey[], tableName: string): string | undefined {
  const previous = resolveKey({ name: tableName, source: tableName, members: [], keys, projects: [] }, key.year - 1);
  if (!previous.ok) return undefined;
  const factor = key.priceIndex!.plus(1);
  const p = previous.value;
  const figures: [string, Dec, Dec][] =
    p.mode === 'fixedPlusRate' && key.fixedAmount !== undefined
      ? [
          ['Fast beløp', key.fixedAmount, p.fixedAmount],
          ['Sats pr innbygger', key.ratePerInhabitant ?? new Dec(0), p.ratePerInhabitant],
        ]
      : p.mode === 'totalSplit' && key.totalToAllocate !== undefined
        ? [['Sum å fordele', key.totalToAllocate, p.totalToAllocate]]
        : [];
  if (figures.length === 0) return undefined;
  const expected = figures.map(([label, given, before]) => [label, given, roundOre(before.times(factor))] as const);
  const agrees = expected.every(([, given, derived]) => derived.toDecimalPlaces(Math.min(given.decimalPlaces(), 2), Dec.ROUND_HALF_UP).equals(given));
  if (agrees) return undefined;
  const list = (pick: (e: (typeof expected)[number]) => Dec) => expected.map((e) => `${e[0]} ${formatKroner(pick(e))}`).join(' og ');
  return (
    `Prisindeks ${nbPercent(key.priceIndex!)} på nøkkelen for ${p.year} gir ${list((e) => e[2])}, men raden for ${key.year} har ${list((e) => e[1])}. ` +
    `Tøm Prisindeks hvis radens tall gjelder, eller tallene hvis de skal regnes fra ${p.year}.`
  );
}

/**
 * DH_Prosjekter (Prosjekt, Kommune, Deltar, Kostnad, Fordeling). A row without Kommune carries the
 * project's total annual cost and its split ("flatt" or "innbyggere"); a row with Kommune marks
 * participation, and a Kostnad there is that member's own annual cost.
 *
 * Rows that contradict each other are errors naming the later row, never "the last one wins": a second
 * total cost for a project (two amounts may be meant as a sum, or one may replace the other), a Fordeling
 * that differs from one given earlier for the project, and the same kommune twice in a project (by name
 * or number; «Bodø | Ja» then «1804 | Nei» cannot both hold).
 */
export function projectsFromTable(table: TableData, members: readonly Member[], registry: KommuneRegistry): Result<Project[]> {
  const projectCol = requireColumn(table, 'Prosjekt', 'Prosjekt', 'Tema', 'Tiltak');
  if (!projectCol.ok) return projectCol;
  const kommuneCol = columnIndex(table.headers, 'Kommune', 'Kommunenr', 'Kommunenavn');
  const joinCol = columnIndex(table.headers, 'Deltar', 'Deltakelse', 'Med');
  const costCol = columnIndex(table.headers, 'Kostnad', 'Kostnad pr år', 'Årskostnad', 'Beløp');
  const splitCol = columnIndex(table.headers, 'Fordeling', 'Fordelingsnøkkel', 'Nøkkel');
  const scope = new Set(members.map((m) => m.kommunenr));
  interface Draft {
    name: string;
    participants: string[];
    cost?: Dec;
    costRow?: number;
    split: ProjectSplit;
    splitRow?: number;
    direct: Map<string, Dec>;
    /** kommunenr → the row index that first named it. */
    seen: Map<string, number>;
  }
  const drafts = new Map<string, Draft>();
  const sheetRow = (r: number) => (table.originRow ?? 1) + 1 + r;
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every(isBlank)) continue;
    const name = cellText(row[projectCol.value]);
    if (!name) return fail(`${place(table, r, projectCol.value)}: prosjektnavn mangler.`);
    const key = normalizeKey(name);
    const draft: Draft = drafts.get(key) ?? { name, participants: [], split: 'flat', direct: new Map(), seen: new Map() };
    drafts.set(key, draft);
    const cost = numberAt(table, row, r, costCol, 'Kostnad');
    if (!cost.ok) return cost;
    if (splitCol >= 0 && !isBlank(row[splitCol])) {
      const s = normalizeKey(cellText(row[splitCol]));
      let split: ProjectSplit;
      if (s.startsWith('innb') || s.startsWith('folk')) split = 'innbyggere';
      else if (s.startsWith('flat') || s.startsWith('likt')) split = 'flat';
      else return fail(`${place(table, r, splitCol)}: fordeling «${cellText(row[splitCol])}» må være «flatt» eller «innbyggere».`);
      if (draft.splitRow !== undefined && split !== draft.split) {
        return fail(
          `${place(table, r, splitCol)}: fordeling «${cellText(row[splitCol])}» for «${draft.name}» strider mot «${splitWord(draft.split)}» i rad ${sheetRow(draft.splitRow)}; et prosjekt har én fordeling.`,
        );
      }
      draft.split = split;
      draft.splitRow ??= r;
    }
    if (kommuneCol < 0 || isBlank(row[kommuneCol])) {
      if (cost.value !== undefined) {
        if (draft.costRow !== undefined) {
          return fail(
            `${place(table, r, costCol)}: «${draft.name}» har alt en samlet kostnad i rad ${sheetRow(draft.costRow)}; skriv prosjektets kostnad på én rad.`,
          );
        }
        draft.cost = cost.value;
        draft.costRow = r;
      }
      continue;
    }
    const kommune = registry.resolve(row[kommuneCol] as string | number, scope);
    if (!kommune.ok) return fail(`${place(table, r, kommuneCol)}: ${kommune.error.message}`);
    if (!scope.has(kommune.value.kommunenr)) return fail(`${place(table, r, kommuneCol)}: ${kommune.value.name} er ikke medlem i samarbeidet.`);
    const earlier = draft.seen.get(kommune.value.kommunenr);
    if (earlier !== undefined) {
      return fail(`${place(table, r, kommuneCol)}: ${kommune.value.name} står alt i rad ${sheetRow(earlier)} for «${draft.name}»; en kommune har én rad per prosjekt.`);
    }
    draft.seen.set(kommune.value.kommunenr, r);
    const joins = joinCol >= 0 && !isBlank(row[joinCol]) ? parseYesNo(row[joinCol]) : { ok: true as const, value: true };
    if (!joins.ok) return fail(`${place(table, r, joinCol)}: ${joins.reason}.`);
    if (joins.value) draft.participants.push(kommune.value.kommunenr);
    if (cost.value !== undefined) draft.direct.set(kommune.value.kommunenr, cost.value);
  }
  return ok(
    [...drafts.values()].map((d) => ({
      name: d.name,
      participants: d.participants,
      split: d.split,
      ...(d.cost !== undefined ? { annualCost: d.cost } : {}),
      ...(d.direct.size ? { memberAnnualCost: d.direct } : {}),
    })),
  );
}

function splitWord(split: ProjectSplit): string {
  return split === 'flat' ? 'flatt' : 'innbyggere';
}

/** Same kommunenummer, same count: the workbook lists the base cooperation's own members (populations may differ). */
function sameMembers(a: readonly Member[], b: readonly Member[]): boolean {
  if (a.length !== b.length) return false;
  const numbers = new Set(b.map((m) => m.kommunenr));
  return a.every((m) => numbers.has(m.kommunenr));
}

/**
 * The dataset a workbook describes: its own DH_Kommuner / DH_Nokkel / DH_Prosjekter where present,
 * the `base` dataset for the rest. A bad row fails the whole load with a message naming the cell,
 * so a half-read workbook never produces numbers.
 *
 * The base's project decisions, RPA and DUO inputs belong to the base's members: they are carried
 * over only while DH_Kommuner (if any) lists exactly those members. A workbook with members of its
 * own (another cooperation, or one that has gained or lost a member) gets projects only from its own
 * DH_Prosjekter, and no RPA/DUO inputs — never another cooperation's figures under its own name.
 */
export function datasetFromTables(source: TableSource, base: Dataset): Result<WorkbookDataset> {
  const registry = new KommuneRegistry();
  const used: string[] = [];
  const kommuner = source('DH_Kommuner');
  const nokkel = source('DH_Nokkel');
  const prosjekter = source('DH_Prosjekter');
  const arkivplanTable = source('DH_Arkivplan');
  let members = base.members;
  if (kommuner) {
    const parsed = membersFromTable(kommuner, registry);
    if (!parsed.ok) return parsed;
    members = parsed.value;
    used.push(kommuner.name);
  }
  let keys = base.keys;
  if (nokkel) {
    const parsed = keysFromTable(nokkel);
    if (!parsed.ok) return parsed;
    keys = parsed.value;
    used.push(nokkel.name);
  }
  const inherits = sameMembers(members, base.members);
  let projects: readonly Project[] = inherits ? base.projects : [];
  if (prosjekter) {
    const parsed = projectsFromTable(prosjekter, members, registry);
    if (!parsed.ok) return parsed;
    projects = parsed.value;
    used.push(prosjekter.name);
  }
  // DH_Arkivplan is the workbook's own list; the decision (date, notice rule) stays the base's, and another
  // cooperation without a list of its own gets no arkivplan at all.
  let arkivplan: ArkivplanInputs | undefined = inherits ? base.arkivplan : undefined;
  if (arkivplanTable) {
    const parsed = arkivplanFromTable(arkivplanTable, registry, new Set(members.map((m) => m.kommunenr)));
    if (!parsed.ok) return parsed;
    arkivplan = { rows: parsed.value, decision: base.arkivplan?.decision ?? DEFAULT_ARKIVPLAN_DECISION };
    used.push(arkivplanTable.name);
  }
  // Benefits and grants describe the balance of what kommuner pay and get back; they never change the key, so they
  // ride along without making the dataset «the workbook's own».
  const gevinst = source('DH_Gevinst');
  const tilskudd = source('DH_Tilskudd');
  const gains = gevinst ? gainsFromTable(gevinst, members, registry) : undefined;
  let grants: Grant[] | undefined;
  if (tilskudd) {
    const parsed = grantsFromTable(tilskudd, members, registry);
    if (!parsed.ok) return parsed;
    grants = parsed.value;
  }
  const extras = { ...(gains?.length ? { gains } : {}), ...(grants?.length ? { grants } : {}) };
  if (used.length === 0) return ok({ dataset: Object.keys(extras).length ? { ...base, ...extras } : base, used });
  const fromBase = [
    ...(kommuner ? [] : ['kommuner']),
    ...(nokkel ? [] : ['fordelingsnøkkel']),
    ...(inherits && !prosjekter ? ['prosjekter'] : []),
    ...(inherits && (base.rpa || base.duo) ? ['RPA- og DUO-tall'] : []),
  ];
  const { rpa: _rpa, duo: _duo, arkivplan: _arkivplan, ...rest } = base;
  const dataset: Dataset = {
    ...rest,
    name: `Arbeidsboken (${used.join(', ')})`,
    source: `Arbeidsbokens tabeller ${used.join(', ')}${fromBase.length ? `; ${joinWords(fromBase)} fra ${base.name}` : ''}`,
    members,
    keys,
    projects,
    ...(inherits && base.rpa ? { rpa: base.rpa } : {}),
    ...(inherits && base.duo ? { duo: base.duo } : {}),
    ...(arkivplan ? { arkivplan } : {}),
    ...extras,
  };
  return ok({ dataset, used });
}

