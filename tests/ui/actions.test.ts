import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardTableNames, boardTables, dec, HELGELAND_2026, isOwnedTableName, type CellValue, type Dataset, type Project, type TableData } from '../../core/index.js';
import {
  builtinDataset,
  changesSummary,
  checkRegisterOnSheet,
  clearFindingHighlights,
  detectDatasetTables,
  evaluateGevinstTable,
  exportFrozenPercentages,
  findingAddress,
  findingsTable,
  fordelingView,
  FUNN_HEADERS,
  groupFindings,
  highlightFindings,
  insertFordeling,
  insertGevinstTemplate,
  loadDataset,
  reconcileActiveSheet,
  reconcileBoard,
  refreshBoard,
  refreshIntro,
  selectFinding,
  writeFindings,
} from '../../ui/actions.js';
import { MemoryHost } from '../fakes/memory-host.js';
import ALLOCATION_2026 from '../fixtures/helgeland-2025/allocation-2026.json';

const TODAY = '2026-03-01';

/** A1 → 1-based [row, column]. */
function parseA1(cell: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(cell);
  if (!m) throw new Error(`ugyldig celleadresse ${cell}`);
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

function snapshot(table: TableData | undefined): unknown {
  return table ? JSON.parse(JSON.stringify({ headers: table.headers, rows: table.rows })) : undefined;
}

describe('loadDataset', () => {
  it('uses the embedded Digitale Helgeland 2026 when the workbook has no input tables', async () => {
    const host = new MemoryHost();
    const loaded = await loadDataset(host);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.origin).toBe('builtin');
    expect(loaded.value.used).toEqual([]);
    expect(loaded.value.dataset).toBe(HELGELAND_2026);
    expect(loaded.value.label).toBe('Innebygd: Digitale Helgeland 2026');
    expect(host.writes).toEqual([]);
    const view = fordelingView(loaded.value.dataset, 2026);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    const rana = view.value.rows.find((r) => r.kommune === 'Rana')!;
    expect(rana).toMatchObject({ kommunenr: '1833', innbyggere: '25 899', fast: '156 520,48 kr', fordelt: '595 677,00 kr', totalt: '752 197,48 kr' });
    expect(view.value.rows).toHaveLength(19);
    expect(view.value.kontroll).toBe('0,00 kr');
    expect(view.value.kontrollOk).toBe(true);
    expect(view.value.budget).toBeDefined();
    const percents = view.value.rows.map((r) => Number(r.andel.replace(' %', '').replace(',', '.')));
    expect(percents.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
  });

  it('lets the workbook override members and key with DH_Kommuner and DH_Nokkel', async () => {
    const host = new MemoryHost({
      tables: {
        DH_Kommuner: [
          ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'],
          ['1833', 'Rana', 26000, '30.06.2026'],
          ['1824', 'Vefsn', '13 500', '30.06.2026'],
          ['1837', 'Meløy', 6100, '30.06.2026'],
        ],
        DH_Nokkel: [
          ['År', 'Fast beløp', 'Sats pr innbygger', 'Andel likt', 'Sum å fordele', 'Prisindeks', 'Budsjettert sum'],
          [2027, '100 000', '20', '', '', '', ''],
        ],
      },
    });
    expect((await detectDatasetTables(host)).ok && (await detectDatasetTables(host)).message).toContain('DH_Kommuner');
    const loaded = await loadDataset(host);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.origin).toBe('workbook');
    expect(loaded.value.used).toEqual(['DH_Kommuner', 'DH_Nokkel']);
    expect(loaded.value.label).toBe('Arbeidsboken (DH_Kommuner, DH_Nokkel)');
    const view = fordelingView(loaded.value.dataset, 2027);
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.value.rows.map((r) => [r.kommune, r.totalt])).toEqual([
      ['Vefsn', '370 000,00 kr'],
      ['Rana', '620 000,00 kr'],
      ['Meløy', '222 000,00 kr'],
    ]);
    expect(view.value.sum).toBe('1 212 000,00 kr');
    expect(fordelingView(loaded.value.dataset, 2026)).toMatchObject({ ok: false });
    expect(host.writes).toEqual([]);
    // Three of Helgeland's members are not Helgeland: the built-in projects, RPA and DUO are not theirs.
    expect(loaded.message).toBe(
      'Bruker arbeidsbokens tabeller DH_Kommuner, DH_Nokkel. Hoppet over DH_Deltakelse, DH_RPA, DH_DUO og DH_Arkivplanstatus: arbeidsboken har ingen DH_Prosjekter, ' +
        'ingen egne RPA- eller DUO-tall og ingen DH_Arkivplan, og de innebygde prosjekttallene gjelder bare Digitale Helgeland 2026.',
    );
    const refreshed = await refreshBoard(host, loaded.value.dataset, 2027, '2026-11-22');
    expect(refreshed.ok).toBe(true);
    expect(host.writes.map((t) => t.name)).toEqual(['DH_Fordeling_2027', 'DH_Balanse', 'DH_Endringer']);
    expect(refreshed.message).toMatch(/Hoppet over DH_Deltakelse, DH_RPA, DH_DUO og DH_Arkivplanstatus/);
  });

  it('reports a bad input table in Norwegian, naming the cell, and writes nothing', async () => {
    const host = new MemoryHost({
      tables: {
        DH_Kommuner: [
          ['Kommunenr', 'Kommune', 'Innbyggere'],
          ['1833', 'Rana', 'mange'],
        ],
      },
    });
    const loaded = await loadDataset(host);
    expect(loaded.ok).toBe(false);
    expect(loaded.message).toMatch(/DH_Kommuner rad 2 .*C2.*innbyggertallet «mange» er ikke et helt tall/);
    expect(loaded.message).toContain('ingenting er endret');
    expect(host.callsOf('writeOwnedTable')).toEqual([]);
  });

  it('reports a host read error without throwing', async () => {
    const host = new MemoryHost({ failReads: ['DH_Nokkel'] });
    const loaded = await loadDataset(host);
    expect(loaded).toMatchObject({ ok: false });
    expect(loaded.message).toContain('Kunne ikke lese DH_Nokkel');
    expect(host.writes).toEqual([]);
  });
});

