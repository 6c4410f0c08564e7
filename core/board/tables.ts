import { allocate, frozenPercentages, projectCost, sortedMembers } from '../allocation/allocate.js';
import type { Dataset } from '../dataset/model.js';
import { arkivplanstatusTable } from '../arkivplan/table.js';
import { allBalances, BALANSE_HEADERS, balanceRows } from '../balance/balance.js';
import { timeValueExact } from '../benefits/time-value.js';
import { splitPooledSaving } from '../benefits/pooled.js';
import { Dec, roundOre, sum, toCellNumber } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';
import type { OwnedCell, OwnedTable } from '../workbook/table.js';
import { MAX_COLUMN_NAME, ownedText } from '../workbook/owned-text.js';
import { fordelingTableName } from './names.js';

const money = (d: Dec) => toCellNumber(d);

/**
 * DH_Fordeling_<år>: one row per member with the key's parts; "Totalt pr kommune" is a live
 * =DH.KOSTNAD(kommunenr; år) formula so the sheet recalculates when the key tables change.
 */
export function fordelingTable(dataset: Dataset, year: number): Result<OwnedTable> {
  const allocation = allocate(dataset, year);
  if (!allocation.ok) return allocation;
  const a = allocation.value;
  const percents = new Map(frozenPercentages(a, 4).map((p) => [p.kommunenr, p.percent]));
  const rows: OwnedCell[][] = a.rows.map((r) => [
    r.kommunenr,
    r.name,
    r.population,
    money(r.fixed),
    money(r.byPopulation),
    { formula: { fn: 'KOSTNAD', args: [r.kommunenr, year] }, value: money(r.total) },
    percents.get(r.kommunenr)!.toNumber(),
  ]);
  return ok({
    name: fordelingTableName(year),
    headers: ['Kommunenr', 'Kommune', `Innbyggere (${a.key.source.populationBasis ?? 'nøkkelens grunnlag'})`, 'Fast beløp', 'Fordelt etter innbyggertall', 'Totalt pr kommune', 'Andel (%)'],
    rows,
    totals: ['Sum', '', a.totalPopulation, money(a.sumFixed), money(a.sumByPopulation), money(a.sum), 100],
  });
}

/** DH_Deltakelse: members × project decisions, Ja/Nei, with each participant's annual project cost where known. */
/**
 * The column name each project gets in DH_Deltakelse: its name without control or bidi-override characters and
 * at most 255 characters (Office's limit for a table column). `shortened` says a name was cut, for the finding.
 */
export function projectColumnNames(dataset: Dataset): { project: string; text: string; shortened: boolean }[] {
  return dataset.projects.map((p) => ({ project: p.name, ...ownedText(p.name, MAX_COLUMN_NAME) }));
}

export function deltakelseTable(dataset: Dataset): OwnedTable {
  const members = sortedMembers(dataset.members);
  const projects = dataset.projects;
  const rows: OwnedCell[][] = members.map((m) => [
    m.kommunenr,
    m.name,
    ...projects.map((p) => (p.participants.includes(m.kommunenr) ? 'Ja' : 'Nei')),
    money(sum(projects.map((p) => {
      const c = projectCost(dataset, p, m.kommunenr);
      return c.ok ? c.value : new Dec(0);
    }))),
  ]);
  const totals = [`Deltakere (av ${members.length})`, '', ...projects.map((p) => `${p.participants.length}/${members.length}`), ''];
  // Project names become column names: made safe and cut to Office's 255 characters (see projectColumnNames).
  return { name: 'DH_Deltakelse', headers: ['Kommunenr', 'Kommune', ...projectColumnNames(dataset).map((c) => c.text), 'Prosjektkostnad pr år (kjent)'], rows, totals };
}

/**
 * DH_RPA in the board's own layout and sign (negative = saving): cost per month, handled cases,
 * time saving in kr, net per month and per year. Yearly figures are ×12 of the unrounded monthly net.
 */
export function rpaTable(dataset: Dataset): OwnedTable | undefined {
  const rpa = dataset.rpa;
  if (!rpa) return undefined;
  const names = new Map(dataset.members.map((m) => [m.kommunenr, m.name]));
  const lines = [...rpa.rows].sort((a, b) => a.kommunenr.localeCompare(b.kommunenr)).map((r) => {
    const saving = timeValueExact(new Dec(r.handledPerMonth), rpa.assumption.minutesPerCase, rpa.assumption.hourlyRate);
    const net = r.monthlyCost.minus(saving);
    return { r, saving, net };
  });
  const rows: OwnedCell[][] = lines.map(({ r, saving, net }) => [
    r.kommunenr, names.get(r.kommunenr) ?? r.kommunenr, money(r.monthlyCost), r.handledPerMonth, money(saving), money(net), money(net.times(12)),
  ]);
  const total = (f: (l: (typeof lines)[number]) => Dec) => money(sum(lines.map(f)));
  return {
    name: 'DH_RPA',
    headers: ['Kommunenr', 'Kommune', 'RPA kostnad pr mnd', 'Antall håndteringer', 'Besparelse tid (kr pr mnd)', 'Netto besparelse pr mnd (negativ = gevinst)', 'Netto besparelse pr år'],
    rows,
    totals: ['SUM', '', total((l) => l.r.monthlyCost), lines.reduce((a, l) => a + l.r.handledPerMonth, 0), total((l) => l.saving), total((l) => l.net), total((l) => l.net.times(12))],
  };
}

