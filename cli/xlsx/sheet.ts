// One worksheet part, streamed: only the cells the sheet really has are kept, as rows of the engine's
// CellValue. Merged ranges and data validations cost what their definition costs (a merge is one range,
// a validation is skipped), never one entry per covered cell.
import type { CellValue } from '../../core/util/cells.js';
import { Budget, LIMITS, LimitError } from './limits.js';
import { attrValue, parseAttrs, SaxParser } from './sax.js';
import { NumberKind } from './styles.js';
import type { ZipEntry, ZipPackage } from './zip.js';

/** A 1-based inclusive block of cells. */
export interface CellRange {
  readonly fromRow: number;
  readonly fromColumn: number;
  readonly toRow: number;
  readonly toColumn: number;
}

export interface SheetRead {
  /** rows[r - 1][c - 1]; a row holds cells up to its last non-blank one (blanks before it are null). */
  readonly rows: readonly (readonly CellValue[])[];
  /** Merged ranges as written in the file (the master cell is the top-left one). */
  readonly merges: readonly CellRange[];
  /** Keys (cellKey) of number cells formatted as a percentage. */
  readonly percent: ReadonlySet<number>;
  /** Formula cells without a stored result. */
  readonly formulasWithoutResult: { readonly count: number; readonly first?: string };
  /** Formula text (without «=») per cell, shaped like rows; [] when the sheet has none. Shared formulas: the master only. */
  readonly formulas: (string | undefined)[][];
  /** Cells with content. */
  readonly cellCount: number;
  /** Cells covered by data validations (the sum of their ranges' areas): what a writer that expands them pays. */
  readonly validationArea: number;
}

export const MAX_COLUMNS = 16384;
export const cellKey = (row: number, column: number): number => (row - 1) * MAX_COLUMNS + (column - 1);

const EMPTY_ROW: readonly CellValue[] = Object.freeze([]);

export interface SheetContext {
  readonly name: string;
  readonly sharedStrings: readonly string[];
  readonly styles: readonly NumberKind[];
  readonly date1904: boolean;
  readonly budget: Budget;
  /** Cells already read on earlier sheets (for the workbook-wide limit). */
  readonly cellsBefore: number;
}

export function columnLetters(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** "B12" → row 12, column 2; undefined for anything else. */
export function parseCellRef(ref: string): { row: number; column: number } | undefined {
  let column = 0;
  let i = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) === 36) i++;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  if (i < n && ref.charCodeAt(i) === 36) i++;
  if (column === 0 || column > MAX_COLUMNS || i >= n) return undefined;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row > 0 && row <= 1_048_576 ? { row, column } : undefined;
}

export function parseRangeRef(ref: string): CellRange | undefined {
  const [a, b] = ref.trim().split(':');
  const from = a ? parseCellRef(a) : undefined;
  const to = b ? parseCellRef(b) : from;
  if (!from || !to) return undefined;
  return {
    fromRow: Math.min(from.row, to.row),
    fromColumn: Math.min(from.column, to.column),
    toRow: Math.max(from.row, to.row),
    toColumn: Math.max(from.column, to.column),
  };
}

