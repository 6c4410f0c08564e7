// Finds the numeric blocks of a sheet: runs of rows that carry figures in the same columns, with the header
// rows above them and a label per row. A block is what the relation finder reads as one table.
import { columnLetter } from '../findings/finding.js';
import { cellText, isBlank, type CellValue } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';
import { figureOf, type Figure } from './figures.js';
import { NEVER_STOP, type Tick } from '../util/stop.js';

/** A sheet (or part of one) as a host read it, with the sheet position of cells[0][0]. */
export interface SheetGrid {
  readonly sheet: string;
  readonly cells: readonly (readonly CellValue[])[];
  readonly originRow?: number;
  readonly originColumn?: number;
  /** Formula text per cell (without «=»), where the workbook has formulas; same shape as cells. */
  readonly formulas?: readonly (readonly (string | undefined)[])[];
}

export interface Block {
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  /** Grid row indices of the rows holding figures, top-down. */
  readonly rows: readonly number[];
  /** Grid column indices of the numeric columns, left to right. */
  readonly columns: readonly number[];
  /** Grid row indices of the header rows above the block. */
  readonly headerRows: readonly number[];
  /** Header text per numeric column ('' when the column has none). */
  readonly headers: readonly string[];
  /** Label per row (its first text outside the numeric columns, '' when none). */
  readonly labels: readonly string[];
  /** figures[i][j]: row rows[i], column columns[j]. */
  readonly figures: readonly (readonly (Figure | undefined)[])[];
}

/** Sheet row (1-based) of a block row index. */
export function sheetRow(block: Block, i: number): number {
  return block.originRow + block.rows[i]!;
}

/** Sheet column letter of a block column index. */
export function sheetColumn(block: Block, j: number): string {
  return columnLetter(block.originColumn + block.columns[j]!);
}

/** How a person names a column: «E (Timer spart)», or the letter alone when it has no header. */
export function columnName(block: Block, j: number): string {
  const h = block.headers[j]!;
  return h ? `${sheetColumn(block, j)} (${h})` : sheetColumn(block, j);
}

/** The column's header alone when it has one, for formulas in words («Antall × Minutter»). */
export function columnWord(block: Block, j: number): string {
  return block.headers[j] || `kolonne ${sheetColumn(block, j)}`;
}

// Identifier columns carry numbers that are names, not quantities (kommunenummer, account, year, date).
const IDENTIFIER = /^(kommune ?nr|kommunenummer|knr|nr|nummer|lopenr|id|kode|konto|kontonr|art|ansvar|funksjon|prosjekt ?nr|prosjektnummer|orgnr|org ?nr|organisasjonsnummer|ar|aar|arstall|dato|postnr|telefon|tlf|kapittel|post|side|rad)$/;

function isIdentifierHeader(header: string): boolean {
  return IDENTIFIER.test(normalizeKey(header));
}

/** A row of years (2024 2025 2026) is a header, even when the years are stored as numbers. */
function isYearHeader(figures: ReadonlyMap<number, Figure>): boolean {
  if (figures.size < 2) return false;
  const years = new Set<number>();
  for (const f of figures.values()) {
    if (!Number.isInteger(f.num) || f.num < 1900 || f.num > 2100) return false;
    years.add(f.num);
  }
  return years.size >= 2;
}

/**
 * A row numbering the columns (1 2 3 … under the headers, as official tables print) is a header, not figures: whole
 * numbers counting up by one from column to column, in a row without a label.
 */
function isColumnNumbering(figures: ReadonlyMap<number, Figure>, row: readonly CellValue[] | undefined): boolean {
  if (figures.size < 2) return false;
  if ((row ?? []).some((v, c) => !isBlank(v) && !figures.has(c))) return false;
  const cols = [...figures.keys()].sort((a, b) => a - b);
  return cols.every((c, k) => {
    const f = figures.get(c)!;
    return Number.isInteger(f.num) && (k === 0 ? f.num >= 1 && f.num <= 3 : f.num === figures.get(cols[k - 1]!)!.num + 1);
  });
}

/** Rows that may sit inside a block without ending it: blank, or a lone section label («Driftsinntekter»). */
function isSectionRow(row: readonly CellValue[] | undefined): boolean {
  if (!row) return true;
  let filled = 0;
  for (const v of row) if (!isBlank(v)) filled++;
  return filled <= 1;
}

const MAX_GAP = 2;
/** Distinct texts remembered per sheet; beyond this (a sheet of unique texts) each is read as it comes. */
const MAX_REMEMBERED_TEXTS = 50_000;

