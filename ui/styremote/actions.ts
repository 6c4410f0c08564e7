// The Styremøte view's logic: «Oppdater alle tabeller» (refresh + DH_Endringer) and the board kontroll.
import {
  a1,
  allocate,
  boardTables,
  boardTableNames,
  DatasetContext,
  Dec,
  displayValue,
  printedRows,
  endringerWith,
  fordelingTableName,
  formatKroner,
  formatNumber,
  HELGELAND_2026,
  joinWords,
  planRefresh,
  reconcileSheets,
  registerRange,
  roundOre,
  skippedTablesNote,
  sortFindings,
  timeValueExact,
  type CellValue,
  type Change,
  type Dataset,
  type Finding,
  type OwnedTable,
  type SheetCells,
  type TableData,
} from '../../core/index.js';
import { type ActionResult, success, failure, readTables, reasonOf } from '../result.js';
import type { PanelHost } from '../host.js';

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
          await host.writeOwnedTable(endringerWith(existing.get('DH_Endringer'), done, today));
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
    const rows = printedRows(table).map((r) => r.map((c) => displayValue(c)));
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

const TABLE_KIND_LABEL: Readonly<Record<string, string>> = { allocation: 'fordelingstabell', rpa: 'RPA-tabell', duo: 'DUO-tabell', budget: 'budsjett', arkivplan: 'arkivplantabell' };

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
    const active = { sheet: sheet.sheet, cells: sheet.values as readonly (readonly CellValue[])[], originRow: sheet.originRow, originColumn: sheet.originColumn };
    // A register on the sheet is the Systemregister view's to check: claimed, so not reported unread here.
    const register = registerRange(active);
    result = reconcileSheets([active], { data: new DatasetContext(dataset), year, reportUnread: true, ...(register ? { claimed: [register] } : {}) });
  } catch (error) {
    return failure(`Kontrollen av «${sheet.sheet}» kunne ikke kjøres: ${reasonOf(error)}.`);
  }
  const tables = result.tables.map((t) => `${t.sheet}!${t.cell}: ${TABLE_KIND_LABEL[t.kind] ?? t.kind}, ${formatNumber(t.rows)} rader`);
  if (tables.length === 0) {
    return success(
      { sheet: sheet.sheet, tables, findings: sortFindings(result.findings) },
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

/**
 * Findings about board tables the workbook does not have yet (the kontroll runs on the tables as «Oppdater alle
 * tabeller» will write them) say so and point at no cell: a warning never names a table that is not there.
 */
export function markUncreatedTables(findings: readonly Finding[], present: readonly string[]): Finding[] {
  const have = new Set(present.map((n) => n.toLowerCase()));
  return findings.map((f) =>
    /^DH_/i.test(f.sheet) && !have.has(f.sheet.toLowerCase())
      ? { ...f, cell: '', message: `${f.message} (${f.sheet} finnes ikke ennå; den lages av «Oppdater alle tabeller».)` }
      : f,
  );
}

/** The view's first line: the tables «Oppdater alle tabeller» writes (DH_Endringer, the log, aside), from where. */
export function refreshIntro(dataset: Dataset, source: string, year: number): string {
  return `Oppdaterer ${joinWords(boardTableNames(dataset, year))} fra ${source}, og fører endringene i DH_Endringer.`;
}
