// A merged cell counts once (SPEC §5): the preview reads a user's .xlsx with exceljs, which repeats a merged
// cell's value in every cell it covers. Excel keeps the value in the upper-left cell only («The value of a merged
// range is specified in the cell of the range's upper-left corner», learn.microsoft.com, Range.Merge method (Excel)),
// so the preview hands the panel the master cell and leaves the covered cells blank.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../preview/src/open-xlsx.js';

describe('opening an .xlsx with merged cells', () => {
  it('keeps a merged section row’s text in its first cell only', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Systemoversikt');
    ws.addRow(['System', 'Leverandør', 'Systemeier']);
    ws.addRow(['Eigersund kommune']);
    ws.mergeCells('A2:C2');
    ws.addRow(['Visma Flyt Skole', 'Visma', 'Kari Nordmann']);
    const opened = await readXlsx((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const rows = opened.sheets[0]!.rows;
    const texts = (row: readonly unknown[] | undefined) => (row ?? []).map((v) => (v === null ? null : String(v).replace(/^'/, '')));
    // Covered cells B2:C2 stay blank (or are not there at all): the label is one cell.
    expect(texts(rows[1]).filter((v) => v !== null)).toEqual(['Eigersund kommune']);
    expect(texts(rows[2])).toEqual(['Visma Flyt Skole', 'Visma', 'Kari Nordmann']);
  });
});