describe('Fordeling', () => {
  it('inserts DH_Fordeling_2026 with DH.KOSTNAD formulas and a Sum row', async () => {
    const host = new MemoryHost();
    const result = await insertFordeling(host, HELGELAND_2026, 2026);
    expect(result).toMatchObject({ ok: true, value: { table: 'DH_Fordeling_2026', rows: 19 } });
    expect(host.writtenNames).toEqual(['DH_Fordeling_2026']);
    const table = host.tables.get('DH_Fordeling_2026')!;
    const rana = table.rows.find((r) => r[0] === '1833')!;
    expect(rana[5]).toBe(752197.48);
    expect([...host.formulas.values()]).toContainEqual({ fn: 'KOSTNAD', args: ['1833', 2026] });
    expect(table.rows).toHaveLength(19);
    expect(table.totals![0]).toBe('Sum');
  });

  it('says why when the year has no key, and writes nothing', async () => {
    const host = new MemoryHost();
    const result = await insertFordeling(host, HELGELAND_2026, 2031);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('Ingen fordelingsnøkkel for 2031');
    expect(host.writes).toEqual([]);
  });

  it('exports frozen percentages that add up to exactly 100, as a table and as nb-NO CSV', () => {
    const exported = exportFrozenPercentages(HELGELAND_2026, 2026);
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const rows = exported.value.table.rows.slice(0, -1);
    expect(rows).toHaveLength(19);
    const total = rows.reduce((acc, r) => acc.plus(dec(r[2] as number)), dec(0));
    expect(total.toString()).toBe('100');
    const lines = exported.value.csv.trim().split('\r\n');
    expect(lines[0]).toBe('Kommunenr;Kommune;Andel (%)');
    expect(lines.find((l) => l.startsWith('1833;Rana;'))).toMatch(/^1833;Rana;\d+,\d{4}$/);
    expect(lines.at(-1)).toBe(';Sum;100,0000');
    expect(isOwnedTableName(exported.value.table.name)).toBe(false);
  });
});

