// The Sum line as each owned table's totals row (issue 9, Build 4), in Excel's fake.
//
// What Excel does, and where it says so:
// - Table.showTotals "Specifies if the total row is visible. This value can be set to show or remove the total row";
//   Table.getTotalRowRange "Gets the range object associated with the totals row of the table" —
//   https://learn.microsoft.com/en-us/javascript/api/excel/excel.table (Excel.Table class).
// - A structured reference without a special item covers the data rows only: "#Data consists of the data rows (i.e.
//   the table excluding the header row and the total row)", "#Totals is the totals row (if present)" — Microsoft
//   Tech Community, «When and how do you use the #Totals option with FILTER function»,
//   https://techcommunity.microsoft.com/t5/excel/when-and-how-do-you-use-the-totals-option-fith-filter-function/td-p/2531838,
//   pointing at support.microsoft.com «Using structured references with Excel tables»
//   (https://support.microsoft.com/en-us/office/using-structured-references-with-excel-tables-f5ed2452-2337-4f71-bed3-c8ae6d2b276e);
//   the keywords [#Data], [#Totals] are in [MS-OE376] 3.2.3.1.1 «Structure References»
//   (https://learn.microsoft.com/en-us/openspecs/office_standards/ms-oe376/bcd72180-31a3-423b-8f83-d224b2286da3).
import { describe, expect, it } from 'vitest';
import { allocate, boardTables, displayValue, HELGELAND_2026 } from '../../core/index.js';
import { refreshBoard } from '../../ui/actions.js';
import { ExcelHost } from '../../addin-excel/src/taskpane/excel-host.js';
import { withFakeExcel } from './helpers.js';
import type { FakeWorkbook } from './fake-excel.js';

const TODAY = '2026-03-01';
const TABLE = 'DH_Fordeling_2026';

let wb: FakeWorkbook;
withFakeExcel(TODAY, (fresh) => (wb = fresh));

async function run(batch: (context: any) => Promise<void>): Promise<void> {
  await (globalThis as any).Excel.run(batch);
}

describe('the fake keeps a table’s totals row as Excel does', () => {
  it('showTotals adds the row under the data with Excel’s defaults; Table[Column] leaves it out, [#Totals] is it', async () => {
    wb.addTable('Salg', 'Data', [['Navn', 'Beløp'], ['a', 1], ['b', 2]]);
    wb.addUserFormula('Oversikt', 'A1', '=SUM(Salg[Beløp])');
    wb.addUserFormula('Oversikt', 'A2', '=SUM(Salg[[#Totals],[Beløp]])');
    await run(async (context) => {
      context.workbook.tables.getItemOrNullObject('Salg').showTotals = true;
      await context.sync();
    });
    expect(wb.table('Salg')).toMatchObject({ rows: 4, showTotals: true });
    // Excel's own totals row: «Total» and SUBTOTAL(109, …) of the last column; a host must overwrite both.
    expect(wb.cell('Data', 'A4').value).toBe('Total');
    expect(wb.cell('Data', 'B4').formula).toBe('=SUBTOTAL(109,Salg[Beløp])');
    expect(wb.cell('Data', 'B4').value).toBe(3);
    expect(wb.cell('Oversikt', 'A1').value).toBe(3);
    expect(wb.cell('Oversikt', 'A2').value).toBe(3);
    const ranges: Record<string, unknown> = {};
    await run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject('Salg');
      const body = table.getDataBodyRange();
      const totals = table.getTotalRowRange();
      body.load('address');
      totals.load('address');
      await context.sync();
      ranges.body = body.address;
      ranges.totals = totals.address;
    });
    expect(ranges).toEqual({ body: 'Data!A2:B3', totals: 'Data!A4:B4' });
  });

  it('refuses to show a totals row over cells that are not empty, and clears it when removed', async () => {
    wb.addTable('Salg', 'Data', [['Navn', 'Beløp'], ['a', 1]]);
    wb.writeValues(wb.sheet('Data')!, 2, 1, [['brukerens']]);
    await expect(
      run(async (context) => {
        context.workbook.tables.getItemOrNullObject('Salg').showTotals = true;
        await context.sync();
      }),
    ).rejects.toThrow(/ikke tom \(B3\)/);
    wb.clear(wb.sheet('Data')!, 2, 1, 1, 1);
    await run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject('Salg');
      table.showTotals = true;
      table.showTotals = false;
      await context.sync();
    });
    expect(wb.table('Salg')).toMatchObject({ rows: 2, showTotals: false });
    expect(wb.cell('Data', 'A3').value).toBe('');
  });
});

