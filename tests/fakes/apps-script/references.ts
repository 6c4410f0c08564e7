// References in the Sheets fake: user formulas such as =SUM(DH_Fordeling_2026) (a named range) or
// ='DH_Fordeling_2026'!F21 are recalculated from the spreadsheet, renaming a sheet rewrites them, and deleting a
// sheet turns them into #REF!. The search corpus held no Google page stating this; it is what Sheets does and
// what Excel documents (tests/fakes/references.ts), so the fake holds the add-on to the same rule as Excel's.
import { breakSheetIn, evaluateReferences, renameSheetIn, sheetRef, type RefWorkbook } from '../references.js';
import { columnLetters, type FakeSheet, type FakeSpreadsheet, type Value } from './spreadsheet.js';

/** DH_ custom functions are the runtime's; everything else that is a reference formula is evaluated here. */
export function referenceValue(ss: FakeSpreadsheet, formula: string, depth = 0): Value | undefined {
  if (/^=\s*DH_[A-Z_]+\(/i.test(formula) || depth > 8) return undefined;
  const view: RefWorkbook = {
    tablesForRefs: () => [],
    namesForRefs: () =>
      ss.namedRanges.map((n) => ({
        name: n.name,
        formula: n.sheet.deleted
          ? '=#REF!'
          : `=${sheetRef(n.sheet.name)}!$${columnLetters(n.box.column)}$${n.box.row}:$${columnLetters(n.box.column + n.box.columns - 1)}$${n.box.row + n.box.rows - 1}`,
      })),
    sheetExists: (name) => !!ss.sheet(name),
    valueAt: (sheetName, row, column) => {
      const sheet = ss.sheet(sheetName);
      const cell = sheet?.cell(row + 1, column + 1);
      if (!sheet || !cell) return '';
      if (cell.formula !== undefined) return ss.fake.evaluator?.(cell.formula, sheet) ?? referenceValue(ss, cell.formula, depth + 1) ?? '#NAME?';
      return cell.value;
    },
  };
  const value = evaluateReferences(view, formula);
  return value === undefined ? undefined : (value as Value);
}

function rewriteAll(ss: FakeSpreadsheet, rewrite: (formula: string) => string): void {
  for (const sheet of ss.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula !== undefined && !/^=\s*DH_/i.test(cell.formula)) cell.formula = rewrite(cell.formula);
  }
}

/** A sheet renamed: formulas that point at it follow. */
export function sheetRenamed(ss: FakeSpreadsheet, from: string, to: string): void {
  if (from !== to) rewriteAll(ss, (f) => renameSheetIn(f, from, to));
}

/** A sheet about to be deleted: every formula that points at it shows #REF!. */
export function sheetDeleted(ss: FakeSpreadsheet, sheet: FakeSheet): void {
  rewriteAll(ss, (f) => breakSheetIn(f, sheet.name, []));
}
