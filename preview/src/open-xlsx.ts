// «Åpne .xlsx…»: reads a user's workbook into the preview so the panel can check it. exceljs (~260 kB gzip)
// is imported only when a file is opened. Formulas come in as their stored results: the preview shows
// what the file holds, it does not re-run the user's Excel formulas.
import type { RawCellContent } from 'hyperformula';
import { a1, formatDate } from '../../core/index.js';
import type { CellFormat } from './format.js';
import { textCell, parseAddress, type SheetSpec, type TableRegion } from './workbook.js';

/** The parts of an exceljs Workbook this module reads (so Node tests can pass the Node build's workbook). */
export interface ExcelCellLike {
  readonly value: unknown;
  readonly numFmt?: string;
  /** exceljs: the merged range's upper-left cell for a cell a merge covers, the cell itself otherwise. */
  readonly master?: unknown;
}
export interface ExcelRowLike {
  eachCell(options: { includeEmpty: boolean }, callback: (cell: ExcelCellLike, colNumber: number) => void): void;
}
export interface ExcelSheetLike {
  readonly name: string;
  readonly state?: string;
  eachRow(options: { includeEmpty: boolean }, callback: (row: ExcelRowLike, rowNumber: number) => void): void;
  getColumn(index: number): { width?: number };
  getTables?(): unknown[];
}
export interface ExcelWorkbookLike {
  readonly worksheets: readonly ExcelSheetLike[];
}

export interface OpenedWorkbook {
  readonly sheets: SheetSpec[];
  readonly regions: TableRegion[];
  /** What the user should know about the import (formulas as values, rows cut off). */
  readonly notes: string[];
}

/**
 * Rows × columns the preview loads from one sheet: a 100 000-row system register fits (the formula engine then
 * holds about 2 million cells, some 1.5 GB); the register check itself handles more in Excel and in `dh kontroll`.
 */
export const MAX_ROWS = 120_000;
export const MAX_COLUMNS = 80;

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** An exceljs cell value as engine content. Text stays text (never a formula), dates become dd.mm.åååå. */
export function excelValueToContent(value: unknown): { content: RawCellContent; formula: boolean } {
  if (value === null || value === undefined) return { content: null, formula: false };
  if (typeof value === 'number') return { content: Number.isFinite(value) ? value : null, formula: false };
  if (typeof value === 'boolean') return { content: value, formula: false };
  if (typeof value === 'string') return { content: textCell(value), formula: false };
  if (value instanceof Date) return { content: Number.isNaN(value.getTime()) ? null : formatDate(isoOf(value)), formula: false };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = v.result;
      if (result !== null && typeof result === 'object' && !(result instanceof Date) && 'error' in (result as object)) {
        return { content: textCell(String((result as { error: unknown }).error)), formula: true };
      }
      return { content: excelValueToContent(result).content, formula: true };
    }
    if (Array.isArray(v.richText)) return { content: textCell((v.richText as { text?: string }[]).map((t) => t.text ?? '').join('')), formula: false };
    if (typeof v.text === 'string') return { content: textCell(v.text), formula: false };
    if (typeof v.error === 'string') return { content: textCell(v.error), formula: false };
  }
  return { content: textCell(String(value)), formula: false };
}

function formatOfNumFmt(numFmt: string | undefined): CellFormat | undefined {
  if (!numFmt || numFmt === 'General') return undefined;
  const plain = numFmt.replace(/"[^"]*"|\[[^\]]*\]/g, '');
  if (plain.includes('%')) return 'percent';
  if (/[dmy]{1,4}/i.test(plain) && !/0/.test(plain)) return 'date';
  if (/0[.,]00/.test(plain)) return 'kroner';
  return undefined;
}

function tableRef(table: unknown): { name: string; ref: string } | undefined {
  const t = table as { name?: string; table?: { name?: string; tableRef?: string; ref?: string }; model?: { name?: string; tableRef?: string; ref?: string } };
  const name = t.table?.name ?? t.model?.name ?? t.name;
  const ref = t.table?.tableRef ?? t.model?.tableRef ?? t.table?.ref ?? t.model?.ref;
  return name && ref ? { name, ref } : undefined;
}

/** Converts a loaded exceljs workbook into preview sheets, named tables and notes. */
export function sheetsFromExcel(workbook: ExcelWorkbookLike): OpenedWorkbook {
  const sheets: SheetSpec[] = [];
  const regions: TableRegion[] = [];
  const notes: string[] = [];
  let formulas = 0;
  for (const ws of workbook.worksheets) {
    if (ws.state === 'veryHidden') continue;
    const rows: RawCellContent[][] = [];
    const cellFormats: Record<string, CellFormat> = {};
    let cut = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber > MAX_ROWS) {
        cut = true;
        return;
      }
      const line: RawCellContent[] = (rows[rowNumber - 1] = []);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (colNumber > MAX_COLUMNS) {
          cut = true;
          return;
        }
        // exceljs repeats a merged cell's value in every cell it covers; Excel keeps it in the upper-left cell only.
        if (cell.master !== undefined && cell.master !== cell) return;
        const { content, formula } = excelValueToContent(cell.value);
        if (formula) formulas++;
        line[colNumber - 1] = content;
        const format = typeof content === 'number' ? formatOfNumFmt(cell.numFmt) : undefined;
        if (format && format !== 'date') cellFormats[a1(rowNumber, colNumber)] = format;
      });
    });
    const dense = Array.from({ length: rows.length }, (_, r) => {
      const line = rows[r] ?? [];
      return Array.from({ length: line.length }, (_, c) => line[c] ?? null);
    });
    const widths: Record<number, number> = {};
    const width = Math.max(0, ...dense.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const w = ws.getColumn(c + 1).width;
      if (typeof w === 'number' && w > 0) widths[c] = Math.round(Math.min(400, Math.max(40, w * 7 + 10)));
    }
    sheets.push({ name: ws.name, rows: dense.length ? dense : [[null]], cellFormats, widths });
    if (cut) notes.push(`«${ws.name}» er større enn ${MAX_ROWS.toLocaleString('nb-NO')} rader × ${MAX_COLUMNS} kolonner; resten er ikke lastet.`);
    for (const table of ws.getTables?.() ?? []) {
      const t = tableRef(table);
      const topLeft = t ? parseAddress(t.ref.split(':')[0]!) : undefined;
      if (t && topLeft) regions.push({ name: t.name, sheet: ws.name, row: topLeft.row, col: topLeft.col });
    }
  }
  if (formulas) notes.push(formulas === 1 ? '1 formel er lastet som sin lagrede verdi.' : `${formulas.toLocaleString('nb-NO')} formler er lastet som sine lagrede verdier.`);
  return { sheets, regions, notes };
}

/** Reads an .xlsx file; exceljs is loaded on first use only. Throws a Norwegian message for a file that is not a workbook. */
export async function readXlsx(data: ArrayBuffer): Promise<OpenedWorkbook> {
  const mod = (await import('exceljs')) as unknown as { default?: unknown; Workbook?: unknown };
  const ExcelJS = (mod.default ?? mod) as { Workbook: new () => ExcelWorkbookLike & { xlsx: { load(data: ArrayBuffer): Promise<unknown> } } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch (error) {
    // The library's own (English) reason is no help to the user: say what to do instead.
    void error;
    throw new Error('Filen kunne ikke leses som en Excel-arbeidsbok (.xlsx). Den kan være skadet eller i et annet format; åpne den i Excel og lagre den som .xlsx.');
  }
  const opened = sheetsFromExcel(workbook);
  if (opened.sheets.length === 0) throw new Error('Arbeidsboken har ingen synlige ark.');
  return opened;
}
