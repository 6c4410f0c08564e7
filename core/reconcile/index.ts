// Reconciliation (kontroll) of printed/adopted board tables: allocation, RPA, DUO and budget tables are
// found by their headers on any sheet, every figure is recomputed, and each deviation beyond the rounding
// the printed inputs carry becomes a Finding with expected and actual. Printed figures are never changed.
import type { DatasetContext } from '../dataset/context.js';
import { a1, sortFindings, type Finding } from '../findings/finding.js';
import { detectYear, isPerInhabitantFigures, reconcileAllocationTable, type AllocationReconciliation, type BudgetLine } from './allocation.js';
import { locateBudgets, reconcileBudget, type BudgetReconciliation, type LocatedBudget } from './budget.js';
import { reconcileArkivplanTables } from './arkivplan.js';
import { reconcileDuoTable, type DuoReconciliation } from './duo.js';
import { isDatasetTable, registryFor } from './kommuner.js';
import { Dec } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';
import { KommuneRegistry } from '../kommuner/registry.js';
import { locateTables, type LocatedTable, type SheetCells, type TableKind } from './locate.js';
import { projectNamedBy, reconcileProjectTable } from './project.js';
import { reconcileRpaTable, type RpaReconciliation } from './rpa.js';
import { rangeOf, unreadFindings, type SheetRange } from './unread.js';
import type { SheetGrid, WorkbookRelations } from '../relations/index.js';
import { stopTick, type Tick } from '../util/stop.js';

export * from './allocation.js';
export * from './budget.js';
export * from './duo.js';
export * from './arkivplan.js';
export * from './rpa.js';
export { locateTables, classifyHeader, recogniseHeader, type LocatedTable, type SheetCells, type TableKind, type Role } from './locate.js';
export { printedDecimals, readCell, storedDecimals } from './numbers.js';
export { consensus, simplestIn, theilSen } from './consensus.js';
export { RULES as RECONCILE_RULES } from './findings.js';
export { unreadFindings, registerRange, UNREAD_RULE, LOOKED_FOR, type SheetRange } from './unread.js';
export { splitKommuneLabel, looksLikeKommune } from './kommuner.js';

export interface ReconcileOptions {
  /** The active dataset (the embedded default or the workbook's own tables). */
  readonly data?: DatasetContext;
  /** Budget year of the allocation tables, when their titles do not say. */
  readonly year?: number;
  /** The adopted pooled DUO saving, when not taken from the dataset or the table. */
  readonly pooledSaving?: Dec;
  /**
   * Report what was not read (rule kontroll.ikke-lest): a sheet with kommune labels and figures outside every
   * claimed range, or a workbook where nothing was claimed at all. `dh kontroll` and the panel ask for it.
   */
  readonly reportUnread?: boolean;
  /** Ranges the caller reads itself (system registers, the add-in's DH_ tables): claimed, so never "unread". */
  readonly claimed?: readonly SheetRange[];
  /**
   * The relation finder (core/relations checkWorkbookRelations): checks every numeric block no known kind read by
   * the arithmetic its rows obey, before anything is called unread. Passed in rather than imported, so a caller
   * that does not use it (the panel, whose bundle has a size budget) does not carry it.
   */
  readonly findRelations?: (sheets: readonly SheetGrid[], claimed: readonly SheetRange[], tick?: Tick) => WorkbookRelations;
  /**
   * Asked now and then in every pass over the sheets; once it answers true, reconcileSheets throws StopRequested
   * (core/util/stop.ts) and returns nothing. How a CLI keeps its time limit and a task pane cancels.
   */
  readonly shouldStop?: () => boolean;
}

/** A table found in a workbook, for reports ("Fordeling 2026!A3: fordelingstabell, 19 rader"). */
export interface FoundTable {
  readonly kind: TableKind | 'budget' | 'arkivplan';
  readonly sheet: string;
  /** A1 address of the header (or first label) cell. */
  readonly cell: string;
  readonly rows: number;
  /** The block the table covers (header to last row, full width): claimed by its kind. */
  readonly range: SheetRange;
}

