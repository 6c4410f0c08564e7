import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  asTableData, boardTables, Dec, diffTable, displayValue, HELGELAND_2026, isFormulaCell, planRefresh, printedRows, renderFormula, skippedBoardTables, tableFromValues,
  type Dataset, type OwnedTable, type TableData,
} from '../../core/index.js';

/** What a host reads back after writing an owned table: the displayed values, the totals row apart. */
const asRead = (t: OwnedTable): TableData => asTableData(t);
/** What an older add-in wrote and a host reads back: the Sum line as the last data row, its label in Kommune. */
const asLegacy = (t: OwnedTable): TableData =>
  tableFromValues(t.name, [t.headers as string[], ...t.rows.map((r) => r.map(displayValue)), ...(t.totals ? [['', t.totals.map(displayValue)[0]!, ...t.totals.slice(2).map(displayValue)]] : [])]);

function applyPlan(store: Map<string, TableData>, dataset: Dataset, year: number, today: string) {
  const plan = planRefresh(dataset, year, (n) => store.get(n), today);
  if (!plan.ok) throw new Error(plan.error.message);
  for (const t of plan.value.toWrite) store.set(t.name, asRead(t));
  if (plan.value.endringer) store.set('DH_Endringer', asRead(plan.value.endringer));
  return plan.value;
}

describe('board tables', () => {
  const tables = boardTables(HELGELAND_2026, 2026);
  if (!tables.ok) throw new Error(tables.error.message);
  const byName = new Map(tables.value.map((t) => [t.name, t]));

  it('builds DH_Fordeling_2026, DH_Deltakelse, DH_RPA and DH_DUO', () => {
    expect([...byName.keys()]).toEqual(['DH_Fordeling_2026', 'DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus', 'DH_Balanse']);
  });

  it('writes Totalt pr kommune as a live DH.KOSTNAD formula', () => {
    const rana = byName.get('DH_Fordeling_2026')!.rows.find((r) => r[1] === 'Rana')!;
    const cell = rana[5];
    expect(isFormulaCell(cell)).toBe(true);
    if (isFormulaCell(cell)) {
      expect(renderFormula(cell, 'excel-api')).toBe('=DH.KOSTNAD("1833",2026)');
      expect(renderFormula(cell, 'nb')).toBe('=DH.KOSTNAD("1833";2026)');
      expect(renderFormula(cell, 'sheets')).toBe('=DH_KOSTNAD("1833",2026)');
      expect(cell.value).toBe(752197.48);
    }
  });

  it('RPA table reproduces the board figures (Alstahaug −54 972,92 per month, −659 675,00 per year)', () => {
    const alstahaug = byName.get('DH_RPA')!.rows.find((r) => r[1] === 'Alstahaug')!;
    expect(alstahaug.slice(2)).toEqual([12500, 1165, 67472.92, -54972.92, -659675]);
  });

  it('DUO table splits 417 000 by cost and sums exactly', () => {
    const duo = byName.get('DH_DUO')!;
    const rana = duo.rows.find((r) => r[1] === 'Rana')!;
    expect(rana.slice(2)).toEqual([20799, -40548.98, -19749.98, -236999.76]);
    expect(duo.totals![3]).toBe(-417000);
    expect(duo.totals![0]).toBe('SUM');
  });

  it('participation shows 18/19 for EPJ helse og omsorg (Bindal out)', () => {
    const d = byName.get('DH_Deltakelse')!;
    const col = d.headers.indexOf('Felles anskaffelse EPJ helse og omsorg');
    expect(d.rows.find((r) => r[1] === 'Bindal')![col]).toBe('Nei');
    expect(d.totals![col]).toBe('18/19');
  });

  it('every board table keeps its Sum line as its totals row, label in the first column, never among the members', () => {
    for (const table of tables.value) {
      expect(table.totals, table.name).toBeDefined();
      expect(String(table.totals![0]), table.name).toMatch(/^(Sum|SUM|Deltakere \(av 19\))$/);
      // Every data row is a member: a kommunenr in the first column, so Table[Column] sums the members only.
      for (const row of table.rows) expect(String(displayValue(row[0]!)), table.name).toMatch(/^\d{4}$/);
      expect(printedRows(table).at(-1)).toBe(table.totals);
    }
    const fordeling = byName.get('DH_Fordeling_2026')!;
    const column = fordeling.headers.indexOf('Totalt pr kommune');
    const members = fordeling.rows.reduce((a, r) => a.plus(new Dec(displayValue(r[column]!) as number)), new Dec(0));
    expect(members.toNumber()).toBe(fordeling.totals![column]);
  });
});

