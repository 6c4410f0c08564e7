// Refresh in place (issue 9): the user's formulas, chart series and names that point at an owned table keep
// working after refreshes. The fake rewrites references as Excel does (tests/fakes/references.ts
// cites the pages); the first block shows the fake's own strictness, the second the host against it.
import { describe, expect, it } from 'vitest';
import { HELGELAND_2026, type Dataset } from '../../core/index.js';
import { refreshBoard } from '../../ui/actions.js';
import { ExcelHost } from '../../addin-excel/src/taskpane/excel-host.js';
import { withFakeExcel } from './helpers.js';
import { FakeWorkbook, MAX_PAYLOAD } from './fake-excel.js';

const TODAY = '2026-03-01';
const TABLE = 'DH_Fordeling_2026';
const SUM_FORMULA = `=SUM(${TABLE}[Totalt pr kommune])`;
const CELL_FORMULA = `='${TABLE}'!F21`;

let wb: FakeWorkbook;

withFakeExcel(TODAY, (fresh) => (wb = fresh));

/** Excel.run with the fake's context, for poking the fake the way a host would. */
async function run(batch: (context: any) => Promise<void>): Promise<void> {
  await (globalThis as any).Excel.run(batch);
}

describe('the fake rewrites references as Excel does', () => {
  it('renaming a table or a sheet rewrites formulas, chart series and names that point at it', async () => {
    wb.addTable('Salg', 'Data', [['Navn', 'Beløp'], ['a', 1], ['b', 2]]);
    wb.addUserFormula('Sammendrag', 'A1', '=SUM(Salg[Beløp])');
    wb.addUserFormula('Sammendrag', 'A2', "='Data'!B3");
    wb.addChart('Diagram 1', 'Sammendrag', ['=Salg[Beløp]', "='Data'!$B$2:$B$3"]);
    expect(wb.cell('Sammendrag', 'A1').value).toBe(3);
    expect(wb.cell('Sammendrag', 'A2').value).toBe(2);
    await run(async (context) => {
      context.workbook.tables.getItemOrNullObject('Salg').name = 'Salg_gammel';
      context.workbook.worksheets.getItem('Data').name = 'Data gammel';
      await context.sync();
    });
    expect(wb.cell('Sammendrag', 'A1').formula).toBe('=SUM(Salg_gammel[Beløp])');
    expect(wb.cell('Sammendrag', 'A2').formula).toBe("='Data gammel'!B3");
    expect(wb.charts[0]!.series).toEqual(['=Salg_gammel[Beløp]', "='Data gammel'!$B$2:$B$3"]);
    expect(wb.cell('Sammendrag', 'A1').value).toBe(3);
  });

  it('deleting a sheet turns formulas, chart series and defined names that point at it into #REF!', async () => {
    wb.addTable('Salg', 'Data', [['Navn', 'Beløp'], ['a', 1], ['b', 2]]);
    wb.addName('Utvalg', 'Data', [['a']], 'A2');
    wb.addUserFormula('Sammendrag', 'A1', '=SUM(Salg[Beløp])');
    wb.addUserFormula('Sammendrag', 'A2', '=Data!B3');
    wb.addUserFormula('Sammendrag', 'A3', '=SUM(Utvalg)');
    wb.addChart('Diagram 1', 'Sammendrag', ["='Data'!$B$2:$B$3"]);
    await run(async (context) => {
      context.workbook.worksheets.getItem('Data').delete();
      await context.sync();
    });
    expect(wb.cell('Sammendrag', 'A1')).toMatchObject({ formula: '=SUM(#REF!)', value: '#REF!' });
    expect(wb.cell('Sammendrag', 'A2')).toMatchObject({ formula: '=#REF!', value: '#REF!' });
    expect(wb.cell('Sammendrag', 'A3').value).toBe('#REF!');
    expect(wb.charts[0]!.series).toEqual(['=#REF!']);
    expect(wb.namesForRefs()).toEqual([{ name: 'Utvalg', formula: '=#REF!' }]);
  });

  it('table names and defined names are one case-insensitive namespace', async () => {
    wb.addName('dh_fordeling_2026', 'Ark1', [['x']]);
    wb.addTable('Tabell1', 'Ark2', [['A'], [1]]);
    await expect(
      run(async (context) => {
        context.workbook.tables.getItemOrNullObject('Tabell1').name = TABLE;
        await context.sync();
      }),
    ).rejects.toThrow(/allerede brukt av et definert navn/);
    expect(wb.table('Tabell1')).toBeDefined();
  });

  it('refuses a request over 5 MB whole, and a response over 5 MB', async () => {
    const sheet = wb.addSheet('Stort');
    const rows = 60_000;
    const big = Array.from({ length: rows }, (_, i) => [`rad ${i} ${'x'.repeat(80)}`]);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Stort').getRangeByIndexes(0, 0, rows, 1).values = big;
        await context.sync();
      }),
    ).rejects.toThrow(/RequestPayloadSizeLimitExceeded/);
    expect(wb.usedRange(sheet)).toBeUndefined();
    wb.writeValues(sheet, 0, 0, big);
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_PAYLOAD);
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem('Stort').getRangeByIndexes(0, 0, rows, 1).load('values');
        await context.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
  });
});

