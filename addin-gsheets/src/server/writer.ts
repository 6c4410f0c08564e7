// Writing DH tables into the spreadsheet.
//
// An owned table (DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO, DH_Funn, DH_Endringer) is written
// to a fresh temporary sheet first. Only when every value and formula is in place is it copied over the
// previous version, where that stands, so the user's references into it keep working (writeTableSafely).
// A failure before the copy deletes the temporary sheet and leaves the previous table exactly as it was.
//
// Text is always written with a leading apostrophe, Sheets' marker for "this is text": a string that
// starts with = + - @ is never run as a formula, and "1833" or "0301" stays the text it was. Formulas are
// only written from FormulaCell values (catalog functions), rendered with renderFormula(cell, 'sheets').
import {
  CATALOG,
  isCellError,
  isFormulaCell,
  isOwnedTableName,
  printedRows,
  renderFormula,
  totalsRowName,
  type OwnedCell,
  type OwnedTable,
} from '../../../core/index.js';
import type { WriteReport } from '../shared/protocol.js';
import type { Range, Sheet, Spreadsheet } from './gas.js';

const CATALOG_NAMES = new Set(CATALOG.map((e) => e.name));
export const TEMP_SUFFIX = ' (skrives)';
const OLD_SUFFIX = ' (gammel)';
const TABLE_NAME = /^DH_[A-Za-z0-9_]{1,90}$/;

type SheetCell = string | number | boolean | Date;

/** Parses and checks a table sent by the sidebar. */
export function parseTable(json: unknown): OwnedTable {
  let value: unknown = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch {
      throw new Error('Tabellen fra panelet er ikke gyldig JSON.');
    }
  }
  const t = value as Partial<OwnedTable> | null;
  if (!t || typeof t !== 'object' || typeof t.name !== 'string' || !Array.isArray(t.headers) || !Array.isArray(t.rows) || !t.rows.every(Array.isArray)) {
    throw new Error('Tabellen fra panelet mangler navn, overskrifter eller rader.');
  }
  if (t.totals !== undefined && !Array.isArray(t.totals)) throw new Error('Sum-raden i tabellen fra panelet er ikke en rad.');
  return t as OwnedTable;
}

/** Template (input table) names: DH_ followed by letters, digits or _ (also a valid named-range name). */
export function requireTableName(name: string): void {
  if (!TABLE_NAME.test(name)) throw new Error(`«${name}» er ikke et gyldig DH-tabellnavn (DH_ etterfulgt av bokstaver, tall eller _).`);
}

export function refuseUnowned(name: string): void {
  if (!isOwnedTableName(name)) {
    throw new Error(
      `«${name}» er ikke en tabell DH-tillegget eier, og blir ikke skrevet. Tillegget skriver bare DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO, DH_Funn og DH_Endringer.`,
    );
  }
}

/** The value setValues gets for one cell; formulas are written separately. */
function plainValue(cell: OwnedCell): SheetCell {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  if (typeof cell === 'boolean') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell;
  if (isCellError(cell)) return `'${cell.cellError}`;
  if (isFormulaCell(cell)) return plainValue(cell.value as OwnedCell);
  const text = String(cell);
  return text === '' ? '' : `'${text}`;
}

/** The Sheets formula for a FormulaCell of a known DH function, else undefined (then its value is written). */
function formulaOf(cell: OwnedCell): string | undefined {
  if (!isFormulaCell(cell)) return undefined;
  if (!CATALOG_NAMES.has(cell.formula.fn)) return undefined;
  if (!cell.formula.args.every((a) => typeof a === 'string' || (typeof a === 'number' && Number.isFinite(a)))) return undefined;
  return renderFormula(cell, 'sheets');
}

function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Fills `sheet` (new and empty) with the table; returns its size. */
function fill(sheet: Sheet, table: OwnedTable): { rows: number; columns: number } {
  const printed = printedRows(table);
  const columns = Math.max(1, table.headers.length, ...printed.map((r) => r.length));
  const grid: OwnedCell[][] = [[...table.headers], ...printed.map((r) => [...r])].map((row) => {
    const out = row.slice(0, columns);
    while (out.length < columns) out.push('');
    return out;
  });
  const rows = grid.length;
  ensureSize(sheet, rows, columns);
  sheet.getRange(1, 1, rows, columns).setValues(grid.map((row) => row.map((cell) => (formulaOf(cell) ? '' : plainValue(cell)))));
  // Formulas, one setFormulas call per vertical run of formula cells (a whole column in the usual case).
  for (let c = 0; c < columns; c++) {
    let r = 0;
    while (r < rows) {
      if (!formulaOf(grid[r]![c]!)) {
        r++;
        continue;
      }
      const start = r;
      const run: string[][] = [];
      while (r < rows && formulaOf(grid[r]![c]!)) run.push([formulaOf(grid[r++]![c]!)!]);
      sheet.getRange(start + 1, c + 1, run.length, 1).setFormulas(run);
    }
  }
  sheet.getRange(1, 1, 1, columns).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return { rows, columns };
}

