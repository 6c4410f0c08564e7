// The single place `dh innbyggere` writes DH_Kommuner into a workbook file. It sets only the cells the update
// names inside the existing table (the table keeps its sheet, place and size); a new table, or one without a
// Referansedato column, is written whole through the same owned-table writer `dh oppdater` uses. When the
// in-place package writer lands, this function is what switches to it.
import type { KommunerUpdate } from '../core/workbook/kommuner-update.js';
import type { TableData } from '../core/workbook/table.js';
import { writeOwnedTable, type Workbook } from './workbook.js';

export function writeKommunerTable(workbook: Workbook, existing: TableData | undefined, update: KommunerUpdate): void {
  const ws = existing?.sheet !== undefined ? workbook.getWorksheet(existing.sheet) : undefined;
  if (existing && update.inPlace && ws) {
    const headerRow = existing.originRow ?? 1;
    const firstColumn = existing.originColumn ?? 1;
    for (const cell of update.inPlace) {
      const target = ws.getRow(headerRow + 1 + cell.row).getCell(firstColumn + cell.column);
      // A column the user keeps as real dates stays a date column (its number format shows it as before).
      const asDate = target.value instanceof Date && typeof cell.value === 'string' ? dateOf(cell.value) : undefined;
      target.value = (asDate ?? cell.value) as never;
    }
  } else {
    writeOwnedTable(workbook, update.table);
  }
  if (update.endringer) writeOwnedTable(workbook, update.endringer);
}

/** dd.mm.åååå → the UTC date exceljs stores for a date cell. */
function dateOf(text: string): Date | undefined {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : undefined;
}
