// «Nothing unread is silent» (SPEC §7, rule kontroll.ikke-lest): a sheet that holds figures beside kommune-like
// labels, where no known kind of table was recognised, and a workbook where nothing at all was read, are reported
// as a warning — so `[]` from `dh kontroll --json` always means "read, and nothing wrong".
import { a1, columnLetter, type Finding } from '../findings/finding.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import { findRegisterHeader } from '../register/fields.js';
import { cellText, isBlank } from '../util/cells.js';
import { looksLikeKommune } from './kommuner.js';
import type { SheetCells } from './locate.js';
import { readCell } from './numbers.js';
import { NEVER_STOP, type Tick } from '../util/stop.js';

/** A rectangle of a sheet, 1-based sheet coordinates, inclusive. */
export interface SheetRange {
  readonly sheet: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export const UNREAD_RULE = 'kontroll.ikke-lest';

/** What kontroll looks for, in the words the messages use. */
export const LOOKED_FOR =
  'fordelingstabeller (Kommune | Innbyggere | Fast andel/Fordelt etter innbyggertall/Andel | Totalt), RPA- og DUO-tabeller (Kommune | Kostnad | Besparelse | Netto), ' +
  'budsjett med «Refusjon fra kommuner» og systemregistre (System | Leverandør | …)';

/** Kommune-like labels and figures a sheet needs outside every claimed range before its silence is reported. */
const MIN_KOMMUNE_LABELS = 2;
const MIN_FIGURES = 2;
/** A sheet of a million text cells is not screened cell by cell: this many labels are enough to decide. */
const MAX_LABELS_TRIED = 2000;

function inside(range: SheetRange, sheet: string, row: number, column: number): boolean {
  return range.sheet === sheet && row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

interface SheetSurvey {
  /** First used cell of the sheet (sheet coordinates). */
  readonly first?: { row: number; column: number };
  /** Unclaimed block holding kommune labels and figures, when there is one. */
  readonly unread?: { top: number; left: number; bottom: number; right: number; labels: number; figures: number };
}

function survey(sheet: SheetCells, claimed: readonly SheetRange[], registry: KommuneRegistry, tick: Tick): SheetSurvey {
  const originRow = sheet.originRow ?? 1;
  const originColumn = sheet.originColumn ?? 1;
  const own = claimed.filter((c) => c.sheet === sheet.sheet);
  let first: { row: number; column: number } | undefined;
  let labels = 0;
  let figures = 0;
  let tried = 0;
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const extend = (row: number, column: number) => {
    top = Math.min(top, row);
    bottom = Math.max(bottom, row);
    left = Math.min(left, column);
    right = Math.max(right, column);
  };
  sheet.cells.forEach((cells, r) => {
    tick();
    cells.forEach((value, c) => {
      if (isBlank(value)) return;
      const row = originRow + r;
      const column = originColumn + c;
      first ??= { row, column };
      if (own.some((range) => inside(range, sheet.sheet, row, column))) return;
      if (typeof value === 'number' || (typeof value === 'string' && /\d/.test(value) && readCell(value).kind === 'number')) {
        if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 10000 && registry.byNumber(String(value).padStart(4, '0'))) {
          // A stored kommunenummer is a label, not a figure.
        } else {
          figures++;
          extend(row, column);
          return;
        }
      }
      const text = cellText(value);
      if (!text || text.length > 60 || tried >= MAX_LABELS_TRIED) return;
      tried++;
      if (looksLikeKommune(text, registry)) {
        labels++;
        extend(row, column);
      }
    });
  });
  const unread = labels >= MIN_KOMMUNE_LABELS && figures >= MIN_FIGURES ? { top, left, bottom, right, labels, figures } : undefined;
  return { ...(first ? { first } : {}), ...(unread ? { unread } : {}) };
}

function finding(sheet: string, at: { row: number; column: number }, message: string): Finding {
  return { rule: UNREAD_RULE, severity: 'warning', sheet, cell: a1(at.row, at.column), row: at.row, column: columnLetter(at.column), message };
}

/**
 * The kontroll.ikke-lest findings for a workbook: one per sheet whose kommune labels and figures lie outside every
 * range in `claimed` (the tables a known kind read, registers, the add-in's own DH_ tables, blocks recognised as
 * something else), and — when nothing was read (`anythingRead` false) and no sheet was reported — one for the
 * workbook, on its first used cell.
 */
export function unreadFindings(sheets: readonly SheetCells[], claimed: readonly SheetRange[], registry: KommuneRegistry, anythingRead = claimed.length > 0, tick: Tick = NEVER_STOP): Finding[] {
  const findings: Finding[] = [];
  let firstUsed: { sheet: string; at: { row: number; column: number } } | undefined;
  for (const sheet of sheets) {
    const s = survey(sheet, claimed, registry, tick);
    if (s.first && !firstUsed) firstUsed = { sheet: sheet.sheet, at: s.first };
    if (!s.unread || !s.first) continue;
    const u = s.unread;
    const block = `${a1(u.top, u.left)}:${a1(u.bottom, u.right)}`;
    findings.push(
      finding(
        sheet.sheet,
        s.first,
        `Arket har tall og kommunenavn (${block}), men ingen tabell som kontrollen kjenner ble funnet der, så tallene er ikke kontrollert. ` +
          `Kontrollen ser etter ${LOOKED_FOR}. Gi tabellen slike overskrifter, eller kontroller den for hånd.`,
      ),
    );
  }
  if (findings.length === 0 && !anythingRead) {
    const at = firstUsed ?? { sheet: sheets[0]?.sheet ?? '', at: { row: 1, column: 1 } };
    const where = sheets.length === 1 ? `på arket «${at.sheet}»` : 'i arbeidsboken';
    findings.push(
      finding(
        at.sheet,
        at.at,
        firstUsed
          ? `Fant ingen tabeller å kontrollere ${where}. Kontrollen ser etter ${LOOKED_FOR}; ingenting ${where} er kontrollert.`
          : `${sheets.length === 1 ? `Arket «${at.sheet}»` : 'Arbeidsboken'} er ${sheets.length === 1 ? 'tomt' : 'tom'}: det er ingenting å kontrollere.`,
      ),
    );
  }
  return findings;
}

/** The range a located block covers, for claims. */
export function rangeOf(sheet: string, originRow: number, originColumn: number, fromRow: number, toRow: number, width: number): SheetRange {
  return { sheet, top: originRow + fromRow, left: originColumn, bottom: originRow + toRow, right: originColumn + Math.max(width, 1) - 1 };
}

/** A system register on the sheet is checked as a whole, from its header down: the range it claims. */
export function registerRange(sheet: SheetCells): SheetRange | undefined {
  const header = findRegisterHeader(sheet.cells);
  if (!header) return undefined;
  const originRow = sheet.originRow ?? 1;
  const originColumn = sheet.originColumn ?? 1;
  // A loop, not Math.max(...rows): a spread of a million rows overflows the call stack.
  let width = 1;
  for (const r of sheet.cells) if (r.length > width) width = r.length;
  return {
    sheet: sheet.sheet,
    top: originRow + header.row,
    left: originColumn,
    bottom: originRow + Math.max(header.row, sheet.cells.length - 1),
    right: originColumn + width - 1,
  };
}
