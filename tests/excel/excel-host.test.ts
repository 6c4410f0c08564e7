// ExcelHost (addin-excel/src/taskpane/excel-host.ts) against a mocked Excel: office-addin-mock proxies over
// a hand-written workbook (tests/excel/fake-excel.ts explains what the library cannot model).
import { describe, expect, it } from 'vitest';
import { gevinstTemplate, HELGELAND_2026, type OwnedTable } from '../../core/index.js';
import { refreshBoard } from '../../ui/actions.js';
import { getModel, getModelStore, invoke } from '../../addin-excel/src/functions/adapter.js';
import { ExcelHost, MARK_COLOURS, MAX_PAYLOAD_BYTES, rowsPerChunk, sheetOfAddress } from '../../addin-excel/src/taskpane/excel-host.js';
import { withFakeExcel } from './helpers.js';
import { FakeWorkbook, NOT_LOADED } from './fake-excel.js';

const TODAY = '2026-03-01';
const REGISTER_HEADERS = [
  'Kommune', 'Kommunenr', 'System', 'Leverandør', 'Versjon', 'Tjenesteområde', 'Systemtype', 'Systemeier', 'Systemansvarlig',
  'Antall brukere', 'Moduler i bruk', 'Integrasjoner', 'Arkivverdig', 'Bevaringsverdig', 'Personopplysninger', 'Avtaletype',
  'Avtale utløper', 'Oppsigelsestid (mnd)', 'Kostnad pr mnd', 'Uttrekk/depot', 'Status',
];

/** A systemoversikt with `rows` data rows below the header (21 columns, SPEC §5). */
function registerValues(rows: number): unknown[][] {
  const members = HELGELAND_2026.members;
  const systems = ['Elements', 'Visma Enterprise', 'Gerica', 'Profil', 'WinMed', 'Acos WebSak', 'Unit4', 'Familia'];
  const out: unknown[][] = [REGISTER_HEADERS];
  for (let i = 0; i < rows; i++) {
    const m = members[i % members.length]!;
    out.push([
      m.name, m.kommunenr, `${systems[i % systems.length]} ${i}`, i % 3 ? 'Visma AS' : 'Sikri', `${1 + (i % 9)}.${i % 10}`, 'Oppvekst', 'Fagsystem',
      'Kommunalsjef', 'Systemansvarlig', 10 + (i % 200), 'Alle', 'KS SvarUt', i % 2 ? 'Ja' : 'Nei', 'Nei', 'Ja', 'Lisens',
      '31.12.2027', 6, 1250.5 + (i % 100), i % 5 ? 'Plan 2027' : '', 'I bruk',
    ]);
  }
  return out;
}

let wb: FakeWorkbook;

withFakeExcel(TODAY, (fresh) => (wb = fresh));

describe('the fake is strict like office-addin-mock', () => {
  it('reading a property that was not loaded gives the mock error string, not a value', async () => {
    wb.addSheet('Ark1', [['a', 'b']]);
    await (globalThis as any).Excel.run(async (context: any) => {
      const range = context.workbook.worksheets.getItem('Ark1').getRange('A1:B1');
      expect(range.values).toBe(NOT_LOADED);
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([['a', 'b']]);
    });
  });
});

