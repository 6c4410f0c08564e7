// All of the panel's logic, host-agnostic and free of React and the DOM, so it runs (and is tested) in
// Node against a fake host. Views call these and render the results; nothing here throws to the UI:
// every action returns an ActionResult with a Norwegian message.
import {
  a1,
  allocate,
  boardTables,
  cellText,
  DatasetContext,
  datasetFromTables,
  displayValue,
  DEFAULT_REAL_RATE,
  Dec,
  ENDRINGER_HEADERS,
  evaluateGevinst,
  fordelingTable,
  fordelingTableName,
  formatKroner,
  formatNumber,
  frozenPercentages,
  gevinstTemplate,
  HELGELAND_2026,
  planRefresh,
  roundOre,
  skippedBoardTables,
  skippedTablesNote,
  lowerFirst,
  sortFindings,
  timeValueExact,
  checkRegisterInSlices,
  registerDataRowCount,
  commonSystems,
  findRegisterHeader,
  type Allocation,
  type CommonSystem,
  type CellValue,
  type Change,
  type Dataset,
  type Finding,
  type GevinstEvaluation,
  type Kroner,
  type OwnedCell,
  reconcileSheets,
  type OwnedTable,
  type RegisterCheckOptions,
  type SheetCells,
  type Severity,
  type TableData,
} from '../core/index.js';
import type { CellMark, PanelHost } from './host.js';

// ---------------------------------------------------------------------------------------------------
// Results

export type ActionResult<T> =
  | { readonly ok: true; readonly value: T; readonly message: string }
  | { readonly ok: false; readonly message: string };

function success<T>(value: T, message: string): ActionResult<T> {
  return { ok: true, value, message };
}

function failure<T = never>(message: string): ActionResult<T> {
  return { ok: false, message };
}

/** Reads the named tables that exist; the first read that fails stops with a message ending in `consequence`. */
async function readTables(host: PanelHost, names: readonly string[], consequence: string): Promise<ActionResult<Map<string, TableData>>> {
  const tables = new Map<string, TableData>();
  for (const name of names) {
    try {
      const table = await host.readTable(name);
      if (table) tables.set(name, table);
    } catch (error) {
      return failure(`Kunne ikke lese ${name}: ${reasonOf(error)}. ${consequence}`);
    }
  }
  return success(tables, '');
}

/** The text of a thrown host error, for a Norwegian sentence ("… : <grunn>"). */
export function reasonOf(error: unknown): string {
  let text = '';
  if (error instanceof Error) text = error.message;
  else if (typeof error === 'string') text = error;
  else if (typeof error === 'object' && error !== null && 'message' in error && typeof (error as { message: unknown }).message === 'string') {
    text = (error as { message: string }).message;
  }
  text = text.trim().replace(/[.!]+$/, '');
  return text || 'ukjent feil';
}

// ---------------------------------------------------------------------------------------------------
// Dataset

/** Input tables a workbook may use to override the embedded dataset (SPEC §6). */
export const DATASET_TABLES = ['DH_Kommuner', 'DH_Nokkel', 'DH_Prosjekter'] as const;

export type DatasetOrigin = 'builtin' | 'workbook';

export interface LoadedDataset {
  readonly dataset: Dataset;
  /** Input tables that were read and used (empty for the embedded dataset). */
  readonly used: readonly string[];
  readonly origin: DatasetOrigin;
  /** What the panel shows: «Innebygd: Digitale Helgeland 2026» or «Arbeidsboken (DH_Kommuner, …)». */
  readonly label: string;
}

/** The embedded dataset, ready to use without touching the workbook. */
export function builtinDataset(base: Dataset = HELGELAND_2026): LoadedDataset {
  return { dataset: base, used: [], origin: 'builtin', label: `Innebygd: ${base.name}` };
}

/** Names of the dataset input tables present in the workbook (DH_Kommuner, DH_Nokkel, DH_Prosjekter). */
export async function detectDatasetTables(host: PanelHost): Promise<ActionResult<string[]>> {
  try {
    const names = await host.listTables();
    const present = DATASET_TABLES.filter((t) => names.some((n) => n.toLowerCase() === t.toLowerCase()));
    return success(present, present.length ? `Arbeidsboken har ${present.join(', ')}.` : 'Arbeidsboken har ingen DH_Kommuner, DH_Nokkel eller DH_Prosjekter.');
  } catch (error) {
    return failure(`Kunne ikke se hvilke tabeller arbeidsboken har: ${reasonOf(error)}.`);
  }
}

/**
 * Reads DH_Kommuner / DH_Nokkel / DH_Prosjekter (where present) and builds the dataset, the rest from
 * `base`. Only reads: a bad table gives a Norwegian message naming the cell, and nothing is written.
 */