function deleteSheetIfPresent(ss: Spreadsheet, name: string): void {
  const sheet = ss.getSheetByName(name);
  if (sheet) ss.deleteSheet(sheet);
}

/**
 * The totals row the add-on wrote under a table's named range, marked by the named range totalsRowName(name), when
 * it still stands directly under it (one row, same first column). Sheets has no table totals row: the named range
 * covers header + members, so =SUM over it counts each member once, and the Sum row lies just outside it.
 */
export function totalsRowBelow(ss: Spreadsheet, name: string, range: Range): Range | undefined {
  const marker = ss.getNamedRanges().find((n) => n.getName() === totalsRowName(name));
  const row = marker ? safeRange(marker) : undefined;
  if (!row || row.getSheet().getName() !== range.getSheet().getName()) return undefined;
  if (row.getRow() !== range.getRow() + range.getNumRows() || row.getNumRows() !== 1 || row.getColumn() !== range.getColumn()) return undefined;
  return row;
}

/** How long a write waits for another one in the same document before giving up. */
const LOCK_WAIT_MS = 20_000;

/**
 * Writes `table` as the named range `table.name`, in place: a previous version is overwritten where it stands
 * (same sheet, same top-left cell), so the user's formulas (='DH_Fordeling_2026'!F21, =SUM(DH_Fordeling_2026))
 * keep pointing at it. Renaming or deleting the sheet would rewrite them or turn them into #REF!.
 *
 * The new version is first written completely to a temporary sheet; a failure there leaves the previous table
 * exactly as it was. Then one Range.copyTo puts it in place, rows it no longer covers are cleared, and the named
 * range is set to the new size. Apps Script has no transactions: a failure after the copy leaves the new figures
 * in place with the named range at its old size (the message says so). A document lock keeps two writes — two
 * google.script.run calls from the panel run as concurrent executions — from interleaving.
 */
export function writeTableSafely(ss: Spreadsheet, table: OwnedTable): WriteReport {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error(`En annen oppdatering av regnearket pågår fortsatt. Vent litt og prøv igjen. ${table.name} er ikke endret.`);
  }
  try {
    return writeInPlace(ss, table);
  } finally {
    lock.releaseLock();
  }
}

interface Place {
  readonly sheet: Sheet;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/**
 * Where the table stands: its named range (which must lie on the sheet of the table's name — that is how the
 * add-on writes it; a named range of that name anywhere else is the user's, and is refused), else a sheet of
 * that name, else nowhere.
 */
function locate(ss: Spreadsheet, name: string): Place | undefined {
  const named = ss.getNamedRanges().find((n) => n.getName() === name);
  const range = named ? safeRange(named) : undefined;
  if (named && range) {
    const sheet = range.getSheet();
    if (sheet.getName() !== name) {
      throw new Error(
        `Regnearket har allerede et navngitt område «${name}» som peker på «${sheet.getName()}»!${range.getA1Notation()}, ikke på en tabell tillegget har skrevet. ` +
          'Gi området et annet navn eller slett det (Data > Navngitte områder), og prøv igjen. Ingenting er skrevet',
      );
    }
    // The Sum row under the range is the table's too.
    const below = totalsRowBelow(ss, name, range) ? 1 : 0;
    return { sheet, row: range.getRow(), column: range.getColumn(), rows: range.getNumRows() + below, columns: range.getNumColumns() };
  }
  const sheet = ss.getSheetByName(name);
  if (!sheet) return undefined;
  return { sheet, row: 1, column: 1, rows: sheet.getLastRow(), columns: sheet.getLastColumn() };
}

/** Cells the table would grow into must be empty: the user's notes beside it are never overwritten. */
function refuseGrowthOverUserCells(place: Place, name: string, rows: number, columns: number): void {
  const areas: [number, number, number, number][] = [];
  if (rows > place.rows) areas.push([place.row + place.rows, place.column, rows - place.rows, columns]);
  if (columns > place.columns) areas.push([place.row, place.column + place.columns, Math.min(rows, place.rows), columns - place.columns]);
  for (const [row, column, wantRows, wantColumns] of areas) {
    // Beyond the grid nothing can be in the way; check the part inside it.
    const n = Math.min(wantRows, place.sheet.getMaxRows() - row + 1);
    const m = Math.min(wantColumns, place.sheet.getMaxColumns() - column + 1);
    if (n <= 0 || m <= 0) continue;
    const formulas = place.sheet.getRange(row, column, n, m).getFormulas();
    const values = place.sheet.getRange(row, column, n, m).getValues();
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < m; c++) {
        if (formulas[r]![c] === '' && values[r]![c] === '') continue;
        throw new Error(
          `${name} trenger ${rows - 1} rader og ${columns} kolonner, men celle ${place.sheet.getRange(row + r, column + c).getA1Notation()} ved siden av tabellen er ikke tom. ` +
            'Flytt det som står der, og prøv igjen. Ingenting er skrevet',
        );
      }
    }
  }
}

