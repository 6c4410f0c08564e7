import { describe, expect, it } from 'vitest';
import { gevinstTemplate, type OwnedTable } from '../../core/index.js';
import { checkRegisterOnSheet, loadDataset, refreshBoard } from '../../ui/actions.js';
import { defaultWorkbook, FORDELING_SHEET, REGISTER_SHEET } from '../../preview/src/default-workbook.js';
import { PreviewHost } from '../../preview/src/preview-host.js';
import { PreviewWorkbook } from '../../preview/src/workbook.js';

const TODAY = '2026-03-01';

function setup() {
  const { sheets, options } = defaultWorkbook();
  const workbook = new PreviewWorkbook(sheets, { ...options, today: TODAY });
  return { workbook, host: new PreviewHost(workbook) };
}

const table = (rows: OwnedTable['rows'], name = 'DH_Funn'): OwnedTable => ({ name, headers: ['Nøkkel', 'Tekst', 'Tall'], rows });

describe('PreviewHost (the panel’s host over the HyperFormula workbook)', () => {
  it('is a preview host listing the DH_ tables', async () => {
    const { host } = setup();
    expect(host.kind).toBe('preview');
    expect(await host.listTables()).toEqual(['DH_Kommuner', 'DH_Nokkel', 'DH_Gevinst']);
    expect(await host.readTable('Finnes_ikke')).toBeUndefined();
    const kommuner = await host.readTable('DH_Kommuner');
    expect(kommuner?.headers).toEqual(['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato']);
    expect(kommuner?.rows).toHaveLength(19);
  });

  it('refuses to write a table it does not own', async () => {
    const { host, workbook } = setup();
    await expect(host.writeOwnedTable({ name: 'DH_Kommuner', headers: ['X'], rows: [] })).rejects.toThrow(/ikke en tabell tillegget eier/);
    await expect(host.writeOwnedTable({ name: 'Fordeling 2026', headers: ['X'], rows: [] })).rejects.toThrow();
    expect(workbook.readTable('DH_Kommuner')?.rows).toHaveLength(19);
  });

  it('writes strings starting with = + - @ as text, never as formulas', async () => {
    const { host, workbook } = setup();
    const risky = ['=1+1', '+47 75 00 00 00', '-kr', '@SUM(A1)', '=HYPERLINK("http://x")', '1833'];
    await host.writeOwnedTable(table(risky.map((text) => [text, text, 1])));
    const read = await host.readTable('DH_Funn');
    expect(read?.rows.map((r) => r[0])).toEqual(risky);
    for (let r = 1; r <= risky.length; r++) {
      expect(workbook.hf.getCellFormula({ sheet: workbook.hf.getSheetId('DH_Funn')!, row: r, col: 0 })).toBeUndefined();
    }
  });

  it('writes FormulaCells as live nb-NO formulas', async () => {
    const { host, workbook } = setup();
    await host.writeOwnedTable({
      name: 'DH_Fordeling_2026',
      headers: ['Kommunenr', 'Totalt'],
      rows: [['1833', { formula: { fn: 'KOSTNAD', args: ['1833', 2026] }, value: 752197.48 }]],
    });
    expect(workbook.formulaText('DH_Fordeling_2026', 1, 1)).toBe('=DH.KOSTNAD("1833";2026)');
    expect(workbook.cell('DH_Fordeling_2026', 1, 1).text).toBe('752 197,48');
  });

  it('keeps the previous version when a new one cannot be built', async () => {
    const { host } = setup();
    await host.writeOwnedTable(table([['a', 'første', 1]]));
    await expect(host.writeOwnedTable(table([['a', 'andre', 2], ['b', 'tredje', Number.NaN]]))).rejects.toThrow(/rad 3/);
    const read = await host.readTable('DH_Funn');
    expect(read?.rows).toEqual([['a', 'første', 1]]);
  });

  it('replaces an owned table completely (no leftover rows)', async () => {
    const { host } = setup();
    await host.writeOwnedTable(table([['a', 'x', 1], ['b', 'y', 2], ['c', 'z', 3]]));
    await host.writeOwnedTable(table([['a', 'x', 1]]));
    expect((await host.readTable('DH_Funn'))?.rows).toHaveLength(1);
  });

  it('inserts a template only when none exists', async () => {
    const { host, workbook } = setup();
    expect(await host.insertTemplate(gevinstTemplate())).toBe('exists'); // DH_Gevinst is on «Gevinst»
    const other: OwnedTable = { ...gevinstTemplate(), name: 'DH_Prosjekter', headers: ['Prosjekt', 'Kommune'], rows: [['RPA', 'Rana']] };
    expect(await host.insertTemplate(other)).toBe('created');
    expect(await host.insertTemplate(other)).toBe('exists');
    expect(workbook.sheetNames()).toContain('DH_Prosjekter');
  });

  it('selects a cell by switching tab, and paints and clears marks', async () => {
    const { host, workbook } = setup();
    await host.selectCell(REGISTER_SHEET, 'H4');
    expect(workbook.selection).toEqual({ sheet: REGISTER_SHEET, row: 3, col: 7 });
    await expect(host.selectCell('Finnes ikke', 'A1')).rejects.toThrow(/finnes ikke/);
    await host.highlightCells([{ sheet: REGISTER_SHEET, cell: 'H4', severity: 'error' }]);
    expect(workbook.cell(REGISTER_SHEET, 3, 7).mark).toBe('error');
    await host.clearHighlights();
    expect(workbook.cell(REGISTER_SHEET, 3, 7).mark).toBeUndefined();
  });

  it('reads the active sheet from A1', async () => {
    const { host, workbook } = setup();
    workbook.showSheet(REGISTER_SHEET);
    const fractions: number[] = [];
    const active = await host.readActiveSheet((f) => fractions.push(f));
    expect(active.sheet).toBe(REGISTER_SHEET);
    expect(active.originRow).toBe(1);
    expect(active.values[0]?.[0]).toBe('Kommune');
    expect(fractions.at(-1)).toBe(1);
  });
});

