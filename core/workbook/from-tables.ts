import type { AllocationKey, Dataset, Member, Project, ProjectSplit } from '../dataset/model.js';
import { KommuneRegistry } from '../kommuner/registry.js';
import { a1 } from '../findings/finding.js';
import { Dec, type Kroner } from '../money/kroner.js';
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

/** DH_Nokkel: one row per year, either Fast beløp + Sats pr innbygger, or Sum å fordele + Andel likt, or only Prisindeks. */
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
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every(isBlank)) continue;
    const year = parseNumber(row[yearCol.value]);
    if (!year.ok || !year.value.isInteger()) return fail(`${place(table, r, yearCol.value)}: «${cellText(row[yearCol.value])}» er ikke et år.`);
    const values: Record<string, Dec | undefined> = {};
    for (const [field, c] of Object.entries(cols)) {
      const v = numberAt(table, row, r, c, table.headers[c] ?? field);
      if (!v.ok) return v;
      values[field] = v.value;
    }
    // "3,9" in a Prisindeks or Andel likt column means percent; 0,039 is already a fraction.
    const fraction = (v: Dec | undefined) => (v !== undefined && v.greaterThan(1) ? v.dividedBy(100) : v);
    const hasFixed = values.fixed !== undefined || values.rate !== undefined;
    if (!hasFixed && values.total === undefined && values.index === undefined) {
      return fail(`${place(table, r, yearCol.value)}: raden for ${year.value} trenger Fast beløp og Sats pr innbygger, eller Sum å fordele.`);
    }
    if (keys.some((k) => k.year === year.value.toNumber())) return fail(`${place(table, r, yearCol.value)}: året ${year.value} står to ganger.`);
    keys.push({
      year: year.value.toNumber(),
      ...(hasFixed ? { fixedAmount: values.fixed ?? new Dec(0), ratePerInhabitant: values.rate ?? new Dec(0) } : {}),
      ...(!hasFixed && values.total !== undefined ? { totalToAllocate: values.total, equalShare: fraction(values.equal) ?? new Dec(0) } : {}),
      ...(values.index !== undefined ? { priceIndex: fraction(values.index)! } : {}),
      ...(values.budget !== undefined ? { budgetedTotal: values.budget as Kroner } : {}),
    });
  }
  return ok(keys);
}

/**
 * DH_Prosjekter (Prosjekt, Kommune, Deltar, Kostnad, Fordeling). A row without Kommune carries the
 * project's total annual cost and its split ("flatt" or "innbyggere"); a row with Kommune marks
 * participation, and a Kostnad there is that member's own annual cost.
 */
export function projectsFromTable(table: TableData, members: readonly Member[], registry: KommuneRegistry): Result<Project[]> {
  const projectCol = requireColumn(table, 'Prosjekt', 'Prosjekt', 'Tema', 'Tiltak');
  if (!projectCol.ok) return projectCol;
  const kommuneCol = columnIndex(table.headers, 'Kommune', 'Kommunenr', 'Kommunenavn');
  const joinCol = columnIndex(table.headers, 'Deltar', 'Deltakelse', 'Med');
  const costCol = columnIndex(table.headers, 'Kostnad', 'Kostnad pr år', 'Årskostnad', 'Beløp');
  const splitCol = columnIndex(table.headers, 'Fordeling', 'Fordelingsnøkkel', 'Nøkkel');
  const scope = new Set(members.map((m) => m.kommunenr));
  const drafts = new Map<string, { name: string; participants: string[]; cost?: Dec; split: ProjectSplit; direct: Map<string, Dec> }>();
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    if (row.every(isBlank)) continue;
    const name = cellText(row[projectCol.value]);
    if (!name) return fail(`${place(table, r, projectCol.value)}: prosjektnavn mangler.`);
    const key = normalizeKey(name);
    const draft = drafts.get(key) ?? { name, participants: [], split: 'flat' as ProjectSplit, direct: new Map<string, Dec>() };
    drafts.set(key, draft);
    const cost = numberAt(table, row, r, costCol, 'Kostnad');
    if (!cost.ok) return cost;
    if (splitCol >= 0 && !isBlank(row[splitCol])) {
      const s = normalizeKey(cellText(row[splitCol]));
      if (s.startsWith('innb') || s.startsWith('folk')) draft.split = 'innbyggere';
      else if (s.startsWith('flat') || s.startsWith('likt')) draft.split = 'flat';
      else return fail(`${place(table, r, splitCol)}: fordeling «${cellText(row[splitCol])}» må være «flatt» eller «innbyggere».`);
    }
    if (kommuneCol < 0 || isBlank(row[kommuneCol])) {
      if (cost.value !== undefined) draft.cost = cost.value;
      continue;
    }
    const kommune = registry.resolve(row[kommuneCol] as string | number, scope);
    if (!kommune.ok) return fail(`${place(table, r, kommuneCol)}: ${kommune.error.message}`);
    if (!scope.has(kommune.value.kommunenr)) return fail(`${place(table, r, kommuneCol)}: ${kommune.value.name} er ikke medlem i samarbeidet.`);
    const joins = joinCol >= 0 && !isBlank(row[joinCol]) ? parseYesNo(row[joinCol]) : { ok: true as const, value: true };
    if (!joins.ok) return fail(`${place(table, r, joinCol)}: ${joins.reason}.`);
    if (joins.value && !draft.participants.includes(kommune.value.kommunenr)) draft.participants.push(kommune.value.kommunenr);
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
  if (used.length === 0) return ok({ dataset: base, used });
  const fromBase = [
    ...(kommuner ? [] : ['kommuner']),
    ...(nokkel ? [] : ['fordelingsnøkkel']),
    ...(inherits && !prosjekter ? ['prosjekter'] : []),
    ...(inherits && (base.rpa || base.duo) ? ['RPA- og DUO-tall'] : []),
  ];
  const { rpa: _rpa, duo: _duo, ...rest } = base;
  const dataset: Dataset = {
    ...rest,
    name: `Arbeidsboken (${used.join(', ')})`,
    source: `Arbeidsbokens tabeller ${used.join(', ')}${fromBase.length ? `; ${joinWords(fromBase)} fra ${base.name}` : ''}`,
    members,
    keys,
    projects,
    ...(inherits && base.rpa ? { rpa: base.rpa } : {}),
    ...(inherits && base.duo ? { duo: base.duo } : {}),
  };
  return ok({ dataset, used });
}

