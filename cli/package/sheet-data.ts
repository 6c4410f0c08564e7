// Editing a worksheet's <sheetData> in place: the cells of one rectangle are replaced, every other row and cell
// keeps the exact text it had (values, types, formulas, styles — and so hyperlinks, notes and everything else
// that points at those cells keeps its meaning).
import { columnLetter } from '../../core/findings/finding.js';
import { attr, escapeXml, removeAttr, setAttr } from './opc.js';

export interface Box {
  /** 1-based. */
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** One cell to write: its value and the style index to give it (undefined: no s attribute). */
export interface NewCell {
  readonly value: string | number | boolean | null;
  readonly style?: string;
  /** A formula (without «=») written with `value` as its cached result: a table's totals-row SUBTOTAL. */
  readonly formula?: string;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export const columnLetters = columnLetter;

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function parseRef(ref: string): Box | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const c1 = columnNumber(m[1]!);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnNumber(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { row: Math.min(r1, r2), column: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, columns: Math.abs(c2 - c1) + 1 };
}

export function boxRef(box: Box): string {
  return `${columnLetters(box.column)}${box.row}:${columnLetters(box.column + box.columns - 1)}${box.row + box.rows - 1}`;
}

const inside = (box: Box, row: number, column: number) => row >= box.row && row < box.row + box.rows && column >= box.column && column < box.column + box.columns;

/** XML for one cell. Text is an inline string, so it is text whatever it starts with (=, +, -, @) and
 *  sharedStrings.xml is not touched. */
export function cellXml(ref: string, cell: NewCell, prefix = ''): string {
  const s = cell.style !== undefined ? ` s="${cell.style}"` : '';
  const v = cell.value;
  if (cell.formula !== undefined && typeof v === 'number') {
    return `<${prefix}c r="${ref}"${s}><${prefix}f>${escapeXml(cell.formula)}</${prefix}f><${prefix}v>${Number.isFinite(v) ? String(v) : '0'}</${prefix}v></${prefix}c>`;
  }
  if (v === null || v === '') return `<${prefix}c r="${ref}"${s}/>`;
  if (typeof v === 'number') return `<${prefix}c r="${ref}"${s}><${prefix}v>${Number.isFinite(v) ? String(v) : '0'}</${prefix}v></${prefix}c>`;
  if (typeof v === 'boolean') return `<${prefix}c r="${ref}"${s} t="b"><${prefix}v>${v ? 1 : 0}</${prefix}v></${prefix}c>`;
  // Characters XML 1.0 cannot carry are written the way Excel escapes them (_xHHHH_).
  const text = escapeXml(v.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
  return `<${prefix}c r="${ref}"${s} t="inlineStr"><${prefix}is><${prefix}t xml:space="preserve">${text}</${prefix}t></${prefix}is></${prefix}c>`;
}

interface RowText {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const ROW = /<((?:\w+:)?)row\b[^>]*?(?:\/>|>[\s\S]*?<\/\1row>)/g;
const CELL = /<((?:\w+:)?)c\b[^>]*?(?:\/>|>[\s\S]*?<\/\1c>)/g;

/** The <sheetData> element's inner span in a worksheet XML (self-closing sheetData gives an empty span). */
export function sheetDataSpan(xml: string): { prefix: string; open: number; innerStart: number; innerEnd: number; close: number; selfClosing: boolean } | undefined {
  const m = /<((?:\w+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!m) return undefined;
  const open = m.index;
  const innerStart = open + m[0].length;
  if (m[2] === '/') return { prefix: m[1]!, open, innerStart, innerEnd: innerStart, close: innerStart, selfClosing: true };
  const closeTag = `</${m[1]}sheetData>`;
  const innerEnd = xml.indexOf(closeTag, innerStart);
  if (innerEnd < 0) return undefined;
  return { prefix: m[1]!, open, innerStart, innerEnd, close: innerEnd + closeTag.length, selfClosing: false };
}

function rowsOf(inner: string): RowText[] {
  const out: RowText[] = [];
  let previous = 0;
  for (const m of inner.matchAll(ROW)) {
    const tag = /^<[^>]*>/.exec(m[0])![0];
    const r = Number(attr(tag, 'r'));
    const index = Number.isInteger(r) && r > 0 ? r : previous + 1;
    previous = index;
    out.push({ index, start: m.index!, end: m.index! + m[0].length, text: m[0] });
  }
  return out;
}

/** Cells of one row with their column numbers (implicit positions resolved). */
function cellsOf(rowText: string): { column: number; text: string }[] {
  const open = /^<[^>]*>/.exec(rowText)![0];
  if (open.endsWith('/>')) return [];
  const out: { column: number; text: string }[] = [];
  let previous = 0;
  for (const m of rowText.slice(open.length).matchAll(CELL)) {
    const tag = /^<[^>]*>/.exec(m[0])![0];
    const ref = attr(tag, 'r');
    const column = ref ? columnNumber(/^[A-Z]+/i.exec(ref)?.[0] ?? '') : previous + 1;
    previous = column;
    out.push({ column, text: ref ? m[0] : m[0].replace(/^<((?:\w+:)?)c\b/, `<$1c r="${columnLetters(column)}${0}"`) });
  }
  return out;
}

/** Does the cell carry anything a user could see (a value, a formula, inline text)? Style-only cells do not. */
function cellHasContent(text: string): boolean {
  return /<(?:\w+:)?(?:v|f|is)\b/.test(text);
}

/**
 * The first cell in `area` that has content and is not inside `allowed` (the table's previous extent), as
 * "B25"; undefined when the area is free.
 */
export function firstOccupied(xml: string, area: Box, allowed: Box | undefined): string | undefined {
  const span = sheetDataSpan(xml);
  if (!span) return undefined;
  for (const row of rowsOf(xml.slice(span.innerStart, span.innerEnd))) {
    if (row.index < area.row || row.index >= area.row + area.rows) continue;
    for (const cell of cellsOf(row.text)) {
      if (!inside(area, row.index, cell.column) || (allowed && inside(allowed, row.index, cell.column))) continue;
      if (cellHasContent(cell.text)) return `${columnLetters(cell.column)}${row.index}`;
    }
  }
  return undefined;
}

/** Does any cell in `area` hold a formula? (Excel lists those in calcChain.xml.) */
export function hasFormulaIn(xml: string, area: Box): boolean {
  const span = sheetDataSpan(xml);
  if (!span) return false;
  for (const row of rowsOf(xml.slice(span.innerStart, span.innerEnd))) {
    if (row.index < area.row || row.index >= area.row + area.rows) continue;
    if (cellsOf(row.text).some((cell) => inside(area, row.index, cell.column) && /<(?:\w+:)?f\b/.test(cell.text))) return true;
  }
  return false;
}

/** The style (s attribute) of each cell in `area`, by "row,column", to keep the user's formatting. */
export function stylesIn(xml: string, area: Box): Map<string, string> {
  const styles = new Map<string, string>();
  const span = sheetDataSpan(xml);
  if (!span) return styles;
  for (const row of rowsOf(xml.slice(span.innerStart, span.innerEnd))) {
    if (row.index < area.row || row.index >= area.row + area.rows) continue;
    for (const cell of cellsOf(row.text)) {
      const s = attr(/^<[^>]*>/.exec(cell.text)![0], 's');
      if (s !== undefined && inside(area, row.index, cell.column)) styles.set(`${row.index},${cell.column}`, s);
    }
  }
  return styles;
}

/**
 * Replaces the cells of `clear` ∪ `box` in the worksheet XML: cells inside `clear` are removed, `cells` (row-major
 * for `box`) are written, everything else is kept as it was, byte for byte. Rows that gain no and keep no cell
 * are kept (they may carry the user's height or style). Returns the new XML.
 */
export function replaceCells(xml: string, box: Box, cells: readonly (readonly NewCell[])[], clear: Box | undefined): string {
  const span = sheetDataSpan(xml);
  if (!span) throw new Error('arket mangler sheetData');
  const p = span.prefix;
  const inner = xml.slice(span.innerStart, span.innerEnd);
  const rows = rowsOf(inner);
  const touched = (r: number) => (r >= box.row && r < box.row + box.rows) || (clear !== undefined && r >= clear.row && r < clear.row + clear.rows);
  const newRow = (r: number): string[] =>
    r >= box.row && r < box.row + box.rows ? cells[r - box.row]!.map((cell, c) => cellXml(`${columnLetters(box.column + c)}${r}`, cell, p)) : [];

  let out = '';
  let last = 0;
  const emitted = new Set<number>();
  const present = new Set(rows.map((row) => row.index));
  const pendingNew = (upTo: number) => {
    // Rows of the box that have no row element yet, in order, before row `upTo`.
    for (let r = box.row; r < Math.min(upTo, box.row + box.rows); r++) {
      if (emitted.has(r) || present.has(r)) continue;
      emitted.add(r);
      out += `<${p}row r="${r}">${newRow(r).join('')}</${p}row>`;
    }
  };
  for (const row of rows) {
    pendingNew(row.index);
    out += inner.slice(last, row.start);
    last = row.end;
    if (!touched(row.index)) {
      out += row.text;
      continue;
    }
    emitted.add(row.index);
    const open = /^<[^>]*>/.exec(row.text)![0];
    const kept = cellsOf(row.text).filter((c) => !inside(box, row.index, c.column) && !(clear && inside(clear, row.index, c.column)));
    const added = newRow(row.index).map((text, i) => ({ column: box.column + i, text }));
    const all = [...kept, ...added].sort((a, b) => a.column - b.column);
    // spans is a hint for the cells in the row; it may no longer hold, so it goes.
    let tag = removeAttr(open.replace(/\/>$/, '>'), 'spans');
    if (!attr(tag, 'r')) tag = setAttr(tag, 'r', String(row.index));
    out += `${tag}${all.map((c) => c.text.replace(/ r="([A-Z]+)0"/, ` r="$1${row.index}"`)).join('')}</${p}row>`;
  }
  pendingNew(Number.MAX_SAFE_INTEGER);
  out += inner.slice(last);
  if (span.selfClosing) {
    const openTag = xml.slice(span.open, span.innerStart).replace(/\s*\/>$/, '>');
    return `${xml.slice(0, span.open)}${openTag}${out}</${p}sheetData>${xml.slice(span.innerStart)}`;
  }
  return `${xml.slice(0, span.innerStart)}${out}${xml.slice(span.innerEnd)}`;
}

/** Widens the <dimension ref> to cover `box` (when the sheet has one). */
export function widenDimension(xml: string, box: Box): string {
  return xml.replace(/<((?:\w+:)?)dimension\b[^>]*?\/>/, (tag) => {
    const current = parseRef(attr(tag, 'ref') ?? '');
    if (!current) return setAttr(tag, 'ref', boxRef(box));
    const row = Math.min(current.row, box.row);
    const column = Math.min(current.column, box.column);
    const rowEnd = Math.max(current.row + current.rows, box.row + box.rows);
    const columnEnd = Math.max(current.column + current.columns, box.column + box.columns);
    return setAttr(tag, 'ref', boxRef({ row, column, rows: rowEnd - row, columns: columnEnd - column }));
  });
}