/** The Fordeling table as an older add-in wrote it: an Excel table whose last data row is the Sum line. */
function legacyFordeling(): unknown[][] {
  const built = boardTables(HELGELAND_2026, 2026);
  if (!built.ok) throw new Error(built.error.message);
  const t = built.value[0]!;
  const totals = t.totals!.map(displayValue);
  return [[...t.headers], ...t.rows.map((r) => r.map(displayValue)), ['', 'Sum', ...totals.slice(2)]];
}

describe('ExcelHost writes the Sum line as the table’s totals row', () => {
  it('=SUM(DH_Fordeling_2026[Totalt pr kommune]) is the board’s Sum, not twice it; every board table shows totals', async () => {
    const host = new ExcelHost({ today: TODAY });
    const result = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(result.ok, result.message).toBe(true);
    wb.addUserFormula('Sammendrag', 'A1', `=SUM(${TABLE}[Totalt pr kommune])`);
    wb.addUserFormula('Sammendrag', 'A2', `=${TABLE}[[#Totals],[Totalt pr kommune]]`);
    const a = allocate(HELGELAND_2026, 2026);
    if (!a.ok) throw new Error(a.error.message);
    expect(wb.cell('Sammendrag', 'A1').value).toBeCloseTo(a.value.sum.toNumber(), 6);
    expect(wb.cell('Sammendrag', 'A2').value).toBe(a.value.sum.toNumber());
    const table = wb.table(TABLE)!;
    expect(table).toMatchObject({ rows: 21, showTotals: true });
    // The label «Sum» in the first column, values in every cell (Excel's default SUBTOTAL overwritten).
    expect(wb.cell(TABLE, 'A21').value).toBe('Sum');
    expect(wb.cell(TABLE, 'G21')).toMatchObject({ value: 100, formula: undefined });
    for (const name of ['DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus', 'DH_Balanse']) expect(wb.table(name)!.showTotals, name).toBe(true);
    expect(wb.table('DH_Endringer')!.showTotals ?? false).toBe(false);
    // Read back: 19 members and the totals apart.
    const read = await host.readTable(TABLE);
    expect(read!.rows).toHaveLength(19);
    expect(read!.totals![0]).toBe('Sum');

    const applied = wb.applied.length;
    const again = await refreshBoard(host, HELGELAND_2026, 2026, '2026-03-02');
    expect(again.message).toMatch(/^Ingen endringer/);
    expect(wb.applied.slice(applied)).toEqual([]);
  });

  it('an older table with the Sum as a data row is converted in place; the user’s references then give the Sum once', async () => {
    wb.addTable(TABLE, TABLE, legacyFordeling());
    wb.addUserFormula('Sammendrag', 'A1', `=SUM(${TABLE}[Totalt pr kommune])`);
    wb.addUserFormula('Sammendrag', 'A2', `='${TABLE}'!F21`);
    const a = allocate(HELGELAND_2026, 2026);
    if (!a.ok) throw new Error(a.error.message);
    const sum = a.value.sum.toNumber();
    // Before: the Sum row is a member of the table, so the structured reference counts it twice.
    expect(wb.cell('Sammendrag', 'A1').value).toBeCloseTo(2 * sum, 6);

    const host = new ExcelHost({ today: TODAY });
    const first = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(first.ok, first.message).toBe(true);
    expect(first.ok && first.value.changes.filter((c) => c.table === TABLE)).toEqual([
      expect.objectContaining({ label: 'Sum', before: 'datarad', after: 'totalrad' }),
    ]);
    expect(wb.table(TABLE)).toMatchObject({ row: 0, column: 0, rows: 21, showTotals: true });
    expect(wb.cell('Sammendrag', 'A1').value).toBeCloseTo(sum, 6);
    expect(wb.cell('Sammendrag', 'A2').value).toBe(sum);
    expect(wb.cell(TABLE, 'A21').value).toBe('Sum');
    expect(wb.cell(TABLE, 'B21').value).toBe('');

    const applied = wb.applied.length;
    const again = await refreshBoard(host, HELGELAND_2026, 2026, '2026-03-02');
    expect(again.message).toMatch(/^Ingen endringer/);
    expect(wb.applied.slice(applied)).toEqual([]);
  });

  it('a table that grows or shrinks keeps its totals row directly under the data', async () => {
    const host = new ExcelHost({ today: TODAY });
    const table = (n: number) => ({ name: 'DH_Funn', headers: ['Melding', 'Antall'], rows: Array.from({ length: n }, (_, i) => [`m${i}`, i + 1]), totals: ['Sum', (n * (n + 1)) / 2] });
    await host.writeOwnedTable(table(5));
    wb.addUserFormula('Sammendrag', 'A1', '=SUM(DH_Funn[Antall])');
    expect(wb.cell('Sammendrag', 'A1').value).toBe(15);
    await host.writeOwnedTable(table(2));
    expect(wb.table('DH_Funn')).toMatchObject({ rows: 4, showTotals: true });
    expect(wb.tableValues('DH_Funn')!.at(-1)).toEqual(['Sum', 3]);
    expect(wb.read(wb.sheet('DH_Funn')!, 4, 0, 4, 2).flat().every((v) => v === '')).toBe(true);
    expect(wb.cell('Sammendrag', 'A1').value).toBe(3);
    await host.writeOwnedTable(table(7));
    expect(wb.table('DH_Funn')).toMatchObject({ rows: 9, showTotals: true });
    expect(wb.tableValues('DH_Funn')!.at(-1)).toEqual(['Sum', 28]);
    expect(wb.cell('Sammendrag', 'A1').value).toBe(28);
  });
});

