// The sidebar's PanelHost (addin-gsheets/src/sidebar/gsheets-host.ts) over google.script.run, connected to
// the server functions of the BUILT Code.js in the Apps Script fake: every call is one server execution.
import { beforeAll, describe, expect, it } from 'vitest';
import { boardTables, gevinstTemplate, HELGELAND_2026, type OwnedTable } from '../../core/index.js';
import { loadDataset, refreshBoard } from '../../ui/actions.js';
import type { PanelHost } from '../../ui/host.js';
import { createGsheetsHost, serverError } from '../../addin-gsheets/src/sidebar/gsheets-host.js';
import { fakeScriptRun, zonedMidnight, type AppsScriptFake, type AppsScriptRuntime, type FakeSheet } from '../fakes/apps-script/index.js';
import { ensureBuilt, loadAddon } from './helpers.js';

beforeAll(ensureBuilt);

const TODAY = '2026-11-21';

function setup(chunkRows?: number): { fake: AppsScriptFake; runtime: AppsScriptRuntime; host: PanelHost; calls: { name: string; args: unknown[] }[] } {
  const { fake, runtime } = loadAddon();
  const log = { calls: [] as { name: string; args: unknown[] }[] };
  const host = createGsheetsHost({ run: fakeScriptRun(runtime, log), ...(chunkRows ? { chunkRows } : {}) });
  return { fake, runtime, host, calls: log.calls };
}

/** Everything a user could see of a sheet: values and formulas. */
function picture(sheet: FakeSheet | undefined) {
  if (!sheet) return undefined;
  const values = sheet.snapshot();
  return { values, formulas: values.map((row, r) => row.map((_, c) => sheet.cell(r + 1, c + 1)?.formula ?? '')) };
}

function boardTable(name: string): OwnedTable {
  const built = boardTables(HELGELAND_2026, 2026);
  if (!built.ok) throw new Error(built.error.message);
  return built.value.find((t) => t.name === name)!;
}

