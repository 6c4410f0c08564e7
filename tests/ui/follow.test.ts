// The panel follows the workbook (issue 11, "Always current"): after an input table changes, the dataset is read
// again and the Fordeling figures follow, with no other click. Excel through its fake's onChanged events
// (Excel fires Table.onChanged after an edit: "Excel.Table class – onChanged", learn.microsoft.com/javascript/api/
// excel/excel.table#excel-excel-table-onchanged-member), the preview through its edit events.
import { describe, expect, it } from 'vitest';
import { HELGELAND_2026, type Finding } from '../../core/index.js';
import { datasetAfterChange, fordelingView, loadDataset, markUncreatedTables } from '../../ui/actions.js';
import { ExcelHost } from '../../addin-excel/src/taskpane/excel-host.js';
import { defaultWorkbook } from '../../preview/src/default-workbook.js';
import { PreviewHost } from '../../preview/src/preview-host.js';
import { PreviewWorkbook } from '../../preview/src/workbook.js';
import type { FakeWorkbook } from '../excel/fake-excel.js';
import { withFakeExcel } from '../excel/helpers.js';
import { MemoryHost } from '../fakes/memory-host.js';

const TODAY = '2026-03-01';
const rana = HELGELAND_2026.members.find((m) => m.kommunenr === '1833')!;
const kommunerTable = (ranaPopulation: number) => [
  ['Kommunenr', 'Kommune', 'Innbyggere'],
  ...HELGELAND_2026.members.map((m) => [m.kommunenr, m.name, m.kommunenr === '1833' ? ranaPopulation : m.population]),
];
const ranaTotal = (dataset: Parameters<typeof fordelingView>[0]) => {
  const view = fordelingView(dataset, 2026);
  if (!view.ok) throw new Error(view.message);
  return view.value.rows.find((r) => r.kommunenr === '1833')!.totalt;
};

describe('Excel: the pane follows DH_Kommuner through onChanged', () => {
  let wb: FakeWorkbook;
  withFakeExcel(TODAY, (fresh) => (wb = fresh));

  it('an edit fires the pane listener once (debounced with the functions’ reload) and the new figures are read', async () => {
    const table = wb.addTable('DH_Kommuner', 'Kommuner', kommunerTable(rana.population));
    const host = new ExcelHost({ today: TODAY });
    const first = await loadDataset(host);
    expect(first.ok && ranaTotal(first.value.dataset)).toBe('752 197,48 kr');

    let calls = 0;
    const off = host.onInputsChanged(() => calls++);
    expect(await host.watchInputTables()).toEqual(['DH_Kommuner']);
    // The user types a new population for Rana; Excel fires onChanged on the table.
    const ranaRow = HELGELAND_2026.members.findIndex((m) => m.kommunenr === '1833') + 1;
    wb.setCell(table.sheet, table.row + ranaRow, table.column + 2, rana.population + 4100);
    expect(await wb.fireChanged('DH_Kommuner')).toBe(1);
    await expect.poll(() => calls, { timeout: 3000 }).toBe(1);

    const next = await datasetAfterChange(host, 'workbook', false);
    expect(next.ok).toBe(true);
    if (!next.ok || !next.value) throw new Error('ingen ny datasett');
    expect(ranaTotal(next.value.dataset)).toBe('846 497,48 kr');

    off();
    await wb.fireChanged('DH_Kommuner');
    await new Promise((r) => setTimeout(r, 600));
    expect(calls).toBe(1);
  });
});

describe('preview: every edit reaches the pane', () => {
  it('a typed population in DH_Kommuner calls the listener and the dataset follows', async () => {
    const { sheets, options } = defaultWorkbook();
    const workbook = new PreviewWorkbook(sheets, { ...options, today: TODAY });
    const host = new PreviewHost(workbook);
    let calls = 0;
    host.onInputsChanged(() => calls++);
    const values = workbook.values('DH_Kommuner');
    const row = values.findIndex((r) => String(r[0]) === '1833');
    expect(row).toBeGreaterThan(0);
    workbook.setCellInput('DH_Kommuner', row, 2, String(rana.population + 4100));
    expect(calls).toBe(1);
    const next = await datasetAfterChange(host, 'workbook', false);
    expect(next.ok && next.value && ranaTotal(next.value.dataset)).toBe('846 497,48 kr');
    // The panel's own writes are not edits: refreshing does not call it again.
    await host.writeOwnedTable({ name: 'DH_Funn', headers: ['Alvorlighet'], rows: [] });
    expect(calls).toBe(1);
  });
});

describe('datasetAfterChange', () => {
  it('keeps «Innebygd» when the user chose it, and picks up input tables added later otherwise', async () => {
    const host = new MemoryHost();
    expect(await datasetAfterChange(host, 'builtin', false)).toMatchObject({ ok: true, value: undefined });
    host.setTable('DH_Kommuner', kommunerTable(rana.population + 1));
    expect(await datasetAfterChange(host, 'builtin', true)).toMatchObject({ ok: true, value: undefined });
    const picked = await datasetAfterChange(host, 'builtin', false);
    expect(picked.ok && picked.value?.origin).toBe('workbook');
  });
});

describe('markUncreatedTables', () => {
  const finding = (sheet: string): Finding => ({ rule: 'kontroll.duo-besparelse', severity: 'warning', sheet, cell: 'C18', row: 18, column: 'Besparelser pr mnd', message: 'Avvik.' });
  it('a finding on a DH_ table the workbook lacks says it will be created and points at no cell', () => {
    const [missing, present] = markUncreatedTables([finding('DH_DUO'), finding('DH_Fordeling_2026')], ['dh_fordeling_2026']);
    expect(missing!.cell).toBe('');
    expect(missing!.message).toBe('Avvik. (DH_DUO finnes ikke ennå; den lages av «Oppdater alle tabeller».)');
    expect(present!.cell).toBe('C18');
    expect(present!.message).toBe('Avvik.');
  });
});