/** DH_DUO: the adopted pooled saving split by each member's cost (largest remainder), net per month and year. */
export function duoTable(dataset: Dataset): OwnedTable | undefined {
  const duo = dataset.duo;
  if (!duo) return undefined;
  const names = new Map(dataset.members.map((m) => [m.kommunenr, m.name]));
  const entries = [...duo.monthlyCost.entries()].sort(([a], [b]) => a.localeCompare(b));
  const savings = splitPooledSaving(roundOre(duo.adoptedMonthlySaving), entries.map(([, cost]) => cost));
  const rows: OwnedCell[][] = entries.map(([nr, cost], i) => {
    const saving = savings[i]!.negated();
    const net = cost.plus(saving);
    return [nr, names.get(nr) ?? nr, money(cost), money(saving), money(net), money(net.times(12))];
  });
  const costSum = sum(entries.map(([, c]) => c));
  const savingSum = sum(savings).negated();
  return {
    name: 'DH_DUO',
    headers: ['Kommunenr', 'Kommune', 'DUO kostnad pr mnd', 'Besparelser pr mnd', 'Netto besparelse pr mnd', 'Netto besparelse pr år'],
    rows,
    totals: ['SUM', '', money(costSum), money(savingSum), money(costSum.plus(savingSum)), money(costSum.plus(savingSum).times(12))],
  };
}

/**
 * DH_Balanse: per member what it pays (key, projects) and what it documentably gets back (RPA, DUO, DH_Gevinst,
 * DH_Tilskudd), and the net (betaler − får igjen, negative = gevinst, as the board prints netto). Sources per row; «Kommunens regnskap» shows the lines.
 */
export function balanseTable(dataset: Dataset, year: number): Result<OwnedTable> {
  const balances = allBalances(dataset, year);
  if (!balances.ok) return balances;
  const lines = balanceRows(balances.value);
  // balanceRows ends with the Sum line (no kommunenr): that is the totals row, its label in the first column.
  const members = lines.filter((r) => r.kommunenr !== '');
  const sumLine = lines.find((r) => r.kommunenr === '');
  const rows: OwnedCell[][] = members.map((r) => [r.kommunenr, r.name, ...r.figures.map(money), r.sources]);
  return ok({ name: 'DH_Balanse', headers: [...BALANSE_HEADERS], rows, ...(sumLine ? { totals: [sumLine.name, '', ...sumLine.figures.map(money), sumLine.sources] } : {}) });
}

/** The board tables about projects: built only when the dataset has the data for them. */
export const PROJECT_TABLE_NAMES = ['DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus'] as const;

/** Project tables boardTables leaves out because the dataset has no projects, RPA or DUO inputs. */
export function skippedBoardTables(dataset: Dataset): string[] {
  return [
    ...(dataset.projects.length === 0 ? ['DH_Deltakelse'] : []),
    ...(dataset.rpa ? [] : ['DH_RPA']),
    ...(dataset.duo ? [] : ['DH_DUO']),
    ...(dataset.arkivplan ? [] : ['DH_Arkivplanstatus']),
  ];
}

/** RPA and DUO rows must belong to members: a row for anyone else is another cooperation's figure. */
function checkBenefitRows(dataset: Dataset): Result<void> {
  const members = new Set(dataset.members.map((m) => m.kommunenr));
  const outside = (numbers: readonly string[]) => [...new Set(numbers.filter((nr) => !members.has(nr)))].sort();
  for (const [table, label, numbers] of [
    ['DH_RPA', 'RPA-tallene', dataset.rpa?.rows.map((r) => r.kommunenr) ?? []],
    ['DH_DUO', 'DUO-tallene', dataset.duo ? [...dataset.duo.monthlyCost.keys()] : []],
  ] as const) {
    const strangers = outside(numbers);
    if (strangers.length) {
      const shown = strangers.length > 5 ? [...strangers.slice(0, 4), `${strangers.length - 4} andre`] : strangers;
      const list = shown.length === 1 ? `kommunenummer ${shown[0]}, som ikke er medlem` : `kommunenumrene ${shown.slice(0, -1).join(', ')} og ${shown.at(-1)}, som ikke er medlemmer`;
      return fail(`${table} kan ikke lages: ${label} gjelder ${list} i samarbeidet.`);
    }
  }
  return ok(undefined);
}

/**
 * The names of the tables boardTables builds for the dataset and year, in its order, without building them: the
 * project tables only where the dataset has their inputs (see skippedBoardTables).
 */
export function boardTableNames(dataset: Dataset, year: number): string[] {
  const skipped = new Set(skippedBoardTables(dataset));
  return [fordelingTableName(year), ...PROJECT_TABLE_NAMES.filter((name) => !skipped.has(name)), 'DH_Balanse'];
}

/**
 * All board tables for a year, in the order the panel shows them. DH_Deltakelse needs projects and
 * DH_RPA / DH_DUO their inputs; without them the table is left out (see skippedBoardTables).
 */
export function boardTables(dataset: Dataset, year: number): Result<OwnedTable[]> {
  const fordeling = fordelingTable(dataset, year);
  if (!fordeling.ok) return fordeling;
  const rows = checkBenefitRows(dataset);
  if (!rows.ok) return rows;
  const tables = [fordeling.value];
  if (dataset.projects.length) tables.push(deltakelseTable(dataset));
  const rpa = rpaTable(dataset);
  if (rpa) tables.push(rpa);
  const duo = duoTable(dataset);
  if (duo) tables.push(duo);
  if (dataset.arkivplan) tables.push(arkivplanstatusTable(dataset.arkivplan));
  const balanse = balanseTable(dataset, year);
  if (!balanse.ok) return balanse;
  tables.push(balanse.value);
  return ok(tables);
}