describe('refresh (planRefresh → writeOwnedTable for plan.toWrite)', () => {
  it('writes the board tables once; a second refresh changes nothing', async () => {
    const { fake, host, calls } = setup();
    const first = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(first.ok, first.message).toBe(true);
    if (!first.ok) return;
    expect(first.value.written).toEqual(['DH_Fordeling_2026', 'DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus', 'DH_Balanse', 'DH_Endringer']);
    const ss = fake.spreadsheet;
    for (const name of first.value.written) {
      expect(ss.sheet(name), name).toBeDefined();
      expect(ss.namedRanges.find((n) => n.name === name)?.sheet).toBe(ss.sheet(name));
    }
    expect(ss.sheets.some((s) => s.name.includes('(skrives)') || s.name.includes('(gammel)'))).toBe(false);
    // the total column is live =DH_KOSTNAD formulas (Sheets syntax); kommunenummer stay text
    const fordeling = ss.sheet('DH_Fordeling_2026')!;
    expect(fordeling.formulaAt('F2')).toBe('=DH_KOSTNAD("1811",2026)');
    expect(fordeling.formulaAt('A2')).toBe('');
    expect(fordeling.snapshot()[1]![0]).toBe('1811');
    expect(fordeling.snapshot().find((r) => r[0] === '1833')![5]).toBe(752197.48);
    expect(fordeling.frozenRows).toBe(1);

    const before = Object.fromEntries(ss.sheets.map((s) => [s.name, picture(s)]));
    const writesBefore = calls.filter((c) => c.name === 'dhWriteOwnedTable').length;
    const second = await refreshBoard(host, HELGELAND_2026, 2026, '2026-11-22');
    expect(second.ok, second.message).toBe(true);
    if (!second.ok) return;
    expect(second.value.written).toEqual([]);
    expect(second.value.changes).toEqual([]);
    expect(second.message).toBe('Ingen endringer: alle tabeller er oppdatert, ingenting er skrevet.');
    expect(calls.filter((c) => c.name === 'dhWriteOwnedTable').length).toBe(writesBefore);
    expect(Object.fromEntries(ss.sheets.map((s) => [s.name, picture(s)]))).toEqual(before);
  });

  it('stays idempotent while Sheets still shows «Loading…» in the DH_KOSTNAD cells', async () => {
    const { fake, host } = setup();
    await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    const evaluate = fake.evaluator;
    fake.evaluator = (formula, sheet) => (formula.startsWith('=DH_') ? 'Loading...' : evaluate?.(formula, sheet));
    const again = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(again.ok && again.value.written).toEqual([]);
    const read = await host.readTable('DH_Fordeling_2026');
    expect(read!.rows.find((r) => r[0] === '1833')![5]).toBe(752197.48);
  });

  it('a changed input (DH_Kommuner in the workbook) rewrites only what changed and logs it', async () => {
    const { fake, host } = setup();
    await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    const kommuner = [['Kommunenr', 'Kommune', 'Innbyggere'], ...HELGELAND_2026.members.map((m) => [m.kommunenr, m.name, m.kommunenr === '1833' ? 26000 : m.population])];
    fake.spreadsheet.putSheet('DH_Kommuner', kommuner);
    const loaded = await loadDataset(host);
    expect(loaded.ok, loaded.message).toBe(true);
    if (!loaded.ok) return;
    const result = await refreshBoard(host, loaded.value.dataset, 2026, TODAY);
    expect(result.ok, result.message).toBe(true);
    if (!result.ok) return;
    expect(result.value.written).toContain('DH_Fordeling_2026');
    expect(result.value.written).toContain('DH_Endringer');
    expect(result.value.changes.some((c) => c.key === '1833' && c.column.startsWith('Innbyggere'))).toBe(true);
    const log = fake.spreadsheet.sheet('DH_Endringer')!.snapshot();
    expect(log[0]).toEqual(['Oppdatert', 'Tabell', 'Nøkkel', 'Rad', 'Kolonne', 'Før', 'Etter']);
    expect(log.some((r) => r[2] === '1833' && r[5] === '25899' && r[6] === '26000')).toBe(true);
    expect(log[1]![0]).toBe(TODAY); // a date written as text stays the text it was
  });
});

