// Making DH_ cells compute again after their input tables changed. Sheets keeps a custom function's result
// until its arguments change ("Custom Functions in Google Sheets", developers.google.com), and re-entering the
// same formula is reported not to run it again; removing the formula and writing it back does (the widely
// used TextFinder round trip does the same for all formulas). So the menu action drops the cached model and
// writes every formula that mentions DH_ back through an empty cell — values, formats and other formulas
// are not touched.
import { activeSpreadsheet, type Sheet } from './gas.js';
import { INPUT_TABLES, invalidateInputs } from './inputs.js';

/** Formulas that call a DH_ function (or name a DH_ table): «=DH_KOSTNAD(…)», «=SUM(DH_KOSTNAD(…))». */
const DH_FORMULA = /\bDH_[A-ZÆØÅa-zæøå]/;

/** Every DH_ formula cell on `sheet`, as [row, column, formula] (1-based). */
function dhFormulas(sheet: Sheet): [number, number, string][] {
  const rows = sheet.getLastRow();
  const columns = sheet.getLastColumn();
  if (rows === 0 || columns === 0) return [];
  const formulas = sheet.getRange(1, 1, rows, columns).getFormulas();
  const out: [number, number, string][] = [];
  formulas.forEach((line, r) => line.forEach((f, c) => {
    if (f && DH_FORMULA.test(f)) out.push([r + 1, c + 1, f]);
  }));
  return out;
}

/** «Regn ut DH-formler på nytt»: every DH_ cell in the spreadsheet computes again from the current tables. */
export function recalculateDhFormulas(): number {
  invalidateInputs();
  const ss = activeSpreadsheet();
  const found = ss.getSheets().map((sheet) => ({ sheet, cells: dhFormulas(sheet) })).filter((s) => s.cells.length > 0);
  for (const { sheet, cells } of found) for (const [r, c] of cells) sheet.getRange(r, c).setFormula('');
  SpreadsheetApp.flush();
  for (const { sheet, cells } of found) for (const [r, c, f] of cells) sheet.getRange(r, c).setFormula(f);
  return found.reduce((n, s) => n + s.cells.length, 0);
}

/** The menu item: recalculate and say how many cells, in Norwegian. */
export function recalculateFromMenu(): void {
  const count = recalculateDhFormulas();
  SpreadsheetApp.getActive().toast(count === 1 ? '1 DH-formel er regnet ut på nytt.' : `${count} DH-formler er regnet ut på nytt.`, 'DH');
}

interface EditEvent {
  readonly range?: { getSheet(): { getName(): string }; getRow(): number; getColumn(): number; getNumRows(): number; getNumColumns(): number };
}

/**
 * onEdit simple trigger: an edit on an input table (its sheet, or the sheet of its named range) drops the
 * cached model, so the next DH_ execution reads the tables again. Cheap: no read of the table itself.
 */
export function onEdit(e?: EditEvent): void {
  const range = e?.range;
  if (!range) return;
  const sheetName = range.getSheet().getName();
  if ((INPUT_TABLES as readonly string[]).includes(sheetName)) {
    invalidateInputs();
    return;
  }
  const ss = activeSpreadsheet();
  for (const name of INPUT_TABLES) {
    let named: ReturnType<typeof ss.getRangeByName> = null;
    try {
      named = ss.getRangeByName(name);
    } catch {
      named = null;
    }
    if (!named || named.getSheet().getName() !== sheetName) continue;
    const overlaps =
      range.getRow() <= named.getRow() + named.getNumRows() - 1 &&
      named.getRow() <= range.getRow() + range.getNumRows() - 1 &&
      range.getColumn() <= named.getColumn() + named.getNumColumns() - 1 &&
      named.getColumn() <= range.getColumn() + range.getNumColumns() - 1;
    if (overlaps) {
      invalidateInputs();
      return;
    }
  }
}
