// Refresh in place in Google Sheets (issue 9): the user's formulas that point at an owned table — through its
// named range or straight at a cell — give the new figures after refreshes, and never #REF!. The fake rewrites
// references on rename and breaks them on delete (tests/fakes/apps-script/references.ts), and runs concurrent
// google.script.run calls interleaved unless a document lock serialises them (tests/fakes/apps-script/lock.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { boardTables, HELGELAND_2026, type Dataset, type OwnedTable } from '../../core/index.js';
import { refreshBoard } from '../../ui/actions.js';
import { createGsheetsHost } from '../../addin-gsheets/src/sidebar/gsheets-host.js';
import { fakeScriptRun, type AppsScriptFake, type AppsScriptRuntime } from '../fakes/apps-script/index.js';
import { ensureBuilt, loadAddon } from './helpers.js';

beforeAll(ensureBuilt);

const TODAY = '2026-11-21';
const TABLE = 'DH_Fordeling_2026';

function withPopulation(base: Dataset, kommunenr: string, delta: number): Dataset {
  return { ...base, members: base.members.map((m) => (m.kommunenr === kommunenr ? { ...m, population: m.population + delta } : m)) };
}

function setup(interleave = false): { fake: AppsScriptFake; runtime: AppsScriptRuntime; host: ReturnType<typeof createGsheetsHost> } {
  const { fake, runtime } = loadAddon();
  return { fake, runtime, host: createGsheetsHost({ run: fakeScriptRun(runtime, { calls: [] }, { interleave }) }) };
}

/** Every formula in the spreadsheet, to show no #REF! appeared. */
function allFormulas(fake: AppsScriptFake): string[] {
  return fake.spreadsheet.sheets.flatMap((s) => [...s.cells.values()].map((c) => c.formula ?? '')).filter(Boolean);
}

describe('the Sheets fake treats references as Sheets does', () => {
  it('renaming a sheet rewrites formulas that point at it; deleting it turns them into #REF!', () => {
    const { fake } = setup();
    const ss = fake.spreadsheet;
    ss.putSheet('Data', [['Navn', 'Beløp'], ['a', 1], ['b', 2]], { namedRange: 'Salg' });
    const summary = ss.putSheet('Sammendrag', [['=SUM(Salg)', "='Data'!B3"]]);
    expect(summary.snapshot()[0]).toEqual([3, 2]);
    ss.sheet('Data')!.setName('Data gammel');
    expect(summary.formulaAt('B1')).toBe("='Data gammel'!B3");
    expect(summary.snapshot()[0]).toEqual([3, 2]);
    ss.deleteSheet(ss.sheet('Data gammel')!);
    expect(summary.formulaAt('B1')).toBe('=#REF!');
    expect(summary.snapshot()[0]).toEqual(['#REF!', '#REF!']);
  });

  it('concurrent executions interleave at a write unless the first holds the document lock', () => {
    const { fake, runtime } = setup();
    const sheet = fake.spreadsheet.getActiveSheet();
    const order: string[] = [];
    const job = (tag: string, lock: boolean) => () =>
      runtime.execute((g) => {
        const held = lock ? g.LockService.getDocumentLock() : undefined;
        held?.waitLock(1000);
        order.push(`${tag}:start`);
        sheet.getRange(1, 1).setValue(tag);
        order.push(`${tag}:end`);
        held?.releaseLock();
      });
    fake.locks.waiting.push(job('b', false));
    job('a', false)();
    expect(order).toEqual(['a:start', 'b:start', 'b:end', 'a:end']);
    expect(fake.locks.interleaved).toBe(1);
    order.length = 0;
    fake.locks.waiting.push(job('d', true));
    job('c', true)();
    expect(order).toEqual(['c:start', 'c:end', 'd:start', 'd:end']);
  });
});