/** The dataset with one kommune's population changed, so every share moves. */
function withPopulation(base: Dataset, kommunenr: string, delta: number): Dataset {
  return { ...base, members: base.members.map((m) => (m.kommunenr === kommunenr ? { ...m, population: m.population + delta } : m)) };
}

/** The Totalt column's sum over the members and the totals row's total, as the table holds them now. */
function tableFigures(): { columnSum: number; sumRowTotal: number } {
  const values = wb.tableValues(TABLE)!;
  expect(wb.table(TABLE)!.showTotals).toBe(true);
  const column = values[0]!.indexOf('Totalt pr kommune');
  const body = values.slice(1, -1);
  const columnSum = body.reduce((n, r) => n + (typeof r[column] === 'number' ? (r[column] as number) : 0), 0);
  const sumRow = values.at(-1)!;
  expect(sumRow[0]).toBe('Sum');
  return { columnSum, sumRowTotal: sumRow[column] as number };
}

function noRefErrors(): void {
  for (const sheet of wb.sheets) {
    for (const [, f] of sheet.formulas) expect(f).not.toContain('#REF!');
  }
  for (const chart of wb.charts) for (const s of chart.series) expect(s).not.toContain('#REF!');
  for (const n of wb.namesForRefs()) expect(n.formula).not.toContain('#REF!');
}