/** Excel's serial date as exceljs gives it (UTC midnight plus the fraction of the day). */
function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** Reads one worksheet part. Throws LimitError past a limit and XmlError on malformed XML. */
export async function readSheet(zip: ZipPackage, entry: ZipEntry, ctx: SheetContext): Promise<SheetRead> {
  const rows: CellValue[][] = [];
  const merges: CellRange[] = [];
  const percent = new Set<number>();
  let withoutResult = 0;
  let firstWithoutResult: string | undefined;
  let cells = 0;
  let validationArea = 0;
  // Null slots filled in front of cells; bounded so that cells spread far apart cannot grow the grid without end.
  let slots = 0;
  const maxSlots = LIMITS.cellsPerSheet * 4;

  let row = 0;
  let column = 0;
  let type = '';
  let style = 0;
  let hasFormula = false;
  let inFormula = false;
  let formulaText = '';
  const formulas: (string | undefined)[][] = [];
  let inValue = false;
  let inInline = false;
  let inPhonetic = false;
  let text = '';
  let hasText = false;

  const store = (value: CellValue) => {
    if (++cells > LIMITS.cellsPerSheet) throw new LimitError('cells', ctx.name);
    if (cells + ctx.cellsBefore > LIMITS.cellsTotal) throw new LimitError('cellsTotal', ctx.name);
    let line = rows[row - 1];
    if (!line || line === EMPTY_ROW) {
      while (rows.length < row - 1) rows.push(EMPTY_ROW as CellValue[]);
      line = [];
      rows[row - 1] = line;
    }
    const gap = column - 1 - line.length;
    if (gap < 0) {
      line[column - 1] = value;
      return;
    }
    slots += gap;
    if (slots > maxSlots) throw new LimitError('cells', ctx.name);
    for (let k = 0; k < gap; k++) line.push(null);
    line.push(value);
  };

  const finishCell = () => {
    const raw = hasText ? text : '';
    let value: CellValue = null;
    switch (type) {
      case 's': {
        if (raw !== '') value = ctx.sharedStrings[Number(raw)] ?? '';
        break;
      }
      case 'str':
        value = hasText ? raw : null;
        break;
      case 'inlineStr':
        value = hasText ? raw : null;
        break;
      case 'b':
        if (raw !== '') value = raw.trim() === '1' || raw.trim().toLowerCase() === 'true';
        break;
      case 'e':
        if (raw !== '') value = { cellError: raw.trim() };
        break;
      case 'd': {
        if (raw !== '') {
          const d = new Date(raw.trim());
          value = Number.isNaN(d.getTime()) ? raw : d;
        }
        break;
      }
      default: {
        if (raw.trim() !== '') {
          const n = Number(raw);
          if (!Number.isFinite(n)) value = raw;
          else {
            const kind = ctx.styles[style] ?? NumberKind.Plain;
            if (kind === NumberKind.Date) value = serialDate(n, ctx.date1904);
            else {
              value = n;
              if (kind === NumberKind.Percent) percent.add(cellKey(row, column));
            }
          }
        }
      }
    }
    if (hasFormula && value === null && type !== 'inlineStr') {
      withoutResult++;
      firstWithoutResult ??= `${columnLetters(column)}${row}`;
    }
    if (value !== null && value !== '') store(value);
  };

  const parser = new SaxParser({
    open(name, attrs, selfClosing) {
      switch (name) {
        case 'row': {
          const r = Number(attrValue(attrs, 'r'));
          row = Number.isInteger(r) && r > 0 ? r : row + 1;
          column = 0;
          break;
        }
        case 'c': {
          const ref = attrValue(attrs, 'r');
          const at = ref ? parseCellRef(ref) : undefined;
          if (at) {
            row = at.row;
            column = at.column;
          } else column++;
          if (row === 0) row = 1;
          type = attrValue(attrs, 't') ?? 'n';
          const s = attrValue(attrs, 's');
          style = s ? Number(s) : 0;
          hasFormula = false;
          text = '';
          hasText = false;
          inInline = false;
          inPhonetic = false;
          break;
        }
        case 'v':
          inValue = !selfClosing;
          break;
        case 'f':
          hasFormula = true;
          inFormula = !selfClosing;
          formulaText = '';
          break;
        case 'is':
          inInline = true;
          break;
        case 'rPh':
          inPhonetic = true;
          break;
        case 't':
          inValue = inInline && !inPhonetic && !selfClosing;
          if (inValue && !hasText) {
            hasText = true;
            text = '';
          }
          break;
        case 'dataValidation': {
          for (const ref of (attrValue(attrs, 'sqref') ?? '').split(/\s+/)) {
            const range = parseRangeRef(ref);
            if (range) validationArea += (range.toRow - range.fromRow + 1) * (range.toColumn - range.fromColumn + 1);
          }
          break;
        }
        case 'mergeCell': {
          const range = parseRangeRef(parseAttrs(attrs).ref ?? '');
          if (range) merges.push(range);
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'c':
          finishCell();
          break;
        case 'f':
          inFormula = false;
          if (formulaText) (formulas[row - 1] ??= [])[column - 1] = formulaText;
          break;
        case 'v':
        case 't':
          inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
      }
    },
    text(t) {
      if (inFormula) formulaText += t;
      if (!inValue) return;
      if (!hasText) {
        hasText = true;
        text = t;
      } else text += t;
    },
  });
  for await (const chunk of zip.stream(entry)) {
    ctx.budget.check();
    parser.feedBytes(chunk);
  }
  parser.end();
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = EMPTY_ROW as CellValue[];
  // Excel keeps a merged range's value in its upper-left cell only; a value another program left in a covered
  // cell is not shown, so it is not read either. Only cells the sheet has are visited, however large the range.
  for (const m of merges) {
    for (let r = m.fromRow; r <= Math.min(m.toRow, rows.length); r++) {
      const line = rows[r - 1]!;
      for (let c = m.fromColumn; c <= Math.min(m.toColumn, line.length); c++) {
        if ((r !== m.fromRow || c !== m.fromColumn) && line[c - 1] !== null) line[c - 1] = null;
      }
    }
  }
  return {
    rows,
    merges,
    percent,
    formulasWithoutResult: firstWithoutResult === undefined ? { count: withoutResult } : { count: withoutResult, first: firstWithoutResult },
    formulas: formulas.length ? Array.from(formulas, (line) => line ?? []) : [],
    cellCount: cells,
    validationArea,
  };
}
