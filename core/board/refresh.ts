import type { Dataset } from '../dataset/model.js';
import { ok, type Result } from '../result.js';
import { cellText, type CellValue } from '../util/cells.js';
import { joinWords } from '../util/text.js';
import { displayValue, totalsLabel, type OwnedCell, type OwnedTable, type TableData } from '../workbook/table.js';
import { boardTables, PROJECT_TABLE_NAMES, skippedBoardTables } from './tables.js';

/** One changed cell between the previous and the new version of an owned table. */
export interface Change {
  readonly table: string;
  /** Row key: the Kommunenr (or first column) of the row. */
  readonly key: string;
  readonly label: string;
  readonly column: string;
  readonly before: string;
  readonly after: string;
}

export const ENDRINGER_HEADERS = ['Oppdatert', 'Tabell', 'Nøkkel', 'Rad', 'Kolonne', 'Før', 'Etter'] as const;

/** Compares two cell values as a user would: numbers by value (1 234,50 = 1234.5), text trimmed. */
function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(cellText(a).replace(',', '.'));
    const y = Number(cellText(b).replace(',', '.'));
    if (Number.isFinite(x) && Number.isFinite(y) && cellText(a) !== '' && cellText(b) !== '') return Math.abs(x - y) < 1e-9;
  }
  return cellText(a) === cellText(b);
}

/**
 * The Sum line of a table an older add-in wrote as its last data row (before owned tables had a totals row): a
 * last row without a key (Kommunenr) under a table whose new version has totals. Only owned tables reach here, and
 * their members always have a key, so a keyless last row is the add-in's own Sum line.
 */
function legacySumRow(previous: TableData, next: OwnedTable): boolean {
  if (!next.totals || previous.totals !== undefined || previous.rows.length === 0) return false;
  return cellText(previous.rows.at(-1)![0] ?? null) === '';
}

/** Changes in one row matched to its previous version, column by column (by header). */
function rowChanges(table: string, key: string, label: string, headers: readonly string[], previousHeaders: readonly string[], old: readonly CellValue[], row: readonly OwnedCell[], moved = false): Change[] {
  const changes: Change[] = [];
  headers.forEach((header, c) => {
    const oldIndex = previousHeaders.indexOf(header);
    const before = oldIndex >= 0 ? old[oldIndex] : undefined;
    const after = displayValue(row[c] as OwnedCell);
    // A converted Sum row moved its label to the first column: a blank on either side is the move, not a change.
    if (moved && (cellText(before ?? null) === '' || cellText(after ?? null) === '')) return;
    if (!sameValue(before ?? null, after ?? null)) changes.push({ table, key, label, column: header, before: cellText(before), after: cellText(after) });
  });
  return changes;
}

/**
 * Cell-level differences, rows matched by their first column (Kommunenr), columns by header; the totals row is
 * compared with the previous totals row, never with a member. A previous version that kept its Sum as a data row
 * (legacySumRow) is one change, «datarad → totalrad», so the next refresh converts it and the one after writes nothing.
 */
export function diffTable(previous: TableData | undefined, next: OwnedTable): Change[] {
  const changes: Change[] = [];
  const label = (row: readonly (OwnedCell | CellValue)[]) => cellText(displayValue(row[1] as OwnedCell)) || cellText(displayValue(row[0] as OwnedCell));
  if (!previous) {
    changes.push({ table: next.name, key: '', label: '', column: '', before: '(ingen tabell)', after: `ny tabell med ${next.rows.length} rader` });
    return changes;
  }
  const legacy = legacySumRow(previous, next);
  const previousRows = legacy ? previous.rows.slice(0, -1) : previous.rows;
  const previousTotals = legacy ? previous.rows.at(-1) : previous.totals;
  const oldRows = new Map(previousRows.map((r) => [cellText(r[0]), r]));
  const newKeys = new Set<string>();
  for (const row of next.rows) {
    const key = cellText(displayValue(row[0] as OwnedCell));
    newKeys.add(key);
    const old = oldRows.get(key);
    if (!old) {
      changes.push({ table: next.name, key, label: label(row), column: '', before: '(ingen rad)', after: 'ny rad' });
      continue;
    }
    changes.push(...rowChanges(next.name, key, label(row), next.headers, previous.headers, old, row));
  }
  for (const [key, row] of oldRows) {
    if (!newKeys.has(key)) changes.push({ table: next.name, key, label: label(row), column: '', before: 'rad', after: '(fjernet)' });
  }
  if (next.totals) {
    const sum = totalsLabel(next.totals);
    if (legacy) changes.push({ table: next.name, key: '', label: sum, column: '', before: 'datarad', after: 'totalrad' });
    if (previousTotals) changes.push(...rowChanges(next.name, '', sum, next.headers, previous.headers, previousTotals, next.totals, legacy));
    else changes.push({ table: next.name, key: '', label: sum, column: '', before: '(ingen totalrad)', after: 'totalrad' });
  } else if (previous.totals) {
    changes.push({ table: next.name, key: '', label: totalsLabel(previous.totals), column: '', before: 'totalrad', after: '(fjernet)' });
  }
  for (const header of previous.headers) {
    if (header && !next.headers.includes(header)) changes.push({ table: next.name, key: '', label: '', column: header, before: 'kolonne', after: '(fjernet)' });
  }
  return changes;
}

