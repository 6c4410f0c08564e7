// Writing DH tables into the spreadsheet.
//
// An owned table (DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO, DH_Funn, DH_Endringer) is written
// to a fresh temporary sheet first. Only when every value and formula is in place is it swapped in: the
// old sheet is renamed aside, the temporary sheet takes the name, the named range is pointed at it, and
// the old sheet is deleted. A failure before the swap deletes the temporary sheet and leaves the previous
// table exactly as it was.
//
// Text is always written with a leading apostrophe, Sheets' marker for "this is text": a string that
// starts with = + - @ is never run as a formula, and "1833" or "0301" stays the text it was. Formulas are
// only written from FormulaCell values (catalog functions), rendered with renderFormula(cell, 'sheets').
import {
  CATALOG,
  isCellError,
  isFormulaCell,
  isOwnedTableName,
  renderFormula,
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

function removeNamedRange(ss: Spreadsheet, name: string): void {
  for (const named of ss.getNamedRanges()) {
    if (named.getName() === name) named.remove();
  }
}

/** Fills `sheet` (new and empty) with the table; returns its size. */
function fill(sheet: Sheet, table: OwnedTable): { rows: number; columns: number } {
  const columns = Math.max(1, table.headers.length, ...table.rows.map((r) => r.length));
  const grid: OwnedCell[][] = [[...table.headers], ...table.rows.map((r) => [...r])].map((row) => {
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
 * Writes `table` as the sheet and named range `table.name`, replacing any previous version only once
 * the new one is complete. The caller decides whether the name may be written.
 */
export function writeTableSafely(ss: Spreadsheet, table: OwnedTable): WriteReport {
  const name = table.name;
  const tempName = name + TEMP_SUFFIX;
  const oldName = name + OLD_SUFFIX;
  const previouslyActive = ss.getActiveSheet();
  const previousName = previouslyActive ? previouslyActive.getName() : undefined;
  deleteSheetIfPresent(ss, tempName); // left over from an interrupted run: ours, and incomplete
  const old = ss.getSheetByName(name);
  const index = old ? old.getIndex() - 1 : ss.getSheets().length;
  const temp = ss.insertSheet(tempName, index);
  let size: { rows: number; columns: number };
  try {
    size = fill(temp, table);
    SpreadsheetApp.flush();
  } catch (error) {
    try {
      ss.deleteSheet(temp);
    } catch {
      // the temporary sheet is named "(skrives)" and is replaced by the next attempt
    }
    restoreActive(ss, previousName);
    throw new Error(`Kunne ikke skrive ${name}: ${reason(error)}. Forrige versjon er beholdt.`);
  }
  // Swap: the complete new sheet takes the name and the named range; the old sheet is removed last.
  // Each step that fails undoes the steps before it, so the workbook shows the old table or the new one.
  const fail = (error: unknown, undo: () => void): never => {
    try {
      undo();
    } catch {
      // best effort: the next write removes any "(skrives)" / "(gammel)" sheet it finds
    }
    try {
      ss.deleteSheet(temp);
    } catch {
      // as above
    }
    restoreActive(ss, previousName);
    throw new Error(`Kunne ikke skrive ${name}: ${reason(error)}. Forrige versjon er beholdt.`);
  };
  const oldNamed = ss.getNamedRanges().find((n) => n.getName() === name);
  const oldNamedRange = oldNamed ? safeRange(oldNamed) : undefined;
  try {
    deleteSheetIfPresent(ss, oldName);
    if (old) old.setName(oldName);
  } catch (error) {
    fail(error, () => undefined);
  }
  try {
    temp.setName(name);
  } catch (error) {
    fail(error, () => old?.setName(name));
  }
  try {
    removeNamedRange(ss, name);
    ss.setNamedRange(name, temp.getRange(1, 1, size!.rows, size!.columns));
  } catch (error) {
    fail(error, () => {
      temp.setName(tempName);
      old?.setName(name);
      removeNamedRange(ss, name);
      if (oldNamedRange) ss.setNamedRange(name, oldNamedRange);
    });
  }
  if (old) {
    try {
      ss.deleteSheet(old);
    } catch {
      // the new table is complete and in place; the "(gammel)" sheet is removed by the next write
    }
  }
  restoreActive(ss, previousName === name ? name : previousName);
  return { name, sheet: name, rows: size!.rows, columns: size!.columns };
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
