// Writing new population figures into DH_Kommuner: the one input table the add-in may change, and only on the
// user's word (`dh innbyggere --fil … -o …`, or the panel after confirmation). Rows are matched by kommunenummer;
// only Innbyggere and Referansedato change, every other cell stays as the user typed it.
import { ENDRINGER_HEADERS, type Change } from '../board/refresh.js';
import type { Member } from '../dataset/model.js';
import { formatDate } from '../money/format.js';
import { fail, ok, type Result } from '../result.js';
import { cellText, isBlank, type CellValue } from '../util/cells.js';
import { columnIndex, type OwnedTable, type TableData } from './table.js';

export const KOMMUNER_HEADERS = ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'] as const;

/** A population figure to write: from SSB, already checked. */
export interface PopulationFigure {
  readonly kommunenr: string;
  readonly name: string;
  readonly population: number;
  /** ISO date the count refers to. */
  readonly referenceDate: string;
}

/** One cell to set inside the existing table: row index among its data rows, column index among its headers. */
export interface CellUpdate {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

export interface KommunerUpdate {
  /** DH_Kommuner as it should be afterwards (for a host that rewrites the whole table). */
  readonly table: OwnedTable;
  /**
   * The cells to set in the existing table, when it has the columns for them (then the table keeps its place,
   * size and everything else in it); undefined when the table must be written whole (it is new, or has no
   * Referansedato column).
   */
  readonly inPlace?: readonly CellUpdate[];
  /** One change per figure that differs (and per new row), for DH_Endringer. */
  readonly changes: readonly Change[];
  /** DH_Endringer with the new lines on top; undefined when nothing changed. */
  readonly endringer?: OwnedTable;
}

/**
 * Plans the update of DH_Kommuner with `figures`. With a table in the workbook every figure must belong to one of
 * its rows (a new member is a decision, not an import); without one the table is made from `members` (the embedded
 * dataset's), each with its new figure. Referansedato is written as dd.mm.åååå text, which every reader and both
 * hosts take as the same date.
 */
export function planKommunerUpdate(
  existing: TableData | undefined,
  members: readonly Member[],
  figures: readonly PopulationFigure[],
  today: string,
  log?: TableData,
): Result<KommunerUpdate> {
  const byNr = new Map(figures.map((f) => [f.kommunenr, f]));
  const changes: Change[] = [];
  const dateText = (iso: string | undefined) => (iso ? formatDate(iso) : '');
  let table: OwnedTable;
  let inPlace: CellUpdate[] | undefined;
  if (existing) {
    const nrCol = columnIndex(existing.headers, 'Kommunenr', 'Kommunenummer', 'Knr', 'Nr');
    const nameCol = columnIndex(existing.headers, 'Kommune', 'Kommunenavn', 'Navn');
    const popCol = columnIndex(existing.headers, 'Innbyggere', 'Antall innbyggere', 'Folketall', 'Befolkning');
    if (nrCol < 0 || popCol < 0) return fail(`${existing.name} mangler kolonnen «${nrCol < 0 ? 'Kommunenr' : 'Innbyggere'}».`);
    let dateCol = columnIndex(existing.headers, 'Referansedato', 'Dato', 'Per');
    const headers = [...existing.headers];
    if (dateCol < 0) {
      headers.push('Referansedato');
      dateCol = headers.length - 1;
    } else inPlace = [];
    const seen = new Set<string>();
    const rows: CellValue[][] = existing.rows.map((row, r) => {
      const out: CellValue[] = headers.map((_, c) => row[c] ?? null);
      const nr = cellText(row[nrCol]).replace(/\s/g, '').padStart(4, '0');
      const figure = byNr.get(nr);
      if (!figure || isBlank(row[nrCol])) return out;
      seen.add(nr);
      const label = cellText(nameCol >= 0 ? row[nameCol] : null) || figure.name;
      const before = row[popCol];
      if (cellText(before).replace(/\s/g, '') !== String(figure.population)) {
        changes.push({ table: existing.name, key: nr, label, column: 'Innbyggere', before: cellText(before), after: String(figure.population) });
      }
      out[popCol] = figure.population;
      out[dateCol] = dateText(figure.referenceDate);
      inPlace?.push({ row: r, column: popCol, value: figure.population }, { row: r, column: dateCol, value: out[dateCol]! });
      return out;
    });
    const strangers = figures.filter((f) => !seen.has(f.kommunenr));
    if (strangers.length) {
      const names = strangers.map((f) => `${f.name} (${f.kommunenr})`).join(', ');
      return fail(`${existing.name} har ingen rad for ${names}. Legg kommunen inn i tabellen først, eller hent bare tabellens kommuner.`);
    }
    table = { name: existing.name, headers, rows };
  } else {
    const missing = members.filter((m) => !byNr.has(m.kommunenr));
    if (missing.length) return fail(`SSB-tallene mangler ${missing.map((m) => `${m.name} (${m.kommunenr})`).join(', ')}; DH_Kommuner lages ikke med halve tall.`);
    const rows = members.map((m) => {
      const f = byNr.get(m.kommunenr)!;
      if (f.population !== m.population) changes.push({ table: 'DH_Kommuner', key: m.kommunenr, label: m.name, column: 'Innbyggere', before: String(m.population), after: String(f.population) });
      return [m.kommunenr, m.name, f.population, dateText(f.referenceDate)];
    });
    table = { name: 'DH_Kommuner', headers: [...KOMMUNER_HEADERS], rows };
    changes.unshift({ table: 'DH_Kommuner', key: '', label: '', column: '', before: '(ingen tabell)', after: `ny tabell med ${rows.length} rader` });
  }
  if (changes.length === 0) return ok({ table, ...(inPlace ? { inPlace } : {}), changes });
  const newRows = changes.map((c) => [today, c.table, c.key, c.label, c.column, c.before, c.after]);
  const endringer: OwnedTable = { name: 'DH_Endringer', headers: [...ENDRINGER_HEADERS], rows: [...newRows, ...(log?.rows.map((r) => [...r]) ?? [])] };
  return ok({ table, ...(inPlace ? { inPlace } : {}), changes, endringer });
}