describe('refreshBoard (Styremøte)', () => {
  it('writes the board tables once; a second run writes nothing and says «Ingen endringer»', async () => {
    const host = new MemoryHost();
    const first = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.written).toEqual(['DH_Fordeling_2026', 'DH_Deltakelse', 'DH_RPA', 'DH_DUO', 'DH_Arkivplanstatus', 'DH_Balanse', 'DH_Endringer']);
    expect(first.value.summary).toBe('5 endringer siden forrige oppdatering'.replace('5', String(first.value.changes.length)));
    const writesAfterFirst = host.writes.length;

    const second = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value.changes).toEqual([]);
    expect(second.value.written).toEqual([]);
    expect(second.value.summary).toBe('Ingen endringer');
    expect(host.writes.length).toBe(writesAfterFirst);
  });

  it('never writes a table it does not own, and leaves input tables untouched', async () => {
    const kommuner: CellValue[][] = [
      ['Kommunenr', 'Kommune', 'Innbyggere'],
      ...HELGELAND_2026.members.map((m) => [m.kommunenr, m.name, m.population]),
    ];
    const host = new MemoryHost({ tables: { DH_Kommuner: kommuner, DH_Register: [['Kommune', 'System', 'Leverandør'], ['Rana', 'Elements', 'Sikri']] } });
    const before = { k: snapshot(host.tables.get('DH_Kommuner')), r: snapshot(host.tables.get('DH_Register')) };
    const loaded = await loadDataset(host);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    await refreshBoard(host, loaded.value.dataset, 2026, TODAY);
    await refreshBoard(host, loaded.value.dataset, 2026, TODAY);
    const attempted = host.callsOf('writeOwnedTable').map((c) => c.name);
    expect(attempted.length).toBeGreaterThan(0);
    for (const name of attempted) expect(isOwnedTableName(name), name).toBe(true);
    expect(snapshot(host.tables.get('DH_Kommuner'))).toEqual(before.k);
    expect(snapshot(host.tables.get('DH_Register'))).toEqual(before.r);
  });

  it('lists what changed since the last refresh (a hand-edited figure is restored and reported)', async () => {
    const host = new MemoryHost();
    await refreshBoard(host, HELGELAND_2026, 2026, '2026-01-10');
    const table = host.tables.get('DH_Fordeling_2026')!;
    const rows = table.rows.map((r) => [...r]);
    const rana = rows.find((r) => r[0] === '1833')!;
    rana[5] = 750000;
    host.setTable('DH_Fordeling_2026', { ...table, rows });
    const result = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.summary).toBe('1 endring siden forrige oppdatering');
    expect(result.value.changeViews).toEqual([{ table: 'DH_Fordeling_2026', kommune: 'Rana', column: 'Totalt pr kommune', before: '750 000', after: '752 197,48' }]);
    expect(result.value.written).toEqual(['DH_Fordeling_2026', 'DH_Endringer']);
    const log = host.tables.get('DH_Endringer')!;
    expect(log.rows[0]).toEqual([TODAY, 'DH_Fordeling_2026', '1833', 'Rana', 'Totalt pr kommune', '750000', '752197.48']);
    expect(log.rows.length).toBeGreaterThan(1);
  });

  it('keeps the previous table intact when a write fails mid-way, and says so in Norwegian', async () => {
    const host = new MemoryHost();
    await refreshBoard(host, HELGELAND_2026, 2026, '2026-01-10');
    const before = {
      fordeling: snapshot(host.tables.get('DH_Fordeling_2026')),
      deltakelse: snapshot(host.tables.get('DH_Deltakelse')),
      endringer: snapshot(host.tables.get('DH_Endringer')),
    };
    // Rana grows (changes DH_Fordeling_2026) and Bindal joins EPJ (changes DH_Deltakelse).
    const changed: Dataset = {
      ...HELGELAND_2026,
      members: HELGELAND_2026.members.map((m) => (m.name === 'Rana' ? { ...m, population: m.population + 100 } : m)),
      projects: HELGELAND_2026.projects.map((p): Project => (p.name.startsWith('Felles anskaffelse EPJ') ? { ...p, participants: [...p.participants, '1811'] } : p)),
    };
    host.failOnWrite = host.writeAttempts + 2; // the second write of this refresh: DH_Deltakelse
    const failed = await refreshBoard(host, changed, 2026, TODAY);
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('Kunne ikke skrive DH_Deltakelse');
    expect(failed.message).toContain('DH_Deltakelse er uendret');
    expect(failed.message).toContain('Allerede oppdatert: DH_Fordeling_2026');
    expect(snapshot(host.tables.get('DH_Deltakelse'))).toEqual(before.deltakelse);
    expect(snapshot(host.tables.get('DH_Fordeling_2026'))).not.toEqual(before.fordeling);
    // The changes that were written are logged; those that were not are not.
    const log = host.tables.get('DH_Endringer')!;
    expect(log.rows.some((r) => r[1] === 'DH_Fordeling_2026' && r[0] === TODAY)).toBe(true);
    expect(log.rows.some((r) => r[1] === 'DH_Deltakelse' && r[0] === TODAY)).toBe(false);

    // A retry finishes the job, and a third run writes nothing.
    const retry = await refreshBoard(host, changed, 2026, TODAY);
    expect(retry.ok).toBe(true);
    if (!retry.ok) return;
    expect(retry.value.written).toEqual(['DH_Deltakelse', 'DH_Balanse', 'DH_Endringer']);
    const again = await refreshBoard(host, changed, 2026, TODAY);
    expect(again).toMatchObject({ ok: true, value: { written: [], summary: 'Ingen endringer' } });
  });

  it('keeps the previous table when the very first write fails', async () => {
    const host = new MemoryHost();
    await refreshBoard(host, HELGELAND_2026, 2026, '2026-01-10');
    const before = snapshot(host.tables.get('DH_Fordeling_2026'));
    const changed: Dataset = { ...HELGELAND_2026, members: HELGELAND_2026.members.map((m) => (m.name === 'Vega' ? { ...m, population: 1300 } : m)) };
    host.failOnWrite = host.writeAttempts + 1;
    const writesBefore = host.writes.length;
    const failed = await refreshBoard(host, changed, 2026, TODAY);
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/DH_Fordeling_2026 er uendret \(forrige versjon er beholdt\)/);
    expect(host.writes.length).toBe(writesBefore);
    expect(snapshot(host.tables.get('DH_Fordeling_2026'))).toEqual(before);
  });

  it('reconciles the tables it wrote: no errors, but the budget line, participation and the DUO basis', async () => {
    const host = new MemoryHost();
    const result = await refreshBoard(host, HELGELAND_2026, 2026, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const findings = result.value.findings;
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const budget = findings.find((f) => f.rule === 'kontroll.budsjettlinje');
    expect(budget).toMatchObject({ severity: 'warning', sheet: 'DH_Fordeling_2026', cell: 'F21' });
    expect(budget!.message).toContain('4 956 481,97 kr');
    // Træna, Rødøy and Meløy are charged for DUO without taking part in the decision.
    expect(findings.filter((f) => f.rule === 'kontroll.deltakelse' && f.sheet === 'DH_DUO').map((f) => f.cell).sort()).toEqual(['C18', 'C19', 'C20']);
    // Every finding points inside a table that was written.
    for (const f of findings) expect(host.tables.has(f.sheet), f.sheet).toBe(true);
    expect(reconcileBoard(HELGELAND_2026, 2026).map((f) => f.cell)).toEqual(findings.map((f) => f.cell));
    expect(changesSummary(0)).toBe('Ingen endringer');
    expect(changesSummary(1234)).toBe('1 234 endringer siden forrige oppdatering');
  });

  it('reconciles a printed board table on the active sheet and points at the wrong figure', async () => {
    const values: CellValue[][] = [
      ['Fordeling av kostnader 2026 (kommunenes bidrag)', null, null, null],
      [null, null, null, null],
      [...ALLOCATION_2026.printed_headers],
      ...ALLOCATION_2026.rows.map((r) => [r.kommune, Number(r.innbyggere_2kv_2025), `kr ${r.fordelt_etter_innbyggertall}`, `kr ${r.totalt_pr_kommune}`]),
      ['Sum', null, `kr ${ALLOCATION_2026.sum_row.fordelt_etter_innbyggertall}`, `kr ${ALLOCATION_2026.sum_row.totalt_pr_kommune}`],
    ];
    const host = new MemoryHost({ activeSheet: { name: 'Fordeling 2026', values } });
    const result = await reconcileActiveSheet(host, HELGELAND_2026, 2026);
    expect(result.ok, result.message).toBe(true);
    if (!result.ok) return;
    expect(result.value.tables).toHaveLength(1);
    expect(result.value.tables[0]).toMatch(/^Fordeling 2026!A3: fordelingstabell/);
    const vevelstadRow = 3 + 1 + ALLOCATION_2026.rows.findIndex((r) => r.kommune === 'Vevelstad');
    const vevelstad = result.value.findings.find((f) => f.severity === 'error' && f.row === vevelstadRow && f.cell.startsWith('D'));
    expect(vevelstad, JSON.stringify(result.value.findings.slice(0, 5))).toBeDefined();
    expect(vevelstad!.expected).toBe('167 330,48 kr');
    expect(host.writes).toEqual([]);

    const none = await reconcileActiveSheet(new MemoryHost({ activeSheet: { name: 'Ark1', values: [['Hei']] } }), HELGELAND_2026, 2026);
    expect(none).toMatchObject({ ok: true, value: { tables: [] } });
    expect(none.message).toContain('Fant ingen fordelings-');
    // Nothing unread is silent (SPEC §7): the panel lists the same kontroll.ikke-lest finding as dh kontroll.
    expect(none.ok && none.value.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([['kontroll.ikke-lest', 'warning', 'A1']]);
  });
});