export async function loadDataset(host: PanelHost, base: Dataset = HELGELAND_2026): Promise<ActionResult<LoadedDataset>> {
  const read = await readTables(host, DATASET_TABLES, 'Ingenting er endret.');
  if (!read.ok) return read;
  const tables = read.value;
  let parsed: ReturnType<typeof datasetFromTables>;
  try {
    parsed = datasetFromTables((name) => tables.get(name), base);
  } catch (error) {
    return failure(`Arbeidsbokens tabeller kunne ikke leses: ${reasonOf(error)}. Ingenting er endret.`);
  }
  if (!parsed.ok) return failure(`${parsed.error.message} Rett tabellen og prøv igjen; ingenting er endret.`);
  const { dataset, used } = parsed.value;
  if (used.length === 0) {
    return success(builtinDataset(base), `Arbeidsboken har ingen DH_Kommuner, DH_Nokkel eller DH_Prosjekter: bruker ${base.name}.`);
  }
  // The dataset says what came from the workbook and what from the base; without project data the project
  // tables are left out of a refresh, and the panel says so up front.
  const skipped = skippedTablesNote(skippedBoardTables(dataset), used.includes('DH_Prosjekter'), base.name);
  return success({ dataset, used, origin: 'workbook', label: `Arbeidsboken (${used.join(', ')})` }, `Bruker ${lowerFirst(dataset.source)}.${skipped ? ` ${skipped}` : ''}`);
}

/** The years the dataset has a key for, ascending. */
export function keyYears(dataset: Dataset): number[] {
  return [...new Set(dataset.keys.map((k) => k.year))].sort((a, b) => a - b);
}

/** The year the panel opens on: the first key year of the dataset (2026 for Digitale Helgeland). */
export function defaultYear(dataset: Dataset): number {
  return keyYears(dataset)[0] ?? new Date().getFullYear();
}

// ---------------------------------------------------------------------------------------------------
// Fordeling

export interface FordelingRowView {
  readonly kommunenr: string;
  readonly kommune: string;
  readonly innbyggere: string;
  readonly fast: string;
  readonly fordelt: string;
  readonly totalt: string;
  /** Frozen share, 2 decimals, summing to exactly 100,00 %. */
  readonly andel: string;
}

export interface FordelingView {
  readonly year: number;
  readonly tableName: string;
  readonly populationBasis: string;
  /** How the key reads, e.g. «156 520,48 kr pr kommune + 23,00 kr pr innbygger». */
  readonly keyText: string;
  readonly rows: readonly FordelingRowView[];
  readonly sumInnbyggere: string;
  readonly sumFast: string;
  readonly sumFordelt: string;
  readonly sum: string;
  readonly kontroll: string;
  readonly kontrollOk: boolean;
  readonly budget?: { readonly budgeted: string; readonly deviation: string; readonly ok: boolean };
  readonly allocation: Allocation;
}

function keyText(allocation: Allocation): string {
  const k = allocation.key;
  const derived = k.derivedFrom !== undefined ? ` (${k.derivedFrom}-nøkkelen justert med prisindeks)` : '';
  if (k.mode === 'fixedPlusRate') return `${formatKroner(k.fixedAmount)} pr kommune + ${formatKroner(k.ratePerInhabitant)} pr innbygger${derived}`;
  const alpha = formatNumber(k.equalShare.times(100), 1);
  return `${formatKroner(k.totalToAllocate)} fordelt ${alpha} % likt og resten etter innbyggertall${derived}`;
}

/** The year's allocation, or the Norwegian reason it cannot be computed. */
function allocationFor(dataset: Dataset, year: number): ActionResult<Allocation> {
  try {
    const allocation = allocate(dataset, year);
    return allocation.ok ? success(allocation.value, '') : failure(allocation.error.message);
  } catch (error) {
    return failure(`Fordelingen for ${year} kunne ikke beregnes: ${reasonOf(error)}.`);
  }
}

/** The allocation for a year as the Fordeling tab shows it, all figures formatted nb-NO. */
export function fordelingView(dataset: Dataset, year: number): ActionResult<FordelingView> {
  const allocation = allocationFor(dataset, year);
  if (!allocation.ok) return allocation;
  const a = allocation.value;
  const percents = new Map(frozenPercentages(a, 2).map((p) => [p.kommunenr, p.percent]));
  const rows = a.rows.map((r) => ({
    kommunenr: r.kommunenr,
    kommune: r.name,
    innbyggere: formatNumber(r.population),
    fast: formatKroner(r.fixed),
    fordelt: formatKroner(r.byPopulation),
    totalt: formatKroner(r.total),
    andel: formatNumber(percents.get(r.kommunenr) ?? new Dec(0), 2) + ' %',
  }));
  const budgeted = a.key.source.budgetedTotal;
  return success(
    {
      year,
      tableName: fordelingTableName(year),
      populationBasis: a.key.source.populationBasis ?? 'nøkkelens grunnlag',
      keyText: keyText(a),
      rows,
      sumInnbyggere: formatNumber(a.totalPopulation),
      sumFast: formatKroner(a.sumFixed),
      sumFordelt: formatKroner(a.sumByPopulation),
      sum: formatKroner(a.sum),
      kontroll: formatKroner(a.kontroll),
      kontrollOk: a.kontroll.isZero(),
      ...(budgeted && a.budgetDeviation
        ? { budget: { budgeted: formatKroner(budgeted), deviation: formatKroner(a.budgetDeviation), ok: roundOre(a.budgetDeviation).isZero() } }
        : {}),
      allocation: a,
    },
    `Fordeling ${year}: ${rows.length} kommuner, sum ${formatKroner(a.sum)}.`,
  );
}

