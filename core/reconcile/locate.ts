import type { KommuneRegistry } from '../kommuner/registry.js';
import { cellText, isBlank, type CellValue } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';
import { looksLikeKommune } from './kommuner.js';
import { readCell } from './numbers.js';
import { NEVER_STOP, type Tick } from '../util/stop.js';

/** A sheet (or a block of it) as a host read it, with the sheet position of cells[0][0]. */
export interface SheetCells {
  readonly sheet: string;
  readonly cells: readonly (readonly CellValue[])[];
  /** 1-based sheet row of cells[0][0]. Default 1. */
  readonly originRow?: number;
  /** 1-based sheet column of cells[0][0]. Default 1. */
  readonly originColumn?: number;
}

export type TableKind = 'allocation' | 'rpa' | 'duo';

/** What a column holds, recognised from its header. */
export type Role =
  | 'kommune'
  | 'kommunenr'
  | 'population'
  | 'share'
  | 'fixed'
  | 'byPopulation'
  | 'total'
  | 'cost'
  | 'count'
  | 'saving'
  | 'netMonth'
  | 'netYear';

export interface LocatedTable {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  readonly cells: readonly (readonly CellValue[])[];
  /** Index (into cells) of the header row. */
  readonly headerRow: number;
  /** Header text per column index. */
  readonly headers: readonly string[];
  readonly columns: Partial<Record<Role, number>>;
  /** Column holding the kommune labels (and the Sum label). */
  readonly kommuneColumn: number;
  readonly dataRows: readonly number[];
  /** Rows between the header and the first data row that hold figures but no label (DUO's lone −417000). */
  readonly preRows: readonly number[];
  readonly sumRow?: number;
  readonly kontrollRow?: number;
  /** Header rows repeated inside the table (page breaks), skipped. */
  readonly repeatedHeaderRows: readonly number[];
  /** First row index after the table. */
  readonly endRow: number;
  /** Title lines above the header, the header itself and the sheet name: where a year is printed. */
  readonly context: string;
}

/** Classifies one header text. Order matters: the specific patterns come before the general ones. */
export function classifyHeader(text: string): Role | 'costOrTotal' | undefined {
  const h = normalizeKey(text);
  if (!h) return undefined;
  if (/^(kommune ?nr|kommunenummer|kommune nummer|knr|komnr|nr)$/.test(h) || /^kommunen(r|ummer)\b/.test(h)) return 'kommunenr';
  if (/^(kommune|kommunenavn|kommune navn|navn|deltaker|deltakerkommune|medlem|medlemskommune|kommuner)$/.test(h)) return 'kommune';
  const yearly = /\b(ar|arlig|aarlig|aret)\b/.test(h);
  if (yearly && /netto|besparelse|gevinst|innsparing/.test(h)) return 'netYear';
  if (/netto/.test(h)) return 'netMonth';
  if (/besparelse|gevinst|spart|innsparing/.test(h)) return 'saving';
  if (/innbygg|folketal|befolkning/.test(h)) {
    if (/andel/.test(h) && !/fordelt/.test(h)) return 'share';
    if (/fordelt etter|etter innbygg|etter folketal|pr innbygg|per innbygg|innbyggerandel|innbyggerdel|innbyggertilskudd/.test(h)) return 'byPopulation';
    return 'population';
  }
  if (/variabel/.test(h)) return 'byPopulation';
  if (/\b(fast|fastledd|fastbelop|grunnbelop|grunnbel|likt|lik|basis|grunnandel|grunnsats)\b/.test(h)) return 'fixed';
  if (/andel|prosent/.test(h)) return 'share';
  if (/antall|handtering|saker|volum|transaksjon|kjoring/.test(h)) return 'count';
  if (/kostnad|pris|lisens/.test(h) && /\b(mnd|md|maned|mnd)\b|rpa|duo/.test(h)) return 'cost';
  if (/kostnad/.test(h)) return 'costOrTotal';
  if (/total|^sum\b|bidrag|a betale|belop|kontingent|faktura/.test(h)) return 'total';
  return undefined;
}

interface HeaderGuess {
  kind: TableKind;
  columns: Partial<Record<Role, number>>;
}

/** Decides whether a row is the header of one of the board tables, and which. */
/** Every recognisable header row names a population or a saving; a cheap test before classifying cells. */
const HEADER_WORDS = /innbygg|folketal|befolkning|besparel|gevinst|netto|spart|innspar|andel|prosent|%/i;