/** A register as an arkivleder keeps it: a title, a blank row, then the header at row 3. */
const REGISTER: CellValue[][] = [
  ['Systemoversikt Digitale Helgeland', null, null, null, null, null, null, null, null, null],
  [null, null, null, null, null, null, null, null, null, null],
  ['Kommune', 'Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Arkivverdig', 'Uttrekk/depot', 'Avtale utløper', 'Oppsigelsestid (mnd)', 'Kostnad pr mnd'],
  ['Rana', '1833', 'Elements', 'Sikri AS', 'Arkivleder', 'Ja', 'Avtalt med IKAN', '31.12.2027', 6, '12 500'],
  ['Vefsn', '1824', 'Elements', 'SIKRI', '', 'Ja', '', '31.12.2027', 6, '11 000'],
  ['Ranna', '1833', 'Visma Flyt Skole', 'Visma', 'Oppvekstleder', 'Nei', '', '01.01.2025', 3, '4 000'],
  ['Brønnøy', '1813', '=HYPERLINK("x")', 'Visma AS', 'IKT-leder', 'Nei', '', '31.12.2029', 3, 'ca. 2000'],
];

describe('checkRegisterOnSheet (Systemregister)', () => {
  it('finds problems in the active sheet, pointing at real cells; clicking selects the cell', async () => {
    const host = new MemoryHost({ activeSheet: { name: 'Systemoversikt', values: REGISTER } });
    const progress: number[] = [];
    const result = await checkRegisterOnSheet(host, 'active', TODAY, (f) => progress.push(f), HELGELAND_2026);
    expect(result.ok, result.message).toBe(true);
    if (!result.ok) return;
    expect(result.value.sheet).toBe('Systemoversikt');
    expect(result.value.findings.length).toBeGreaterThan(0);
    expect(result.value.counts.error + result.value.counts.warning + result.value.counts.info).toBe(result.value.findings.length);
    expect(result.value.groups.map((g) => g.label)).toEqual(['Feil', 'Advarsel', 'Info']);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
    const pointed = result.value.findings.filter((f) => f.cell);
    expect(pointed.length).toBeGreaterThan(0);
    for (const f of pointed) {
      expect(f.sheet).toBe('Systemoversikt');
      const [row, col] = parseA1(f.cell);
      expect(row).toBe(f.row);
      expect(row).toBeGreaterThanOrEqual(3);
      expect(row).toBeLessThanOrEqual(REGISTER.length);
      expect(col).toBeGreaterThanOrEqual(1);
      expect(col).toBeLessThanOrEqual(REGISTER[2]!.length);
    }
    // Vefsn's Elements (row 5) has no Systemeier (E5) and is archive-worthy without an extract plan (G5);
    // «Ranna» (A6) is not a kommune; C7 would execute as a formula.
    const errorCells = new Set(result.value.groups[0]!.findings.map((f) => f.cell));
    for (const cell of ['E5', 'G5', 'A6', 'C7']) expect(errorCells, cell).toContain(cell);
    expect(REGISTER[4]![4]).toBe('');
    // Felles systemer: Elements in Rana and Vefsn («Sikri AS» = «SIKRI»), costs summed.
    expect(result.value.common).toEqual([{ system: 'Elements', supplier: expect.stringMatching(/sikri/i), kommuneCount: 2, kommuner: 'Vefsn, Rana', monthlyCost: '23 500,00 kr' }]);

    const target = result.value.findings.find((f) => f.row === 5) ?? pointed[0]!;
    const selected = await selectFinding(host, target);
    expect(selected.ok).toBe(true);
    expect(host.callsOf('selectCell')).toEqual([{ type: 'selectCell', sheet: 'Systemoversikt', cell: target.cell }]);
    expect(findingAddress(target)).toBe(`Systemoversikt!${target.cell}`);

    const marked = await highlightFindings(host, result.value.findings);
    expect(marked.ok).toBe(true);
    expect(host.highlighted.length).toBe(new Set(pointed.map((f) => f.cell)).size);
    expect((await clearFindingHighlights(host)).ok).toBe(true);
    expect(host.highlighted).toEqual([]);
    expect(host.writes).toEqual([]);
  });

  it('reads DH_Register with its own address, and explains a missing or headerless register', async () => {
    const missing = await checkRegisterOnSheet(new MemoryHost(), 'DH_Register', TODAY);
    expect(missing).toMatchObject({ ok: false });
    expect(missing.message).toContain('Fant ikke tabellen DH_Register');

    const host = new MemoryHost({
      tables: { DH_Register: { name: 'DH_Register', sheet: 'Register', headers: REGISTER[2]!.map(String), rows: REGISTER.slice(3), originRow: 10, originColumn: 2 } },
    });
    const result = await checkRegisterOnSheet(host, 'DH_Register', TODAY);
    expect(result.ok, result.message).toBe(true);
    if (!result.ok) return;
    for (const f of result.value.findings.filter((x) => x.cell)) {
      expect(f.sheet).toBe('Register');
      const [row, col] = parseA1(f.cell);
      expect(row).toBeGreaterThanOrEqual(10);
      expect(row).toBeLessThanOrEqual(10 + REGISTER.length - 3);
      expect(col).toBeGreaterThanOrEqual(2);
    }

    const empty = await checkRegisterOnSheet(new MemoryHost({ activeSheet: { name: 'Ark1', values: [] } }), 'active', TODAY);
    expect(empty.ok).toBe(false);
    expect(empty.message).toContain('er tomt');
    const noHeader = await checkRegisterOnSheet(new MemoryHost({ activeSheet: { name: 'Ark1', values: [['a', 'b'], [1, 2]] } }), 'active', TODAY);
    expect(noHeader.ok).toBe(false);
    expect(noHeader.message).toMatch(/overskriftsrad|System/);
  });

  it('writes DH_Funn with Norwegian headers and severity labels', async () => {
    const host = new MemoryHost({ activeSheet: { name: 'Systemoversikt', values: REGISTER } });
    const result = await checkRegisterOnSheet(host, 'active', TODAY);
    expect(result.ok, result.message).toBe(true);
    if (!result.ok) return;
    const written = await writeFindings(host, result.value.findings);
    expect(written).toMatchObject({ ok: true, value: { table: 'DH_Funn', rows: result.value.findings.length } });
    const funn = host.tables.get('DH_Funn')!;
    expect(funn.headers).toEqual(['Alvorlighet', 'Regel', 'Ark', 'Celle', 'Rad', 'Kolonne', 'Melding', 'Forventet', 'Faktisk']);
    expect(funn.headers).toEqual([...FUNN_HEADERS]);
    for (const row of funn.rows) expect(['Feil', 'Advarsel', 'Info']).toContain(row[0]);
    expect(host.writtenNames).toEqual(['DH_Funn']);
  });

  it('DH_Funn: sorted worst first, formula-like text handed to the host as text, empty list clears', async () => {
    const table = findingsTable([
      { rule: 'r.info', severity: 'info', sheet: 'A', cell: 'B2', row: 2, column: 'X', message: 'info' },
      { rule: 'r.feil', severity: 'error', sheet: 'A', cell: 'C3', row: 3, column: 'Y', message: 'feil', actual: '=HYPERLINK("x")' },
    ]);
    expect(table.rows.map((r) => r[0])).toEqual(['Feil', 'Info']);
    const host = new MemoryHost();
    await writeFindings(host, [{ rule: 'r.feil', severity: 'error', sheet: 'A', cell: 'C3', row: 3, column: 'Y', message: 'feil', actual: '=HYPERLINK("x")' }]);
    expect(host.textGuarded.size).toBe(1);
    const cleared = await writeFindings(host, []);
    expect(cleared.message).toBe('Ingen funn: DH_Funn er tømt.');
    expect(host.tables.get('DH_Funn')!.rows).toEqual([]);
    expect(groupFindings([]).map((g) => g.findings.length)).toEqual([0, 0, 0]);
  });

  it('a failing DH_Funn write keeps the old DH_Funn', async () => {
    const host = new MemoryHost({ failOnWrite: 2 });
    await writeFindings(host, [{ rule: 'r', severity: 'warning', sheet: 'A', cell: 'A2', row: 2, column: 'A', message: 'første' }]);
    const before = snapshot(host.tables.get('DH_Funn'));
    const failed = await writeFindings(host, []);
    expect(failed.ok).toBe(false);
    expect(failed.message).toContain('Forrige versjon av DH_Funn er beholdt');
    expect(snapshot(host.tables.get('DH_Funn'))).toEqual(before);
  });

  it('without highlightCells the option is refused politely', async () => {
    const host = new MemoryHost({ highlight: false });
    const r = await highlightFindings(host, []);
    expect(r).toMatchObject({ ok: false, message: 'Denne verten kan ikke markere celler.' });
  });
});

