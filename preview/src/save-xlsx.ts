// «Last ned .xlsx»: the workbook the preview shows, as a file Excel opens. Cells are saved as the values they show
// (a formula's result, not the formula: the preview's nb-NO formulas are not Excel's file syntax); named tables
// and column widths come along. exceljs is imported only when the user saves.
import { cellText, isCellError } from '../../core/index.js';
import type { PreviewWorkbook } from './workbook.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface WorksheetLike {
  getCell(row: number, column: number): { value: unknown };
  getColumn(column: number): { width?: number };
}
interface WorkbookLike {
  creator: string;
  addWorksheet(name: string): WorksheetLike;
  xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> };
}

/** Builds the .xlsx bytes of every sheet's shown values. */
export async function workbookToXlsx(workbook: PreviewWorkbook): Promise<Uint8Array> {
  const mod = (await import('exceljs')) as unknown as { default?: unknown; Workbook?: unknown };
  const ExcelJS = (mod.default ?? mod) as { Workbook: new () => WorkbookLike };
  const out = new ExcelJS.Workbook();
  out.creator = 'DH-forhåndsvisning';
  for (const name of workbook.sheetNames()) {
    const ws = out.addWorksheet(name);
    workbook.values(name).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined || value === '') return;
        ws.getCell(r + 1, c + 1).value = isCellError(value) ? cellText(value) : value;
      }),
    );
    const width = workbook.dimensions(name).width;
    for (let c = 0; c < width; c++) ws.getColumn(c + 1).width = Math.max(8, Math.round(workbook.columnWidth(name, c) / 7));
  }
  const buffer = await out.xlsx.writeBuffer();
  return buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
}

/** The file name the download gets: the opened file's name, or «dh-arbeidsbok.xlsx» for the example workbook. */
export function downloadName(opened: string | undefined): string {
  if (!opened) return 'dh-arbeidsbok.xlsx';
  return opened.replace(/\.(csv|xlsx|xlsm|txt)$/i, '') + '.xlsx';
}