function writeInPlace(ss: Spreadsheet, table: OwnedTable): WriteReport {
  const name = table.name;
  const tempName = name + TEMP_SUFFIX;
  const previouslyActive = ss.getActiveSheet();
  const previousName = previouslyActive ? previouslyActive.getName() : undefined;
  const place = locate(ss, name);
  const columns = Math.max(1, table.headers.length, ...printedRows(table).map((r) => r.length));
  // Header + members (the named range), then the Sum row directly under it (outside the range).
  const bodyRows = table.rows.length + 1;
  const rows = printedRows(table).length + 1;
  if (place) refuseGrowthOverUserCells(place, name, rows, columns);
  const marked = ss.getNamedRanges().some((n) => n.getName() === totalsRowName(name));
  const nameRanges = (sheet: Sheet, row: number, column: number) => {
    ss.setNamedRange(name, sheet.getRange(row, column, bodyRows, columns));
    if (table.totals) ss.setNamedRange(totalsRowName(name), sheet.getRange(row + bodyRows, column, 1, columns));
    else if (marked) ss.removeNamedRange(totalsRowName(name));
  };

  deleteSheetIfPresent(ss, tempName); // left over from an interrupted run: ours, and incomplete
  deleteSheetIfPresent(ss, name + OLD_SUFFIX); // left over from the rename-and-delete writer of earlier versions
  const temp = ss.insertSheet(tempName, ss.getSheets().length);
  const dropTemp = () => {
    try {
      ss.deleteSheet(temp);
    } catch {
      // the temporary sheet is named "(skrives)" and is replaced by the next attempt
    }
    restoreActive(ss, previousName);
  };
  try {
    fill(temp, table);
    SpreadsheetApp.flush();
  } catch (error) {
    dropTemp();
    throw new Error(`Kunne ikke skrive ${name}: ${reason(error)}. Forrige versjon er beholdt.`);
  }

  if (!place) {
    // Nothing to keep references to: the complete sheet takes the name.
    try {
      temp.setName(name);
      nameRanges(temp, 1, 1);
    } catch (error) {
      dropTemp();
      throw new Error(`Kunne ikke skrive ${name}: ${reason(error)}. Ingenting er skrevet.`);
    }
    restoreActive(ss, previousName === tempName ? name : previousName);
    return { name, sheet: name, rows, columns };
  }

  let copied = false;
  try {
    ensureSize(place.sheet, place.row + rows - 1, place.column + columns - 1);
    temp.getRange(1, 1, rows, columns).copyTo(place.sheet.getRange(place.row, place.column, rows, columns));
    copied = true;
    if (place.rows > rows) place.sheet.getRange(place.row + rows, place.column, place.rows - rows, Math.max(1, place.columns)).clearContent();
    if (place.columns > columns) place.sheet.getRange(place.row, place.column + columns, Math.min(rows, place.rows), place.columns - columns).clearContent();
    nameRanges(place.sheet, place.row, place.column);
  } catch (error) {
    dropTemp();
    throw new Error(
      copied
        ? `${name} er skrevet, men kunne ikke gjøres ferdig: ${reason(error)}. Kjør oppdateringen igjen.`
        : `Kunne ikke skrive ${name}: ${reason(error)}. Forrige versjon er beholdt.`,
    );
  }
  dropTemp();
  return { name, sheet: place.sheet.getName(), rows, columns };
}

function safeRange(named: GoogleAppsScript.Spreadsheet.NamedRange): Range | undefined {
  try {
    return named.getRange();
  } catch {
    return undefined;
  }
}

function restoreActive(ss: Spreadsheet, name: string | undefined): void {
  if (!name) return;
  const sheet = ss.getSheetByName(name);
  if (sheet) ss.setActiveSheet(sheet);
}

export function reason(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^(Exception|Error):\s*/, '').replace(/\.$/, '');
}
