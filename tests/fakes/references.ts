// References in the fake hosts (Excel, and Sheets where it behaves the same): what happens to the user's formulas, chart series and defined names when the
// add-in renames or deletes tables and sheets. Kept apart from fake-excel.ts (proxies, syncs) so each stays
// readable; fake-excel.ts calls these from the operations that Excel documents as rewriting references.
//
// What Excel does, and where it says so:
// - Renaming a table rewrites every structured reference to it: "The names in structured references adjust
//   whenever you add or remove data from the table" and table renames follow through formulas —
//   https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e
//   (Using structured references with Excel tables).
// - Renaming a sheet rewrites 'Sheet'!A1 references; deleting a sheet turns every reference to it — in cell
//   formulas, chart series and defined names — into #REF! (a formula "may also generate a #NAME? error if the
//   name … no longer exists, or … a #REF! error if the cells associated with [it] were deleted", Formulas and
//   Functions: Microsoft Excel 2010, ch. 5, https://fliphtml5.com/lnym/spbh/FORMULAS_AND_FUNCTIONS%3A_MICROSOFT_EXCEL_2010/134).
// - Table names and defined names are one namespace, compared without case: a table may not take the name of a
//   defined name (workbook- or sheet-scoped) or of another table. Apache POI bug 62906, comment 19
//   (https://bz.apache.org/bugzilla/show_bug.cgi?id=62906, mail-archive.com/dev@poi.apache.org/msg28820.html):
//   "the workbook will be corrupted if two Tables have the same name, or a Table has the same name as a defined
//   Name"; Excel's UI and API refuse it ("The name that you entered already exists").
// Only the reference forms the tests use are understood: Table[Column], Table[[#Totals],[Column]], a bare table
// or defined name, 'Sheet'!A1(:B2) and Sheet!A1(:B2), wrapped in SUM(...) or alone.

import { columnLetter } from '../../core/findings/finding.js';

export interface RefTable {
  readonly name: string;
  readonly sheetName: string;
  readonly row: number;
  readonly column: number;
  /** Rows including header (and totals row when there is one). */
  readonly rows: number;
  readonly columns: number;
  readonly totalsRow?: boolean;
}

export interface RefName {
  readonly name: string;
  /** "=Sheet!$A$1:$B$2" or "=#REF!" after its sheet went. */
  readonly formula: string;
}

