// What the shared runtime does when a workbook opens (addin-excel/src/taskpane/startup.ts), against the fake
// workbook (tests/excel/fake-excel.ts) and a fake Office global that is as strict as the documents:
// - Office.addin.setStartupBehavior needs the SharedRuntime 1.1 requirement set ("Run code in your Office
//   Add-in when the document opens", learn.microsoft.com: "Configure your add-in to load when the document
//   opens" — setStartupBehavior(Office.StartupBehavior.load)); the fake rejects the call where it is missing.
// - onChanged exists only on tables/sheets that exist when it is registered; a table inserted later is only
//   seen through TableCollection.onAdded / WorksheetCollection.onAdded (ExcelApi 1.7, "Work with events using
//   the Excel JavaScript API").
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELGELAND_2026 } from '../../core/index.js';
import { getModelStore, invoke } from '../../addin-excel/src/functions/adapter.js';
import { ExcelHost } from '../../addin-excel/src/taskpane/excel-host.js';
import { InputTableWatcher, loadAtDocumentOpen, startInputs } from '../../addin-excel/src/taskpane/startup.js';
import { declaredExcelApi, excelApiUses, requiredExcelApi } from '../../scripts/excel-api-sets.js';
import { withFakeExcel } from './helpers.js';
import { FakeWorkbook } from './fake-excel.js';

const TODAY = '2026-03-01';
const RANA = HELGELAND_2026.members.find((m) => m.kommunenr === '1833')!;
const kommunerTable = (ranaPopulation: number) => [
  ['Kommunenr', 'Kommune', 'Innbyggere'],
  ...HELGELAND_2026.members.map((m) => [m.kommunenr, m.name, m.kommunenr === '1833' ? ranaPopulation : m.population]),
];

/** Office as a host with the given requirement sets (name → highest version). */
function fakeOffice(sets: Record<string, string>) {
  const calls: string[] = [];
  const supported = (name: string, version = '1.1') => sets[name] !== undefined && Number(sets[name]) >= Number(version);
  const office = {
    StartupBehavior: { load: 'Load', none: 'None' },
    context: { requirements: { isSetSupported: (name: string, version?: string) => supported(name, version) } },
    addin: {
      setStartupBehavior: async (behavior: string) => {
        if (!supported('SharedRuntime', '1.1')) throw new Error('API not supported: Office.addin.setStartupBehavior krever SharedRuntime 1.1');
        calls.push(`setStartupBehavior(${behavior})`);
      },
    },
  };
  return { office: office as unknown as typeof Office, calls };
}

let wb: FakeWorkbook;

withFakeExcel(TODAY, (fresh) => (wb = fresh));

describe('load at document open', () => {
  it('asks Office to start the runtime with the document (SharedRuntime 1.1)', async () => {
    const { office, calls } = fakeOffice({ SharedRuntime: '1.1', ExcelApi: '1.7' });
    expect(await loadAtDocumentOpen(office)).toBe(true);
    expect(calls).toEqual(['setStartupBehavior(Load)']);
  });

  it('does not call it where the set is missing (the fake rejects the call, as Office does)', async () => {
    const { office, calls } = fakeOffice({ ExcelApi: '1.7' });
    await expect(office.addin.setStartupBehavior(office.StartupBehavior.load)).rejects.toThrow(/SharedRuntime/);
    expect(await loadAtDocumentOpen(office)).toBe(false);
    expect(calls).toEqual([]);
  });

  it('reads DH_Kommuner at startup, and a DH function called meanwhile waits for it instead of using the embedded data', async () => {
    wb.addTable('DH_Kommuner', 'Kommuner', kommunerTable(RANA.population + 1000));
    const embedded = invoke('KOSTNAD', ['Rana', 2026, null]) as number;
    const { office, calls } = fakeOffice({ SharedRuntime: '1.1', ExcelApi: '1.9' });
    const started = startInputs(new ExcelHost({ today: TODAY }), (m) => {
      throw new Error(m);
    }, office);
    const during = invoke('KOSTNAD', ['Rana', 2026, null]);
    expect(during).toBeInstanceOf(Promise);
    expect(await during).toBeCloseTo(embedded + 23_000, 2);
    await started;
    expect(calls).toEqual(['setStartupBehavior(Load)']);
    expect(getModelStore().loading).toBeUndefined();
    expect(invoke('KOSTNAD', ['Rana', 2026, null])).toBeCloseTo(embedded + 23_000, 2);
  });
});