describe('writeOwnedTable', () => {
  it('refuses a name the add-in does not own, on the client and on the server', async () => {
    const { fake, runtime, host } = setup();
    fake.spreadsheet.putSheet('DH_Kommuner', [['Kommunenr', 'Kommune', 'Innbyggere'], ['1833', 'Rana', 25899]]);
    const before = picture(fake.spreadsheet.sheet('DH_Kommuner'));
    for (const name of ['DH_Kommuner', 'Ark1', 'DH_Fordeling_26', 'DH_Register']) {
      await expect(host.writeOwnedTable({ name, headers: ['A'], rows: [['x']] })).rejects.toThrow(/er ikke en tabell DH-tillegget eier/);
      expect(() => runtime.execute((g) => g.dhWriteOwnedTable(JSON.stringify({ name, headers: ['A'], rows: [['x']] })))).toThrow(/er ikke en tabell DH-tillegget eier/);
    }
    expect(picture(fake.spreadsheet.sheet('DH_Kommuner'))).toEqual(before);
    expect(fake.count('Spreadsheet.insertSheet')).toBe(0);
    expect(() => runtime.execute((g) => g.dhWriteOwnedTable('{ikke json'))).toThrow('Tabellen fra panelet er ikke gyldig JSON.');
    expect(() => runtime.execute((g) => g.dhWriteOwnedTable(JSON.stringify({ name: 'DH_RPA' })))).toThrow(/mangler navn, overskrifter eller rader/);
  });

  it('writes text that starts with = + - @ as text, never as a formula', async () => {
    const { fake, host } = setup();
    const risky = ['=HACK()', '+SUM(A1:A9)', '-IMPORTXML("x")', '@HACK', "'sitat", '=1+1', '0301', 'TRUE', '2026-12-31', '-5'];
    await host.writeOwnedTable({ name: 'DH_Funn', headers: ['Melding', '=Overskrift'], rows: risky.map((r) => [r, 1]) });
    const sheet = fake.spreadsheet.sheet('DH_Funn')!;
    const values = sheet.snapshot();
    expect(values[0]).toEqual(['Melding', '=Overskrift']);
    expect(values.slice(1).map((r) => r[0])).toEqual(risky);
    for (let r = 1; r <= risky.length + 1; r++) for (let c = 1; c <= 2; c++) expect(sheet.cell(r, c)?.formula, `rad ${r}`).toBeUndefined();
    expect(values[1]![1]).toBe(1);
  });

  it('only catalog functions become formulas; other formula cells are written as their value', async () => {
    const { fake, host } = setup();
    const table: OwnedTable = {
      name: 'DH_Fordeling_2030',
      headers: ['Kommunenr', 'Totalt'],
      rows: [
        ['1833', { formula: { fn: 'KOSTNAD', args: ['1833', 2030] }, value: 1 }],
        ['1824', { formula: { fn: 'HACK', args: [] }, value: '=HACK()' }],
        ['1826', { formula: { fn: 'KOSTNAD', args: ['1826") + HACK("', 2030] }, value: 2 }],
      ],
    };
    await host.writeOwnedTable(table);
    const sheet = fake.spreadsheet.sheet('DH_Fordeling_2030')!;
    expect(sheet.formulaAt('B2')).toBe('=DH_KOSTNAD("1833",2030)');
    expect(sheet.formulaAt('B3')).toBe('');
    expect(sheet.snapshot()[2]![1]).toBe('=HACK()');
    expect(sheet.formulaAt('B4')).toBe('=DH_KOSTNAD("1826"") + HACK(""",2030)'); // quotes escaped: one text argument
  });

  it('an injected failure mid-write leaves the previous table intact', async () => {
    const { fake, host } = setup();
    await host.writeOwnedTable(boardTable('DH_Fordeling_2026'));
    const ss = fake.spreadsheet;
    const before = picture(ss.sheet('DH_Fordeling_2026'));
    const sheetId = ss.sheet('DH_Fordeling_2026')!.id;
    const changed: OwnedTable = { ...boardTable('DH_Fordeling_2026'), rows: boardTable('DH_Fordeling_2026').rows.slice(0, 3) };
    const failures = [
      { op: 'Range.setFormulas', sheet: /\(skrives\)$/ },
      { op: 'Range.setValues', sheet: /\(skrives\)$/ },
      { op: 'Sheet.insertRowsAfter' },
      { op: 'SpreadsheetApp.flush' },
      { op: 'Range.copyTo' }, // copying the complete new version into place
    ];
    for (const rule of failures) {
      const op = rule.op;
      fake.failOn(rule);
      const bigger: OwnedTable = rule.op === 'Sheet.insertRowsAfter' ? { ...changed, rows: Array.from({ length: 1200 }, (_, i) => [String(i), 'x']) } : changed;
      await expect(host.writeOwnedTable(bigger), op).rejects.toThrow(/^Kunne ikke skrive DH_Fordeling_2026: .*Forrige versjon er beholdt\.$/);
      fake.clearFailures();
      expect(picture(ss.sheet('DH_Fordeling_2026')), op).toEqual(before);
      expect(ss.sheet('DH_Fordeling_2026')!.id, op).toBe(sheetId);
      expect(ss.getRangeByName('DH_Fordeling_2026')?.sheet.id, op).toBe(sheetId);
      expect(ss.sheets.map((s) => s.name).filter((n) => n.includes('DH_Fordeling')), op).toEqual(['DH_Fordeling_2026']);
    }
    // and the next attempt succeeds
    await host.writeOwnedTable(changed);
    // Header + 3 members in the named range, the Sum row under it (marked DHsum_DH_Fordeling_2026).
    expect(ss.sheet('DH_Fordeling_2026')!.snapshot()).toHaveLength(5);
    expect(ss.getRangeByName('DH_Fordeling_2026')!.getNumRows()).toBe(4);
    expect(ss.getRangeByName('DHsum_DH_Fordeling_2026')!.getRow()).toBe(5);
  });

  it('keeps the sheet position and the user’s active sheet', async () => {
    const { fake, host } = setup();
    fake.spreadsheet.putSheet('Notater', [['x']]);
    await host.writeOwnedTable(boardTable('DH_RPA'));
    fake.spreadsheet.putSheet('Etter', [['y']]);
    const order = fake.spreadsheet.sheets.map((s) => s.name);
    fake.spreadsheet.active = fake.spreadsheet.sheet('Notater')!;
    await host.writeOwnedTable(boardTable('DH_RPA'));
    expect(fake.spreadsheet.sheets.map((s) => s.name)).toEqual(order);
    expect(fake.spreadsheet.active.name).toBe('Notater');
  });

  it('grows the grid for tables larger than a new sheet (1000 × 26)', async () => {
    const { fake, host } = setup();
    const rows = Array.from({ length: 1500 }, (_, i) => [String(i), ...Array.from({ length: 29 }, (_, c) => c)]);
    await host.writeOwnedTable({ name: 'DH_Funn', headers: Array.from({ length: 30 }, (_, c) => `K${c}`), rows });
    const range = fake.spreadsheet.getRangeByName('DH_Funn')!;
    expect([range.rows, range.columns]).toEqual([1501, 30]);
    expect(fake.spreadsheet.sheet('DH_Funn')!.snapshot()[1500]![29]).toBe(28);
  });
});