export function recogniseHeader(row: readonly CellValue[]): HeaderGuess | undefined {
  if (!row.some((cell) => typeof cell === 'string' && HEADER_WORDS.test(cell))) return undefined;
  const roles: Partial<Record<Role | 'costOrTotal', number>> = {};
  let textCells = 0;
  row.forEach((cell, c) => {
    if (typeof cell !== 'string') return;
    if (/[a-zæøå]/i.test(cell)) textCells++;
    const role = classifyHeader(cell);
    if (role && roles[role] === undefined) roles[role] = c;
  });
  if (textCells < 2) return undefined;
  const { costOrTotal, ...rest } = roles;
  const columns: Partial<Record<Role, number>> = rest;
  const has = (r: Role) => columns[r] !== undefined;
  if (has('count') && has('saving') && (has('cost') || costOrTotal !== undefined) && (has('netMonth') || has('netYear'))) {
    if (!has('cost')) columns.cost = costOrTotal!;
    return { kind: 'rpa', columns };
  }
  if (has('saving') && has('netMonth') && (has('cost') || costOrTotal !== undefined)) {
    if (!has('cost')) columns.cost = costOrTotal!;
    return { kind: 'duo', columns };
  }
  if (!has('saving') && !has('netMonth')) {
    if (!has('total') && costOrTotal !== undefined) columns.total = costOrTotal;
    if (!has('total') && has('cost')) {
      columns.total = columns.cost!;
      delete columns.cost;
    }
    // Population with any part of the split (amounts or frozen percentages), or percentages beside amounts.
    if ((has('population') && (has('total') || has('byPopulation') || has('fixed') || has('share'))) || (has('share') && has('total'))) {
      delete columns.count;
      return { kind: 'allocation', columns };
    }
  }
  return undefined;
}

const SUM_LABEL = /^(sum|summer|totalt?|i alt|sum totalt|totalsum|samlet|sum alle|sum kommuner)$/;
const KONTROLL_LABEL = /^(kontroll|kontrollsum|differanse|avvik)$/;

export function isSumLabel(text: string): boolean {
  return SUM_LABEL.test(normalizeKey(text));
}

export function isKontrollLabel(text: string): boolean {
  return KONTROLL_LABEL.test(normalizeKey(text));
}

/** True when the label could be a kommune (resolves, or has a close suggestion) or is a kommunenummer. */
function kommuneLike(text: string, registry: KommuneRegistry): boolean {
  if (!text) return false;
  if (/^\d{3,4}$/.test(text)) return true;
  if (looksLikeKommune(text, registry)) return true;
  const r = registry.resolve(text);
  if (r.ok) return true;
  return /tvetydig|mente du/.test(r.error.message);
}

function rowIsBlank(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((c) => isBlank(c));
}

/**
 * Finds every allocation/RPA/DUO table on a sheet by its headers (at any row, with title rows above),
 * and the extent of each: data rows, a repeated header inside it (page break), the Sum/Kontroll rows.
 */
export function locateTables(sheet: SheetCells, registry: KommuneRegistry, tick: Tick = NEVER_STOP): LocatedTable[] {
  const cells = sheet.cells;
  const tables: LocatedTable[] = [];
  let r = 0;
  while (r < cells.length) {
    tick();
    const guess = recogniseHeader(cells[r] ?? []);
    if (!guess) {
      r++;
      continue;
    }
    const table = readBody(sheet, r, guess, registry);
    if (!table) {
      r++;
      continue;
    }
    tables.push(table);
    r = Math.max(table.endRow, r + 1);
  }
  return tables;
}