/**
 * The numeric blocks of a sheet. A block is a run of rows with figures; up to two blank or section-label rows
 * may sit inside it. Its numeric columns are those holding at least two figures (identifier columns such as
 * Kommunenr, Konto or År are labels, not quantities). A block without a numeric column (a lone figure in a
 * title) is no table and is not returned.
 */
export function findBlocks(grid: SheetGrid, tick: Tick = NEVER_STOP): Block[] {
  const cells = grid.cells;
  // A column repeats its texts («2021.3», «3 mnd», «kr 1 200»): each distinct text with a digit is read once (figures
  // are immutable); a text without one is no figure, as figureOf says, and needs no memory.
  const textFigures = new Map<string, Figure | undefined>();
  const figureOfText = (v: string): Figure | undefined => {
    if (!/\d/.test(v)) return undefined;
    if (textFigures.has(v)) return textFigures.get(v);
    const f = figureOf(v);
    if (textFigures.size < MAX_REMEMBERED_TEXTS) textFigures.set(v, f);
    return f;
  };
  const rowFigures: Map<number, Figure>[] = cells.map((row) => {
    tick();
    const m = new Map<number, Figure>();
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      const f = typeof v === 'string' ? figureOfText(v) : figureOf(v);
      if (f) m.set(c, f);
    }
    return m;
  });
  const isHeaderFigures = (r: number) => isYearHeader(rowFigures[r]!) || isColumnNumbering(rowFigures[r]!, cells[r]);
  const isFigureRow = (r: number) => rowFigures[r]!.size > 0 && !isHeaderFigures(r);
  const runs: number[][] = [];
  let r = 0;
  while (r < cells.length) {
    if (!isFigureRow(r)) {
      r++;
      continue;
    }
    const run = [r];
    let next = r + 1;
    for (;;) {
      let gap = 0;
      while (next < cells.length && !isFigureRow(next) && isSectionRow(cells[next]) && gap < MAX_GAP) {
        next++;
        gap++;
      }
      if (next < cells.length && isFigureRow(next)) {
        run.push(next);
        next++;
      } else break;
    }
    runs.push(run);
    r = run[run.length - 1]! + 1;
  }
  const blocks: Block[] = [];
  for (const run of runs) {
    const block = buildBlock(grid, run, rowFigures);
    if (block) blocks.push(block);
  }
  return blocks;
}

function buildBlock(grid: SheetGrid, run: readonly number[], rowFigures: readonly Map<number, Figure>[]): Block | undefined {
  const cells = grid.cells;
  const headerRows: number[] = [];
  for (let h = run[0]! - 1; h >= 0 && headerRows.length < 3; h--) {
    const row = cells[h];
    if (!row || row.every((v) => isBlank(v))) break;
    if (rowFigures[h]!.size > 0 && !isYearHeader(rowFigures[h]!) && !isColumnNumbering(rowFigures[h]!, row)) break;
    headerRows.unshift(h);
  }
  // A title (one cell alone on its row) is not a column's header; the rows with several headings are.
  const headingRows = headerRows.filter((h) => (cells[h] ?? []).filter((v) => !isBlank(v)).length >= 2);
  const headerOf = (c: number) =>
    headingRows
      .filter((h) => !(rowFigures[h]!.has(c) && isColumnNumbering(rowFigures[h]!, cells[h])))
      .map((h) => cells[h]?.[c])
      .filter((v) => !isBlank(v))
      .map((v) => cellText(v).trim())
      .join(' ')
      .replace(/\s+/g, ' ');
  const counts = new Map<number, number>();
  for (const r of run) for (const c of rowFigures[r]!.keys()) counts.set(c, (counts.get(c) ?? 0) + 1);
  const columns = [...counts.entries()]
    .filter(([c, n]) => n >= 2 && !isIdentifierHeader(headerOf(c)))
    .map(([c]) => c)
    .sort((a, b) => a - b);
  if (columns.length === 0) return undefined;
  const numeric = new Set(columns);
  const rows = run.filter((r) => columns.some((c) => rowFigures[r]!.has(c)));
  if (rows.length === 0) return undefined;
  const labels = rows.map((r) => {
    const row = cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (numeric.has(c)) continue;
      const v = row[c];
      if (!isBlank(v) && typeof v === 'string' && !rowFigures[r]!.has(c)) return v.trim();
    }
    return '';
  });
  return {
    sheet: grid.sheet,
    originRow: grid.originRow ?? 1,
    originColumn: grid.originColumn ?? 1,
    rows,
    columns,
    headerRows,
    headers: columns.map(headerOf),
    labels,
    figures: rows.map((r) => columns.map((c) => rowFigures[r]!.get(c))),
  };
}