describe('input tables created after startup', () => {
  it('a DH_Kommuner inserted later is watched at once, and editing it reloads the model', async () => {
    const loaded: (readonly string[])[] = [];
    const host = new ExcelHost({ today: TODAY, onModelLoaded: (used) => loaded.push(used) });
    const watcher = new InputTableWatcher(host, (set, version) => set === 'ExcelApi' && Number(version) <= 1.9);
    expect(await watcher.attach()).toEqual([]);
    const embedded = invoke('KOSTNAD', ['Rana', 2026, null]) as number;

    await wb.userAddsTable('DH_Kommuner', 'Kommuner', kommunerTable(RANA.population + 1000));
    expect(watcher.watchedNames()).toEqual(['dh_kommuner']);
    await new Promise((r) => setTimeout(r, 700)); // the debounced reload after the table appeared
    expect(loaded).toEqual([['DH_Kommuner']]);
    expect(invoke('KOSTNAD', ['Rana', 2026, null])).toBeCloseTo(embedded + 23_000, 2);

    // An edit in the new table fires its onChanged (registered by the watcher, not at startup).
    expect(await wb.fireChanged('DH_Kommuner')).toBe(1);
    await new Promise((r) => setTimeout(r, 700));
    expect(loaded).toHaveLength(2);
  });

  it('a sheet named DH_Nokkel added later is watched too; other new tables are ignored', async () => {
    const host = new ExcelHost({ today: TODAY });
    // A host with ExcelApi 1.7 only: TableCollection.onAdded (1.9) is not used, WorksheetCollection.onAdded is.
    const watcher = new InputTableWatcher(host, (set, version) => set === 'ExcelApi' && Number(version) <= 1.7);
    await watcher.attach();
    expect(wb.tableAddedHandlers).toHaveLength(0);
    await wb.userAddsTable('Budsjett', 'Ark1', [['A'], [1]]);
    expect(watcher.watchedNames()).toEqual([]);
    await wb.userAddsSheet('DH_Nokkel', [['År', 'Fast beløp', 'Sats pr innbygger'], [2026, 156520.48, 23]]);
    expect(watcher.watchedNames()).toEqual(['dh_nokkel']);
    expect(await wb.fireChanged('DH_Nokkel')).toBe(1);
  });
});

describe('requirement sets: the manifest declares the ExcelApi set the code needs', () => {
  it('every Excel API member used unguarded is within the declared set (read from @types/office-js)', () => {
    const uses = excelApiUses();
    expect(uses.length).toBeGreaterThan(20);
    const manifest = readFileSync(resolve(import.meta.dirname, '../../manifest/manifest.xml'), 'utf8');
    const declared = declaredExcelApi(manifest);
    expect(declared, 'manifest/manifest.xml <Requirements> har ingen ExcelApi').toBeDefined();
    expect(declared).toBe(requiredExcelApi(uses));
    // TableCollection.onAdded is ExcelApi 1.9: used only behind isSetSupported('ExcelApi', '1.9').
    const tableAdded = uses.find((u) => u.member.endsWith('tables.onAdded'));
    expect(tableAdded?.version).toBe('1.9');
    expect(tableAdded?.guardedBy).toContain('1.9');
  }, 120_000);

  it('the analysis sees a guard: a 1.9 member is allowed only after isSetSupported("ExcelApi", "1.9")', () => {
    const unguarded = requiredExcelApi([{ file: 'x', line: 1, member: 'a.b', version: '1.9', guardedBy: [] }]);
    const guarded = requiredExcelApi([{ file: 'x', line: 1, member: 'a.b', version: '1.9', guardedBy: ['1.9'] }]);
    expect(unguarded).toBe('1.9');
    expect(guarded).toBe('1.1');
  });
});