describe('Gevinst', () => {
  it('inserts the template once, never overwrites, and evaluates it', async () => {
    const host = new MemoryHost();
    const none = await evaluateGevinstTable(host, TODAY);
    expect(none).toMatchObject({ ok: false });
    expect(none.message).toContain('Sett inn mal (DH_Gevinst)');

    expect(await insertGevinstTemplate(host)).toMatchObject({ ok: true, value: 'created' });
    expect(host.callsOf('inputsChanged')).toHaveLength(1);
    expect(await insertGevinstTemplate(host)).toMatchObject({ ok: true, value: 'exists' });
    expect(host.writes).toEqual([]);

    const result = await evaluateGevinstTable(host, TODAY);
    expect(result.ok, result.message).toBe(true);
    if (!result.ok) return;
    expect(result.value.rate).toBe('4 %');
    expect(result.value.rows).toHaveLength(3);
    const duo = result.value.rows[0]!;
    expect(duo).toMatchObject({ name: 'Automatisert postmottak (DUO)', kommune: 'Rana', nettoPrAr: '236 999,73 kr', tilbakebetaling: '0', ar: 5 });
    expect(duo.nnv).toMatch(/^1 055 \d{3},\d{2} kr$/);
    expect(result.value.perKommune.map((p) => p.kommune)).toEqual(['Rana', 'Vefsn', 'Hemnes']);
    // Sak 42-25's avoided commercial cost (8 000 kr × 12) is the third example row.
    expect(result.value.totalNetto).toBe('1 016 954,73 kr');
  });

  it('reports validation findings for a user-edited row', async () => {
    const host = new MemoryHost();
    await insertGevinstTemplate(host);
    const table = host.tables.get('DH_Gevinst')!;
    const rows = table.rows.map((r) => [...r]);
    rows[1]![2] = 'raskere saksbehandling';
    rows[1]![12] = 'mye';
    host.setTable('DH_Gevinst', { ...table, rows });
    const result = await evaluateGevinstTable(host, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.groups[0]!.label).toBe('Feil');
    const errors = result.value.groups[0]!.findings;
    expect(errors.map((f) => f.rule)).toEqual(expect.arrayContaining(['gevinst.ukjent-type', 'gevinst.ugyldig-tall']));
    expect(errors.find((f) => f.rule === 'gevinst.ugyldig-tall')?.cell).toBe('M3');
  });
});