describe('ExcelHost refreshes owned tables in place', () => {
  it('a user formula and a cell reference into DH_Fordeling_2026 give the new figures after two refreshes, with no #REF!', async () => {
    const host = new ExcelHost({ today: TODAY });
    const first = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(first.ok, first.message).toBe(true);
    wb.addUserFormula('Sammendrag', 'A1', SUM_FORMULA);
    wb.addUserFormula('Sammendrag', 'A2', CELL_FORMULA);
    wb.addChart('Kostnad pr kommune', 'Sammendrag', [`='${TABLE}'!$F$2:$F$20`, `=${TABLE}[Totalt pr kommune]`]);
    expect(wb.cell('Sammendrag', 'A2').value).toBe(tableFigures().sumRowTotal);

    const sheetBefore = wb.table(TABLE)!.sheet;
    for (const [i, delta] of [[1, 2500], [2, -4000]] as const) {
      const next = await refreshBoard(host, withPopulation(HELGELAND_2026, '1833', delta), 2026, `2026-03-0${i + 1}`);
      expect(next.ok, next.message).toBe(true);
      if (!next.ok) return;
      expect(next.value.written).toContain(TABLE);
      const figures = tableFigures();
      expect(wb.cell('Sammendrag', 'A1').value).toBeCloseTo(figures.columnSum, 6);
      expect(wb.cell('Sammendrag', 'A2').value).toBe(figures.sumRowTotal);
      noRefErrors();
    }
    expect(wb.table(TABLE)!.sheet).toBe(sheetBefore);
    expect(wb.cell('Sammendrag', 'A1').formula).toBe(SUM_FORMULA);
    expect(wb.cell('Sammendrag', 'A2').formula).toBe(CELL_FORMULA);
    expect(wb.charts[0]!.series).toEqual([`='${TABLE}'!$F$2:$F$20`, `=${TABLE}[Totalt pr kommune]`]);
    expect(wb.sheets.map((s) => s.name).filter((n) => /^DH(tmp|gml)_/.test(n))).toEqual([]);
  });

  it('keeps the table where the user put it and the user cells around it', async () => {
    const host = new ExcelHost({ today: TODAY });
    expect((await refreshBoard(host, HELGELAND_2026, 2026, TODAY)).ok).toBe(true);
    // The user moved the table's sheet last and typed a note beside the table.
    const sheet = wb.table(TABLE)!.sheet;
    wb.sheets.splice(wb.sheets.indexOf(sheet), 1);
    wb.sheets.push(sheet);
    wb.writeValues(sheet, 0, 9, [['Notat fra sekretær']]);
    const again = await refreshBoard(host, withPopulation(HELGELAND_2026, '1833', 1000), 2026, '2026-03-02');
    expect(again.ok, again.message).toBe(true);
    expect(wb.sheets.at(-1)).toBe(sheet);
    expect(wb.cell(TABLE, 'J1').value).toBe('Notat fra sekretær');
  });

  it('a table that shrinks leaves no stale rows, one that grows into user cells is refused with nothing written', async () => {
    const host = new ExcelHost({ today: TODAY });
    const long = { name: 'DH_Funn', headers: ['Melding', 'Kommunenr', 'Antall'], rows: Array.from({ length: 5 }, (_, i) => [`m${i}`, '1833', i]) };
    await host.writeOwnedTable(long);
    wb.addUserFormula('Sammendrag', 'A1', '=SUM(DH_Funn[Antall])');
    await host.writeOwnedTable({ ...long, rows: long.rows.slice(0, 2) });
    expect(wb.tableValues('DH_Funn')).toHaveLength(3);
    expect(wb.read(wb.sheet('DH_Funn')!, 3, 0, 3, 3).flat().every((v) => v === '')).toBe(true);
    expect(wb.cell('Sammendrag', 'A1').value).toBe(1);

    wb.writeValues(wb.sheet('DH_Funn')!, 4, 1, [['brukerens tall']]);
    const before = wb.snapshot();
    await expect(host.writeOwnedTable(long)).rejects.toThrow(/B5.*Ingenting er skrevet/);
    expect(wb.snapshot()).toEqual(before);
  });

  it('a defined name DH_Fordeling_2026 written by the Sheets add-on is taken over, and the refresh succeeds', async () => {
    // A workbook that came from Google Sheets: the add-on wrote a sheet and a named range of the table's name.
    const first = await refreshBoard(new ExcelHost({ today: TODAY }), HELGELAND_2026, 2026, TODAY);
    expect(first.ok).toBe(true);
    // An older Sheets add-on wrote the Sum as the range's last row, its label in the Kommune column.
    const values = wb.tableValues(TABLE)!.map((r, i, all) => (i === all.length - 1 ? ['', 'Sum', ...r.slice(2)] : r));
    const fromSheets = new FakeWorkbook();
    fromSheets.addName(TABLE, TABLE, values);
    fromSheets.addUserFormula('Sammendrag', 'A1', `=SUM(${TABLE})`);
    fromSheets.addUserFormula('Sammendrag', 'A2', CELL_FORMULA);
    wb = fromSheets;
    (globalThis as Record<string, unknown>).Excel = wb.excelGlobal();

    const again = await refreshBoard(new ExcelHost({ today: TODAY }), withPopulation(HELGELAND_2026, '1833', 1000), 2026, '2026-03-02');
    expect(again.ok, again.message).toBe(true);
    const shown = wb.read(wb.sheet(TABLE)!, 0, 0, values.length, values[0]!.length);
    const sumRow = shown.find((r) => r[0] === 'Sum')!;
    expect(wb.cell('Sammendrag', 'A2').value).toBe(sumRow[5]);
    expect(sumRow[5]).not.toBe(values.at(-1)![5]);
    // The name now covers header + members; the Sum row under it is marked by DHsum_<name>, as Sheets writes it.
    expect(wb.namesForRefs().find((n) => n.name === TABLE)!.formula).toMatch(/^='?DH_Fordeling_2026'?!\$A\$1:\$G\$20$/);
    expect(wb.namesForRefs().find((n) => n.name === `DHsum_${TABLE}`)!.formula).toMatch(/^='?DH_Fordeling_2026'?!\$A\$21:\$G\$21$/);
    const members = shown.slice(1, 20).reduce((n, r) => n + (r[2] as number) + (r[3] as number) + (r[4] as number) + (r[5] as number) + (r[6] as number), 0);
    expect(wb.cell('Sammendrag', 'A1').value).toBeCloseTo(members, 4);
    noRefErrors();
    // Read again, the marked row is the totals row, not a member; a second refresh finds no change in it. (The
    // fake computes DH.KOSTNAD cells from the functions' model, not from the changed dataset, so the members differ.)
    const read = await new ExcelHost({ today: TODAY }).readTable(TABLE);
    expect(read!.rows).toHaveLength(19);
    expect(read!.totals![0]).toBe('Sum');
    const third = await refreshBoard(new ExcelHost({ today: TODAY }), withPopulation(HELGELAND_2026, '1833', 1000), 2026, '2026-03-03');
    expect(third.ok && third.value.changes.filter((c) => c.key === '')).toEqual([]);
  });

  it('a defined name DH_Fordeling_2026 that points elsewhere stops the refresh with a Norwegian message, nothing written', async () => {
    wb.addName(TABLE, 'Budsjett', [['mitt eget tall']], 'C3');
    const before = wb.snapshot();
    const result = await refreshBoard(new ExcelHost({ today: TODAY }), HELGELAND_2026, 2026, TODAY);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/navnet «DH_Fordeling_2026».*Budsjett/i);
    expect(wb.table(TABLE)).toBeUndefined();
    expect(wb.sheet(TABLE)).toBeUndefined();
    expect(wb.snapshot()).toMatchObject({ names: (before as { names: string[] }).names });
  });
});