describe('other host operations', () => {
  it('listTables and readTable (named range first, else a sheet; dates as text)', async () => {
    const { fake, host } = setup();
    const oslo = zonedMidnight(2025, 6, 30, 'Europe/Oslo');
    fake.spreadsheet.putSheet('Oppsett', [['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'], [1833, 'Rana', 25899, oslo]], { namedRange: 'DH_Kommuner', at: { row: 2, column: 3 } });
    fake.spreadsheet.putSheet('DH_Nokkel', [['År', 'Fast beløp'], [2026, 1]]);
    fake.spreadsheet.putSheet('Annet', [['x']]);
    expect(await host.listTables()).toEqual(['DH_Kommuner', 'DH_Nokkel']);
    expect(await host.readTable('DH_Kommuner')).toEqual({
      name: 'DH_Kommuner',
      sheet: 'Oppsett',
      headers: ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'],
      rows: [[1833, 'Rana', 25899, '2025-06-30']],
      originRow: 2,
      originColumn: 3,
    });
    expect((await host.readTable('DH_Nokkel'))?.sheet).toBe('DH_Nokkel');
    expect(await host.readTable('DH_Prosjekter')).toBeUndefined();
  });

  it('readActiveSheet reads in chunks below the per-call cell limit, with progress', async () => {
    const { fake, host, calls } = setup(2000);
    const oslo = zonedMidnight(2026, 12, 31, 'Europe/Oslo');
    const values = [Array.from({ length: 8 }, (_, c) => `Kolonne ${c}`), ...Array.from({ length: 4999 }, (_, r) => [`System ${r}`, r, r % 2 === 0, oslo, '', 'x', r * 1.5, '=HACK'])];
    fake.spreadsheet.putSheet('Systemoversikt', values);
    fake.spreadsheet.active = fake.spreadsheet.sheet('Systemoversikt')!;
    const progress: number[] = [];
    const read = await host.readActiveSheet((f) => progress.push(f));
    expect(read.sheet).toBe('Systemoversikt');
    expect([read.originRow, read.originColumn]).toEqual([1, 1]);
    expect(read.values).toHaveLength(5000);
    expect(read.values[1]).toEqual(['System 0', 0, true, '2026-12-31', '', 'x', 0, '#NAME?']);
    const chunkCalls = calls.filter((c) => c.name === 'dhReadActiveSheet');
    expect(chunkCalls).toHaveLength(3);
    expect(chunkCalls.slice(1).every((c) => c.args[2] === 'Systemoversikt')).toBe(true);
    expect(progress).toEqual([0.4, 0.8, 1]);
  });

  it('the server caps each chunk at 20 000 cells', () => {
    const { fake, runtime } = setup();
    fake.spreadsheet.putSheet('Bred', Array.from({ length: 3000 }, (_, r) => Array.from({ length: 40 }, (_, c) => r * c)));
    fake.spreadsheet.active = fake.spreadsheet.sheet('Bred')!;
    const chunk = runtime.execute((g) => g.dhReadActiveSheet(0, 100000, null));
    expect(chunk.values.length * chunk.columns).toBeLessThanOrEqual(20_000);
    expect(chunk).toMatchObject({ totalRows: 3000, columns: 40, offset: 0, nextOffset: 500, done: false });
  });

  it('an empty active sheet reads as no values', async () => {
    const { host } = setup();
    expect(await host.readActiveSheet()).toEqual({ sheet: 'Ark1', values: [], originRow: 1, originColumn: 1 });
  });

  it('insertTemplate creates a missing template and never overwrites one', async () => {
    const { fake, host } = setup();
    expect(await host.insertTemplate(gevinstTemplate())).toBe('created');
    const sheet = fake.spreadsheet.sheet('DH_Gevinst')!;
    expect(sheet.snapshot()[0]).toEqual([...gevinstTemplate().headers]);
    sheet.mutableCell(2, 1).value = 'Mine egne data';
    const before = picture(sheet);
    expect(await host.insertTemplate(gevinstTemplate())).toBe('exists');
    expect(picture(fake.spreadsheet.sheet('DH_Gevinst'))).toEqual(before);
  });

  it('selectCell activates the sheet and the cell', async () => {
    const { fake, host } = setup();
    fake.spreadsheet.putSheet('Register', [['a']]);
    await host.selectCell('Register', 'C12');
    expect(fake.spreadsheet.active.name).toBe('Register');
    expect(fake.spreadsheet.activeRange?.getA1Notation()).toBe('C12');
    await expect(host.selectCell('Finnes ikke', 'A1')).rejects.toThrow('Fant ikke arket «Finnes ikke».');
    await expect(host.selectCell('Register', 'ikke en celle')).rejects.toThrow('«ikke en celle» er ikke en celleadresse (f.eks. C12).');
  });

  it('highlights findings and puts the previous colours back (unless the user recoloured a cell)', async () => {
    const { fake, host } = setup();
    const sheet = fake.spreadsheet.putSheet('Register', [['a', 'b', 'c']]);
    sheet.mutableCell(3, 2).background = '#00ff00';
    await host.highlightCells!([
      { sheet: 'Register', cell: 'B3', severity: 'warning' },
      { sheet: 'Register', cell: 'B3', severity: 'error' },
      { sheet: 'Register', cell: 'A900', severity: 'info' },
      { sheet: 'Register', cell: '', severity: 'info' },
      { sheet: 'Finnes ikke', cell: 'A1', severity: 'error' },
    ]);
    expect(sheet.cell(3, 2)!.background).toBe('#f4c7c3');
    expect(sheet.cell(900, 1)!.background).toBe('#c9daf8');
    expect(fake.count('Range.getBackgrounds')).toBe(2); // two bands of rows, each read once
    sheet.mutableCell(900, 1).background = '#123456';
    await host.clearHighlights!();
    expect(sheet.cell(3, 2)!.background).toBe('#00ff00');
    expect(sheet.cell(900, 1)!.background).toBe('#123456');
    expect(fake.documentProperties.values.size).toBe(0);
  });

  it('server errors reach the panel as Norwegian messages without the Apps Script prefix', async () => {
    expect(serverError(new Error('Exception: Fant ikke arket «X».')).message).toBe('Fant ikke arket «X».');
    expect(serverError({ message: 'Error: Noe gikk galt' }).message).toBe('Noe gikk galt');
    expect(serverError('ScriptError: Tidsavbrudd').message).toBe('Tidsavbrudd');
  });
});
