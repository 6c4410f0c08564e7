// The finder over a whole workbook: every numeric block on every sheet that no known kind (allocation, RPA, DUO,
// budget, system register) has claimed is checked here, so no block with figures goes unread.
import type { Finding } from '../findings/finding.js';
import type { SheetRange } from '../reconcile/unread.js';
import { isBlank } from '../util/cells.js';
import { findBlocks, sheetRow, type Block, type SheetGrid } from './blocks.js';
import { checkBlock, type BlockCheck } from './index.js';
import { NEVER_STOP, type Tick } from '../util/stop.js';

/** What became of one numeric block. */
export type BlockStatus = 'known' | 'relations' | 'none';

export interface WorkbookRelations {
  /** Every numeric block with what became of it: read by a known kind, checked here, or read with nothing found. */
  readonly blocks: readonly { readonly block: Block; readonly status: BlockStatus; readonly range: SheetRange; readonly check?: BlockCheck }[];
  readonly findings: Finding[];
}

/** A block belongs to a known table when at least half of its figures lie in ranges a known kind read. */
export function isClaimed(block: Block, claimed: readonly SheetRange[]): boolean {
  const ranges = claimed.filter((s) => s.sheet === block.sheet);
  if (ranges.length === 0) return false;
  let figures = 0;
  let inside = 0;
  for (let i = 0; i < block.rows.length; i++) {
    const row = sheetRow(block, i);
    for (let j = 0; j < block.columns.length; j++) {
      if (!block.figures[i]![j]) continue;
      figures++;
      const column = block.originColumn + block.columns[j]!;
      if (ranges.some((r) => row >= r.top && row <= r.bottom && column >= r.left && column <= r.right)) inside++;
    }
  }
  return inside * 2 >= figures;
}

/** The rectangle a block occupies, labels included: what it reads, so nothing in it is «ikke lest». */
export function blockRange(grid: SheetGrid, block: Block): SheetRange {
  let left = Infinity;
  let right = -Infinity;
  for (const r of [...block.headerRows, ...block.rows]) {
    const row = grid.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      if (isBlank(row[c])) continue;
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  }
  const top = block.headerRows.length ? block.headerRows[0]! : block.rows[0]!;
  return {
    sheet: block.sheet,
    top: block.originRow + top,
    bottom: block.originRow + block.rows[block.rows.length - 1]!,
    left: block.originColumn + (Number.isFinite(left) ? left : block.columns[0]!),
    right: block.originColumn + (Number.isFinite(right) ? right : block.columns[block.columns.length - 1]!),
  };
}

/**
 * True when no cell that could be a figure (a number, or text with a digit: figureOf's own first test) lies outside
 * the claimed ranges, so every block of the sheet would be claimed (isClaimed). A row inside one range from its
 * first cell to its last costs one comparison.
 */
function figuresAllClaimed(grid: SheetGrid, claimed: readonly SheetRange[], tick: Tick): boolean {
  const ranges = claimed.filter((s) => s.sheet === grid.sheet);
  if (ranges.length === 0) return false;
  const top = grid.originRow ?? 1;
  const left = grid.originColumn ?? 1;
  for (let r = 0; r < grid.cells.length; r++) {
    tick();
    const row = grid.cells[r]!;
    if (row.length === 0) continue;
    const sheetRow = top + r;
    const covering = ranges.filter((x) => sheetRow >= x.top && sheetRow <= x.bottom);
    if (covering.some((x) => x.left <= left && x.right >= left + row.length - 1)) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (!(typeof v === 'number' || (typeof v === 'string' && /\d/.test(v)))) continue;
      const column = left + c;
      if (!covering.some((x) => column >= x.left && column <= x.right)) return false;
    }
  }
  return true;
}

/**
 * Runs the relation finder on every numeric block of every sheet that the known kinds left. A sheet whose figures
 * all lie in claimed ranges is not searched, so its (known) blocks are not listed.
 */
export function checkWorkbookRelations(grids: readonly SheetGrid[], claimed: readonly SheetRange[] = [], tick: Tick = NEVER_STOP): WorkbookRelations {
  const blocks: { block: Block; status: BlockStatus; range: SheetRange; check?: BlockCheck }[] = [];
  const findings: Finding[] = [];
  for (const grid of grids) {
    // A sheet whose every figure lies in ranges a known kind read (a system register of a million rows) has only
    // known blocks: they are not built, which is most of kontroll's time on such a sheet.
    if (figuresAllClaimed(grid, claimed, tick)) continue;
    for (const block of findBlocks(grid, tick)) {
      const range = blockRange(grid, block);
      if (isClaimed(block, claimed)) {
        blocks.push({ block, status: 'known', range });
        continue;
      }
      const check = checkBlock(block, grid, tick);
      blocks.push({ block, status: check.related ? 'relations' : 'none', range, check });
      for (const f of check.findings) findings.push(f);
    }
  }
  return { blocks, findings };
}