describe('every owned table, not only DH_Fordeling_2026', () => {
  it('a SUM over each table’s last column and a cell reference into each table follow two refreshes, with no #REF!', async () => {
    const host = new ExcelHost({ today: TODAY });
    expect((await refreshBoard(host, HELGELAND_2026, 2026, TODAY)).ok).toBe(true);
    const owned = wb.tables.filter((t) => t.name.startsWith('DH_')).map((t) => t.name);
    expect(owned).toEqual(expect.arrayContaining([TABLE, 'DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Endringer']));
    // Per table: a SUM over a numeric column the totals row sums (else the last column), and references to the
    // first member's cell and to that column's totals cell.
    const columnOf = (name: string): number => {
      const values = wb.tableValues(name)!;
      const totals = wb.table(name)!.showTotals ? values.at(-1)! : undefined;
      const summed = totals ? totals.findIndex((v, c) => c > 0 && typeof v === 'number') : -1;
      return summed >= 0 ? summed : values[0]!.length - 1;
    };
    const columns = new Map(owned.map((name) => [name, columnOf(name)]));
    owned.forEach((name, i) => {
      const header = wb.tableValues(name)![0]!;
      const c = columns.get(name)!;
      wb.addUserFormula('Sammendrag', `A${i + 1}`, `=SUM(${name}[${String(header[c])}])`);
      wb.addUserFormula('Sammendrag', `B${i + 1}`, `='${name}'!A2`);
      if (wb.table(name)!.showTotals && typeof wb.tableValues(name)!.at(-1)![c] === 'number') wb.addUserFormula('Sammendrag', `C${i + 1}`, `='${name}'!${String.fromCharCode(65 + c)}${wb.table(name)!.rows}`);
    });
    for (const [round, delta] of [[1, 2500], [2, -4000]] as const) {
      const next = await refreshBoard(host, withPopulation(HELGELAND_2026, '1833', delta), 2026, `2026-03-0${round + 1}`);
      expect(next.ok, next.message).toBe(true);
      owned.forEach((name, i) => {
        const values = wb.tableValues(name)!;
        const c = columns.get(name)!;
        const withTotals = wb.table(name)!.showTotals === true;
        const body = values.slice(1, withTotals ? -1 : undefined);
        const sum = body.reduce<number>((n, r) => n + (typeof r[c] === 'number' ? (r[c] as number) : 0), 0);
        expect(wb.cell('Sammendrag', `A${i + 1}`).value, name).toBeCloseTo(sum, 6);
        expect(wb.cell('Sammendrag', `B${i + 1}`).value, name).toBe(values[1]![0]);
        if (withTotals && typeof values.at(-1)![c] === 'number') {
          // The Sum the board prints equals what =SUM(Table[Column]) gives: nothing counted twice.
          expect(wb.cell('Sammendrag', `C${i + 1}`).value, name).toBe(values.at(-1)![c]);
          expect(wb.cell('Sammendrag', `A${i + 1}`).value, name).toBeCloseTo(values.at(-1)![c] as number, 6);
        }
      });
      noRefErrors();
    }
    expect(owned.filter((name) => wb.table(name)!.showTotals)).toEqual(owned.filter((n) => n !== 'DH_Endringer'));
  });
});
