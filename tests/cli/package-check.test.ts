// findLosses: what a workbook read from disk has that exceljs would not write back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { findLosses, lossMessage } from '../../cli/package-check.js';
import { writeOwnedTable } from '../../cli/workbook.js';
import { addBarChart, addDrawing, addExcelTable, editPackage, tempDir } from './workbooks.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A user's workbook with what exceljs does keep: images, notes, validation, links, formatting, names, a table. */
async function richWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Budsjett');
  ws.getCell('A1').value = 'Post';
  ws.getCell('B2').value = 5;
  const image = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
  ws.addImage(image, 'D2:F6');
  ws.addBackgroundImage(image);
  ws.getCell('A1').note = 'Kommentar';
  ws.getCell('B2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"a,b"'] };
  ws.getCell('A3').value = { text: 'lenke', hyperlink: 'https://example.com' };
  ws.addConditionalFormatting({ ref: 'B2:B9', rules: [{ type: 'cellIs', operator: 'greaterThan', priority: 1, formulae: [3], style: {} }] });
  ws.mergeCells('A5:B5');
  ws.autoFilter = 'A1:B2';
  ws.headerFooter.oddHeader = 'Budsjett 2026';
  await ws.protect('', { selectLockedCells: true });
  wb.definedNames.add('Budsjett!$B$2', 'Tall');
  const other = wb.addWorksheet('Annet');
  other.addImage(image, 'B2:C3');
  addExcelTable(other, 'Brukertabell', 'E1', ['A', 'B'], [[1, 2]]);
  wb.addWorksheet('Tom').getCell('A1').value = 'Notater';
  await wb.xlsx.writeFile(path);
}

/** What `dh oppdater` would write for the file: read with exceljs, one owned table added, written to a buffer. */
async function rewritten(path: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  writeOwnedTable(wb, { name: 'DH_Fordeling_2026', headers: ['Kommunenr', 'Kommune'], rows: [['1833', 'Rana']] });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function lossesOf(path: string, removedSheets: string[] = []) {
  return findLosses(readFileSync(path), await rewritten(path), { removedSheets });
}

describe('findLosses', () => {
  it('finds nothing lost in a workbook exceljs can write in full (images, notes, validation, links, names, tables)', async () => {
    const path = join(dir, 'rik.xlsx');
    await richWorkbook(path);
    expect(await lossesOf(path)).toEqual([]);
  });

  it('names a chart, not the drawing it sits in', async () => {
    const path = join(dir, 'diagram.xlsx');
    await richWorkbook(path);
    await addBarChart(path, 'Tom');
    expect(lossMessage(await lossesOf(path))).toMatch(/^Arbeidsboken har et diagram på arket «Tom» som dh ikke kan ta vare på/);
  });

  it('finds macros, pivot tables, chart sheets, sparklines, document properties, names and workbook protection', async () => {
    const path = join(dir, 'mye.xlsx');
    await richWorkbook(path);
    await editPackage(path, async (pkg) => {
      await pkg.add('xl/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'application/vnd.ms-office.vbaProject');
      await pkg.relate('xl/workbook.xml', 'rIdVba', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin');

      await pkg.add('xl/pivotCache/pivotCacheDefinition1.xml', '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml');
      await pkg.relate('xl/workbook.xml', 'rIdPc', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml');
      await pkg.add('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="Pivot1"/>', 'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml');
      await pkg.relate('xl/worksheets/sheet2.xml', 'rIdPt', 'pivotTable', '../pivotTables/pivotTable1.xml');
      await pkg.relate('xl/pivotTables/pivotTable1.xml', 'rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml');

      await pkg.add('xl/chartsheets/sheet1.xml', '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', 'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml');
      await pkg.relate('xl/workbook.xml', 'rIdCs', 'chartsheet', 'chartsheets/sheet1.xml');
      await pkg.edit('xl/workbook.xml', (xml) =>
        xml
          .replace('</sheets>', '<sheet name="Diagram1" sheetId="9" r:id="rIdCs"/></sheets>')
          .replace('</definedNames>', '<definedName name="Rente">0.04</definedName></definedNames>')
          .replace('<sheets>', '<workbookProtection lockStructure="1"/><sheets>'),
      );

      await pkg.edit('xl/worksheets/sheet1.xml', (xml) =>
        xml.replace(
          '</worksheet>',
          '<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups/></ext></extLst></worksheet>',
        ),
      );

      await pkg.add('docProps/custom.xml', '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
      await pkg.relate('', 'rIdCp', 'custom-properties', 'docProps/custom.xml');
    });
    const message = lossMessage(await lossesOf(path));
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toBe(
      'Arbeidsboken har minidiagrammer (sparklines) på arket «Budsjett», en pivottabell på arket «Annet», diagramarket «Diagram1», ' +
        'egendefinerte dokumentegenskaper (for eksempel en følsomhetsetikett), makroer (VBA), navnet «Rente» og ' +
        'beskyttelsen av arbeidsbokens struktur som dh ikke kan ta vare på når filen skrives. Ingenting er skrevet. ' +
        'Oppdater tabellene med DH-tillegget i Excel i stedet; det rører bare sine egne tabeller.',
    );
  });

  it('a drawing with only shapes (a text box) is reported as such', async () => {
    const path = join(dir, 'figur.xlsx');
    await richWorkbook(path);
    await addDrawing(path, 'Tom', { chart: false });
    const losses = await lossesOf(path);
    expect(losses.map((l) => [l.sheet, l.label.one])).toEqual([['Tom', 'figurer eller andre tegneobjekter']]);
  });

  it('a sheet the refresh removes on purpose is not a loss, but what sits on it is', async () => {
    const path = join(dir, 'fjernes.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Budsjett').getCell('A1').value = 1;
    writeOwnedTable(wb, { name: 'DH_RPA', headers: ['Kommunenr', 'Kommune'], rows: [['1833', 'Rana']] });
    await wb.xlsx.writeFile(path);
    const after = async () => {
      const again = new ExcelJS.Workbook();
      await again.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
      again.removeWorksheet(again.getWorksheet('DH_RPA')!.id);
      return new Uint8Array((await again.xlsx.writeBuffer()) as ArrayBuffer);
    };
    expect(await findLosses(readFileSync(path), await after(), { removedSheets: ['DH_RPA'] })).toEqual([]);
    expect(lossMessage(await findLosses(readFileSync(path), await after()))).toMatch(/^Arbeidsboken har arket «DH_RPA» som/);
    await addBarChart(path, 'DH_RPA');
    expect(lossMessage(await findLosses(readFileSync(path), await after(), { removedSheets: ['DH_RPA'] }))).toMatch(/^Arbeidsboken har et diagram på arket «DH_RPA» som/);
  });
});
