// xlsx fixtures for the CLI tests, built with exceljs into a fresh temp folder: the board's document laid
// out like the minutes (title rows, header repeated before Rana, Sum rows), a system register, and
// workbooks with their own DH_* input tables.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { CellValue } from '../../core/util/cells.js';
import { allocationGrid, budgetGrid, duoGrid, rpaGrid, type Style } from '../core/reconcile/board-tables.js';

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dh-cli-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function toExcel(value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && 'cellError' in value) return { error: value.cellError } as ExcelJS.CellErrorValue;
  return value as ExcelJS.CellValue;
}

export function putGrid(ws: ExcelJS.Worksheet, grid: readonly (readonly CellValue[])[], top = 1, left = 1): void {
  grid.forEach((row, r) => row.forEach((value, c) => {
    if (value !== null && value !== undefined && value !== '') ws.getCell(top + r, left + c).value = toExcel(value);
  }));
}

/** Header row of the register template (SPEC §5, a subset). */
export const REGISTER_HEADER = [
  'Kommune', 'Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Arkivverdig', 'Uttrekk/depot', 'Avtale utløper', 'Oppsigelsestid (mnd)', 'Kostnad pr mnd', 'Status',
];

/** A small system register: header at row 2 under a title, an empty row 4 that must report nothing. */
export function registerGrid(): CellValue[][] {
  return [
    ['Systemoversikt – Helgeland'],
    [...REGISTER_HEADER],
    ['Rana', '1833', 'Elements', 'Sikri AS', 'Ola Nordmann', 'Kari Nordmann', 'Ja', '', '31.12.2025', 3, '12 000', 'I bruk'],
    [],
    ['Vefsn', '1824', 'Visma Enterprise', 'VISMA AS', '', 'Per Hansen', 'Nei', '', '30.06.2027', 6, 8000, 'I bruk'],
  ];
}

/** The board document (seed 004) as a workbook: budget, allocation, RPA + DUO, and a register sheet. */
export async function writeBoardWorkbook(path: string, style: Style = 'numbers', edit?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  putGrid(wb.addWorksheet('Budsjett 2026'), budgetGrid(style));
  putGrid(wb.addWorksheet('Fordeling 2026'), allocationGrid(style));
  putGrid(wb.addWorksheet('Gevinster'), [...rpaGrid(style), [], [], ...duoGrid(style)]);
  putGrid(wb.addWorksheet('Systemoversikt'), registerGrid());
  edit?.(wb);
  await wb.xlsx.writeFile(path);
}

/** Adds a real Excel table (ws.addTable) holding `headers` + `rows` at `ref`. */
export function addExcelTable(ws: ExcelJS.Worksheet, name: string, ref: string, headers: string[], rows: CellValue[][]): void {
  ws.addTable({
    name,
    ref,
    headerRow: true,
    columns: headers.map((h) => ({ name: h })),
    rows: rows.map((r) => r.map(toExcel)),
  });
}

export async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

// ---------------------------------------------------------------------------------------------------
// Package surgery for what exceljs cannot write itself (charts, macros, …): the parts Excel would have
// saved, added to an exceljs-made file with jszip.

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export class PackageEditor {
  constructor(readonly zip: JSZip) {}

  async text(part: string): Promise<string> {
    const file = this.zip.file(part);
    if (!file) throw new Error(`${part} finnes ikke i pakken`);
    return file.async('string');
  }

  async edit(part: string, change: (xml: string) => string): Promise<void> {
    this.zip.file(part, change(await this.text(part)));
  }

  async add(part: string, content: string | Uint8Array, contentType?: string): Promise<void> {
    this.zip.file(part, content);
    if (contentType) await this.edit('[Content_Types].xml', (xml) => xml.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`));
  }

  /** Adds a relationship from `source` ('' = the package) of type `type` (last segment under the 2006 namespace, or a full URI). */
  async relate(source: string, id: string, type: string, target: string): Promise<void> {
    const slash = source.lastIndexOf('/');
    const rels = source === '' ? '_rels/.rels' : `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
    if (!this.zip.file(rels)) this.zip.file(rels, EMPTY_RELS);
    const full = type.includes('://') ? type : `${REL}/${type}`;
    await this.edit(rels, (xml) => xml.replace('</Relationships>', `<Relationship Id="${id}" Type="${full}" Target="${target}"/></Relationships>`));
  }

  /** The package path of the worksheet called `name`. */
  async sheetPart(name: string): Promise<string> {
    const workbook = await this.text('xl/workbook.xml');
    const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
    const rels = await this.text('xl/_rels/workbook.xml.rels');
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels);
    const path = target?.[1] ?? target?.[2];
    if (!id || !path) throw new Error(`Fant ikke arket «${name}»`);
    return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
  }
}

