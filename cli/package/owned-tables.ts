// dh oppdater's writer: puts the owned tables into the .xlsx package where they stand, and changes nothing else.
//
// What it may change: the owned tables' cells in their sheet's XML, their table parts, the workbook's sheet list
// (a new sheet for a table that has none) and a defined name the Sheets add-on wrote for the table,
// [Content_Types].xml and the relationships that point at new parts. Every other entry of the zip is passed
// through unread, so charts, pivots and their caches, drawings, images, comments, macros, external links,
// custom XML, sensitivity labels and the user's own tables and names keep their bytes. On a sheet it edits, only
// the cells inside the table's old and new extent change; the rest of the sheet XML keeps its text.
//
// DH.* cells are written as their values, not as formulas: Excel saves JavaScript custom functions in the file
// with an internal "_xldudf_" prefix and does not recalculate such cells on open unless the add-in is loaded and
// the cell is re-entered (OfficeDev/Excel-Custom-Functions#108, OfficeDev/office-js#5611, "by design"); a value
// is what every reader of the file (Excel without the add-in, LibreOffice, exceljs) shows correctly.
import { Dec } from '../../core/money/kroner.js';
import { isFormulaCell, printedRows, totalsRowName, type OwnedCell, type OwnedTable } from '../../core/workbook/table.js';
import { cellText, isCellError } from '../../core/util/cells.js';
import { numberFormat, uniqueHeaders } from '../workbook.js';
import { attr, CONTENT_TYPE, decodeXml, escapeXml, NS, prefixFor, REL_TYPE, setAttr, XlsxPackage } from './opc.js';
import { boxRef, columnLetters, firstOccupied, hasFormulaIn, parseRef, replaceCells, sheetDataSpan, stylesIn, widenDimension, type Box, type NewCell } from './sheet-data.js';

/** Something the package cannot honestly take: the message is one Norwegian sentence, nothing is written. */
export class PackageRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageRefusal';
  }
}

interface SheetEntry {
  readonly name: string;
  readonly part: string;
  /** The <sheet> element as written in workbook.xml. */
  readonly tag: string;
}

interface TableEntry {
  readonly name: string;
  readonly part: string;
  readonly sheet: SheetEntry;
  readonly relId: string;
  readonly box: Box;
  readonly id: number;
}

interface DefinedName {
  readonly name: string;
  readonly local: boolean;
  /** The whole element as written. */
  readonly text: string;
  readonly formula: string;
}

interface Book {
  readonly pkg: XlsxPackage;
  readonly workbookPart: string;
  workbookXml: string;
  readonly sheets: SheetEntry[];
  readonly tables: TableEntry[];
  readonly names: DefinedName[];
  /** Formula cells were overwritten: calcChain.xml, Excel's list of formula cells, no longer holds. */
  formulasReplaced: boolean;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function readBook(pkg: XlsxPackage): Promise<Book> {
  const workbookRel = (await pkg.relationships('')).find((r) => r.kind === 'officedocument' && !r.external);
  const workbookPart = workbookRel?.target;
  const workbookXml = workbookPart ? await pkg.text(workbookPart) : undefined;
  if (!workbookPart || !workbookXml) throw new PackageRefusal('Filen mangler arbeidsboken (xl/workbook.xml) og kan ikke oppdateres. Ingenting er skrevet.');
  if (workbookXml.includes(NS.strictMain)) {
    throw new PackageRefusal(
      'Filen er lagret som «Strict Open XML», som dh ikke skriver. Åpne den i Excel og lagre den som vanlig «Excel-arbeidsbok (.xlsx)», og prøv igjen. Ingenting er skrevet.',
    );
  }
  const rels = await pkg.relationships(workbookPart);
  const sheets: SheetEntry[] = [];
  const sheetsBlock = /<((?:\w+:)?)sheets\b[^>]*>([\s\S]*?)<\/\1sheets>/.exec(workbookXml)?.[2] ?? '';
  for (const m of sheetsBlock.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const rel = rels.find((r) => r.id === attr(m[0], 'id'));
    if (rel && rel.kind === 'worksheet' && pkg.has(rel.target)) sheets.push({ name: attr(m[0], 'name') ?? '', part: pkg.stored(rel.target)!, tag: m[0] });
  }
  const tables: TableEntry[] = [];
  for (const sheet of sheets) {
    for (const rel of await pkg.relationships(sheet.part)) {
      if (rel.kind !== 'table' || rel.external) continue;
      const xml = await pkg.text(rel.target);
      const root = xml ? /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0] : undefined;
      const box = root ? parseRef(attr(root, 'ref') ?? '') : undefined;
      if (!root || !box) continue;
      tables.push({ name: attr(root, 'displayName') ?? attr(root, 'name') ?? '', part: pkg.stored(rel.target)!, sheet, relId: rel.id, box, id: Number(attr(root, 'id')) || 0 });
    }
  }
  const names: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<((?:\w+:)?)definedName\b([^>]*)>([\s\S]*?)<\/\1definedName>/g)) {
    names.push({ name: attr(`<x${m[2]}>`, 'name') ?? '', local: attr(`<x${m[2]}>`, 'localSheetId') !== undefined, text: m[0], formula: decodeXml(m[3]!) });
  }
  return { pkg, workbookPart, workbookXml, sheets, tables, names, formulasReplaced: false };
}