describe('builtinDataset', () => {
  it('labels the embedded dataset', () => {
    expect(builtinDataset().label).toBe('Innebygd: Digitale Helgeland 2026');
  });
});

// ---------------------------------------------------------------------------------------------------
// Property: a refresh is idempotent on any small dataset.

const NUMBERS = ['1811', '1812', '1813', '1815', '1816', '1818', '1820', '1822', '1824', '1825', '1826', '1827', '1828', '1832', '1833', '1834', '1835', '1836', '1837'];
const money = fc.integer({ min: 1, max: 50_000_000 }).map((ore) => dec(ore).dividedBy(100));

const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    members: fc.uniqueArray(fc.record({ kommunenr: fc.constantFrom(...NUMBERS), population: fc.integer({ min: 1, max: 60_000 }) }), {
      minLength: 1,
      maxLength: 6,
      selector: (m) => m.kommunenr,
    }),
    key: fc.oneof(
      fc.record({ mode: fc.constant('fixed' as const), fixed: money, rate: fc.integer({ min: 0, max: 9999 }).map((o) => dec(o).dividedBy(100)) }),
      fc.record({ mode: fc.constant('split' as const), total: money, alpha: fc.integer({ min: 0, max: 100 }).map((p) => dec(p).dividedBy(100)) }),
    ),
    budget: fc.option(money, { nil: undefined }),
    projects: fc.array(
      fc.record({ mask: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), cost: fc.option(money, { nil: undefined }), split: fc.constantFrom('flat' as const, 'innbyggere' as const) }),
      { maxLength: 3 },
    ),
    rpa: fc.option(fc.array(fc.record({ cost: money, handled: fc.integer({ min: 0, max: 5000 }) }), { minLength: 6, maxLength: 6 }), { nil: undefined }),
    duo: fc.option(fc.record({ costs: fc.array(money, { minLength: 6, maxLength: 6 }), saving: money }), { nil: undefined }),
  })
  .map(({ members, key, budget, projects, rpa, duo }) => {
    const ms = members.map((m) => ({ kommunenr: m.kommunenr, name: `Kommune ${m.kommunenr}`, population: m.population }));
    return {
      name: 'Tilfeldig samarbeid',
      source: 'fast-check',
      members: ms,
      keys: [
        key.mode === 'fixed'
          ? { year: 2026, fixedAmount: key.fixed, ratePerInhabitant: key.rate, ...(budget ? { budgetedTotal: budget } : {}) }
          : { year: 2026, totalToAllocate: key.total, equalShare: key.alpha, ...(budget ? { budgetedTotal: budget } : {}) },
      ],
      projects: projects.map((p, i) => ({
        name: `Prosjekt ${i + 1}`,
        participants: ms.filter((_, j) => p.mask[j]).map((m) => m.kommunenr),
        split: p.split,
        ...(p.cost ? { annualCost: p.cost } : {}),
      })),
      ...(rpa
        ? { rpa: { rows: ms.map((m, i) => ({ kommunenr: m.kommunenr, monthlyCost: rpa[i]!.cost, handledPerMonth: rpa[i]!.handled })), assumption: { minutesPerCase: dec(5), hourlyRate: dec(695) } } }
        : {}),
      ...(duo
        ? {
            duo: {
              emailsPerMonth: 1000,
              shareHandled: dec('0.8'),
              assumption: { minutesPerCase: dec(3), hourlyRate: dec(685) },
              adoptedMonthlySaving: duo.saving,
              monthlyCost: new Map(ms.map((m, i) => [m.kommunenr, duo.costs[i]!])),
            },
          }
        : {}),
    } satisfies Dataset;
  });