/** What the evaluator may read. */
export interface RefWorkbook {
  tablesForRefs(): readonly RefTable[];
  namesForRefs(): readonly RefName[];
  sheetExists(name: string): boolean;
  /** Values as Excel shows them (0-based row/column). */
  valueAt(sheet: string, row: number, column: number): unknown;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sheetPrefix = (sheet: string) => `(?:'${escape(sheet.replace(/'/g, "''"))}'|${/^[\p{L}0-9_.]+$/u.test(sheet) ? escape(sheet) : '(?!)'})!`;

/** Excel's way of writing a sheet in a reference: quoted unless plain letters/digits/underscore. */
export function sheetRef(sheet: string): string {
  return /^[\p{L}_][\p{L}0-9_.]*$/u.test(sheet) && !/^[A-Z]{1,3}\d+$/i.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** A table's structured references, Table[...], and the bare table name used as a range. */
function tablePattern(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}0-9_.!'])${escape(name)}(?=\\[|(?![\\p{L}0-9_.(\\[!]))`, 'giu');
}

export function renameTableIn(formula: string, from: string, to: string): string {
  return formula.replace(tablePattern(from), to);
}

export function renameSheetIn(formula: string, from: string, to: string): string {
  return formula.replace(new RegExp(sheetPrefix(from), 'giu'), `${sheetRef(to)}!`);
}

/** Every reference to `sheet` (and to tables that lived on it) becomes #REF!. */
export function breakSheetIn(formula: string, sheet: string, tablesOnSheet: readonly string[]): string {
  let out = formula.replace(new RegExp(`${sheetPrefix(sheet)}\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?`, 'giu'), '#REF!');
  for (const table of tablesOnSheet) out = breakTableIn(out, table);
  return out;
}

/** A deleted table: Table[...] and the bare name become #REF!. */
export function breakTableIn(formula: string, table: string): string {
  return formula.replace(new RegExp(`(?<![\\p{L}0-9_.!'])${escape(table)}(?:\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\])?(?![\\p{L}0-9_.(])`, 'giu'), '#REF!');
}

/**
 * A table converted to a range: Excel rewrites its structured references as plain A1 references
 * (Table.convertToRange, https://learn.microsoft.com/en-us/javascript/api/excel/excel.table#excel-excel-table-converttorange-member(1)).
 */
export function tableToA1In(formula: string, table: RefTable): string {
  return formula.replace(new RegExp(`(?<![\\p{L}0-9_.!'])${escape(table.name)}(\\[(?:[^\\[\\]]|\\[[^\\]]*\\])*\\])?(?![\\p{L}0-9_.(])`, 'giu'), (_, spec: string | undefined) => {
    const area = structuredArea(table, spec ?? '');
    return area ? `${sheetRef(table.sheetName)}!${a1(area.row, area.column)}:${a1(area.row + area.rows - 1, area.column + area.columns - 1)}` : '#REF!';
  });
}

/** Column letters of a 0-based column index (0 → A). */
export const columnLetters = (column: number): string => columnLetter(column + 1);

const a1 = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;

interface Area {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** The cells `Table[spec]` covers; undefined for a column the table does not have. */
function structuredArea(table: RefTable, spec: string, header?: (column: number) => string): Area | undefined {
  const body = { sheet: table.sheetName, row: table.row + 1, column: table.column, rows: table.rows - 1 - (table.totalsRow ? 1 : 0), columns: table.columns };
  if (!spec) return body;
  const inner = spec.slice(1, -1);
  const parts = inner.startsWith('[') ? [...inner.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!) : [inner];
  let rows = body;
  let columnName: string | undefined;
  for (const part of parts) {
    if (/^#totals$/i.test(part)) rows = { ...body, row: table.row + table.rows - 1, rows: table.totalsRow ? 1 : 0 };
    else if (/^#headers$/i.test(part)) rows = { ...body, row: table.row, rows: 1 };
    else if (/^#all$/i.test(part)) rows = { ...body, row: table.row, rows: table.rows };
    else if (/^#data$/i.test(part)) rows = body;
    else columnName = part.replace(/'(.)/g, '$1');
  }
  if (columnName === undefined) return rows;
  if (!header) return { ...rows, columns: 1 };
  for (let c = 0; c < table.columns; c++) if (header(c).toLowerCase() === columnName.toLowerCase()) return { ...rows, column: table.column + c, columns: 1 };
  return undefined;
}

function parseCell(text: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(text);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** The cells a reference covers, or an error value. */
function resolve(wb: RefWorkbook, ref: string, depth = 0): Area | string {
  const text = ref.trim();
  if (text.includes('#REF!')) return '#REF!';
  const sheetCell = /^(?:'((?:[^']|'')+)'|([\p{L}0-9_.]+))!(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?$/iu.exec(text);
  if (sheetCell) {
    const sheet = sheetCell[1] !== undefined ? sheetCell[1].replace(/''/g, "'") : sheetCell[2]!;
    if (!wb.sheetExists(sheet)) return '#REF!';
    const from = parseCell(sheetCell[3]!)!;
    const to = sheetCell[4] ? parseCell(sheetCell[4])! : from;
    return { sheet, row: from.row, column: from.column, rows: to.row - from.row + 1, columns: to.column - from.column + 1 };
  }
  const structured = /^([\p{L}_\\][\p{L}0-9_.]*)(\[.*\])?$/u.exec(text);
  if (!structured) return '#NAME?';
  const table = wb.tablesForRefs().find((t) => t.name.toLowerCase() === structured[1]!.toLowerCase());
  if (table) {
    const area = structuredArea(table, structured[2] ?? '', (c) => String(wb.valueAt(table.sheetName, table.row, table.column + c) ?? ''));
    return area ?? '#REF!';
  }
  if (structured[2]) return '#REF!';
  const name = wb.namesForRefs().find((n) => n.name.toLowerCase() === text.toLowerCase());
  if (!name || depth > 3) return '#NAME?';
  return resolve(wb, name.formula.replace(/^=/, ''), depth + 1);
}

/**
 * What Excel shows for a reference formula: =ref, =SUM(ref, …). Errors propagate (#REF!, #NAME?), as in Excel.
 * Returns undefined for formulas this evaluator does not handle.
 */
export function evaluateReferences(wb: RefWorkbook, formula: string): unknown {
  const body = formula.trim().replace(/^=/, '');
  // SUBTOTAL(109, …) is what Excel puts in a totals row by default: the sum of the (visible) data rows.
  const sum = /^SUM\((.*)\)$/i.exec(body) ?? /^SUBTOTAL\(\s*(?:9|109)\s*[,;](.*)\)$/i.exec(body);
  const refs = sum ? splitArguments(sum[1]!) : [body];
  let total = 0;
  for (const ref of refs) {
    const area = resolve(wb, ref);
    if (typeof area === 'string') return area;
    if (!sum) {
      if (area.rows !== 1 || area.columns !== 1) return '#VALUE!';
      const v = wb.valueAt(area.sheet, area.row, area.column);
      return v === undefined || v === null || v === '' ? 0 : v;
    }
    for (let r = 0; r < area.rows; r++) {
      for (let c = 0; c < area.columns; c++) {
        const v = wb.valueAt(area.sheet, area.row + r, area.column + c);
        if (typeof v === 'string' && v.startsWith('#')) return v;
        if (typeof v === 'number') total += v;
      }
    }
  }
  return total;
}

function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "'") quote = !quote;
    else if (!quote && (ch === '[' || ch === '(')) depth++;
    else if (!quote && (ch === ']' || ch === ')')) depth--;
    else if (!quote && depth === 0 && (ch === ',' || ch === ';')) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** Is this a formula the reference evaluator owns (not a DH.* custom function call)? */
export function isReferenceFormula(formula: string): boolean {
  return !/^=\s*DH\./i.test(formula);
}