/** "'DH_Fordeling_2026'!$A$1:$G$21" → sheet and box. */
function parseNameRef(formula: string): { sheet: string; box: Box } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!'"()]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(formula.trim());
  const box = m ? parseRef(m[3]!) : undefined;
  return m && box ? { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]!, box } : undefined;
}

/** What a cell shows, as the file stores it: DH formulas as their value, dates as ISO text. */
function fileValue(cell: OwnedCell): string | number | boolean | null {
  if (isFormulaCell(cell)) return fileValue(cell.value as OwnedCell);
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : String(cell);
  if (typeof cell === 'boolean') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (isCellError(cell)) return cell.cellError;
  return cellText(cell as never);
}

/** Style indexes in styles.xml's cellXfs for the number formats dh uses, when the workbook already has one. */
async function numberStyles(book: Book): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const rel = (await book.pkg.relationships(book.workbookPart)).find((r) => r.kind === 'styles');
  const xml = rel ? await book.pkg.text(rel.target) : undefined;
  if (!xml) return found;
  const codes = new Map<string, string>([['3', '#,##0'], ['4', '#,##0.00'], ['2', '0.00']]);
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) codes.set(attr(m[0], 'numFmtId') ?? '', attr(m[0], 'formatCode') ?? '');
  const xfs = /<((?:\w+:)?)cellXfs\b[^>]*>([\s\S]*?)<\/\1cellXfs>/.exec(xml)?.[2] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?xf>)/g)) {
    const tag = /^<[^>]*>/.exec(m[0])![0];
    const plain = ['fontId', 'fillId', 'borderId'].every((a) => (attr(tag, a) ?? '0') === '0');
    const code = codes.get(attr(tag, 'numFmtId') ?? '0');
    if (plain && code && !found.has(code)) found.set(code, String(index));
    index++;
  }
  return found;
}

/**
 * What each column's totals-row cell is in the file. A number that is the sum of the column's members becomes
 * Excel's own totals cell, totalsRowFunction="sum" with =SUBTOTAL(109,Table[Column]) and the Sum as its cached
 * result: Excel writes a summed totals row this way, and recalculates it on load (fullCalcOnLoad) to the same
 * figure, since core's Sum is the members' sum to the øre. Text is the row's label (totalsRowLabel). Anything else
 * stays a plain value.
 */
type TotalsColumn = { readonly kind: 'label'; readonly text: string } | { readonly kind: 'sum'; readonly value: number } | { readonly kind: 'value'; readonly value: string | number | boolean | null };

function totalsColumns(table: OwnedTable): TotalsColumn[] | undefined {
  const totals = table.totals;
  if (!totals) return undefined;
  return table.headers.map((_, c): TotalsColumn => {
    const v = fileValue(totals[c] ?? null);
    if (typeof v === 'string' && v !== '') return { kind: 'label', text: v };
    if (typeof v === 'number' && isColumnSum(table, c, v)) return { kind: 'sum', value: v };
    return { kind: 'value', value: v };
  });
}

