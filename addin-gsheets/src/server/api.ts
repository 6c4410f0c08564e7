// The server side of the sidebar's PanelHost (addin-gsheets/src/sidebar/gsheets-host.ts). Every function
// runs as its own Apps Script execution and throws an Error with a Norwegian message on failure, which
// google.script.run hands to the sidebar's failure handler.
import { tableFromValues, type OwnedTable, type TableData } from '../../../core/index.js';
import type { CellMark } from '../../../ui/host.js';
import { MAX_CELLS_PER_CHUNK, PANEL_WORKER_FILE, SIDEBAR_CHUNK_FILE, type ActiveSheetChunk, type ServerApi } from '../shared/protocol.js';
import { activeSpreadsheet } from './gas.js';
import { INPUT_TABLES, invalidateInputs } from './inputs.js';
import { applyMarks, clearMarks } from './marks.js';
import { toClientValue } from './values.js';
import { computeDhFormula, isPlaceholder } from './formula.js';
import { tableExists, tableRange } from './workbook.js';
import { parseTable, refuseUnowned, requireTableName, TEMP_SUFFIX, totalsRowBelow, writeTableSafely } from './writer.js';

function requireName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new Error('Tabellnavn mangler.');
  return name.trim();
}

export const serverApi: ServerApi = {
  dhListTables(): string[] {
    const ss = activeSpreadsheet();
    const names = new Set<string>();
    for (const named of ss.getNamedRanges()) names.add(named.getName());
    for (const sheet of ss.getSheets()) names.add(sheet.getName());
    return [...names].filter((n) => /^DH_/i.test(n) && !n.endsWith(TEMP_SUFFIX) && !n.endsWith(' (gammel)')).sort();
  },

  dhReadTable(name: string): TableData | null {
    const ss = activeSpreadsheet();
    const range = tableRange(ss, requireName(name));
    if (range === undefined) return null;
    if (range === 'empty') return tableFromValues(name, [], { sheet: name, row: 1, column: 1 });
    const values = range.getValues().map((row) => row.map(toClientValue));
    if (values.some((row) => row.some(isPlaceholder))) {
      // DH_ formulas Sheets has not finished computing: compute them as Sheets will
      const formulas = range.getFormulas();
      values.forEach((row, r) =>
        row.forEach((value, c) => {
          const formula = formulas[r]?.[c];
          if (formula && isPlaceholder(value)) row[c] = computeDhFormula(formula, value);
        }),
      );
    }
    // The Sum row the add-on writes under an owned table's named range is its totals, not a member.
    const totalsRow = totalsRowBelow(ss, name, range);
    const totals = totalsRow ? totalsRow.getValues()[0]!.map(toClientValue) : undefined;
    return tableFromValues(name, values, { sheet: range.getSheet().getName(), row: range.getRow(), column: range.getColumn(), ...(totals ? { totals } : {}) });
  },

  dhReadActiveSheet(offset: number, limit: number, sheetName?: string | null): ActiveSheetChunk {
    const ss = activeSpreadsheet();
    const sheet = sheetName ? ss.getSheetByName(sheetName) : ss.getActiveSheet();
    if (!sheet) throw new Error(`Fant ikke arket «${sheetName}». Er det slettet eller gitt nytt navn?`);
    const name = sheet.getName();
    const totalRows = sheet.getLastRow();
    const columns = sheet.getLastColumn();
    if (totalRows === 0 || columns === 0) return { sheet: name, totalRows: 0, columns: 0, offset: 0, values: [], nextOffset: 0, done: true };
    const start = Math.max(0, Math.min(Math.floor(Number(offset) || 0), totalRows));
    const cap = Math.max(1, Math.floor(MAX_CELLS_PER_CHUNK / columns));
    const wanted = Math.max(1, Math.floor(Number(limit) || cap));
    const count = Math.min(wanted, cap, totalRows - start);
    if (count <= 0) return { sheet: name, totalRows, columns, offset: start, values: [], nextOffset: start, done: true };
    const values = sheet.getRange(start + 1, 1, count, columns).getValues().map((row) => row.map(toClientValue));
    const nextOffset = start + count;
    return { sheet: name, totalRows, columns, offset: start, values, nextOffset, done: nextOffset >= totalRows };
  },

  dhWriteOwnedTable(tableJson: string) {
    const table = parseTable(tableJson);
    refuseUnowned(table.name);
    const report = writeTableSafely(activeSpreadsheet(), table);
    return report;
  },

  dhInsertTemplate(tableJson: string): 'created' | 'exists' {
    const table: OwnedTable = parseTable(tableJson);
    requireTableName(table.name);
    const ss = activeSpreadsheet();
    if (tableExists(ss, table.name)) return 'exists';
    writeTableSafely(ss, table);
    if ((INPUT_TABLES as readonly string[]).includes(table.name)) invalidateInputs();
    return 'created';
  },

  dhUpdateTableCells(name: string, cellsJson: string): number {
    // Only DH_Kommuner: the one input table the add-in may change, and only on the user's word (SSB import).
    const tableName = requireName(name);
    if (tableName !== 'DH_Kommuner') throw new Error(`«${tableName}» endres ikke av DH-tillegget.`);
    let cells: unknown;
    try {
      cells = JSON.parse(cellsJson);
    } catch {
      throw new Error('Cellene fra panelet er ikke gyldig JSON.');
    }
    if (!Array.isArray(cells)) throw new Error('Cellene fra panelet er ikke en liste.');
    const range = tableRange(activeSpreadsheet(), tableName);
    if (range === undefined || range === 'empty') throw new Error(`Fant ikke ${tableName}.`);
    const rows = range.getNumRows() - 1;
    const columns = range.getNumColumns();
    const checked = cells.map((c: { row?: unknown; column?: unknown; value?: unknown }) => {
      const ok = Number.isInteger(c.row) && Number.isInteger(c.column) && (c.row as number) >= 0 && (c.row as number) < rows && (c.column as number) >= 0 && (c.column as number) < columns;
      const value = c.value;
      if (!ok || !(typeof value === 'number' || typeof value === 'string')) throw new Error(`En celle er utenfor ${tableName} eller har en ugyldig verdi; ingenting er skrevet.`);
      return { row: c.row as number, column: c.column as number, value };
    });
    const sheet = range.getSheet();
    for (const c of checked) {
      // A leading = + - @ stays text (SPEC §8).
      const value = typeof c.value === 'string' && /^[=+\-@]/.test(c.value) ? `'${c.value}` : c.value;
      sheet.getRange(range.getRow() + 1 + c.row, range.getColumn() + c.column).setValue(value);
    }
    invalidateInputs();
    return checked.length;
  },

  dhSelectCell(sheetName: string, a1: string): void {
    const ss = activeSpreadsheet();
    const sheet = sheetName ? ss.getSheetByName(sheetName) : ss.getActiveSheet();
    if (!sheet) throw new Error(`Fant ikke arket «${sheetName}».`);
    ss.setActiveSheet(sheet);
    const cell = typeof a1 === 'string' ? a1.trim().replace(/^.*!/, '') : '';
    if (!cell) return;
    if (!/^\$?[A-Za-z]{1,3}\$?\d{1,7}(:\$?[A-Za-z]{1,3}\$?\d{1,7})?$/.test(cell)) throw new Error(`«${a1}» er ikke en celleadresse (f.eks. C12).`);
    sheet.getRange(cell).activate();
  },

  dhHighlight(marksJson: string): number {
    let marks: unknown;
    try {
      marks = typeof marksJson === 'string' ? JSON.parse(marksJson) : marksJson;
    } catch {
      throw new Error('Markeringene fra panelet er ikke gyldig JSON.');
    }
    if (!Array.isArray(marks)) throw new Error('Markeringene fra panelet må være en liste.');
    return applyMarks(marks as CellMark[]);
  },

  dhClearHighlights(): number {
    return clearMarks();
  },

  dhSidebarChunks(files: string[]): string[] {
    if (!Array.isArray(files)) throw new Error('Panelet ba om deler uten å gi en liste med navn.');
    // Only the sidebar's own parts and its worker: the names scripts/build-gsheets.ts writes, nothing else matches.
    // createHtmlOutputFromFile(name).getContent() is how Google keeps a page's JavaScript in its own file
    // («HTML Service: Best Practices», developers.google.com/apps-script/guides/html/best-practices).
    return files.map((file) => {
      if (typeof file !== 'string' || !(SIDEBAR_CHUNK_FILE.test(file) || file === PANEL_WORKER_FILE)) throw new Error(`«${String(file)}» er ikke en del av DH-panelet.`);
      return HtmlService.createHtmlOutputFromFile(file).getContent();
    });
  },
};
