// «Åpne fil…»: an .xlsx goes through exceljs (open-xlsx.ts), a .csv is read here as one sheet of text cells (what a
// register export is). Anything else gets a Norwegian message saying what the preview can open; no library error
// text reaches the user.
import { readXlsx, MAX_COLUMNS, MAX_ROWS, type OpenedWorkbook } from './open-xlsx.js';
import { textCell, type SheetSpec } from './workbook.js';

/** The file types the preview opens, for the file picker's accept attribute. */
export const OPEN_ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Opens a workbook file by its name's extension; throws an Error with a Norwegian message the user can act on. */
export async function openWorkbookFile(name: string, data: ArrayBuffer): Promise<OpenedWorkbook> {
  const ext = extensionOf(name);
  if (data.byteLength === 0) throw new Error(`«${name}» er tom (0 byte). Velg en .xlsx- eller .csv-fil med innhold.`);
  if (ext === 'xlsx' || ext === 'xlsm') {
    try {
      return await readXlsx(data);
    } catch (error) {
      if (error instanceof Error && /^Filen /.test(error.message)) throw new Error(`«${name}»${error.message.slice('Filen'.length)}`);
      if (error instanceof Error && /^Arbeidsboken /.test(error.message)) throw new Error(`«${name}»: ${lowerFirstLetter(error.message)}`);
      throw new Error(`«${name}» kunne ikke leses som en Excel-arbeidsbok (.xlsx). Filen kan være skadet eller i et annet format; åpne den i Excel og lagre den som .xlsx.`);
    }
  }
  if (ext === 'csv' || ext === 'txt') return readCsv(name, data);
  if (ext === 'xls') throw new Error(`«${name}» er en gammel Excel-fil (.xls). Åpne den i Excel og lagre den som .xlsx, så kan den åpnes her.`);
  if (ext === 'ods') throw new Error(`«${name}» er et OpenDocument-regneark (.ods). Lagre det som .xlsx (Fil → Lagre som) og åpne det igjen.`);
  throw new Error(`«${name}» er ikke et regneark forhåndsvisningen kan åpne. Velg en .xlsx- eller .csv-fil.`);
}

function lowerFirstLetter(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** UTF-8 (with or without BOM), else Windows-1252 (what Norwegian Excel writes for «CSV (semikolondelt)»). */
function decode(data: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1252').decode(data);
  }
}

/** Splits CSV text into rows (quotes, doubled quotes and line breaks inside quotes handled). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '\r' && text[i + 1] === '\n') continue; // a line break inside a cell is \n, as in Excel
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The delimiter of the first line: semicolon (Norwegian Excel), tab or comma, whichever occurs most. */
function delimiterOf(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [';', '\t', ','].map((d) => [d, first.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

export function readCsv(name: string, data: ArrayBuffer): OpenedWorkbook {
  const text = decode(data);
  if (text.trim() === '') throw new Error(`«${name}» er tom. Velg en .csv-fil med en overskriftsrad og data.`);
  const rows = parseCsv(text, delimiterOf(text));
  const notes: string[] = [];
  if (rows.length > MAX_ROWS) notes.push(`Bare de første ${MAX_ROWS.toLocaleString('nb-NO')} radene er lastet.`);
  const kept = rows.slice(0, MAX_ROWS).map((r) => r.slice(0, MAX_COLUMNS).map((v) => (v.trim() === '' ? null : textCell(v))));
  const sheetName = (name.replace(/\.[^.]+$/, '').replace(/[\\/?*[\]:]/g, ' ').trim() || 'CSV').slice(0, 31);
  const sheet: SheetSpec = { name: sheetName, rows: kept };
  return { sheets: [sheet], regions: [], notes };
}