function isColumnSum(table: OwnedTable, column: number, total: number): boolean {
  let sum = new Dec(0);
  let numbers = 0;
  for (const row of table.rows) {
    const v = fileValue(row[column] ?? null);
    if (typeof v === 'number') {
      sum = sum.plus(v);
      numbers++;
    } else if (v !== null && v !== '') return false;
  }
  return numbers > 0 && sum.minus(total).abs().lessThanOrEqualTo('0.005');
}

/** A column name inside a structured reference: ' [ ] # are escaped with ' (MS-OE376 3.2.3.1.1). */
const structuredColumn = (header: string) => header.replace(/['[\]#]/g, "'$&");

/**
 * The cells of header + rows (+ the totals row), with styles: kept from the previous version where it had them.
 * `tableName` is set for an Excel table (its totals row gets SUBTOTAL formulas); a named range gets values.
 */
function newCells(table: OwnedTable, headers: readonly string[], box: Box, old: Map<string, string>, oldBox: Box | undefined, formats: Map<string, string>, tableName?: string): NewCell[][] {
  const width = headers.length;
  const printed = printedRows(table);
  const columnFormat = headers.map((h, c) => {
    const code = numberFormat(h, printed.map((r) => r[c] ?? null));
    return code ? formats.get(code) : undefined;
  });
  const styleAt = (r: number, c: number, header: boolean): string | undefined => {
    const row = box.row + r;
    const column = box.column + c;
    const kept = old.get(`${row},${column}`);
    if (kept !== undefined) return kept;
    if (oldBox && !header) {
      // A new row takes the style of the last data row the column had.
      for (let up = Math.min(row, oldBox.row + oldBox.rows - 1); up > oldBox.row; up--) {
        const above = old.get(`${up},${column}`);
        if (above !== undefined) return above;
      }
    }
    return oldBox ? undefined : header ? undefined : columnFormat[c];
  };
  const grid: NewCell[][] = [headers.map((h, c) => ({ value: h, style: styleAt(0, c, true) }))];
  table.rows.forEach((row, r) => grid.push(Array.from({ length: width }, (_, c) => ({ value: fileValue(row[c] ?? null), style: styleAt(r + 1, c, false) }))));
  const totals = totalsColumns(table);
  if (totals) {
    const r = table.rows.length + 1;
    grid.push(
      totals.map((t, c) => {
        const style = styleAt(r, c, false);
        if (t.kind === 'label') return { value: t.text, style };
        if (t.kind === 'sum' && tableName) return { value: t.value, style, formula: `SUBTOTAL(109,${tableName}[${structuredColumn(headers[c]!)}])` };
        return { value: t.kind === 'sum' ? t.value : t.value, style };
      }),
    );
  }
  return grid;
}

/** The tableColumn attributes for its totals-row cell. */
function totalsAttributes(t: TotalsColumn | undefined): string {
  if (!t) return '';
  if (t.kind === 'label') return ` totalsRowLabel="${escapeXml(t.text)}"`;
  if (t.kind === 'sum') return ' totalsRowFunction="sum"';
  return '';
}

/** Header + data rows of a table's box (its autoFilter): everything but the totals row. */
const dataBox = (box: Box, totals: boolean): Box => ({ ...box, rows: box.rows - (totals ? 1 : 0) });

function tableXml(id: number, name: string, box: Box, headers: readonly string[], totals?: readonly TotalsColumn[]): string {
  const ref = boxRef(box);
  const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"${totalsAttributes(totals?.[i])}/>`).join('');
  // totalsRowCount="1": the box's last row is the totals row (ECMA-376 Part 1 §18.5.1.2); the autoFilter covers
  // header and data only.
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<table xmlns="${NS.main}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" ${totals ? 'totalsRowCount="1"' : 'totalsRowShown="0"'}>` +
    `<autoFilter ref="${boxRef(dataBox(box, !!totals))}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** The existing table part with a new extent and columns; its other settings (style, ids of kept columns) stay. */
function resizedTableXml(xml: string, box: Box, headers: readonly string[], totals?: readonly TotalsColumn[]): string {
  const ref = boxRef(box);
  let out = xml.replace(/<(?:\w+:)?table\b[^>]*>/, (tag) => {
    let t = setAttr(tag, 'ref', ref);
    t = t.replace(/\s(totalsRowCount|totalsRowShown)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
    return totals ? setAttr(t, 'totalsRowCount', '1') : setAttr(t, 'totalsRowShown', '0');
  });
  out = out.replace(/<((?:\w+:)?)autoFilter\b[^>]*?(\/?)>/, (tag) => setAttr(tag, 'ref', boxRef(dataBox(box, !!totals))));
  const block = /<((?:\w+:)?)tableColumns\b[^>]*>([\s\S]*?)<\/\1tableColumns>/.exec(out);
  if (!block) return out;
  const p = block[1]!;
  const existing = [...block[2]!.matchAll(/<(?:\w+:)?tableColumn\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?tableColumn>)/g)].map((m) => ({ text: m[0], name: attr(m[0], 'name') ?? '', id: Number(attr(m[0], 'id')) || 0 }));
  let nextId = Math.max(0, ...existing.map((e) => e.id)) + 1;
  const columns = headers.map((h, c) => {
    const kept = existing.find((e) => e.name === h);
    // A column formula or totals function describes the old content; the new cells are values (and the totals
    // row's own SUBTOTAL / label, set again from `totals`).
    if (kept) {
      const bare = kept.text
        .replace(/<(?:\w+:)?calculatedColumnFormula\b[\s\S]*?<\/(?:\w+:)?calculatedColumnFormula>/, '')
        .replace(/<(?:\w+:)?totalsRowFormula\b[\s\S]*?<\/(?:\w+:)?totalsRowFormula>/, '')
        .replace(/\s(totalsRowFunction|totalsRowLabel)\s*=\s*(?:"[^"]*"|'[^']*')/g, '');
      return bare.replace(/^<(?:\w+:)?tableColumn\b[^>]*?(?=\/?>)/, (open) => `${open}${totalsAttributes(totals?.[c])}`);
    }
    return `<${p}tableColumn id="${nextId++}" name="${escapeXml(h)}"${totalsAttributes(totals?.[c])}/>`;
  });
  return out.replace(block[0], `<${p}tableColumns count="${headers.length}">${columns.join('')}</${p}tableColumns>`);
}

/** Adds a <tablePart> to a worksheet (creating <tableParts> where the schema puts it). */
function addTablePart(xml: string, relId: string): string {
  const p = prefixFor(xml, NS.main) ?? '';
  let r = prefixFor(xml, NS.rel);
  let declare = '';
  if (r === undefined) {
    r = 'r:';
    declare = ` xmlns:r="${NS.rel}"`;
  }
  const part = `<${p}tablePart${declare} ${r}id="${relId}"/>`;
  const existing = /<((?:\w+:)?)tableParts\b([^>]*?)(\/?)>/.exec(xml);
  if (existing) {
    const count = (xml.match(/<(?:\w+:)?tablePart\b/g) ?? []).length + 1;
    if (existing[3] === '/') return xml.replace(existing[0], `<${existing[1]}tableParts count="${count}">${part}</${existing[1]}tableParts>`);
    return xml.replace(existing[0], setAttr(existing[0], 'count', String(count))).replace(new RegExp(`</${existing[1]}tableParts>`), `${part}$&`);
  }
  const block = `<${p}tableParts count="1">${part}</${p}tableParts>`;
  const ext = new RegExp(`<${p}extLst\\b`).exec(xml);
  if (ext) return xml.slice(0, ext.index) + block + xml.slice(ext.index);
  return xml.replace(new RegExp(`</${p}worksheet>`), `${block}$&`);
}

function removeTablePart(xml: string, relId: string): string {
  let out = xml.replace(new RegExp(`<(?:\\w+:)?tablePart\\b[^>]*\\bid\\s*=\\s*["']${relId}["'][^>]*/>`), '');
  const count = (out.match(/<(?:\w+:)?tablePart\b/g) ?? []).length;
  out = out.replace(/<((?:\w+:)?)tableParts\b[^>]*>([\s\S]*?)<\/\1tableParts>/, (whole, p: string, inner: string) =>
    count === 0 ? '' : `<${p}tableParts count="${count}">${inner}</${p}tableParts>`,
  );
  return out;
}

/** Rows × columns a sheet really uses (its cells with content), as a box from A1; undefined when empty. */
function usedBox(xml: string): Box | undefined {
  const span = sheetDataSpan(xml);
  if (!span) return undefined;
  let rows = 0;
  let columns = 0;
  let previousRow = 0;
  for (const m of xml.slice(span.innerStart, span.innerEnd).matchAll(/<((?:\w+:)?)row\b[^>]*?(?:\/>|>[\s\S]*?<\/\1row>)/g)) {
    const r = Number(attr(/^<[^>]*>/.exec(m[0])![0], 'r')) || previousRow + 1;
    previousRow = r;
    let previousColumn = 0;
    for (const c of m[0].matchAll(/<((?:\w+:)?)c\b[^>]*?(?:\/>|>[\s\S]*?<\/\1c>)/g)) {
      const ref = attr(/^<[^>]*>/.exec(c[0])![0], 'r');
      const column = ref ? (parseRef(ref)?.column ?? previousColumn + 1) : previousColumn + 1;
      previousColumn = column;
      if (!/<(?:\w+:)?(?:v|f|is)\b/.test(c[0])) continue;
      rows = Math.max(rows, r);
      columns = Math.max(columns, column);
    }
  }
  return rows ? { row: 1, column: 1, rows, columns } : undefined;
}

function newSheetXml(box: Box, cells: readonly (readonly NewCell[])[]): string {
  const empty = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}"><dimension ref="${boxRef(box)}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  return replaceCells(empty, box, cells, undefined);
}

function nameTaken(book: Book, name: string): boolean {
  return book.tables.some((t) => same(t.name, name)) || book.names.some((n) => same(n.name, name));
}

function occupiedMessage(table: string, sheet: string, cell: string, rows: number, columns: number): string {
  return `${table} trenger ${rows} rader og ${columns} kolonner på arket «${sheet}», men celle ${cell} ved siden av tabellen er ikke tom. Flytt det som står der, og prøv igjen. Ingenting er skrevet.`;
}

async function writeTable(book: Book, table: OwnedTable, formats: Map<string, string>): Promise<void> {
  const { pkg } = book;
  const headers = uniqueHeaders(table.headers.map((h) => cellText(h as never)));
  // Header + data rows, then the totals row (if any) directly under them, inside the table's ref.
  const bodyRows = table.rows.length + 1;
  const total = printedRows(table).length + 1;
  const width = headers.length;
  const totals = totalsColumns(table);
  const existing = book.tables.find((t) => same(t.name, table.name));
  const named = existing ? undefined : book.names.find((n) => !n.local && same(n.name, table.name));
  const ownSheet = book.sheets.find((s) => same(s.name, table.name));

  if (existing) {
    const xml = (await pkg.text(existing.sheet.part))!;
    const box = { row: existing.box.row, column: existing.box.column, rows: total, columns: width };
    const taken = firstOccupied(xml, box, existing.box);
    if (taken) throw new PackageRefusal(occupiedMessage(table.name, existing.sheet.name, taken, total, width));
    const cells = newCells(table, headers, box, stylesIn(xml, existing.box), existing.box, formats, table.name);
    book.formulasReplaced ||= hasFormulaIn(xml, existing.box);
    pkg.setText(existing.sheet.part, widenDimension(replaceCells(xml, box, cells, existing.box), box));
    pkg.setText(existing.part, resizedTableXml((await pkg.text(existing.part))!, box, headers, totals));
    return;
  }

  if (named) {
    const target = parseNameRef(named.formula);
    const sheet = target ? book.sheets.find((s) => same(s.name, target.sheet)) : undefined;
    if (!target || !sheet || !same(sheet.name, table.name)) {
      throw new PackageRefusal(
        `Arbeidsboken har allerede navnet «${named.name}», og det peker på ${named.formula || 'ingenting'}, ikke på en tabell dh har skrevet. ` +
          'Excel lar ikke en tabell og et navn hete det samme. Gi navnet et annet navn eller slett det (Formler > Navnebehandling), og prøv igjen. Ingenting er skrevet.',
      );
    }
    // The Sheets add-on's named range: refreshed in place and kept as a name, so formulas using it keep working.
    // Its totals row stands under it, marked by totalsRowName (as the add-on writes it); that row is the table's too.
    const marker = book.names.find((n) => !n.local && same(n.name, totalsRowName(table.name)));
    const markerRef = marker ? parseNameRef(marker.formula) : undefined;
    const markedBelow = markerRef && same(markerRef.sheet, sheet.name) && markerRef.box.row === target.box.row + target.box.rows && markerRef.box.rows === 1;
    const oldBox = { ...target.box, rows: target.box.rows + (markedBelow ? 1 : 0) };
    const xml = (await pkg.text(sheet.part))!;
    const box = { row: target.box.row, column: target.box.column, rows: total, columns: width };
    const taken = firstOccupied(xml, box, oldBox);
    if (taken) throw new PackageRefusal(occupiedMessage(table.name, sheet.name, taken, total, width));
    const cells = newCells(table, headers, box, stylesIn(xml, oldBox), oldBox, formats);
    book.formulasReplaced ||= hasFormulaIn(xml, oldBox);
    pkg.setText(sheet.part, widenDimension(replaceCells(xml, box, cells, oldBox), box));
    const area = (from: number, to: number) => `'${sheet.name.replace(/'/g, "''")}'!$${columnLetters(box.column)}$${from}:$${columnLetters(box.column + width - 1)}$${to}`;
    // A function replacement: the reference holds «$1», which a replacement string would read as a group.
    const withRef = (element: string, ref: string) => element.replace(/>([\s\S]*?)</, () => `>${escapeXml(ref)}<`);
    const replaced = withRef(named.text, area(box.row, box.row + bodyRows - 1));
    book.workbookXml = book.workbookXml.replace(named.text, () => replaced);
    const totalsRef = area(box.row + bodyRows, box.row + bodyRows);
    if (marker && table.totals) book.workbookXml = book.workbookXml.replace(marker.text, () => withRef(marker.text, totalsRef));
    else if (marker) book.workbookXml = book.workbookXml.replace(marker.text, '');
    else if (table.totals) {
      const markerElement = withRef(replaced.replace(/\bname\s*=\s*(["'])[^"']*\1/, () => `name="${escapeXml(totalsRowName(table.name))}"`), totalsRef);
      book.workbookXml = book.workbookXml.replace(replaced, () => `${replaced}${markerElement}`);
    }
    return;
  }

  const box = { row: 1, column: 1, rows: total, columns: width };
  const tableId = Math.max(0, ...book.tables.map((t) => t.id)) + 1;
  if (nameTaken(book, table.name)) {
    throw new PackageRefusal(`Navnet «${table.name}» er allerede i bruk i arbeidsboken (på arket eller som navn), så tabellen kan ikke lages. Ingenting er skrevet.`);
  }
  let sheetPart: string;
  if (ownSheet) {
    // A sheet of the table's name without the table (an earlier plain version): its used block is the table's.
    const xml = (await pkg.text(ownSheet.part))!;
    const old = usedBox(xml);
    const cells = newCells(table, headers, box, stylesIn(xml, old ?? box), old, formats, table.name);
    book.formulasReplaced ||= old !== undefined && hasFormulaIn(xml, old);
    pkg.setText(ownSheet.part, widenDimension(replaceCells(xml, box, cells, old), box));
    sheetPart = ownSheet.part;
  } else {
    sheetPart = pkg.freeName('xl/worksheets/sheet', '.xml');
    pkg.setText(sheetPart, newSheetXml(box, newCells(table, headers, box, new Map(), undefined, formats, table.name)));
    await pkg.addOverride(sheetPart, CONTENT_TYPE.worksheet);
    const relId = await pkg.addRelationship(book.workbookPart, REL_TYPE.worksheet, sheetPart);
    const sheetIds = [...book.workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => Number(attr(m[0], 'sheetId')) || 0);
    const p = prefixFor(book.workbookXml, NS.main) ?? '';
    const r = prefixFor(book.workbookXml, NS.rel);
    const idAttr = r === undefined ? `xmlns:r="${NS.rel}" r:id` : `${r}id`;
    const element = `<${p}sheet name="${escapeXml(table.name)}" sheetId="${Math.max(0, ...sheetIds) + 1}" ${idAttr}="${relId}"/>`;
    book.workbookXml = book.workbookXml.replace(new RegExp(`</${p}sheets>`), `${element}$&`);
    book.sheets.push({ name: table.name, part: sheetPart, tag: element });
  }
  const tablePart = pkg.freeName('xl/tables/table', '.xml');
  pkg.setText(tablePart, tableXml(tableId, table.name, box, headers, totals));
  await pkg.addOverride(tablePart, CONTENT_TYPE.table);
  const relId = await pkg.addRelationship(sheetPart, REL_TYPE.table, tablePart);
  pkg.setText(sheetPart, addTablePart((await pkg.text(sheetPart))!, relId));
  book.tables.push({ name: table.name, part: tablePart, sheet: book.sheets.find((s) => s.part === sheetPart)!, relId, box, id: tableId });
}

/** A stale owned table: its cells are cleared and the table part goes; the sheet stays, so references to it
 *  show blanks rather than #REF!. */
async function removeTable(book: Book, name: string): Promise<boolean> {
  const found = book.tables.find((t) => same(t.name, name));
  if (!found) return false;
  const { pkg } = book;
  const xml = (await pkg.text(found.sheet.part))!;
  book.formulasReplaced ||= hasFormulaIn(xml, found.box);
  pkg.setText(found.sheet.part, removeTablePart(replaceCells(xml, { ...found.box, rows: 0 }, [], found.box), found.relId));
  await pkg.removeRelationship(found.sheet.part, found.relId);
  await pkg.removeOverride(found.part);
  pkg.remove(found.part);
  book.tables.splice(book.tables.indexOf(found), 1);
  return true;
}

/**
 * Excel keeps the last results of formulas in the file and shows them on open; the user's formulas that point
 * into the refreshed tables must be recalculated, so the workbook asks for a full calculation on load
 * (calcPr fullCalcOnLoad, ECMA-376 Part 1 §18.2.2), which Excel does. LibreOffice shows the saved results of an
 * .xlsx unless set to recalculate on load (Verktøy > Innstillinger > Calc > Formel), as README says.
 */
function recalculateOnLoad(xml: string): string {
  const calcPr = /<((?:\w+:)?)calcPr\b[^>]*?\/?>/.exec(xml);
  if (calcPr) return xml.replace(calcPr[0], setAttr(calcPr[0], 'fullCalcOnLoad', '1'));
  const p = prefixFor(xml, NS.main) ?? '';
  // calcPr comes after definedNames and before everything that follows it in CT_Workbook.
  const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']
    .map((name) => new RegExp(`<${p}${name}\\b`).exec(xml)?.index)
    .filter((i): i is number => i !== undefined);
  const at = after.length ? Math.min(...after) : xml.lastIndexOf(`</${p}workbook>`);
  return `${xml.slice(0, at)}<${p}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/**
 * calcChain.xml lists the cells that hold formulas; a cell in it that no longer has one makes Excel report the
 * file as damaged. It is a cache Excel rebuilds, so when owned formula cells became values it goes (part,
 * relationship, content type), as Apache POI does when it removes formulas.
 */
async function dropCalcChain(book: Book): Promise<void> {
  const rel = (await book.pkg.relationships(book.workbookPart)).find((r) => r.kind === 'calcchain' && !r.external);
  if (!rel) return;
  await book.pkg.removeRelationship(book.workbookPart, rel.id);
  await book.pkg.removeOverride(rel.target);
  book.pkg.remove(rel.target);
}

/**
 * Writes `tables` into the package `bytes` and removes the owned tables in `remove`; returns the new package.
 * Throws PackageRefusal (one Norwegian sentence) for what cannot be written honestly.
 */
export async function writeOwnedTables(bytes: Uint8Array, tables: readonly OwnedTable[], remove: readonly string[] = []): Promise<Uint8Array> {
  let pkg: XlsxPackage;
  try {
    pkg = await XlsxPackage.load(bytes);
  } catch {
    throw new PackageRefusal('Filen er ikke en gyldig .xlsx-pakke (zip) og kan ikke oppdateres. Ingenting er skrevet.');
  }
  const book = await readBook(pkg);
  const original = book.workbookXml;
  const formats = await numberStyles(book);
  for (const name of remove) await removeTable(book, name);
  for (const table of tables) await writeTable(book, table, formats);
  if (book.formulasReplaced) await dropCalcChain(book);
  if (tables.length || remove.length) book.workbookXml = recalculateOnLoad(book.workbookXml);
  if (book.workbookXml !== original) pkg.setText(book.workbookPart, book.workbookXml);
  return pkg.generate();
}
