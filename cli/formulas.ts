// Formula text per cell, for the relation finder's formula checks (R1C1 pattern, SUM ranges, stale results).
// Shared formulas come back translated to their own cell by exceljs (cell.formula).
import type { Worksheet } from 'exceljs';

/** Formula text (without «=») per cell of the used range, shaped like sheetCells' grid (cells[0][0] is A1). */
export function sheetFormulas(ws: Worksheet): (string | undefined)[][] {
  const rows: (string | undefined)[][] = [];
  let any = false;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const line: (string | undefined)[] = [];
    if (row.cellCount > 0) {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const v = cell.value as unknown;
        if (v === null || typeof v !== 'object' || v instanceof Date) return;
        if (!('formula' in (v as object) || 'sharedFormula' in (v as object))) return;
        const f = cell.formula;
        if (typeof f === 'string' && f) {
          line[c - 1] = f.replace(/^=/, '');
          any = true;
        }
      });
    }
    rows.push(line);
  }
  return any ? rows : [];
}