function readBody(sheet: SheetCells, headerRow: number, guess: HeaderGuess, registry: KommuneRegistry): LocatedTable | undefined {
  const cells = sheet.cells;
  const header = cells[headerRow] ?? [];
  const width = Math.max(...cells.slice(headerRow, headerRow + 200).map((row) => row.length), header.length);
  const headers = Array.from({ length: width }, (_, c) => cellText(header[c]));
  const columns = { ...guess.columns };
  const numericColumns = Object.entries(columns)
    .filter(([role]) => role !== 'kommune' && role !== 'kommunenr')
    .map(([, c]) => c as number);

  let kommuneColumn = columns.kommune ?? -1;
  if (kommuneColumn < 0) {
    // The board's RPA/DUO tables leave the kommune header blank: pick the column whose cells are kommuner.
    const taken = new Set(Object.values(columns));
    let best = { column: -1, hits: 0 };
    for (let c = 0; c < width; c++) {
      if (taken.has(c)) continue;
      let hits = 0;
      for (let k = headerRow + 1; k < Math.min(cells.length, headerRow + 60); k++) {
        const v = cells[k]?.[c];
        if (typeof v === 'string' && kommuneLike(v.trim(), registry)) hits++;
      }
      if (hits > best.hits) best = { column: c, hits };
    }
    if (best.hits >= 1) kommuneColumn = best.column;
    else if (columns.kommunenr !== undefined) kommuneColumn = columns.kommunenr;
    else return undefined;
    columns.kommune = kommuneColumn;
  }

  const headerKeys = headers.map((h) => normalizeKey(h));
  const nonEmptyHeaders = headerKeys.filter(Boolean).length;
  const isRepeatedHeader = (row: readonly CellValue[]) => {
    let same = 0;
    row.forEach((cell, c) => {
      if (typeof cell === 'string' && headerKeys[c] && normalizeKey(cell) === headerKeys[c]) same++;
    });
    return same >= Math.min(2, nonEmptyHeaders);
  };
  const hasNumbers = (row: readonly CellValue[]) => numericColumns.some((c) => readCell(row[c]).kind === 'number');
  const hasAnyValue = (row: readonly CellValue[]) => numericColumns.some((c) => !isBlank(row[c]));

  const labelColumns = [...new Set([columns.kommunenr, 0].filter((c): c is number => c !== undefined && c !== kommuneColumn && !numericColumns.includes(c)))];
  const dataRows: number[] = [];
  const preRows: number[] = [];
  const repeatedHeaderRows: number[] = [];
  let sumRow: number | undefined;
  let kontrollRow: number | undefined;
  let blankRun = 0;
  let end = headerRow + 1;
  let r = headerRow + 1;
  for (; r < cells.length; r++) {
    const row = cells[r] ?? [];
    if (rowIsBlank(row)) {
      blankRun++;
      if (blankRun >= 2 && (dataRows.length > 0 || blankRun >= 4)) break;
      continue;
    }
    blankRun = 0;
    if (isRepeatedHeader(row)) {
      if (sumRow !== undefined) break;
      repeatedHeaderRows.push(r);
      end = r + 1;
      continue;
    }
    if (recogniseHeader(row)) break; // the next table starts
    const label = cellText(row[kommuneColumn]);
    // The Sum/Kontroll label may sit in the Kommunenr column or the first column instead.
    const labels = [label, ...labelColumns.map((c) => cellText(row[c]))].filter(Boolean);
    if (labels.some(isSumLabel)) {
      if (sumRow !== undefined) break;
      sumRow = r;
      end = r + 1;
      continue;
    }
    if (labels.some(isKontrollLabel)) {
      kontrollRow = r;
      end = r + 1;
      continue;
    }
    if (sumRow !== undefined) break; // a table ends after its sum (and kontroll) rows
    if (!label) {
      if (hasNumbers(row) || hasAnyValue(row)) {
        if (dataRows.length === 0) preRows.push(r);
        else dataRows.push(r);
        end = r + 1;
        continue;
      }
      if (dataRows.length === 0) continue;
      break;
    }
    const looksLikeKommune = kommuneLike(label, registry);
    if (looksLikeKommune || hasAnyValue(row)) {
      dataRows.push(r);
      end = r + 1;
      continue;
    }
    if (dataRows.length === 0 && r - headerRow <= 2) continue; // a note under the header
    break;
  }
  if (sumRow === undefined && dataRows.length >= 3) {
    const last = dataRows[dataRows.length - 1]!;
    const lastRow = cells[last] ?? [];
    const labelled = (row: readonly CellValue[]) => [kommuneColumn, ...labelColumns].some((c) => cellText(row[c]) !== '');
    if (!labelled(lastRow) && dataRows.slice(0, -1).every((k) => labelled(cells[k] ?? [])) && isUnlabelledSum(cells, dataRows.slice(0, -1), last, numericColumns)) {
      dataRows.pop();
      sumRow = last;
    }
  }
  if (dataRows.length === 0) return undefined;

  const context: string[] = [sheet.sheet];
  for (let k = Math.max(0, headerRow - 6); k < headerRow; k++) {
    for (const cell of cells[k] ?? []) if (typeof cell === 'string' && cell.trim()) context.push(cell.trim());
  }
  context.push(...headers.filter(Boolean));
  return {
    kind: guess.kind,
    sheet: sheet.sheet,
    originRow: sheet.originRow ?? 1,
    originColumn: sheet.originColumn ?? 1,
    cells,
    headerRow,
    headers,
    columns,
    kommuneColumn,
    dataRows,
    preRows,
    ...(sumRow !== undefined ? { sumRow } : {}),
    ...(kontrollRow !== undefined ? { kontrollRow } : {}),
    repeatedHeaderRows,
    endRow: end,
    context: context.join(' \n '),
  };
}

/**
 * A last row without a label under labelled rows is the Sum row when each of its figures is near its column's sum
 * (within a tenth): a correct sum, or a mistyped one that is then reported as a wrong sum, not as a kommune-less row.
 */
function isUnlabelledSum(cells: readonly (readonly CellValue[])[], rows: readonly number[], candidate: number, columns: readonly number[]): boolean {
  let figures = 0;
  for (const c of columns) {
    const printed = readCell(cells[candidate]?.[c]);
    if (printed.kind !== 'number') continue;
    figures++;
    let total = printed.number.value.times(0);
    for (const r of rows) {
      const v = readCell(cells[r]?.[c]);
      if (v.kind === 'number') total = total.plus(v.number.value);
    }
    if (total.isZero() || printed.number.value.minus(total).abs().greaterThan(total.abs().times('0.1'))) return false;
  }
  return figures > 0;
}
