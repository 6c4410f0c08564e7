import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkRegisterOnSheet } from '../../ui/actions.js';
import { REGISTER_HEADERS, registerRows } from '../../preview/src/default-workbook.js';
import { excelValueToContent, readXlsx, sheetsFromExcel } from '../../preview/src/open-xlsx.js';
import { PreviewHost } from '../../preview/src/preview-host.js';
import { PreviewWorkbook } from '../../preview/src/workbook.js';
import { defaultWorkbook } from '../../preview/src/default-workbook.js';

/** A user's workbook: a register as an Excel table below a title row, and a sheet with formulas. */
async function userWorkbook(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Systemoversikt Vefsn');
  ws.getCell('A1').value = 'Systemoversikt pr 1. mars 2026';
  ws.addTable({
    name: 'DH_Register',
    ref: 'A3',
    headerRow: true,
    columns: REGISTER_HEADERS.map((name) => ({ name })),
    rows: registerRows().slice(0, 6),
  });
  const other = wb.addWorksheet('Beregning');
  other.getCell('A1').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
  other.getCell('A2').value = new Date(Date.UTC(2026, 11, 31));
  other.getCell('A3').value = '=ikke en formel';
  other.getCell('A4').value = { richText: [{ text: 'rik ' }, { text: 'tekst' }] };
  other.getCell('A5').value = 1234.5;
  other.getCell('A5').numFmt = '# ##0.00';
  const buffer = await wb.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

describe('«Åpne .xlsx…»: a user’s workbook in the preview', () => {
  it('converts exceljs values: text stays text, formulas become their results, dates dd.mm.åååå', () => {
    expect(excelValueToContent('=SUM(A1)').content).toBe("'=SUM(A1)");
    expect(excelValueToContent('1833').content).toBe("'1833");
    expect(excelValueToContent({ formula: 'A1*2', result: 4 })).toEqual({ content: 4, formula: true });
    expect(excelValueToContent({ formula: 'A1', result: { error: '#N/A' } }).content).toBe("'#N/A");
    expect(excelValueToContent(new Date(Date.UTC(2026, 0, 31))).content).toBe('31.01.2026');
    expect(excelValueToContent(null).content).toBeNull();
  });

  it('reads sheets, Excel tables and notes, and the register check runs on it', async () => {
    const opened = await readXlsx(await userWorkbook());
    expect(opened.sheets.map((s) => s.name)).toEqual(['Systemoversikt Vefsn', 'Beregning']);
    expect(opened.regions).toEqual([{ name: 'DH_Register', sheet: 'Systemoversikt Vefsn', row: 2, col: 0 }]);
    expect(opened.notes.join(' ')).toMatch(/^1 formel er lastet som sin lagrede verdi\./);

    const { sheets, options } = defaultWorkbook();
    const workbook = new PreviewWorkbook(sheets, { ...options, today: '2026-03-01' });
    workbook.replaceSheets(opened.sheets, opened.regions);
    expect(workbook.sheetNames()).toEqual(['Systemoversikt Vefsn', 'Beregning']);
    expect(workbook.values('Beregning').map((r) => r[0])).toEqual([3, 46387, '=ikke en formel', 'rik tekst', 1234.5]);
    expect(workbook.cell('Beregning', 1, 0).text).toBe('31.12.2026');
    expect(workbook.cell('Beregning', 4, 0).text).toBe('1 234,50');
    const register = workbook.readTable('DH_Register');
    expect(register?.rows).toHaveLength(6);
    expect(register?.originRow).toBe(3);

    const host = new PreviewHost(workbook);
    const result = await checkRegisterOnSheet(host, 'DH_Register', '2026-03-01');
    if (!result.ok) throw new Error(result.message);
    expect(result.value.findings.map((f) => f.cell)).toContain('H6'); // missing Systemeier, 3 rows lower than in the sample
  });

  it('says so when the file is not a workbook', async () => {
    await expect(readXlsx(new TextEncoder().encode('ikke en xlsx').buffer as ArrayBuffer)).rejects.toThrow(/kunne ikke leses som en Excel-arbeidsbok/);
  });

  it('skips very hidden sheets', () => {
    const opened = sheetsFromExcel({ worksheets: [{ name: 'Skjult', state: 'veryHidden', eachRow: () => undefined, getColumn: () => ({}) }] });
    expect(opened.sheets).toEqual([]);
  });
});
