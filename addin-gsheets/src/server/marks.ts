// Finding marks: cells the register check points at get a severity colour; the colour each cell had
// before is kept in the document properties so "Fjern markering" puts it back. A cell the user recoloured
// in the meantime is left alone.
import type { CellMark } from '../../../ui/host.js';
import { activeSpreadsheet, type Spreadsheet } from './gas.js';
import { parseA1Cell } from './workbook.js';

export const MARK_COLOURS: Readonly<Record<CellMark['severity'], string>> = {
  error: '#f4c7c3',
  warning: '#fce8b2',
  info: '#c9daf8',
};

/** Marks beyond this many are not painted (the panel lists them all anyway). */
export const MAX_MARKS = 5000;
const PROPERTY_PREFIX = 'dh.markeringer';
/** Property values are limited to 9 KB; 2 500 characters stay below it even with 3-byte characters. */
const PROPERTY_CHUNK = 2500;
/** Rows read and written per band of marks, so one getBackgrounds never spans a huge sheet. */
const BAND_ROWS = 500;

interface Saved {
  readonly sheet: string;
  readonly row: number;
  readonly column: number;
  /** Background before we painted. */
  readonly before: string;
  /** The colour we painted. */
  readonly mark: string;
}

type Cell = { row: number; column: number };

function properties(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function loadSaved(): Saved[] {
  const props = properties();
  const count = Number(props.getProperty(`${PROPERTY_PREFIX}.antall`) ?? '0');
  if (!Number.isInteger(count) || count <= 0) return [];
  let text = '';
  for (let i = 0; i < count; i++) text += props.getProperty(`${PROPERTY_PREFIX}.${i}`) ?? '';
  try {
    const rows = JSON.parse(text) as [string, number, number, string, string][];
    return rows.map(([sheet, row, column, before, mark]) => ({ sheet, row, column, before, mark }));
  } catch {
    return [];
  }
}

function storeSaved(saved: readonly Saved[]): void {
  const props = properties();
  const old = Number(props.getProperty(`${PROPERTY_PREFIX}.antall`) ?? '0');
  for (let i = 0; i < old; i++) props.deleteProperty(`${PROPERTY_PREFIX}.${i}`);
  props.deleteProperty(`${PROPERTY_PREFIX}.antall`);
  if (saved.length === 0) return;
  const text = JSON.stringify(saved.map((s) => [s.sheet, s.row, s.column, s.before, s.mark]));
  const values: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < text.length; i += PROPERTY_CHUNK) values[`${PROPERTY_PREFIX}.${n++}`] = text.slice(i, i + PROPERTY_CHUNK);
  values[`${PROPERTY_PREFIX}.antall`] = String(n);
  props.setProperties(values);
}

/**
 * Visits cells of one sheet in bands of rows: each band is read with one getBackgrounds and written with
 * one setBackgrounds. `paint` returns the new colour for a cell, or undefined to leave it.
 */
function paintBands(ss: Spreadsheet, sheetName: string, cells: readonly Cell[], paint: (cell: Cell, current: string) => string | undefined): void {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return;
  const maxRow = sheet.getMaxRows();
  const maxColumn = sheet.getMaxColumns();
  const sorted = cells.filter((c) => c.row <= maxRow && c.column <= maxColumn).sort((a, b) => a.row - b.row || a.column - b.column);
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i]!.row;
    const band: Cell[] = [];
    while (i < sorted.length && sorted[i]!.row < start + BAND_ROWS) band.push(sorted[i++]!);
    const top = start;
    const bottom = band[band.length - 1]!.row;
    const left = Math.min(...band.map((c) => c.column));
    const right = Math.max(...band.map((c) => c.column));
    const range = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
    const colours = range.getBackgrounds();
    let changed = false;
    for (const cell of band) {
      const current = colours[cell.row - top]![cell.column - left]!;
      const next = paint(cell, current);
      if (next !== undefined && next !== current) {
        colours[cell.row - top]![cell.column - left] = next;
        changed = true;
      }
    }
    if (changed) range.setBackgrounds(colours);
  }
}

function groupBySheet<T extends { sheet: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(item.sheet) ?? [];
    list.push(item);
    groups.set(item.sheet, list);
  }
  return groups;
}

/** Puts back the colours of every cell we marked (unless the user recoloured it). Returns how many. */
export function clearMarks(ss: Spreadsheet = activeSpreadsheet()): number {
  const saved = loadSaved();
  let restored = 0;
  for (const [sheet, list] of groupBySheet(saved)) {
    const byCell = new Map(list.map((s) => [`${s.row}:${s.column}`, s]));
    paintBands(ss, sheet, list, (cell, current) => {
      const s = byCell.get(`${cell.row}:${cell.column}`)!;
      if (current.toLowerCase() !== s.mark.toLowerCase()) return undefined;
      restored++;
      return s.before;
    });
  }
  storeSaved([]);
  return restored;
}

/** Replaces the current marks with `marks`. Returns how many cells were painted. */
export function applyMarks(marks: readonly CellMark[], ss: Spreadsheet = activeSpreadsheet()): number {
  clearMarks(ss);
  const wanted = new Map<string, { sheet: string; row: number; column: number; mark: string }>();
  const rank = { error: 3, warning: 2, info: 1 } as const;
  const severityOf = new Map<string, number>();
  for (const m of marks.slice(0, MAX_MARKS)) {
    if (!m || typeof m.sheet !== 'string' || typeof m.cell !== 'string') continue;
    const cell = parseA1Cell(m.cell);
    const colour = MARK_COLOURS[m.severity];
    if (!cell || !colour) continue;
    const sheet = m.sheet || ss.getActiveSheet().getName();
    const key = `${sheet}\u0001${cell.row}:${cell.column}`;
    if ((severityOf.get(key) ?? 0) >= rank[m.severity]) continue; // the worst finding decides the colour
    severityOf.set(key, rank[m.severity]);
    wanted.set(key, { sheet, ...cell, mark: colour });
  }
  const saved: Saved[] = [];
  for (const [sheet, list] of groupBySheet([...wanted.values()])) {
    const byCell = new Map(list.map((s) => [`${s.row}:${s.column}`, s]));
    paintBands(ss, sheet, list, (cell, current) => {
      const w = byCell.get(`${cell.row}:${cell.column}`)!;
      saved.push({ sheet, row: cell.row, column: cell.column, before: current, mark: w.mark });
      return w.mark;
    });
  }
  storeSaved(saved);
  return saved.length;
}