/** Opens an .xlsx package, lets `change` edit it, and writes it back to the same path. */
export async function editPackage(path: string, change: (editor: PackageEditor) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  await change(new PackageEditor(zip));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

const CHART_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">
<c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>
<c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>A3:A5</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>B3:B5</c:f></c:numRef></c:val></c:ser>
<c:axId val="1"/><c:axId val="2"/></c:barChart>
<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>
<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx>
</c:plotArea></c:chart></c:chartSpace>`;

const DRAWING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">
<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagram 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>
<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const SHAPE_DRAWING_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>
<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="2" name="Tekstboks 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr>
<xdr:txBody><a:bodyPr/><a:p><a:r><a:t>Husk vedtaket</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

/**
 * Puts a drawing on the sheet `sheet` of an exceljs-written file (one without a drawing of its own),
 * the way Excel stores it: sheet → drawing → chart. `chart: false` gives a drawing with a text box only.
 */
export async function addDrawing(path: string, sheet: string, { chart = true, n = 1 }: { chart?: boolean; n?: number } = {}): Promise<void> {
  await editPackage(path, async (pkg) => {
    const part = await pkg.sheetPart(sheet);
    await pkg.edit(part, (xml) => {
      if (xml.includes('<drawing ')) throw new Error(`arket «${sheet}» har allerede en tegning`);
      const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<tableParts', '<extLst', '</worksheet>'].find((t) => xml.includes(t))!;
      const withDrawing = xml.replace(before, `<drawing r:id="rIdDhTestDrawing"/>${before}`);
      return withDrawing.includes(`xmlns:r="${REL}"`) ? withDrawing : withDrawing.replace('<worksheet ', `<worksheet xmlns:r="${REL}" `);
    });
    await pkg.relate(part, 'rIdDhTestDrawing', 'drawing', `../drawings/dhtest${n}.xml`);
    await pkg.add(`xl/drawings/dhtest${n}.xml`, chart ? DRAWING_XML : SHAPE_DRAWING_XML, 'application/vnd.openxmlformats-officedocument.drawing+xml');
    if (!chart) return;
    await pkg.relate(`xl/drawings/dhtest${n}.xml`, 'rId1', 'chart', `../charts/dhtest${n}.xml`);
    await pkg.add(`xl/charts/dhtest${n}.xml`, CHART_XML, 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  });
}

/** A bar chart on the sheet `sheet` (see addDrawing). */
export async function addBarChart(path: string, sheet: string, n = 1): Promise<void> {
  await addDrawing(path, sheet, { chart: true, n });
}

/** Another cooperation's workbook (Vesterålen): its own DH_Kommuner and DH_Nokkel, no project data, and a user sheet. */
export function vesteralenWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  putGrid(wb.addWorksheet('Budsjett'), [
    ['Digitale Vesterålen – budsjett 2026'],
    ['Post', 'Beløp'],
    ['Lønn', 1200000],
    ['Lisenser', 400000],
    ['Konsulent', 800000],
  ]);
  putGrid(wb.addWorksheet('DH_Kommuner'), [
    ['Kommunenr', 'Kommune', 'Innbyggere'],
    ['1871', 'Andøy', 4565],
    ['1867', 'Bø', 2540],
    ['1866', 'Hadsel', 8222],
    ['1851', 'Lødingen', 2014],
    ['1870', 'Sortland', 10902],
    ['1868', 'Øksnes', 4538],
    ['1865', 'Vågan', 9746],
  ]);
  putGrid(wb.addWorksheet('DH_Nokkel'), [['År', 'Fast beløp', 'Sats pr innbygger', 'Budsjettert sum'], [2026, 125000, 21, 1768067]]);
  return wb;
}

export const LABEL_CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" ' +
  'name="MSIP_Label_0a1b2c3d-0000-4000-8000-000000000001_Enabled"><vt:lpwstr>true</vt:lpwstr></property></Properties>';
export const LABEL_INFO_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata">' +
  '<clbl:label id="{0a1b2c3d-0000-4000-8000-000000000001}" enabled="1" method="Standard" siteId="{00000000-0000-0000-0000-000000000000}" removed="0"/></clbl:labelList>';

/** A sensitivity label (Microsoft Purview) the way Office stores it: custom properties and docMetadata/LabelInfo.xml. */
export async function addSensitivityLabel(path: string): Promise<void> {
  await editPackage(path, async (pkg) => {
    await pkg.add('docProps/custom.xml', LABEL_CUSTOM_XML, 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
    await pkg.relate('', 'rIdCp', 'custom-properties', 'docProps/custom.xml');
    await pkg.add('docMetadata/LabelInfo.xml', LABEL_INFO_XML, 'application/vnd.ms-office.classificationlabels+xml');
    await pkg.relate('', 'rIdLbl', 'http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels', 'docMetadata/LabelInfo.xml');
  });
}