/** Writes DH_Fordeling_<år> (one row per member, «Totalt pr kommune» as =DH.KOSTNAD formulas, a Sum row). */
export async function insertFordeling(host: PanelHost, dataset: Dataset, year: number): Promise<ActionResult<{ readonly table: string; readonly rows: number }>> {
  let table: ReturnType<typeof fordelingTable>;
  try {
    table = fordelingTable(dataset, year);
  } catch (error) {
    return failure(`Fordelingen for ${year} kunne ikke beregnes: ${reasonOf(error)}. Ingenting er skrevet.`);
  }
  if (!table.ok) return failure(`${table.error.message} Ingenting er skrevet.`);
  try {
    await host.writeOwnedTable(table.value);
  } catch (error) {
    return failure(`Kunne ikke skrive ${table.value.name}: ${reasonOf(error)}. Den forrige versjonen av tabellen er beholdt.`);
  }
  const members = table.value.rows.length - 1;
  return success({ table: table.value.name, rows: members }, `Satte inn ${table.value.name} med ${members} kommuner og sumrad.`);
}

export interface FrozenPercentagesExport {
  /** Kommunenr | Kommune | Andel (%) — not an owned table: for copying into an agreement. */
  readonly table: OwnedTable;
  /** Semicolon-separated, decimal comma (what Norwegian Excel opens directly). */
  readonly csv: string;
  readonly fileName: string;
}

