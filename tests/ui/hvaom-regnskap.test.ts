// «Hva om» and «Kommunens regnskap» as the panel runs them, against the in-memory host.
import { describe, expect, it } from 'vitest';
import { HELGELAND_2026 } from '../../core/index.js';
import { loadDataset } from '../../ui/dataset/actions.js';
import { scenarioView, writeScenario } from '../../ui/hvaom/actions.js';
import { balanceView } from '../../ui/regnskap/actions.js';
import { MemoryHost } from '../fakes/memory-host.js';

const TODAY = '2026-03-01';

describe('Hva om', () => {
  it('Rana out with the same total: every other kommune pays more and the sum stays 4 905 406,12 kr', () => {
    const view = scenarioView(HELGELAND_2026, 2026, { without: ['1833'], sameTotal: true });
    expect(view.ok).toBe(true);
    if (!view.ok) return;
    expect(view.value.sumScenario.replace(/\s/g, ' ')).toBe('4 905 406,12 kr');
    const rana = view.value.rows.find((r) => r.kommunenr === '1833')!;
    expect(rana.status).toBe('meldt ut');
    expect(rana.scenario).toMatch(/^0,00/);
    for (const r of view.value.rows.filter((x) => x.kommunenr !== '1833')) expect(r.detail, r.kommune).toMatch(/· \+/);
  });

  it('gives a Norwegian message for input it cannot read, naming the field', () => {
    expect(scenarioView(HELGELAND_2026, 2026, { without: [], fixedAmount: 'mye', sameTotal: false })).toMatchObject({ ok: false, message: expect.stringMatching(/^Fast beløp: «mye»/) });
    expect(scenarioView(HELGELAND_2026, 2026, { without: [], equalShare: '140', sameTotal: false })).toMatchObject({ ok: false, message: expect.stringMatching(/mellom 0 og 100 %/) });
    expect(scenarioView(HELGELAND_2026, 2026, { without: [], addName: 'Bodø', addPopulation: 'mange', sameTotal: false })).toMatchObject({ ok: false, message: expect.stringMatching(/innbyggertallet for Bodø/) });
  });

  it('writes DH_Scenario with its changes in DH_Endringer; the same scenario again writes nothing', async () => {
    const host = new MemoryHost();
    const view = scenarioView(HELGELAND_2026, 2026, { without: ['1833'], addName: 'Bodø', addPopulation: '53 000', sameTotal: false });
    if (!view.ok) throw new Error(view.message);
    const first = await writeScenario(host, view.value, TODAY);
    expect(first.ok).toBe(true);
    expect(host.writtenNames).toEqual(['DH_Scenario', 'DH_Endringer']);
    const table = host.tables.get('DH_Scenario')!;
    expect(table.rows.find((r) => r[0] === '1804')).toEqual(expect.arrayContaining(['Bodø', 'ny']));
    expect(table.totals![0]).toBe('Sum');
    const again = await writeScenario(host, view.value, TODAY);
    expect(again).toMatchObject({ ok: true, value: 0 });
    expect(host.writtenNames).toEqual(['DH_Scenario', 'DH_Endringer']);
  });
});

describe('Kommunens regnskap', () => {
  it('Vefsn: key contribution, RPA and DUO with their sources, net with its sign convention', () => {
    const view = balanceView(HELGELAND_2026, 2026, '1824');
    if (!view.ok) throw new Error(view.message);
    expect(view.value.pays[0]!.label).toBe('Medlemsbidrag 2026');
    expect(view.value.pays[0]!.source).toMatch(/^DH_Fordeling_2026, rad Vefsn/);
    expect(view.value.getsBack.map((l) => l.label)).toEqual(['RPA: spart tid', 'DUO: andel av besparelsen']);
    expect(view.value.getsBack.every((l) => /frigjør ikke budsjett/.test(l.source))).toBe(true);
    expect(view.value.signText).toMatch(/betaler − får igjen/);
  });

  it('the panel reads DH_Gevinst beside the embedded key, so a documented benefit reaches the balance', async () => {
    const host = new MemoryHost({
      tables: {
        DH_Gevinst: [
          ['Gevinst', 'Kommune', 'Type', 'Kontantfrigjørende', 'Indikator', 'Nullpunkt', 'Målverdi', 'Ansvarlig', 'Frist', 'Beregning', 'Investering', 'Årlig kostnad', 'Årlig gevinst', 'År'],
          ['Felles lisensavtale', 'Leirfjord', 'unngått kostnad', 'Ja', 'Lisenskostnad', 1, 0, 'Rådmann', '31.12.2026', '', 0, 0, 12000, 3],
        ],
      },
    });
    const loaded = await loadDataset(host);
    if (!loaded.ok) throw new Error(loaded.message);
    const view = balanceView(loaded.value.dataset, 2026, '1822');
    if (!view.ok) throw new Error(view.message);
    const line = view.value.getsBack.find((l) => l.label.includes('Felles lisensavtale'))!;
    expect(line.source).toMatch(/^DH_Gevinst rad 2: årlig gevinst · frigjør budsjett$/);
  });
});