describe('refreshBoard property', () => {
  it('is idempotent on random small datasets (also after switching from another dataset)', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArb, datasetArb, async (previous, dataset) => {
        const host = new MemoryHost();
        const seeded = await refreshBoard(host, previous, 2026, '2026-01-01');
        expect(seeded.ok, seeded.message).toBe(true);
        const first = await refreshBoard(host, dataset, 2026, TODAY);
        expect(first.ok, first.message).toBe(true);
        for (const name of host.callsOf('writeOwnedTable').map((c) => c.name)) expect(isOwnedTableName(name)).toBe(true);
        const writes = host.writes.length;
        const second = await refreshBoard(host, dataset, 2026, TODAY);
        expect(second.ok, second.message).toBe(true);
        if (!second.ok) return;
        expect(second.value.changes).toEqual([]);
        expect(second.value.summary).toBe('Ingen endringer');
        expect(host.writes.length).toBe(writes);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Styremøte: the first line names what the refresh writes', () => {
  const variants: [string, Dataset][] = [
    ['Helgeland 2026', HELGELAND_2026],
    ['uten prosjekter, RPA, DUO og arkivplan', { ...HELGELAND_2026, projects: [], rpa: undefined, duo: undefined, arkivplan: undefined }],
    ['bare prosjekter', { ...HELGELAND_2026, rpa: undefined, duo: undefined, arkivplan: undefined }],
  ];
  for (const [label, dataset] of variants) {
    it(`${label}: the tables boardTables builds, in its order`, () => {
      const built = boardTables(dataset, 2026);
      if (!built.ok) throw new Error(built.error.message);
      expect(boardTableNames(dataset, 2026)).toEqual(built.value.map((t) => t.name));
    });
  }

  it('reads as one Norwegian sentence', () => {
    const dataset = { ...HELGELAND_2026, rpa: undefined, duo: undefined, arkivplan: undefined };
    expect(refreshIntro(dataset, 'arbeidsboken', 2027)).toBe('Oppdaterer DH_Fordeling_2027, DH_Deltakelse og DH_Balanse fra arbeidsboken, og fører endringene i DH_Endringer.');
  });
});
