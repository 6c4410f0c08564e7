// «Åpne .xlsx/.csv…» and «Last ned .xlsx» in the preview: .csv opens as one sheet of text, every other kind of file
// gets a Norwegian message (no library error text), and the downloaded workbook holds what the grid shows.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { defaultWorkbook } from '../../preview/src/default-workbook.js';
import { openWorkbookFile, parseCsv } from '../../preview/src/open-file.js';
import { downloadName, workbookToXlsx } from '../../preview/src/save-xlsx.js';
import { PreviewWorkbook } from '../../preview/src/workbook.js';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const ENGLISH = /\b(the|is|not|found|invalid|error|end of data|zip|signature|corrupted|file)\b/i;

describe('openWorkbookFile', () => {
  it('opens a semicolon CSV from Norwegian Excel (BOM, quotes, line break in a quoted cell) as text cells', async () => {
    const csv = '\uFEFFKommune;Kommunenr;System;Merknad\r\nRana;1833;Elements;"Avtale ""A""; fornyes\r\n2027"\r\nVefsn;1824;Visma Enterprise;\r\n';
    const opened = await openWorkbookFile('systemer.csv', bytes(csv));
    expect(opened.sheets).toHaveLength(1);
    expect(opened.sheets[0]!.name).toBe('systemer');
    expect(opened.sheets[0]!.rows[1]).toEqual(["'Rana", "'1833", "'Elements", `'Avtale "A"; fornyes\n2027`]);
    expect(opened.sheets[0]!.rows[2]![3]).toBeNull();
  });

  it('reads a Windows-1252 CSV (æøå) and a comma-separated one', async () => {
    const latin1 = new Uint8Array([...'Kommune;Leverand'].map((c) => c.charCodeAt(0)).concat([0xf8, 0x72, 0x0a, 0x52, 0xf8, 0x64, 0xf8, 0x79, 0x3b, 0x41]));
    const opened = await openWorkbookFile('r.csv', latin1.buffer as ArrayBuffer);
    expect(opened.sheets[0]!.rows[0]).toEqual(["'Kommune", "'Leverandør"]);
    expect(opened.sheets[0]!.rows[1]![0]).toBe("'Rødøy");
    expect(parseCsv('a,b\n1,2', ',')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it.each([
    ['rapport.pdf', '%PDF-1.7', /ikke et regneark .*\.xlsx- eller \.csv-fil/],
    ['gammel.xls', 'xx', /gammel Excel-fil \(\.xls\).*lagre den som \.xlsx/],
    ['ark.ods', 'xx', /OpenDocument.*\.xlsx/],
    ['skadet.xlsx', 'ikke en zip', /«skadet\.xlsx» kunne ikke leses som en Excel-arbeidsbok/],
    ['tom.csv', '', /«tom\.csv» er tom/],
    ['tom.xlsx', '', /«tom\.xlsx» er tom/],
  ])('%s gives a Norwegian message only', async (name, content, message) => {
    const error = await openWorkbookFile(name, bytes(content)).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(message);
    expect(error!.message.replace(/«[^»]*»/g, '')).not.toMatch(ENGLISH);
  });
});

describe('workbookToXlsx', () => {
  it('writes every sheet with the values the grid shows (Rana’s =DH.KOSTNAD result among them)', async () => {
    const { sheets, options } = defaultWorkbook();
    const wb = new PreviewWorkbook(sheets, { ...options, today: '2026-03-01' });
    const data = await workbookToXlsx(wb);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(data as unknown as ArrayBuffer);
    expect(back.worksheets.map((w) => w.name)).toEqual(wb.sheetNames());
    const fordeling = back.getWorksheet('Fordeling 2026')!;
    let rana: unknown;
    fordeling.eachRow((row) => {
      if (row.getCell(1).value === 'Rana') rana = row.getCell(4).value;
    });
    expect(rana).toBe(752197.48);
    // And it opens again in the preview.
    const reopened = await openWorkbookFile(downloadName(undefined), data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    expect(reopened.sheets.map((s) => s.name)).toEqual(wb.sheetNames());
  });

  it('names the download after the opened file', () => {
    expect(downloadName('systemer rana.csv')).toBe('systemer rana.xlsx');
    expect(downloadName(undefined)).toBe('dh-arbeidsbok.xlsx');
  });
});