describe('the owned tables the panel writes on demand: DH_Scenario and DH_Funn', () => {
  it('a SUM over a column and a cell reference into each follow two writes, the SUM is the Sum once, no #REF!', async () => {
    const { scenarioView, writeScenario } = await import('../../ui/hvaom/actions.js');
    const { findingsTable } = await import('../../ui/findings/actions.js');
    const host = new ExcelHost({ today: TODAY });
    const finding = (row: number) => ({ rule: 'kontroll.sum', severity: 'error' as const, sheet: 'Fordeling', cell: `F${row}`, row, column: 'Totalt', message: `Feil i rad ${row}` });
    const scenarios = [
      { without: ['1833'], sameTotal: false },
      { without: ['1833', '1824'], addName: 'Bodø', addPopulation: '53 000', sameTotal: true },
    ];
    for (const [round, input] of scenarios.entries()) {
      const view = scenarioView(HELGELAND_2026, 2026, input);
      if (!view.ok) throw new Error(view.message);
      const written = await writeScenario(host, view.value, `2026-03-0${round + 1}`);
      expect(written.ok, written.message).toBe(true);
      await host.writeOwnedTable(findingsTable(Array.from({ length: 3 + round * 4 }, (_, i) => finding(i + 2))));
      if (round === 0) {
        wb.addUserFormula('Sammendrag', 'A1', '=SUM(DH_Scenario[Scenario])');
        wb.addUserFormula('Sammendrag', 'B1', "='DH_Scenario'!F2");
        wb.addUserFormula('Sammendrag', 'A2', '=SUM(DH_Funn[Rad])');
        wb.addUserFormula('Sammendrag', 'B2', "='DH_Funn'!D2");
      }
      const scenario = wb.tableValues('DH_Scenario')!;
      expect(wb.table('DH_Scenario')!.showTotals).toBe(true);
      expect(scenario.at(-1)![0]).toBe('Sum');
      const members = scenario.slice(1, -1).reduce((n, r) => n + (r[5] as number), 0);
      expect(wb.cell('Sammendrag', 'A1').value).toBeCloseTo(members, 6);
      expect(wb.cell('Sammendrag', 'A1').value).toBeCloseTo(scenario.at(-1)![5] as number, 6);
      expect(wb.cell('Sammendrag', 'B1').value).toBe(scenario[1]![5]);
      const funn = wb.tableValues('DH_Funn')!;
      expect(wb.cell('Sammendrag', 'A2').value).toBe(funn.slice(1).reduce((n, r) => n + (r[4] as number), 0));
      expect(wb.cell('Sammendrag', 'B2').value).toBe(funn[1]![3]);
      for (const sheet of wb.sheets) for (const [, f] of sheet.formulas) expect(f).not.toContain('#REF!');
    }
    // The two scenarios give different figures: the references followed the second write.
    expect(wb.cell('Sammendrag', 'A2').value).toBe(2 + 3 + 4 + 5 + 6 + 7 + 8);
  });
});