export interface WorkbookReconciliation {
  readonly tables: readonly FoundTable[];
  /**
   * Every range a known kind checked (the tables found, plus the caller's `claimed`): what a reader of other
   * numeric blocks (core/relations) should leave alone. Blocks recognised as not being an allocation (KOSTRA-style
   * key figures) are not in it; they are in `seen`.
   */
  readonly claimed: readonly SheetRange[];
  /** Blocks recognised and deliberately not reconciled (key figures per inhabitant): not claimed, not "unread" either. */
  readonly seen: readonly SheetRange[];
  readonly findings: Finding[];
  readonly allocations: readonly AllocationReconciliation[];
  readonly rpa: readonly RpaReconciliation[];
  readonly duo: readonly DuoReconciliation[];
  readonly budgets: readonly BudgetReconciliation[];
  /** Every other numeric block: checked by the relation finder, or read with no relation found (when asked for). */
  readonly relations?: WorkbookRelations;
}

/** How far (as a share) a refund line may be from the dataset's budgeted sum and still be taken for its budget. */
const BUDGET_LIKENESS = new Dec('0.25');

/**
 * A budget with no kommune tables beside it is the dataset's when its title names the dataset, or its refund
 * line is within a quarter of what the dataset budgets for some year (a mistyped figure, not another network's).
 */
function isDatasetBudget(budget: LocatedBudget, data: DatasetContext): boolean {
  const name = normalizeKey(data.dataset.name.replace(/\b\d{4}\b/g, ' '));
  if (name && normalizeKey(budget.context).includes(name)) return true;
  const refund = budget.refund?.amount;
  if (!refund) return false;
  return data.dataset.keys.some((k) => k.budgetedTotal !== undefined && !k.budgetedTotal.isZero() && refund.minus(k.budgetedTotal).abs().lessThanOrEqualTo(k.budgetedTotal.abs().times(BUDGET_LIKENESS)));
}

/** The table's leftmost recognised column (a Kommunenr column may stand before Kommune). */
function firstColumn(table: LocatedTable): number {
  return Math.min(table.kommuneColumn, ...Object.values(table.columns).filter((c): c is number => c !== undefined));
}

/**
 * The options one table is reconciled with: the dataset only when the table is the dataset's own
 * (isDatasetTable); another cooperation's table keeps the registry but is checked against the key it carries.
 */
function optionsFor<T extends ReconcileOptions>(table: LocatedTable, options: T, registry: KommuneRegistry): Omit<T, 'data'> & { data?: DatasetContext; registry: KommuneRegistry } {
  const { data, ...rest } = options;
  if (data !== undefined && isDatasetTable(table, data, registry)) return { ...rest, data, registry };
  // Another cooperation's table reads its kommuner as they were in the year it is for (SPEC §10): a 2017 table's
  // «1504 Ålesund» and «Ørskog» are the kommuner of 2017, not unknown or today's namesakes.
  const year = detectYear(table, undefined, options.year);
  return { ...rest, registry: year !== undefined && registry.day === undefined ? KommuneRegistry.asOf(year) : registry };
}

/** Reconciles one located table of any kind. */
export function reconcileTable(table: LocatedTable, options: ReconcileOptions & { budgetLine?: BudgetLine } = {}): AllocationReconciliation | RpaReconciliation | DuoReconciliation {
  const opts = optionsFor(table, options, registryFor(options.data));
  switch (table.kind) {
    case 'allocation':
      return reconcileAllocationTable(table, opts);
    case 'rpa':
      return reconcileRpaTable(table, opts);
    case 'duo':
      return reconcileDuoTable(table, opts);
  }
}

/**
 * Finds and reconciles every board table in a workbook's sheets. A budget table's refund line is the
 * budget line an allocation table without a dataset key must cover.
 */