describe('refresh plan', () => {
  it('first refresh writes all tables and logs them; the second writes nothing', () => {
    const store = new Map<string, TableData>();
    const first = applyPlan(store, HELGELAND_2026, 2026, '2026-11-21');
    expect(first.toWrite.map((t) => t.name)).toEqual(['DH_Fordeling_2026', 'DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus', 'DH_Balanse']);
    expect(first.endringer).toBeDefined();
    const snapshot = JSON.stringify([...store.entries()]);
    const second = applyPlan(store, HELGELAND_2026, 2026, '2026-11-22');
    expect(second.toWrite).toEqual([]);
    expect(second.changes).toEqual([]);
    expect(second.endringer).toBeUndefined();
    expect(JSON.stringify([...store.entries()])).toBe(snapshot);
  });

  it('records what changed when an input changes', () => {
    const store = new Map<string, TableData>();
    applyPlan(store, HELGELAND_2026, 2026, '2026-11-20');
    const moved: Dataset = { ...HELGELAND_2026, members: HELGELAND_2026.members.map((m) => (m.name === 'Rana' ? { ...m, population: 25900 } : m)) };
    const plan = applyPlan(store, moved, 2026, '2026-11-21');
    expect(plan.toWrite.map((t) => t.name)).toContain('DH_Fordeling_2026');
    const totalChange = plan.changes.find((c) => c.column === 'Totalt pr kommune');
    expect(totalChange).toMatchObject({ table: 'DH_Fordeling_2026', key: '1833', label: 'Rana', before: '752197.48', after: '752220.48' });
    const log = store.get('DH_Endringer')!;
    expect(log.rows[0]![0]).toBe('2026-11-21');
    expect(log.rows.some((r) => r[0] === '2026-11-20')).toBe(true);
  });

  it('property: refreshing is idempotent for random populations and keys', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 19, maxLength: 19 }), fc.integer({ min: 0, max: 500_000 }), (pops, fixed) => {
        const ds: Dataset = {
          ...HELGELAND_2026,
          members: HELGELAND_2026.members.map((m, i) => ({ ...m, population: pops[i]! })),
          keys: [{ year: 2026, fixedAmount: new Dec(fixed), ratePerInhabitant: new Dec('23.5') }],
        };
        const store = new Map<string, TableData>();
        applyPlan(store, ds, 2026, '2026-01-01');
        const again = applyPlan(store, ds, 2026, '2026-01-02');
        expect(again.toWrite).toEqual([]);
        // From a workbook an older add-in wrote (Sum as a data row): one conversion, then nothing.
        const built = boardTables(ds, 2026);
        if (!built.ok) throw new Error(built.error.message);
        const legacy = new Map<string, TableData>(built.value.map((t) => [t.name, asLegacy(t)]));
        expect(applyPlan(legacy, ds, 2026, '2026-01-01').changes.every((c) => c.before === 'datarad')).toBe(true);
        expect(applyPlan(legacy, ds, 2026, '2026-01-02').toWrite).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe('a workbook whose Sum line an older add-in wrote as a data row', () => {
  it('the next refresh converts it to the totals row (one change, «datarad → totalrad»), the one after writes nothing', () => {
    const built = boardTables(HELGELAND_2026, 2026);
    if (!built.ok) throw new Error(built.error.message);
    const store = new Map<string, TableData>(built.value.map((t) => [t.name, asLegacy(t)]));
    const first = applyPlan(store, HELGELAND_2026, 2026, '2026-11-21');
    expect(first.toWrite.map((t) => t.name)).toEqual(built.value.map((t) => t.name));
    // Only the conversion is reported: the label moving to the first column is not a changed figure.
    expect(first.changes.map((c) => `${c.table}: ${c.label} ${c.before} → ${c.after}`)).toEqual(
      built.value.map((t) => `${t.name}: ${String(t.totals![0])} datarad → totalrad`),
    );
    expect(store.get('DH_Fordeling_2026')!.rows).toHaveLength(19);
    const second = applyPlan(store, HELGELAND_2026, 2026, '2026-11-22');
    expect(second.toWrite).toEqual([]);
    expect(second.changes).toEqual([]);
  });

  it('a changed figure in the old Sum row is reported against the new totals', () => {
    const built = boardTables(HELGELAND_2026, 2026);
    if (!built.ok) throw new Error(built.error.message);
    const fordeling = built.value[0]!;
    const old = asLegacy(fordeling);
    const column = fordeling.headers.indexOf('Totalt pr kommune');
    const edited: TableData = { ...old, rows: old.rows.map((r, i) => (i === old.rows.length - 1 ? r.map((c, j) => (j === column ? 1 : c)) : r)) };
    const changes = diffTable(edited, fordeling);
    expect(changes.map((c) => [c.label, c.column, c.before])).toEqual([['Sum', '', 'datarad'], ['Sum', 'Totalt pr kommune', '1']]);
  });

  it('a table that has a totals row and gets one without (or the reverse) is written', () => {
    const built = boardTables(HELGELAND_2026, 2026);
    if (!built.ok) throw new Error(built.error.message);
    const fordeling = built.value[0]!;
    const { totals: _t, ...bare } = fordeling;
    expect(diffTable(asRead(fordeling), bare).map((c) => `${c.before} → ${c.after}`)).toEqual(['totalrad → (fjernet)']);
    expect(diffTable(asRead(bare), fordeling).map((c) => `${c.before} → ${c.after}`)).toEqual(['(ingen totalrad) → totalrad']);
  });
});

describe('a dataset without projects, RPA or DUO (another cooperation)', () => {
  const { rpa: _rpa, duo: _duo, arkivplan: _arkivplan, ...rest } = HELGELAND_2026;
  const vesteralen: Dataset = {
    ...rest,
    name: 'Arbeidsboken (DH_Kommuner)',
    members: [
      { kommunenr: '1871', name: 'Andøy', population: 4565 },
      { kommunenr: '1867', name: 'Bø', population: 2540 },
    ],
    projects: [],
  };

  it('builds only DH_Fordeling and says which project tables it left out', () => {
    const tables = boardTables(vesteralen, 2026);
    expect(tables.ok && tables.value.map((t) => t.name)).toEqual(['DH_Fordeling_2026', 'DH_Balanse']);
    expect(skippedBoardTables(vesteralen)).toEqual(['DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus']);
    expect(skippedBoardTables(HELGELAND_2026)).toEqual([]);
  });

  it('refuses RPA or DUO figures for kommuner that are not members, instead of printing their numbers as names', () => {
    const foreign: Dataset = { ...vesteralen, rpa: HELGELAND_2026.rpa! };
    const tables = boardTables(foreign, 2026);
    expect(!tables.ok && tables.error.message).toBe('DH_RPA kan ikke lages: RPA-tallene gjelder kommunenumrene 1811, 1812, 1813, 1815 og 15 andre, som ikke er medlemmer i samarbeidet.');
    const one: Dataset = { ...vesteralen, rpa: { ...HELGELAND_2026.rpa!, rows: [{ kommunenr: '1871', monthlyCost: new Dec(1), handledPerMonth: 1 }, { kommunenr: '1833', monthlyCost: new Dec(1), handledPerMonth: 1 }] } };
    const single = boardTables(one, 2026);
    expect(!single.ok && single.error.message).toBe('DH_RPA kan ikke lages: RPA-tallene gjelder kommunenummer 1833, som ikke er medlem i samarbeidet.');
  });

  it('stale project tables are removed and logged only when the host asks for it', () => {
    const store = new Map<string, TableData>();
    applyPlan(store, HELGELAND_2026, 2026, '2026-01-01');
    const kept = planRefresh(vesteralen, 2026, (n) => store.get(n), '2026-01-02');
    if (!kept.ok) throw new Error(kept.error.message);
    expect(kept.value.toRemove).toEqual([]);
    expect(kept.value.skipped).toEqual(['DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus']);
    expect(kept.value.changes.some((c) => c.after === '(fjernet)' && c.key === '')).toBe(false);

    const removed = planRefresh(vesteralen, 2026, (n) => store.get(n), '2026-01-02', { removeStale: true });
    if (!removed.ok) throw new Error(removed.error.message);
    expect(removed.value.toRemove).toEqual(['DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus']);
    expect(removed.value.changes.filter((c) => c.after === '(fjernet)' && c.key === '').map((c) => [c.table, c.before])).toEqual([
      ['DH_Deltakelse', 'tabell med 19 rader'],
      ['DH_RPA', 'tabell med 19 rader'],
      ['DH_DUO', 'tabell med 19 rader'],
      ['DH_Arkivplanstatus', 'tabell med 19 rader'],
    ]);
    expect(removed.value.endringer!.rows.filter((r) => r[6] === '(fjernet)' && r[2] === '')).toHaveLength(4);
  });
});