/**
 * One Norwegian sentence on the project tables a refresh leaves out: the workbook describes a cooperation of its
 * own (or has no project data), and the built-in projects, RPA and DUO figures belong to `baseName` only.
 */
export function skippedTablesNote(skipped: readonly string[], hasProjectTable: boolean, baseName: string): string {
  if (skipped.length === 0) return '';
  const missing: string[] = [];
  if (skipped.includes('DH_Deltakelse')) missing.push(hasProjectTable ? 'ingen prosjekter i DH_Prosjekter' : 'ingen DH_Prosjekter');
  if (skipped.includes('DH_RPA') || skipped.includes('DH_DUO')) missing.push('ingen egne RPA- eller DUO-tall');
  if (skipped.includes('DH_Arkivplanstatus')) missing.push('ingen DH_Arkivplan');
  return `Hoppet over ${joinWords(skipped)}: arbeidsboken har ${joinWords(missing)}, og de innebygde prosjekttallene gjelder bare ${baseName}.`;
}


export interface RefreshPlan {
  /** Every board table as it should be after the refresh. */
  readonly tables: readonly OwnedTable[];
  /** Only the tables whose content differs from the workbook's: what a host must write. */
  readonly toWrite: readonly OwnedTable[];
  /** Owned project tables the dataset no longer produces and the host should remove (only with removeStale). */
  readonly toRemove: readonly string[];
  /** Project tables left out because the dataset has no projects / RPA / DUO inputs (skippedBoardTables). */
  readonly skipped: readonly string[];
  readonly changes: readonly Change[];
  /** DH_Endringer with the new changes appended; undefined when nothing changed (so a re-run writes nothing). */
  readonly endringer?: OwnedTable;
}

export interface RefreshOptions {
  /**
   * The host can remove tables: an existing DH_Deltakelse / DH_RPA / DH_DUO that the dataset no longer
   * produces (written earlier from data that does not belong to this workbook) is listed in toRemove
   * and its removal recorded in DH_Endringer.
   */
  readonly removeStale?: boolean;
}

/**
 * Plans a board refresh: builds the owned tables for `year`, compares them with what the workbook
 * holds, and lists what changed. Writing only `toWrite` (+ `endringer`) makes a refresh idempotent.
 */
export function planRefresh(
  dataset: Dataset,
  year: number,
  existing: (name: string) => TableData | undefined,
  today: string,
  options: RefreshOptions = {},
): Result<RefreshPlan> {
  const built = boardTables(dataset, year);
  if (!built.ok) return built;
  const skipped = skippedBoardTables(dataset);
  const toWrite: OwnedTable[] = [];
  const toRemove: string[] = [];
  const changes: Change[] = [];
  for (const table of built.value) {
    const diff = diffTable(existing(table.name), table);
    if (diff.length) {
      toWrite.push(table);
      changes.push(...diff);
    }
  }
  if (options.removeStale) {
    for (const name of PROJECT_TABLE_NAMES.filter((n) => skipped.includes(n))) {
      const stale = existing(name);
      if (!stale) continue;
      toRemove.push(stale.name);
      changes.push({ table: name, key: '', label: '', column: '', before: `tabell med ${stale.rows.length} rader`, after: '(fjernet)' });
    }
  }
  if (changes.length === 0) return ok({ tables: built.value, toWrite, toRemove, skipped, changes });
  return ok({ tables: built.value, toWrite, toRemove, skipped, changes, endringer: endringerWith(existing('DH_Endringer'), changes, today) });
}

/** DH_Endringer with `changes` dated `today` on top of the rows the workbook's log already has. */
export function endringerWith(log: TableData | undefined, changes: readonly Change[], today: string): OwnedTable {
  const oldRows: CellValue[][] = log ? log.rows.map((r) => [...r]) : [];
  const newRows = changes.map((c) => [today, c.table, c.key, c.label, c.column, c.before, c.after]);
  return { name: 'DH_Endringer', headers: [...ENDRINGER_HEADERS], rows: [...newRows, ...oldRows] };
}

/**
 * One owned table written on demand (DH_Scenario from «Hva om»): what to write, if anything, and DH_Endringer with
 * its changes. Writing the same table twice changes nothing the second time.
 */
export function planOwnedTable(table: OwnedTable, existing: (name: string) => TableData | undefined, today: string): { changes: readonly Change[]; toWrite?: OwnedTable; endringer?: OwnedTable } {
  const changes = diffTable(existing(table.name), table);
  if (changes.length === 0) return { changes };
  return { changes, toWrite: table, endringer: endringerWith(existing('DH_Endringer'), changes, today) };
}