export function reconcileSheets(sheets: readonly SheetCells[], options: ReconcileOptions = {}): WorkbookReconciliation {
  const registry = registryFor(options.data);
  const tick = stopTick(options.shouldStop);
  const located: LocatedBudget[] = sheets.flatMap((sheet) => locateBudgets(sheet, tick));
  const refundBudget = located.find((b) => b.refund);
  const refund = refundBudget?.refund;
  const budgetLine: BudgetLine | undefined =
    refund && refundBudget
      ? { amount: refund.amount, label: `«${refund.label}» (${refundBudget.sheet}!${a1(refundBudget.originRow + refund.row, refundBudget.originColumn + refund.column)})` }
      : undefined;
  const allocations: AllocationReconciliation[] = [];
  const rpa: RpaReconciliation[] = [];
  const duo: DuoReconciliation[] = [];
  const tables: FoundTable[] = [];
  const seen: SheetRange[] = [];
  const opts = { ...options, ...(budgetLine ? { budgetLine } : {}) };
  let ownTables = 0;
  let foreignTables = 0;
  for (const sheet of sheets) {
    for (const table of locateTables(sheet, registry, tick)) {
      tick();
      const range = rangeOf(table.sheet, table.originRow, table.originColumn, table.headerRow, table.endRow - 1, table.headers.length);
      // Key figures per inhabitant (KOSTRA-style) share an allocation table's headers but allocate nothing.
      if (table.kind === 'allocation' && isPerInhabitantFigures(table)) {
        seen.push(range);
        continue;
      }
      tables.push({ kind: table.kind, sheet: table.sheet, cell: a1(table.originRow + table.headerRow, table.originColumn + firstColumn(table)), rows: table.dataRows.length, range });
      const tableOptions = optionsFor(table, opts, registry);
      if (options.data) {
        if (tableOptions.data) ownTables++;
        else foreignTables++;
      }
      // A table that names one of the dataset's projects is that project's split, not the membership key's.
      const project = table.kind === 'allocation' && tableOptions.data ? projectNamedBy(table, tableOptions.data) : undefined;
      if (project && tableOptions.data) allocations.push(reconcileProjectTable(table, { data: tableOptions.data, project, ...(options.year !== undefined ? { year: options.year } : {}) }));
      else if (table.kind === 'allocation') allocations.push(reconcileAllocationTable(table, tableOptions));
      else if (table.kind === 'rpa') rpa.push(reconcileRpaTable(table, tableOptions));
      else duo.push(reconcileDuoTable(table, tableOptions));
    }
  }
  // A budget is the dataset's when the workbook's kommune tables are (or, with none, when it names the dataset or
  // budgets about what the dataset does): another network's budget is only checked against its own lines.
  const keyChecked = allocations.some((a) => a.key?.source === 'dataset');
  const budgets = located.map((b) => {
    const cells = sheets.find((s) => s.sheet === b.sheet)?.cells ?? [];
    let width = 1;
    for (let r = b.startRow; r < Math.min(b.endRow, cells.length); r++) width = Math.max(width, cells[r]!.length);
    tables.push({ kind: 'budget', sheet: b.sheet, cell: a1(b.originRow + b.startRow, b.originColumn), rows: b.expenses.length + b.income.length, range: rangeOf(b.sheet, b.originRow, b.originColumn, b.startRow, Math.max(b.startRow, b.endRow - 1), width) });
    const own = options.data !== undefined && (ownTables > 0 || (foreignTables === 0 && isDatasetBudget(b, options.data)));
    return reconcileBudget(b, {
      ...(own && options.data ? { data: options.data } : {}),
      ...(options.year !== undefined ? { year: options.year } : {}),
      compareWithKey: !keyChecked,
    });
  });
  const arkivplan = sheets.flatMap((sheet) => reconcileArkivplanTables(sheet, { registry, tick, ...(options.data ? { data: options.data } : {}) }));
  tables.push(...arkivplan.map(({ findings: _f, ...found }) => ({ kind: 'arkivplan' as const, ...found })));
  const claimed = [...tables.map((t) => t.range), ...(options.claimed ?? [])];
  // Every numeric block no known kind read (key figures per inhabitant included) is checked by the arithmetic its rows
  // obey; what the finder read is read, so only figures outside every block can still be «ikke lest».
  const relations = options.findRelations?.(sheets as readonly SheetGrid[], claimed, tick);
  const readByRelation = relations ? relations.blocks.filter((b) => b.status !== 'known').map((b) => b.range) : [];
  const unread = options.reportUnread ? unreadFindings(sheets, [...claimed, ...seen, ...readByRelation], registry, claimed.length + readByRelation.length > 0, tick) : [];
  const findings = sortFindings([...budgets, ...allocations, ...rpa, ...duo, ...arkivplan].flatMap((x) => x.findings).concat(unread, relations?.findings ?? []));
  return { tables, claimed, seen, findings, allocations, rpa, duo, budgets, ...(relations ? { relations } : {}) };
}

/** Reconciles every board table on one sheet (a 2-D block of cells with its position). */
export function reconcileSheet(sheet: SheetCells, options: ReconcileOptions = {}): WorkbookReconciliation {
  return reconcileSheets([sheet], options);
}