describe('readActiveSheet', () => {
  it('reads a 50 000-row register in ≤ 5 MB chunks with ≤ ceil(rows/chunk)+2 syncs', async () => {
    const values = registerValues(50_000);
    wb.addSheet('Systemoversikt', values);
    const host = new ExcelHost({ today: TODAY });
    const progress: number[] = [];
    const sheet = await host.readActiveSheet((f) => progress.push(f));

    const rows = values.length;
    const chunk = rowsPerChunk(REGISTER_HEADERS.length);
    const allowed = Math.ceil(rows / chunk) + 2;
    const run = wb.runs.at(-1)!;
    console.log(`readActiveSheet: ${rows} rader × ${REGISTER_HEADERS.length} kolonner, ${chunk} rader per bit, ${run.syncs} context.sync (tillatt ${allowed}), største last ${Math.max(...run.payloads)} byte`);
    expect(wb.runs).toHaveLength(1);
    expect(run.syncs).toBeLessThanOrEqual(allowed);
    // it really reads in chunks: as many syncs as the measured payload needs, each under the limit
    const total = run.payloads.reduce((a, b) => a + b, 0);
    expect(run.syncs).toBeGreaterThanOrEqual(Math.ceil(total / MAX_PAYLOAD_BYTES));
    expect(run.syncs).toBeGreaterThan(2);
    expect(Math.max(...run.payloads)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);

    expect(sheet.sheet).toBe('Systemoversikt');
    expect([sheet.originRow, sheet.originColumn]).toEqual([1, 1]);
    expect(sheet.values).toHaveLength(rows);
    expect(sheet.values[0]).toEqual(REGISTER_HEADERS);
    // Typed into Excel without the text format, "1811" and "1.0" became numbers (as Excel does).
    const asExcelStores = (row: unknown[]) => row.map((v) => (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v) ? Number(v) : v));
    expect(sheet.values[1]).toEqual(asExcelStores(values[1]!));
    expect(sheet.values[rows - 1]).toEqual(asExcelStores(values[rows - 1]!));
    expect(progress.length).toBe(run.syncs - 1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  // Excel on the web: 5 MB per request and response ("Resource limits and performance optimization for Office
  // Add-ins", learn.microsoft.com); the fake refuses a bigger response with ResponsePayloadSizeLimitExceeded.
  it('a text-heavy register (≈ 250 characters a cell) is read in chunks sized from the measured payload, each ≤ 5 MB', async () => {
    const long = (i: number, c: number) => `Merknad ${i}-${c}: ${'lang beskrivelse av avtalen, integrasjoner og ansvar. '.repeat(5)}`;
    const values: unknown[][] = [REGISTER_HEADERS, ...Array.from({ length: 6000 }, (_, i) => REGISTER_HEADERS.map((_, c) => (c === 0 ? 'Rana' : long(i, c))))];
    wb.addSheet('Tekst', values);
    const sheet = await new ExcelHost({ today: TODAY }).readActiveSheet();
    const run = wb.runs.at(-1)!;
    expect(sheet.values).toHaveLength(values.length);
    expect(sheet.values.at(-1)).toEqual(values.at(-1));
    expect(run.payloads.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * MAX_PAYLOAD_BYTES);
    expect(Math.max(...run.payloads)).toBeLessThanOrEqual(MAX_PAYLOAD_BYTES);
  });

  it('rows that grow past the measured size are read again in halves, in order, nothing lost', async () => {
    const values: unknown[][] = [['A', 'B'], ...Array.from({ length: 3000 }, (_, i) => (i < 400 ? [`r${i}`, 'kort'] : [`r${i}`, 'x'.repeat(4000)]))];
    wb.addSheet('Voksende', values);
    wb.maxPayload = 1_000_000; // the fake refuses bigger responses, as Excel on the web does above 5 MB
    const sheet = await new ExcelHost({ today: TODAY, maxPayloadBytes: 1_000_000 }).readActiveSheet();
    expect(sheet.values.map((r) => r[0])).toEqual(values.map((r) => r[0]));
    const run = wb.runs.at(-1)!;
    expect(Math.max(...run.payloads)).toBeLessThanOrEqual(1_000_000);
    expect(run.syncs).toBeGreaterThan(run.payloads.length); // some syncs were refused and read again smaller
  });

  it('reports where the used range starts, and an empty sheet as no rows', async () => {
    const sheet = wb.addSheet('Ark1');
    wb.writeValues(sheet, 4, 2, [['System', 'Kommune'], ['Elements', 'Rana']]);
    const host = new ExcelHost();
    const read = await host.readActiveSheet();
    expect([read.originRow, read.originColumn]).toEqual([5, 3]);
    expect(read.values).toEqual([['System', 'Kommune'], ['Elements', 'Rana']]);
    wb.addSheet('Tomt');
    wb.active = wb.sheet('Tomt');
    expect((await host.readActiveSheet()).values).toEqual([]);
  });
});

describe('readTable and listTables', () => {
  it('reads an Excel table, else a named range, else a sheet of that name, with its origin', async () => {
    wb.addSheet('Ark1', [['Notat']]);
    wb.addTable('DH_Kommuner', 'Data', [['Kommunenr', 'Kommune', 'Innbyggere'], ['1833', 'Rana', 25899]], 'B3');
    wb.addName('DH_Nokkel', "Nøkkel 'ny'", [['År', 'Fast beløp', 'Sats pr innbygger'], [2026, 156520.48, 23]], 'A2');
    wb.addNamedConstant('DH_Konstant');
    wb.addSheet('DH_Prosjekter', [['Prosjekt', 'Kommune'], ['RPA', 'Rana']]);
    const host = new ExcelHost();
    expect(await host.readTable('DH_Kommuner')).toEqual({ name: 'DH_Kommuner', sheet: 'Data', headers: ['Kommunenr', 'Kommune', 'Innbyggere'], rows: [['1833', 'Rana', 25899]], originRow: 3, originColumn: 2 });
    expect(await host.readTable('DH_Nokkel')).toMatchObject({ sheet: "Nøkkel 'ny'", headers: ['År', 'Fast beløp', 'Sats pr innbygger'], rows: [[2026, 156520.48, 23]], originRow: 2, originColumn: 1 });
    expect(await host.readTable('DH_Prosjekter')).toMatchObject({ sheet: 'DH_Prosjekter', rows: [['RPA', 'Rana']], originRow: 1 });
    expect(await host.readTable('DH_Finnes_ikke')).toBeUndefined();
    expect(await host.readTable('DH_Konstant')).toBeUndefined(); // a name holding a constant is no table
    for (const run of wb.runs) expect(run.syncs).toBeLessThanOrEqual(3);
  });

  it('takes the sheet name from an address, quoted or not', () => {
    expect(sheetOfAddress('Ark1!A1:B2')).toBe('Ark1');
    expect(sheetOfAddress("'Mitt ''nye'' ark'!C3")).toBe("Mitt 'nye' ark");
    expect(sheetOfAddress('A1')).toBe('');
  });

  it('lists tables, names and sheets starting with DH_, once each', async () => {
    wb.addSheet('Ark1', [['x']]);
    wb.addTable('DH_Kommuner', 'DH_Kommuner', [['Kommunenr'], ['1833']]);
    wb.addName('DH_Nokkel', 'Ark1', [['År'], [2026]], 'C1');
    wb.addSheet('DHtmp_abc', [['x']]);
    expect(await new ExcelHost().listTables()).toEqual(['DH_Kommuner', 'DH_Nokkel']);
    expect(wb.runs.at(-1)!.syncs).toBe(1);
  });
});

describe('writeOwnedTable', () => {
  const funn = (rows: unknown[][]): OwnedTable => ({ name: 'DH_Funn', headers: ['Melding', 'Kommunenr', 'Antall'], rows: rows as OwnedTable['rows'] });

  it('refuses names the add-in does not own, without touching the workbook', async () => {
    wb.addSheet('Ark1', [['Mine data']]);
    wb.addTable('DH_Kommuner', 'Kommuner', [['Kommunenr'], ['1833']]);
    const before = wb.snapshot();
    const host = new ExcelHost();
    for (const name of ['Ark1', 'DH_Kommuner', 'DH_Gevinst', 'DH_Fordeling', 'dh_funn']) {
      await expect(host.writeOwnedTable({ name, headers: ['A'], rows: [['x']] })).rejects.toThrow(/ikke en tabell tillegget eier/);
    }
    expect(wb.runs).toHaveLength(0);
    expect(wb.snapshot()).toEqual(before);
  });

  it('writes strings starting with = + - @ as text, never as formulas', async () => {
    wb.addSheet('Ark1');
    const host = new ExcelHost();
    const texts = ['=SUM(A1)', '+4712345678', '-', '@bruker', '=DH.KOSTNAD("Rana";2026)'];
    await host.writeOwnedTable(funn(texts.map((t, i) => [t, '0301', i])));
    texts.forEach((t, i) => {
      const cell = wb.cell('DH_Funn', `A${i + 2}`);
      expect(cell.formula, t).toBeUndefined();
      expect(cell.value).toBe(t);
      expect(cell.format).toBe('@');
    });
    expect(wb.cell('DH_Funn', 'B2').value).toBe('0301'); // a numeric-looking string stays text
    expect(wb.cell('DH_Funn', 'C3').value).toBe(1);
    const back = await host.readTable('DH_Funn');
    expect(back!.rows.map((r) => r[0])).toEqual(texts);
    expect(wb.table('DH_Funn')!.sheet.name).toBe('DH_Funn');
  });

  it('writes FormulaCells as Excel formulas (=DH.KOSTNAD("1833",2026)) that compute with the shared model', async () => {
    wb.addSheet('Ark1');
    const result = await refreshBoard(new ExcelHost({ today: TODAY }), HELGELAND_2026, 2026, TODAY);
    expect(result.ok, result.message).toBe(true);
    const values = wb.tableValues('DH_Fordeling_2026')!;
    const headers = values[0] as string[];
    const total = headers.indexOf('Totalt pr kommune');
    const rana = values.findIndex((r) => r[0] === '1833');
    const table = wb.table('DH_Fordeling_2026')!;
    const cell = `${String.fromCharCode(65 + total)}${table.row + rana + 1}`;
    expect(wb.cell('DH_Fordeling_2026', cell).formula).toBe('=DH.KOSTNAD("1833",2026)');
    expect(wb.cell('DH_Fordeling_2026', cell).value).toBe(752197.48);
  });

  it('a refresh run twice changes nothing the second time', async () => {
    wb.addSheet('Ark1', [['Brukerens ark']]);
    const host = new ExcelHost({ today: TODAY });
    const first = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(first.ok, first.message).toBe(true);
    if (!first.ok) return;
    expect(first.value.written).toEqual(expect.arrayContaining(['DH_Fordeling_2026', 'DH_Deltakelse', 'DH_Endringer']));
    const after = wb.snapshot();
    const applied = wb.applied.length;
    const second = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(second.ok, second.message).toBe(true);
    if (!second.ok) return;
    expect(second.value.written).toEqual([]);
    expect(second.value.changes).toEqual([]);
    expect(wb.snapshot()).toEqual(after);
    expect(wb.applied.slice(applied)).toEqual([]); // the second run only reads
    expect(wb.sheets.map((s) => s.name).filter((n) => /^DH(tmp|gml)_/.test(n))).toEqual([]);
  });

  it('replaces a previous version in place: same sheet position, one table, changes recorded', async () => {
    wb.addSheet('Ark1');
    const host = new ExcelHost({ today: TODAY });
    expect((await refreshBoard(host, HELGELAND_2026, 2026, TODAY)).ok).toBe(true);
    wb.addSheet('Senere');
    const position = wb.sheets.findIndex((s) => s.name === 'DH_Fordeling_2026');
    const bigger = { ...HELGELAND_2026, members: HELGELAND_2026.members.map((m) => (m.kommunenr === '1833' ? { ...m, population: m.population + 1000 } : m)) };
    const again = await refreshBoard(host, bigger, 2026, '2026-03-02');
    expect(again.ok, again.message).toBe(true);
    if (!again.ok) return;
    expect(again.value.written).toContain('DH_Fordeling_2026');
    expect(wb.sheets.findIndex((s) => s.name === 'DH_Fordeling_2026')).toBe(position);
    expect(wb.tables.filter((t) => t.name === 'DH_Fordeling_2026')).toHaveLength(1);
    const endringer = wb.tableValues('DH_Endringer')!;
    expect(endringer.some((r) => r[0] === '2026-03-02' && r[2] === '1833')).toBe(true);
    expect(wb.sheets.map((s) => s.name).filter((n) => /^DH(tmp|gml)_/.test(n))).toEqual([]);
  });

  it('refreshes an owned table where the user put it (a user sheet at C5), leaving the rest of that sheet alone', async () => {
    const ark = wb.addSheet('Ark1', [['Brukerens notat']]);
    wb.addTable('DH_Funn', 'Ark1', [['Melding', 'Kommunenr', 'Antall'], ['gammel', '1833', 1]], 'C5');
    await new ExcelHost().writeOwnedTable(funn([['ny', '1833', 2]]));
    expect(wb.table('DH_Funn')!.sheet.name).toBe('Ark1');
    expect(wb.tableValues('DH_Funn')).toEqual([['Melding', 'Kommunenr', 'Antall'], ['ny', '1833', 2]]);
    expect(wb.read(ark, 4, 2, 2, 3)).toEqual([['Melding', 'Kommunenr', 'Antall'], ['ny', '1833', 2]]);
    expect(wb.cell('Ark1', 'A1').value).toBe('Brukerens notat');
    expect(wb.sheet('DH_Funn')).toBeUndefined();
    expect(wb.tables).toHaveLength(1);
  });

  it('a failure part-way through the chunks leaves the previous table intact', async () => {
    wb.addSheet('Ark1');
    const host = new ExcelHost();
    const v1 = funn([['Første versjon', '1833', 1], ['=ikke formel', '1834', 2]]);
    await host.writeOwnedTable(v1);
    const before = wb.snapshot();
    const v1Values = wb.tableValues('DH_Funn');

    // Small payloads: 41 rows in chunks of a few rows, so the write takes several syncs.
    const chunked = new ExcelHost({ maxPayloadBytes: 3000 });
    const v2 = funn(Array.from({ length: 40 }, (_, i) => [`Andre versjon ${i}`, '1833', i]));
    let valueWrites = 0;
    wb.failWhen = (op) => op.kind === 'values' && (op.sheet ?? '').startsWith('DHtmp_') && ++valueWrites === 2;
    await expect(chunked.writeOwnedTable(v2)).rejects.toThrow(/Kunne ikke skrive DH_Funn: .*simulert feil.*Forrige versjon er beholdt/);
    expect(valueWrites).toBe(2);
    expect(wb.tableValues('DH_Funn')).toEqual(v1Values);
    expect(wb.snapshot()).toEqual(before); // the half-written temporary sheet is gone too

    // And when the copy into place fails (after every chunk was staged), the old version is untouched.
    let failed = false;
    wb.failWhen = (op) => !failed && op.kind === 'copyFrom' && (failed = true);
    await expect(chunked.writeOwnedTable(v2)).rejects.toThrow(/Kunne ikke flytte ny DH_Funn på plass/);
    expect(failed).toBe(true);
    expect(wb.tableValues('DH_Funn')).toEqual(v1Values);
    expect(wb.snapshot()).toEqual(before);

    // Without failures the same write goes through.
    wb.failWhen = undefined;
    await chunked.writeOwnedTable(v2);
    expect(wb.tableValues('DH_Funn')).toHaveLength(41);
    expect(wb.runs.at(-1)!.syncs).toBeGreaterThan(4);
  });
});

describe('insertTemplate, selectCell, highlights', () => {
  it('creates DH_Gevinst only when absent', async () => {
    wb.addSheet('Ark1');
    const host = new ExcelHost();
    expect(await host.insertTemplate(gevinstTemplate())).toBe('created');
    expect(wb.table('DH_Gevinst')).toBeDefined();
    expect(wb.active?.name).toBe('DH_Gevinst');
    expect(wb.tableValues('DH_Gevinst')![0]).toEqual(gevinstTemplate().headers);
    wb.cell('DH_Gevinst', 'A2');
    const snapshot = wb.snapshot();
    expect(await host.insertTemplate(gevinstTemplate())).toBe('exists');
    expect(wb.snapshot()).toEqual(snapshot);

    const other = new FakeWorkbook();
    (globalThis as Record<string, unknown>).Excel = other.excelGlobal();
    other.addSheet('DH_Gevinst', [['Brukerens egne tall']]);
    expect(await host.insertTemplate(gevinstTemplate())).toBe('exists');
    expect(other.cell('DH_Gevinst', 'A1').value).toBe('Brukerens egne tall');
  });

  it('selects a cell on its sheet', async () => {
    wb.addSheet('Ark1');
    wb.addSheet('Register', [['System']]);
    await new ExcelHost().selectCell('Register', 'B7');
    expect(wb.active?.name).toBe('Register');
    expect(wb.selection).toEqual({ sheet: 'Register', address: 'B7:B7' });
  });

  it('paints findings and restores the previous fills when cleared', async () => {
    const sheet = wb.addSheet('Register', [['a', 'b', 'c']]);
    sheet.fills.set('0,0', '#00FF00');
    const host = new ExcelHost();
    await host.highlightCells([
      { sheet: 'Register', cell: 'A1', severity: 'error' },
      { sheet: 'Register', cell: 'B1', severity: 'warning' },
      { sheet: '', cell: 'C1', severity: 'info' },
    ]);
    expect(wb.cell('Register', 'A1').fill).toBe(MARK_COLOURS.error);
    expect(wb.cell('Register', 'B1').fill).toBe(MARK_COLOURS.warning);
    expect(wb.cell('Register', 'C1').fill).toBe(MARK_COLOURS.info);
    await host.highlightCells([{ sheet: 'Register', cell: 'A1', severity: 'warning' }]); // painted twice: still restores the original
    await host.clearHighlights();
    expect(wb.cell('Register', 'A1').fill).toBe('#00FF00');
    expect(wb.cell('Register', 'B1').fill).toBeUndefined();
    expect(wb.cell('Register', 'C1').fill).toBeUndefined();
  });
});

describe('inputsChanged and change events: the functions follow the workbook', () => {
  const kommunerTable = (ranaPopulation: number | string) => [
    ['Kommunenr', 'Kommune', 'Innbyggere'],
    ...HELGELAND_2026.members.map((m) => [m.kommunenr, m.name, m.kommunenr === '1833' ? ranaPopulation : m.population]),
  ];

  it('reloads the model from DH_Kommuner and asks Excel for a full recalculation', async () => {
    const rana = HELGELAND_2026.members.find((m) => m.kommunenr === '1833')!;
    wb.addTable('DH_Kommuner', 'Kommuner', kommunerTable(rana.population + 1000));
    const before = invoke('KOSTNAD', ['Rana', 2026, null]) as number;
    const version = getModelStore().version;
    await new ExcelHost({ today: TODAY }).inputsChanged();
    expect(getModelStore().version).toBe(version + 1);
    expect(getModel().data.dataset.name).toMatch(/Arbeidsboken \(DH_Kommuner\)/);
    expect(invoke('KOSTNAD', ['Rana', 2026, null])).toBeCloseTo(before + 23_000, 2);
    expect(wb.calculations).toEqual(['Full']);
    expect(wb.runs.at(-2)!.syncs).toBeLessThanOrEqual(3); // the three input tables are read in one Excel.run
  });

  it('a bad DH_Kommuner gives a Norwegian message naming the cell and keeps the previous model', async () => {
    wb.addTable('DH_Kommuner', 'Kommuner', kommunerTable('mange'));
    const version = getModelStore().version;
    await expect(new ExcelHost().inputsChanged()).rejects.toThrow(/DH_Kommuner rad \d+ .*innbyggertallet «mange».*forrige versjon/);
    expect(getModelStore().version).toBe(version);
    expect(wb.calculations).toEqual([]);
  });

  it('watches DH_Kommuner / DH_Nokkel / DH_Prosjekter and reloads after an edit', async () => {
    const rana = HELGELAND_2026.members.find((m) => m.kommunenr === '1833')!;
    wb.addTable('DH_Kommuner', 'Kommuner', kommunerTable(rana.population));
    wb.addSheet('DH_Nokkel', [['År', 'Fast beløp', 'Sats pr innbygger'], [2026, 156520.48, 23]]);
    const loaded: (readonly string[])[] = [];
    const host = new ExcelHost({ today: TODAY, onModelLoaded: (used) => loaded.push(used) });
    expect(await host.watchInputTables()).toEqual(['DH_Kommuner', 'DH_Nokkel']);
    expect(await wb.fireChanged('DH_Kommuner')).toBe(1);
    expect(await wb.fireChanged('DH_Nokkel')).toBe(1);
    await new Promise((r) => setTimeout(r, 700)); // debounced: one reload for both edits
    expect(loaded).toEqual([['DH_Kommuner', 'DH_Nokkel']]);
    expect(wb.calculations).toEqual(['Full']);
  });
});