function csvCell(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Frozen percentages for a cooperation agreement (largest remainder: they add up to exactly 100). */
export function exportFrozenPercentages(dataset: Dataset, year: number, decimals = 4): ActionResult<FrozenPercentagesExport> {
  const allocation = allocationFor(dataset, year);
  if (!allocation.ok) return allocation;
  const percents = frozenPercentages(allocation.value, decimals);
  const headers = ['Kommunenr', 'Kommune', 'Andel (%)'];
  const table: OwnedTable = {
    name: `DH_Prosentandeler_${year}`,
    headers,
    rows: [...percents.map((p) => [p.kommunenr, p.name, p.percent.toNumber()]), ['', 'Sum', 100]],
  };
  const lines = [
    headers.join(';'),
    ...percents.map((p) => [p.kommunenr, p.name, p.percent.toFixed(decimals).replace('.', ',')].map(csvCell).join(';')),
    ['', 'Sum', new Dec(100).toFixed(decimals).replace('.', ',')].join(';'),
  ];
  return success(
    { table, csv: lines.join('\r\n') + '\r\n', fileName: `faste-prosentandeler-${year}.csv` },
    `Faste prosentandeler for ${year} med ${decimals} desimaler; summen er nøyaktig 100 %.`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Styremøte: refresh and reconciliation

export interface ChangeView {
  readonly table: string;
  readonly kommune: string;
  readonly column: string;
  readonly before: string;
  readonly after: string;
}

export interface RefreshOutcome {
  readonly changes: readonly Change[];
  /** Changes formatted for the list («før → etter» in nb-NO numbers). */
  readonly changeViews: readonly ChangeView[];
  /** Owned tables written, in order (DH_Endringer last when anything changed). */
  readonly written: readonly string[];
  /** «3 endringer siden forrige oppdatering» or «Ingen endringer». */
  readonly summary: string;
  readonly findings: readonly Finding[];
}

/** «1 endring» / «N endringer siden forrige oppdatering» / «Ingen endringer». */
export function changesSummary(count: number): string {
  if (count === 0) return 'Ingen endringer';
  return `${formatNumber(count)} ${count === 1 ? 'endring' : 'endringer'} siden forrige oppdatering`;
}

/** A before/after value as a user reads it: machine numbers in nb-NO ("752197.48" → "752 197,48"). */
export function formatChangeValue(column: string, text: string): string {
  if (/^-?\d+(\.\d+)?$/.test(text) && !/nr|nummer/i.test(column)) {
    const decimals = Math.min(text.split('.')[1]?.length ?? 0, 4);
    return formatNumber(new Dec(text), decimals);
  }
  return text === '' ? '(tom)' : text;
}

export function changeView(change: Change): ChangeView {
  return {
    table: change.table,
    kommune: change.label || change.key,
    column: change.column,
    before: formatChangeValue(change.column, change.before),
    after: formatChangeValue(change.column, change.after),
  };
}

function endringerFor(changes: readonly Change[], previous: TableData | undefined, today: string): OwnedTable {
  const old: CellValue[][] = previous ? previous.rows.map((r) => [...r]) : [];
  const rows = changes.map((c) => [today, c.table, c.key, c.label, c.column, c.before, c.after]);
  return { name: 'DH_Endringer', headers: [...ENDRINGER_HEADERS], rows: [...rows, ...old] };
}

/**
 * Oppdater alle tabeller: reads the owned board tables as they are, plans the refresh, and writes only
 * the tables that changed (+ DH_Endringer). Running it again writes nothing. A failed write stops the
 * refresh; the host keeps that table's previous version, and the message says what was and was not written.
 */
export async function refreshBoard(host: PanelHost, dataset: Dataset, year: number, today: string): Promise<ActionResult<RefreshOutcome>> {
  let built: ReturnType<typeof boardTables>;
  try {
    built = boardTables(dataset, year);
  } catch (error) {
    return failure(`Styretabellene kunne ikke beregnes: ${reasonOf(error)}. Ingenting er skrevet.`);
  }
  if (!built.ok) return failure(`${built.error.message} Ingenting er skrevet.`);
  const names = [...built.value.map((t) => t.name), 'DH_Endringer'];
  const read = await readTables(host, names, 'Ingenting er skrevet.');
  if (!read.ok) return read;
  const existing = read.value;
  let plan: ReturnType<typeof planRefresh>;
  try {
    plan = planRefresh(dataset, year, (name) => existing.get(name), today);
  } catch (error) {
    return failure(`Oppdateringen kunne ikke planlegges: ${reasonOf(error)}. Ingenting er skrevet.`);
  }
  if (!plan.ok) return failure(`${plan.error.message} Ingenting er skrevet.`);
  const { toWrite, changes, endringer } = plan.value;
  const written: string[] = [];
  for (const table of toWrite) {
    try {
      await host.writeOwnedTable(table);
      written.push(table.name);
    } catch (error) {
      const reason = reasonOf(error);
      const notWritten = toWrite.slice(written.length).map((t) => t.name);
      let logged = '';
      if (written.length) {
        // Record what did change, so the next refresh's list does not silently lose it.
        const done = changes.filter((c) => written.includes(c.table));
        try {
          await host.writeOwnedTable(endringerFor(done, existing.get('DH_Endringer'), today));
          logged = ' Endringene i disse er ført i DH_Endringer.';
        } catch {
          logged = ' DH_Endringer kunne ikke oppdateres.';
        }
      }
      return failure(
        `Kunne ikke skrive ${table.name}: ${reason}. ${table.name} er uendret (forrige versjon er beholdt). ` +
          (written.length ? `Allerede oppdatert: ${written.join(', ')}.${logged} ` : '') +
          `Ikke oppdatert: ${notWritten.join(', ')}. Prøv «Oppdater alle tabeller» igjen.`,
      );
    }
  }
  if (endringer) {
    try {
      await host.writeOwnedTable(endringer);
      written.push(endringer.name);
    } catch (error) {
      return failure(`Tabellene ${written.join(', ')} er oppdatert, men DH_Endringer kunne ikke skrives: ${reasonOf(error)}. Forrige versjon av DH_Endringer er beholdt.`);
    }
  }
  const positions = new Map(existing);
  for (const name of written) {
    try {
      const table = await host.readTable(name);
      if (table) positions.set(name, table);
    } catch {
      // Positions only make findings clickable; a table that cannot be re-read keeps its default position.
    }
  }
  const findings = reconcileBoard(dataset, year, positions);
  const summary = changesSummary(changes.length);
  return success(
    { changes, changeViews: changes.map(changeView), written, summary, findings },
    (written.length ? `${summary}. Skrev ${written.join(', ')}.` : 'Ingen endringer: alle tabeller er oppdatert, ingenting er skrevet.') +
      (plan.value.skipped.length ? ` ${skippedTablesNote(plan.value.skipped, dataset.source.includes('DH_Prosjekter'), HELGELAND_2026.name)}` : ''),
  );
}

function tableFinding(table: TableData | undefined, name: string, rowIndex: number, column: number, header: string): Pick<Finding, 'sheet' | 'cell' | 'row' | 'column'> {
  const originRow = table?.originRow ?? 1;
  const originColumn = table?.originColumn ?? 1;
  const row = originRow + 1 + rowIndex;
  return { sheet: table?.sheet ?? name, cell: a1(row, originColumn + column), row, column: header };
}

/**
 * Fallback kontroll when the reconciliation engine cannot run: the allocation's Kontroll line, the sum
 * against the budget line it must cover, and the DUO saving the board adopted against its time value.
 */
function basicKontroll(dataset: Dataset, year: number, tables: ReadonlyMap<string, TableData>): Finding[] {
  const findings: Finding[] = [];
  try {
    const allocation = allocate(dataset, year);
    const name = fordelingTableName(year);
    if (!allocation.ok) {
      findings.push({ rule: 'kontroll.fordeling', severity: 'error', sheet: name, cell: 'A1', row: 1, column: '', message: allocation.error.message });
    } else {
      const a = allocation.value;
      const where = tableFinding(tables.get(name), name, a.rows.length, 5, 'Totalt pr kommune');
      if (!a.kontroll.isZero()) {
        findings.push({ rule: 'kontroll.sum', severity: 'error', ...where, message: `Kontroll er ${formatKroner(a.kontroll)}: radene summerer ikke til totalen.`, expected: formatKroner(new Dec(0)), actual: formatKroner(a.kontroll) });
      } else {
        findings.push({ rule: 'kontroll.sum', severity: 'info', ...where, message: `Kontroll 0,00 kr: ${a.rows.length} kommuner summerer til ${formatKroner(a.sum)}.` });
      }
      const budgeted = a.key.source.budgetedTotal;
      if (budgeted && a.budgetDeviation) {
        const deviation = roundOre(a.budgetDeviation);
        if (deviation.abs().greaterThanOrEqualTo('0.01')) {
          findings.push({
            rule: 'kontroll.budsjett',
            severity: 'warning',
            ...where,
            message: `Fordelt sum ${formatKroner(a.sum)} avviker fra budsjettert sum ${formatKroner(budgeted)} med ${formatKroner(deviation)}.`,
            expected: formatKroner(budgeted),
            actual: formatKroner(a.sum),
          });
        } else {
          findings.push({ rule: 'kontroll.budsjett', severity: 'info', ...where, message: `Fordelt sum dekker budsjettert sum ${formatKroner(budgeted)}.` });
        }
      }
    }
    const duo = dataset.duo;
    if (duo) {
      const count = new Dec(duo.emailsPerMonth).times(duo.shareHandled);
      const value = roundOre(timeValueExact(count, duo.assumption.minutesPerCase, duo.assumption.hourlyRate));
      const adopted = roundOre(duo.adoptedMonthlySaving);
      if (!value.equals(adopted)) {
        const duoTable = tables.get('DH_DUO');
        const rows = duo.monthlyCost.size;
        findings.push({
          rule: 'kontroll.duo-besparelse',
          severity: 'warning',
          ...tableFinding(duoTable, 'DH_DUO', rows, 3, 'Besparelser pr mnd'),
          message:
            `Vedtatt DUO-besparelse ${formatKroner(adopted)} pr mnd avviker fra tidsverdien ${formatKroner(value)} ` +
            `(${formatNumber(count)} e-poster × ${formatNumber(duo.assumption.minutesPerCase)} min ÷ 60 × ${formatKroner(duo.assumption.hourlyRate)}/t) med ${formatKroner(adopted.minus(value))}.`,
          expected: formatKroner(value),
          actual: formatKroner(adopted),
        });
      }
    }
  } catch (error) {
    findings.push({ rule: 'kontroll.feil', severity: 'error', sheet: fordelingTableName(year), cell: 'A1', row: 1, column: '', message: `Kontrollen kunne ikke kjøres: ${reasonOf(error)}.` });
  }
  return sortFindings(findings);
}

/**
 * Kontroll for the Styremøte tab: reconciles the board tables as the refresh writes them (core/reconcile:
 * every figure against the key, the budget line, participation decisions, the DUO basis). Findings point at
 * the tables where the host placed them (`positions`, as read from the workbook), else at A1 of a sheet of
 * the table's name.
 */
export function reconcileBoard(dataset: Dataset, year: number, positions: ReadonlyMap<string, TableData> = new Map()): Finding[] {
  let built: ReturnType<typeof boardTables>;
  try {
    built = boardTables(dataset, year);
  } catch {
    return basicKontroll(dataset, year, positions);
  }
  if (!built.ok) return basicKontroll(dataset, year, positions);
  const sheets: SheetCells[] = built.value.map((table) => {
    const at = positions.get(table.name);
    const rows = table.rows.map((r) => r.map((c) => displayValue(c)));
    return { sheet: at?.sheet ?? table.name, cells: [[...table.headers], ...rows], originRow: at?.originRow ?? 1, originColumn: at?.originColumn ?? 1 };
  });
  try {
    return sortFindings(reconcileSheets(sheets, { data: new DatasetContext(dataset), year }).findings);
  } catch {
    return basicKontroll(dataset, year, positions);
  }
}

export interface SheetReconciliation {
  readonly sheet: string;
  /** «Fordeling 2026!A3: fordelingstabell, 19 rader» for each table found. */
  readonly tables: readonly string[];
  readonly findings: readonly Finding[];
}

const TABLE_KIND_LABEL: Readonly<Record<string, string>> = { allocation: 'fordelingstabell', rpa: 'RPA-tabell', duo: 'DUO-tabell', budget: 'budsjett' };

/**
 * «Kontroller tabellene i aktivt ark»: finds printed/adopted board tables (fordeling, RPA, DUO, budsjett) on the
 * active sheet by their headers and reconciles every figure. Never changes a printed figure; writes nothing.
 */
export async function reconcileActiveSheet(host: PanelHost, dataset: Dataset, year: number): Promise<ActionResult<SheetReconciliation>> {
  let sheet: Awaited<ReturnType<PanelHost['readActiveSheet']>>;
  try {
    sheet = await host.readActiveSheet();
  } catch (error) {
    return failure(`Kunne ikke lese det aktive arket: ${reasonOf(error)}.`);
  }
  let result: ReturnType<typeof reconcileSheets>;
  try {
    result = reconcileSheets([{ sheet: sheet.sheet, cells: sheet.values as readonly (readonly CellValue[])[], originRow: sheet.originRow, originColumn: sheet.originColumn }], {
      data: new DatasetContext(dataset),
      year,
    });
  } catch (error) {
    return failure(`Kontrollen av «${sheet.sheet}» kunne ikke kjøres: ${reasonOf(error)}.`);
  }
  const tables = result.tables.map((t) => `${t.sheet}!${t.cell}: ${TABLE_KIND_LABEL[t.kind] ?? t.kind}, ${formatNumber(t.rows)} rader`);
  if (tables.length === 0) {
    return success(
      { sheet: sheet.sheet, tables, findings: [] },
      `Fant ingen fordelings-, RPA-, DUO- eller budsjettabell på arket «${sheet.sheet}». Tabellen trenger overskrifter som «Kommune | Antall innbyggere | … | Totalt pr kommune».`,
    );
  }
  const findings = sortFindings(result.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return success(
    { sheet: sheet.sheet, tables, findings },
    `Kontrollerte ${tables.length} ${tables.length === 1 ? 'tabell' : 'tabeller'} på «${sheet.sheet}»: ${formatNumber(errors)} feil, ${formatNumber(warnings)} ${warnings === 1 ? 'advarsel' : 'advarsler'}.`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Findings (register check, gevinst validation, kontroll)

export const SEVERITY_LABEL: Readonly<Record<Severity, string>> = { error: 'Feil', warning: 'Advarsel', info: 'Info' };
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export interface FindingGroup {
  readonly severity: Severity;
  readonly label: string;
  readonly findings: readonly Finding[];
}

/** Findings sorted and grouped Feil, Advarsel, Info (every group present, possibly empty). */
export function groupFindings(findings: readonly Finding[], alreadySorted = false): FindingGroup[] {
  const sorted = alreadySorted ? findings : sortFindings(findings);
  return SEVERITIES.map((severity) => ({ severity, label: SEVERITY_LABEL[severity], findings: sorted.filter((f) => f.severity === severity) }));
}

/** "Ark!A1" (quoted when the sheet name needs it), as data-cell and in messages. */
export function findingAddress(finding: Pick<Finding, 'sheet' | 'cell'>): string {
  return `${finding.sheet}!${finding.cell}`;
}

/** Clicking a finding: selects its cell so the user sees it. */
export async function selectFinding(host: PanelHost, finding: Pick<Finding, 'sheet' | 'cell'>): Promise<ActionResult<void>> {
  if (!finding.cell) return failure('Funnet peker ikke på en celle.');
  try {
    await host.selectCell(finding.sheet, finding.cell);
    return success(undefined, `Viser ${findingAddress(finding)}.`);
  } catch (error) {
    return failure(`Kunne ikke gå til ${findingAddress(finding)}: ${reasonOf(error)}.`);
  }
}

export function canHighlight(host: PanelHost): boolean {
  return typeof host.highlightCells === 'function';
}

/** «Marker celler»: paints each finding's cell in its severity colour (worst severity wins per cell). */
export async function highlightFindings(host: PanelHost, findings: readonly Finding[]): Promise<ActionResult<number>> {
  if (!host.highlightCells) return failure('Denne verten kan ikke markere celler.');
  const marks = new Map<string, CellMark>();
  for (const f of sortFindings(findings)) {
    if (!f.cell) continue;
    const key = findingAddress(f);
    if (!marks.has(key)) marks.set(key, { sheet: f.sheet, cell: f.cell, severity: f.severity });
  }
  try {
    await host.clearHighlights?.();
    await host.highlightCells([...marks.values()]);
    return success(marks.size, `Markerte ${formatNumber(marks.size)} ${marks.size === 1 ? 'celle' : 'celler'}.`);
  } catch (error) {
    return failure(`Kunne ikke markere cellene: ${reasonOf(error)}.`);
  }
}

export async function clearFindingHighlights(host: PanelHost): Promise<ActionResult<void>> {
  try {
    if (host.clearHighlights) await host.clearHighlights();
    else if (host.highlightCells) await host.highlightCells([]);
    return success(undefined, 'Markeringene er fjernet.');
  } catch (error) {
    return failure(`Kunne ikke fjerne markeringene: ${reasonOf(error)}.`);
  }
}

export const FUNN_HEADERS = ['Alvorlighet', 'Regel', 'Ark', 'Celle', 'Rad', 'Kolonne', 'Melding', 'Forventet', 'Faktisk'] as const;

/** DH_Funn: one row per finding, worst first, severities in Norwegian. */
export function findingsTable(findings: readonly Finding[]): OwnedTable {
  return {
    name: 'DH_Funn',
    headers: [...FUNN_HEADERS],
    rows: sortFindings(findings).map((f) => [SEVERITY_LABEL[f.severity], f.rule, f.sheet, f.cell, f.row, f.column, f.message, f.expected ?? '', f.actual ?? '']),
  };
}

/** «Skriv funn til DH_Funn»: replaces DH_Funn with these findings (an empty list clears old findings). */
export async function writeFindings(host: PanelHost, findings: readonly Finding[]): Promise<ActionResult<{ readonly table: string; readonly rows: number }>> {
  const table = findingsTable(findings);
  try {
    await host.writeOwnedTable(table);
  } catch (error) {
    return failure(`Kunne ikke skrive DH_Funn: ${reasonOf(error)}. Forrige versjon av DH_Funn er beholdt.`);
  }
  const n = table.rows.length;
  return success({ table: 'DH_Funn', rows: n }, n ? `Skrev ${formatNumber(n)} funn til DH_Funn.` : 'Ingen funn: DH_Funn er tømt.');
}

// ---------------------------------------------------------------------------------------------------
// Systemregister

export type RegisterSource = 'active' | 'DH_Register';

export interface CommonSystemView {
  readonly system: string;
  readonly supplier: string;
  readonly kommuneCount: number;
  readonly kommuner: string;
  /** Summed monthly cost, nb-NO («12 500,00 kr»), or «–» when no cost is given. */
  readonly monthlyCost: string;
}

export interface RegisterCheckOutcome {
  readonly sheet: string;
  /** Data rows below the header that were checked. */
  readonly rows: number;
  readonly findings: readonly Finding[];
  readonly groups: readonly FindingGroup[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Systems used by ≥ 2 kommuner (licence renegotiation); undefined only if the report could not be made. */
  readonly common?: readonly CommonSystemView[];
}

type RegisterCells = readonly (readonly unknown[])[];

/** The «Felles systemer» table rows, formatted nb-NO. */
export function commonSystemViews(systems: readonly CommonSystem[]): CommonSystemView[] {
  return systems.map((s) => ({
    system: s.system,
    supplier: s.supplier,
    kommuneCount: s.count,
    kommuner: s.kommuner.map((k) => k.name).join(', '),
    monthlyCost:
      formatKroner(s.monthlyCost) +
      (s.rowsWithoutCost ? ` (${formatNumber(s.rowsWithoutCost)} ${s.rowsWithoutCost === 1 ? 'rad' : 'rader'} uten kostnad)` : ''),
  }));
}

function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * «Kontroller»: reads the active sheet (or DH_Register) and runs the register checks (SPEC §5) with the
 * active dataset for kommune lookups. `onProgress` gets 0…1 (reading is the first 30 %).
 */
export async function checkRegisterOnSheet(
  host: PanelHost,
  source: RegisterSource,
  today: string,
  onProgress?: (fraction: number) => void,
  dataset: Dataset = HELGELAND_2026,
): Promise<ActionResult<RegisterCheckOutcome>> {
  const progress = (f: number) => {
    try {
      onProgress?.(Math.max(0, Math.min(1, f)));
    } catch {
      // A progress callback is never a reason to stop the check.
    }
  };
  progress(0);
  let cells: RegisterCells;
  let sheet: string;
  let originRow: number;
  let originColumn: number;
  try {
    if (source === 'active') {
      const values = await host.readActiveSheet((f) => progress(0.3 * f));
      cells = values.values;
      sheet = values.sheet;
      originRow = values.originRow;
      originColumn = values.originColumn;
    } else {
      const table = await host.readTable('DH_Register');
      if (!table) return failure('Fant ikke tabellen DH_Register. Gi registeret dette navnet, eller velg «Aktivt ark».');
      cells = [table.headers, ...table.rows];
      sheet = table.sheet ?? table.name;
      originRow = table.originRow ?? 1;
      originColumn = table.originColumn ?? 1;
    }
  } catch (error) {
    return failure(`Kunne ikke lese ${source === 'active' ? 'det aktive arket' : 'DH_Register'}: ${reasonOf(error)}.`);
  }
  progress(0.3);
  if (cells.length === 0 || cells.every((r) => r.every((c) => cellText(c) === ''))) {
    return failure(`${source === 'active' ? `Arket «${sheet}»` : 'DH_Register'} er tomt. Åpne systemoversikten og prøv igjen.`);
  }
  const header = findRegisterHeader(cells);
  if (!header) {
    return failure(
      `Fant ingen overskriftsrad for et systemregister i «${sheet}». Overskriftsraden må ha kolonnen System (eller Systemnavn) og minst to andre kolonner fra malen, f.eks. Kommune, Leverandør og Systemeier.`,
    );
  }
  const options: RegisterCheckOptions = {
    sheet,
    originRow,
    originColumn,
    today,
    data: new DatasetContext(dataset),
    onProgress: (f: number) => progress(0.3 + 0.65 * f),
  };
  let findings: Finding[];
  try {
    // In slices with a pause between them, so the pane repaints its progress bar on a 100 000-row register.
    findings = await checkRegisterInSlices(cells, options, nextTick);
  } catch (error) {
    return failure(`Kontrollen av «${sheet}» kunne ikke kjøres: ${reasonOf(error)}.`);
  }
  let common: CommonSystemView[] | undefined;
  try {
    common = commonSystemViews(commonSystems(cells, { sheet, originRow, originColumn, today, data: options.data! }));
  } catch {
    common = undefined; // the report is an extra: the findings stand on their own
  }
  progress(1);
  const sorted = sortFindings(findings);
  const groups = groupFindings(sorted, true);
  const counts = { error: groups[0]!.findings.length, warning: groups[1]!.findings.length, info: groups[2]!.findings.length };
  const rows = registerDataRowCount(cells, header);
  const total = findings.length;
  return success(
    { sheet, rows, findings: sorted, groups, counts, ...(common ? { common } : {}) },
    total
      ? `Kontrollerte «${sheet}»: ${formatNumber(counts.error)} feil, ${formatNumber(counts.warning)} ${counts.warning === 1 ? 'advarsel' : 'advarsler'}, ${formatNumber(counts.info)} info.`
      : `Kontrollerte «${sheet}»: ingen funn.`,
  );
}

// ---------------------------------------------------------------------------------------------------
// Gevinst

/** «Sett inn mal (DH_Gevinst)»: creates the template only when no DH_Gevinst exists (never overwrites). */
export async function insertGevinstTemplate(host: PanelHost): Promise<ActionResult<'created' | 'exists'>> {
  let result: 'created' | 'exists';
  try {
    result = await host.insertTemplate(gevinstTemplate());
  } catch (error) {
    return failure(`Kunne ikke sette inn DH_Gevinst: ${reasonOf(error)}.`);
  }
  if (result === 'exists') return success(result, 'DH_Gevinst finnes allerede: den er ikke endret. Trykk «Beregn» for å regne på den.');
  try {
    await host.inputsChanged?.();
  } catch {
    // Recalculation is a courtesy; the template is in place either way.
  }
  return success(result, 'Satte inn DH_Gevinst med to eksempelrader. Fyll inn egne gevinster og trykk «Beregn».');
}

export interface GevinstRowView {
  readonly row: number;
  readonly name: string;
  readonly kommune: string;
  readonly type: string;
  readonly kontantfrigjorende: string;
  readonly investering: string;
  readonly nettoPrAr: string;
  readonly ar: number;
  readonly nnv: string;
  readonly tilbakebetaling: string;
}

export interface GevinstView {
  readonly rows: readonly GevinstRowView[];
  readonly totalNetto: string;
  readonly totalNnv: string;
  readonly perKommune: readonly { readonly kommune: string; readonly nettoPrAr: string; readonly nnv: string }[];
  readonly findings: readonly Finding[];
  readonly groups: readonly FindingGroup[];
  /** «4 %»: the real discount rate (R-109). */
  readonly rate: string;
  readonly evaluation: GevinstEvaluation;
}

function paybackText(years: Dec | undefined): string {
  if (years === undefined) return 'ikke innen levetiden';
  return formatNumber(years, years.isInteger() ? 0 : 2);
}

/** «Beregn»: reads DH_Gevinst, validates it and computes net per year, NPV (4 %), payback, totals and per kommune. */
export async function evaluateGevinstTable(host: PanelHost, today?: string, rate: Dec = DEFAULT_REAL_RATE): Promise<ActionResult<GevinstView>> {
  let table: TableData | undefined;
  try {
    table = await host.readTable('DH_Gevinst');
  } catch (error) {
    return failure(`Kunne ikke lese DH_Gevinst: ${reasonOf(error)}.`);
  }
  if (!table) return failure('Fant ikke DH_Gevinst. Trykk «Sett inn mal (DH_Gevinst)» først.');
  let evaluation: GevinstEvaluation;
  try {
    evaluation = evaluateGevinst(table, rate, today);
  } catch (error) {
    return failure(`DH_Gevinst kunne ikke beregnes: ${reasonOf(error)}.`);
  }
  const money = (k: Kroner) => formatKroner(k);
  const rows = evaluation.rows.map((r) => ({
    row: r.row,
    name: r.name,
    kommune: r.kommune,
    type: r.type ?? '',
    kontantfrigjorende: r.releasesBudget ? 'Ja' : 'Nei',
    investering: money(r.investment),
    nettoPrAr: money(r.netAnnual),
    ar: r.years,
    nnv: r.npv !== undefined ? money(r.npv) : '–',
    tilbakebetaling: paybackText(r.paybackYears),
  }));
  const findings = sortFindings(evaluation.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return success(
    {
      rows,
      totalNetto: money(evaluation.totalNetAnnual),
      totalNnv: money(evaluation.totalNpv),
      perKommune: evaluation.perKommune.map((p) => ({ kommune: p.kommune, nettoPrAr: money(p.netAnnual), nnv: money(p.npv) })),
      findings,
      groups: groupFindings(findings),
      rate: formatNumber(rate.times(100), rate.times(100).isInteger() ? 0 : 1) + ' %',
      evaluation,
    },
    `Beregnet ${rows.length} ${rows.length === 1 ? 'gevinst' : 'gevinster'}: netto ${money(evaluation.totalNetAnnual)} pr år, NNV ${money(evaluation.totalNpv)}` +
      (errors ? `. ${errors} ${errors === 1 ? 'feil' : 'feil'} må rettes.` : '.'),
  );
}