describe('the panel’s actions against the preview', () => {
  it('uses the workbook’s DH_Kommuner and DH_Nokkel as its dataset', async () => {
    const { host } = setup();
    const loaded = await loadDataset(host);
    expect(loaded.ok && loaded.value.used).toEqual(['DH_Kommuner', 'DH_Nokkel']);
  });

  it('refreshes the board tables, and a second refresh finds no changes and writes nothing', async () => {
    const { host, workbook } = setup();
    const loaded = await loadDataset(host);
    if (!loaded.ok) throw new Error(loaded.message);
    const first = await refreshBoard(host, loaded.value.dataset, 2026, TODAY);
    expect(first.ok).toBe(true);
    expect(workbook.sheetNames()).toEqual(expect.arrayContaining(['DH_Fordeling_2026', 'DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Endringer']));
    const id = workbook.hf.getSheetId('DH_Fordeling_2026')!;
    const before = workbook.hf.getSheetSerialized(id);
    const rana = workbook.values('DH_Fordeling_2026').find((r) => r[0] === '1833');
    expect(rana).toContain(752197.48);
    const second = await refreshBoard(host, loaded.value.dataset, 2026, TODAY);
    expect(second.ok && second.value.summary).toBe('Ingen endringer');
    expect(second.ok && second.value.written).toEqual([]);
    expect(workbook.hf.getSheetSerialized(id)).toEqual(before);
  });

  it('checks the sample register and points at the deliberate problems', async () => {
    const { host, workbook } = setup();
    workbook.showSheet(REGISTER_SHEET);
    const loaded = await loadDataset(host);
    if (!loaded.ok) throw new Error(loaded.message);
    const result = await checkRegisterOnSheet(host, 'active', TODAY, undefined, loaded.value.dataset);
    if (!result.ok) throw new Error(result.message);
    const cells = new Set(result.value.findings.map((f) => f.cell));
    expect(result.value.sheet).toBe(REGISTER_SHEET);
    expect(result.value.rows).toBe(15);
    expect(result.value.counts.error).toBeGreaterThan(0);
    for (const cell of ['H4', 'T5', 'Q7', 'B9', 'C11', 'I14', 'J15']) expect(cells, cell).toContain(cell);
    expect(workbook.activeSheet).toBe(REGISTER_SHEET);
  });

  it('the «Fordeling 2026» sheet is untouched by a refresh (only owned tables are written)', async () => {
    const { host, workbook } = setup();
    const id = workbook.hf.getSheetId(FORDELING_SHEET)!;
    const before = workbook.hf.getSheetSerialized(id);
    const loaded = await loadDataset(host);
    if (!loaded.ok) throw new Error(loaded.message);
    await refreshBoard(host, loaded.value.dataset, 2026, TODAY);
    expect(workbook.hf.getSheetSerialized(id)).toEqual(before);
  });
});