describe('writeOwnedTable in Sheets refreshes in place', () => {
  it('a user formula through the named range and a cell reference give the new figures after two refreshes, with no #REF!', async () => {
    const { fake, host } = setup();
    const first = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(first.ok, first.message).toBe(true);
    const ss = fake.spreadsheet;
    const summary = ss.putSheet('Sammendrag', [[`=SUM(${TABLE})`, `='${TABLE}'!C21`]]);
    const sheet = ss.sheet(TABLE)!;
    // The named range is header + members; the Sum row stands under it, so =SUM over the range counts each
    // member once: it equals the Sum row's own figures added up (each is its column's sum).
    const sumFigures = (sheet.snapshot()[20] ?? []).filter((v): v is number => typeof v === 'number').reduce((a, b) => a + b, 0);
    expect(sheet.snapshot()[20]![0]).toBe('Sum');
    expect(summary.snapshot()[0]![0]).toBeCloseTo(sumFigures, 4);
    for (const [i, delta] of [[1, 2500], [2, -4000]] as const) {
      const next = await refreshBoard(host, withPopulation(HELGELAND_2026, '1833', delta), 2026, `2026-11-2${i + 1}`);
      expect(next.ok, next.message).toBe(true);
      if (!next.ok) return;
      expect(next.value.written).toContain(TABLE);
      expect(ss.sheet(TABLE)).toBe(sheet);
      const shown = sheet.snapshot();
      const sumRow = shown.find((r) => r[0] === 'Sum')!;
      expect(shown.indexOf(sumRow)).toBe(20);
      const numbers = shown.slice(0, 20).flat().filter((v): v is number => typeof v === 'number').reduce((a, b) => a + b, 0);
      expect(summary.snapshot()[0]![1]).toBe(sumRow[2]);
      expect(sumRow[2]).toBe(HELGELAND_2026.members.reduce((n, m) => n + m.population, 0) + delta);
      expect(summary.snapshot()[0]![0]).toBeCloseTo(numbers, 6);
      expect(allFormulas(fake).filter((f) => f.includes('#REF!'))).toEqual([]);
    }
    expect(summary.formulaAt('A1')).toBe(`=SUM(${TABLE})`);
    expect(summary.formulaAt('B1')).toBe(`='${TABLE}'!C21`);
    expect(ss.sheets.some((s) => s.name.includes('(skrives)') || s.name.includes('(gammel)'))).toBe(false);
  });

  it('a named range an older add-on wrote with the Sum inside is cut to header + members, the Sum row marked under it', async () => {
    const { fake, host } = setup();
    const built = boardTables(HELGELAND_2026, 2026);
    if (!built.ok) throw new Error(built.error.message);
    const fordeling = built.value[0]!;
    const plain = (c: unknown) => (typeof c === 'object' && c !== null && 'value' in c ? (c as { value: unknown }).value : c);
    const totals = fordeling.totals!.map(plain);
    const ss = fake.spreadsheet;
    ss.putSheet(TABLE, [[...fordeling.headers], ...fordeling.rows.map((r) => r.map(plain)), ['', 'Sum', ...totals.slice(2)]] as never, { namedRange: TABLE });
    const summary = ss.putSheet('Sammendrag', [[`=SUM(${TABLE})`, `='${TABLE}'!F21`]]);
    const before = summary.snapshot()[0]![0] as number;
    const first = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(first.ok, first.message).toBe(true);
    expect(first.ok && first.value.changes.filter((c) => c.table === TABLE).map((c) => `${c.before} → ${c.after}`)).toEqual(['datarad → totalrad']);
    expect(ss.getRangeByName(TABLE)!.getNumRows()).toBe(20);
    expect(ss.getRangeByName(`DHsum_${TABLE}`)!.getRow()).toBe(21);
    const after = summary.snapshot()[0]!;
    // Before, the Sum row was inside the range and counted with the members; now it is not.
    const sumFigures = (ss.sheet(TABLE)!.snapshot()[20] ?? []).filter((v): v is number => typeof v === 'number').reduce((a, b) => a + b, 0);
    expect(before).toBeCloseTo(2 * sumFigures, 4);
    expect(after[0]).toBeCloseTo(sumFigures, 4);
    expect(after[1]).toBe(totals[5]);
    // Read back, the Sum is the table's totals; a second refresh writes nothing.
    const read = await host.readTable(TABLE);
    expect(read!.rows).toHaveLength(19);
    expect(read!.totals![0]).toBe('Sum');
    const again = await refreshBoard(host, HELGELAND_2026, 2026, '2026-11-22');
    expect(again.message).toMatch(/^Ingen endringer/);
  }, 60_000);

  it('a shorter table clears the rows it no longer covers and keeps the user’s note beside it', async () => {
    const { fake, host } = setup();
    const funn = (n: number): OwnedTable => ({ name: 'DH_Funn', headers: ['Melding', 'Kommunenr', 'Antall'], rows: Array.from({ length: n }, (_, i) => [`m${i}`, '1833', i]) });
    await host.writeOwnedTable(funn(5));
    const sheet = fake.spreadsheet.sheet('DH_Funn')!;
    sheet.getRange(1, 6).setValue('Notat');
    await host.writeOwnedTable(funn(2));
    expect(sheet.snapshot().map((r) => r.slice(0, 3))).toEqual([
      ['Melding', 'Kommunenr', 'Antall'],
      ['m0', '1833', 0],
      ['m1', '1833', 1],
    ]);
    expect(sheet.snapshot()[0]![5]).toBe('Notat');
    expect(fake.spreadsheet.getRangeByName('DH_Funn')!.getNumRows()).toBe(3);
  });

  it('a named range DH_Fordeling_2026 that points at the user’s own cells stops the write with a Norwegian message, nothing written', async () => {
    const { fake, host } = setup();
    const ss = fake.spreadsheet;
    ss.putSheet('Budsjett', [['', ''], ['', 'mitt tall']], { namedRange: TABLE, at: { row: 2, column: 2 } });
    const before = ss.sheets.map((s) => [s.name, s.snapshot()]);
    const table = boardTables(HELGELAND_2026, 2026);
    if (!table.ok) throw new Error(table.error.message);
    await expect(host.writeOwnedTable(table.value[0]!)).rejects.toThrow(/navngitt område «DH_Fordeling_2026» som peker på «Budsjett»!B2:C3.*Ingenting er skrevet/);
    expect(ss.sheets.map((s) => [s.name, s.snapshot()])).toEqual(before);
  });

  it('two writes of one table sent at once do not interleave: the document lock serialises them', async () => {
    const { fake, host } = setup(true);
    await host.writeOwnedTable({ name: 'DH_Funn', headers: ['Melding', 'Antall'], rows: [['v0', 0]] });
    const a: OwnedTable = { name: 'DH_Funn', headers: ['Melding', 'Antall'], rows: Array.from({ length: 30 }, (_, i) => ['a', i]) };
    const b: OwnedTable = { name: 'DH_Funn', headers: ['Melding', 'Antall'], rows: Array.from({ length: 3 }, (_, i) => ['b', i]) };
    const results = await Promise.allSettled([host.writeOwnedTable(a), host.writeOwnedTable(b)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    // The last one to take the lock wins, whole: the table is b, with nothing of a left below it.
    const shown = fake.spreadsheet.sheet('DH_Funn')!.snapshot();
    expect(shown.filter((r) => r[0] !== '')).toEqual([['Melding', 'Antall'], ['b', 0], ['b', 1], ['b', 2]]);
    expect(fake.spreadsheet.sheets.map((s) => s.name).filter((n) => n.includes('(skrives)'))).toEqual([]);
  });
});

describe('every owned table in Sheets, not only DH_Fordeling_2026', () => {
  it('a SUM over each named range and a cell reference into each table follow two refreshes, with no #REF!', async () => {
    const { fake, host } = setup();
    expect((await refreshBoard(host, HELGELAND_2026, 2026, TODAY)).ok).toBe(true);
    const ss = fake.spreadsheet;
    const owned = ss.namedRanges.map((n) => n.name).filter((n) => n.startsWith('DH_'));
    expect(owned).toEqual(expect.arrayContaining([TABLE, 'DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Endringer']));
    const summary = ss.putSheet('Sammendrag', owned.map((name) => [`=SUM(${name})`, `='${name}'!B2`]));
    for (const [round, delta] of [[1, 2500], [2, -4000]] as const) {
      const next = await refreshBoard(host, withPopulation(HELGELAND_2026, '1833', delta), 2026, `2026-11-2${round + 1}`);
      expect(next.ok, next.message).toBe(true);
      const shown = summary.snapshot();
      owned.forEach((name, i) => {
        const table = ss.getRangeByName(name)!;
        const values = ss.sheet(table.sheet.name)!.snapshot().slice(table.row - 1, table.row - 1 + table.rows);
        const numbers = values.flat().filter((v): v is number => typeof v === 'number').reduce((a, b) => a + b, 0);
        expect(shown[i]![0], name).toBeCloseTo(numbers, 6);
        // The Sum row, where the table has one, stands right under the range, marked, and outside the SUM.
        const marker = ss.getRangeByName(`DHsum_${name}`);
        if (name !== 'DH_Endringer') expect(marker?.getRow(), name).toBe(table.row + table.rows);
        expect(shown[i]![1], name).toBe(values[1]![1]);
      });
      expect(allFormulas(fake).filter((f) => f.includes('#REF!'))).toEqual([]);
    }
  }, 120_000);
});

describe('the owned tables the panel writes on demand in Sheets: DH_Scenario and DH_Funn', () => {
  it('a SUM over each named range and a cell reference into each follow two writes; the Sum row stays outside, no #REF!', async () => {
    const { scenarioView, writeScenario } = await import('../../ui/hvaom/actions.js');
    const { findingsTable } = await import('../../ui/findings/actions.js');
    const { fake, host } = setup();
    const ss = fake.spreadsheet;
    const finding = (row: number) => ({ rule: 'kontroll.sum', severity: 'error' as const, sheet: 'Fordeling', cell: `F${row}`, row, column: 'Totalt', message: `Feil i rad ${row}` });
    const scenarios = [
      { without: ['1833'], sameTotal: false },
      { without: ['1833', '1824'], addName: 'Bodø', addPopulation: '53 000', sameTotal: true },
    ];
    let summary: ReturnType<typeof ss.putSheet> | undefined;
    for (const [round, input] of scenarios.entries()) {
      const view = scenarioView(HELGELAND_2026, 2026, input);
      if (!view.ok) throw new Error(view.message);
      const written = await writeScenario(host, view.value, `2026-11-2${round + 1}`);
      expect(written.ok, written.message).toBe(true);
      await host.writeOwnedTable(findingsTable(Array.from({ length: 3 + round * 4 }, (_, i) => finding(i + 2))));
      summary ??= ss.putSheet('Sammendrag', [['=SUM(DH_Scenario)', "='DH_Scenario'!F2"], ['=SUM(DH_Funn)', "='DH_Funn'!D2"]]);
      const shown = summary.snapshot();
      const range = ss.getRangeByName('DH_Scenario')!;
      const values = ss.sheet('DH_Scenario')!.snapshot();
      const inRange = values.slice(0, range.getNumRows()).flat().filter((v): v is number => typeof v === 'number').reduce((a, b) => a + b, 0);
      expect(values[range.getNumRows()]![0]).toBe('Sum');
      expect(ss.getRangeByName('DHsum_DH_Scenario')!.getRow()).toBe(range.getNumRows() + 1);
      expect(shown[0]![0]).toBeCloseTo(inRange, 6);
      expect(shown[0]![1]).toBe(values[1]![5]);
      const funn = ss.sheet('DH_Funn')!.snapshot().slice(1, ss.getRangeByName('DH_Funn')!.getNumRows());
      expect(shown[1]![0]).toBe(funn.reduce((n, r) => n + (r[4] as number), 0));
      expect(shown[1]![1]).toBe(funn[0]![3]);
      expect(allFormulas(fake).filter((f) => f.includes('#REF!'))).toEqual([]);
    }
    expect(summary!.snapshot()[1]![0]).toBe(2 + 3 + 4 + 5 + 6 + 7 + 8);
  }, 120_000);
});
