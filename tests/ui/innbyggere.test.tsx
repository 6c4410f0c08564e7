// The panel's «Hent innbyggertall fra SSB» flow against the memory host, with the browser's fetch replaced by one
// that answers like PxWebApi v2 (tests/cli/ssb-server.ts builds the same documented-shape response).
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PopulationImport } from '../../ui/innbyggere/PopulationImport.js';
import { allocate, datasetFromTables, HELGELAND_2026, type TableData } from '../../core/index.js';
import { applyPopulation, fetchPopulation, periodOf, populationPreview, type SsbFetch, type SsbSettings } from '../../ui/innbyggere/actions.js';
import { quarterResponse } from '../cli/ssb-server.js';
import { MemoryHost } from '../fakes/memory-host.js';

const members = HELGELAND_2026.members;
const next = new Map(members.map((m) => [m.kommunenr, m.kommunenr === '1833' ? m.population + 100 : m.population]));

function settings(respond: (url: URL) => { status: number; body: string } | Error, extra: Partial<SsbSettings> = {}): SsbSettings & { urls: URL[] } {
  const urls: URL[] = [];
  const fetch: SsbFetch = async (url) => {
    const u = new URL(url);
    urls.push(u);
    const r = respond(u);
    if (r instanceof Error) throw r;
    return { ok: r.status < 400, status: r.status, text: async () => r.body };
  };
  return { baseUrl: 'http://127.0.0.1:9/api/pxwebapi/v2', timeoutMs: 1000, fetch, urls, ...extra };
}
const ssbAnswers = (figures: Map<string, number>) => (u: URL) => ({
  status: 200,
  body: JSON.stringify(quarterResponse(u.searchParams.get('valueCodes[Region]')!.split(','), u.searchParams.get('valueCodes[Tid]')!, figures)),
});
const kommuner = (): TableData => ({
  name: 'DH_Kommuner', sheet: 'Kommuner', originRow: 3, originColumn: 2,
  headers: ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'],
  rows: members.map((m) => [m.kommunenr, m.name, m.population, '30.06.2025']),
});

describe('Hent innbyggertall fra SSB (panel)', () => {
  it('asks 01222 for the end of the quarter for every member, and shows old, new and the effect on each contribution', async () => {
    const s = settings(ssbAnswers(next));
    const fetched = await fetchPopulation(HELGELAND_2026, '2025K3', s);
    if (!fetched.ok) throw new Error(fetched.message);
    expect(s.urls[0]!.searchParams.get('valueCodes[ContentsCode]')).toBe('Folketallet11');
    expect(fetched.value).toMatchObject({ table: '01222', period: '2025K3', referenceDate: '2025-09-30' });
    const preview = populationPreview(HELGELAND_2026, 2026, fetched.value);
    if (!preview.ok) throw new Error(preview.message);
    const rana = preview.value.rows.find((r) => r.kommunenr === '1833')!;
    const plain = (t: string | undefined) => t?.replace(/\s/g, ' ');
    expect([rana.before, rana.after, rana.change, rana.costChange].map(plain)).toEqual(['25 899', '25 999', '+100', '+2 300,00 kr']);
    expect(rana.changed).toBe(true);
    expect(preview.value.changedCount).toBe(1);
    expect(preview.message).toBe('1 av 19 kommuner får nytt innbyggertall.');
  });

  it('writes nothing before confirmation; after it, only Innbyggere/Referansedato in DH_Kommuner and one DH_Endringer line; the key then uses the new figure', async () => {
    const host = new MemoryHost({ tables: { DH_Kommuner: kommuner() } });
    const fetched = await fetchPopulation(HELGELAND_2026, '2025K3', settings(ssbAnswers(next)));
    if (!fetched.ok) throw new Error(fetched.message);
    populationPreview(HELGELAND_2026, 2026, fetched.value);
    expect(host.callsOf('updateTableCells')).toEqual([]);
    expect(host.writes).toEqual([]);

    const applied = await applyPopulation(host, HELGELAND_2026, fetched.value, '2025-10-20');
    expect(applied).toMatchObject({ ok: true, message: 'Skrev 1 nye innbyggertall i DH_Kommuner (per 30.09.2025) og førte dem i DH_Endringer.' });
    expect(host.callsOf('updateTableCells')).toEqual([{ type: 'updateTableCells', name: 'DH_Kommuner', cells: 38 }]);
    expect(host.writtenNames).toEqual(['DH_Endringer']);
    expect(host.writes[0]!.rows).toEqual([['2025-10-20', 'DH_Kommuner', '1833', 'Rana', 'Innbyggere', '25899', '25999']]);
    expect(host.callsOf('inputsChanged')).toHaveLength(1);
    const table = host.tables.get('DH_Kommuner')!;
    expect(table.sheet).toBe('Kommuner');
    expect(table.rows.find((r) => r[0] === '1833')).toEqual(['1833', 'Rana', 25999, '30.09.2025']);
    // The functions then use the new figures: the dataset read from the workbook gives Rana 23 kr × 100 more.
    const data = datasetFromTables((n) => host.tables.get(n), HELGELAND_2026);
    if (!data.ok) throw new Error(data.error.message);
    const before = allocate(HELGELAND_2026, 2026);
    const after = allocate(data.value.dataset, 2026);
    const rana = (a: typeof before) => (a.ok ? a.value.rows.find((r) => r.kommunenr === '1833')!.total.toFixed(2) : '');
    expect([rana(before), rana(after)]).toEqual(['752197.48', '754497.48']);
  });

  it('without DH_Kommuner it creates the table from the members', async () => {
    const host = new MemoryHost();
    const fetched = await fetchPopulation(HELGELAND_2026, '2025K3', settings(ssbAnswers(next)));
    if (!fetched.ok) throw new Error(fetched.message);
    expect((await applyPopulation(host, HELGELAND_2026, fetched.value, '2025-10-20')).ok).toBe(true);
    expect(host.callsOf('insertTemplate')).toEqual([{ type: 'insertTemplate', name: 'DH_Kommuner', result: 'created' }]);
    expect(host.tables.get('DH_Kommuner')!.rows).toHaveLength(19);
  });

  it.each([
    ['offline', settings(ssbAnswers(next), { online: false }), /^Ingen nettforbindelse/],
    ['no contact', settings(() => new TypeError('Failed to fetch')), /^Får ikke kontakt med SSB \(Failed to fetch\)/],
    ['a timeout', settings(() => Object.assign(new Error('timed out'), { name: 'TimeoutError' })), /^SSB svarte ikke innen 1 sekunder/],
    ['an SSB error', settings(() => ({ status: 400, body: JSON.stringify({ title: 'Ugyldig spørring', status: 400 }) })), /^SSB svarte med feil 400: Ugyldig spørring\. Ingenting er endret\.$/],
    ['a kommune without a figure', settings(ssbAnswers(new Map([...next].filter(([nr]) => nr !== '1835')))), /^SSB har ikke tall for Træna \(1835\) i 2025K3/],
    ['a bad period', settings(ssbAnswers(next)), /ikke et kvartal/, '2. kv'],
  ])('%s is one clear message and nothing is written', async (_, s, message, period = '2025K3') => {
    const host = new MemoryHost({ tables: { DH_Kommuner: kommuner() } });
    const fetched = await fetchPopulation(HELGELAND_2026, period as string, s as SsbSettings);
    expect(fetched.ok).toBe(false);
    expect(fetched.message).toMatch(message as RegExp);
    expect(host.calls.filter((c) => c.type !== 'readTable')).toEqual([]);
  });

  it('reads the key\'s population basis as the default period', () => {
    expect(periodOf('2. kv. 2025', 2026)).toBe('2025K2');
    expect(periodOf(undefined, 2026)).toBe('2025K2');
  });
});

describe('the SSB import component (not yet on the Fordeling view: see the note on the pane budget)', () => {
  it('renders the period field with the key\'s quarter and no write button before anything is fetched', () => {
    const html = renderToString(<PopulationImport host={new MemoryHost()} dataset={HELGELAND_2026} year={2026} today="2026-03-01" defaultPeriod={periodOf('2. kv. 2025', 2026)} />);
    expect(html).toContain('data-testid="ssb-import"');
    expect(html).toContain('Hent innbyggertall fra SSB');
    expect(html).toMatch(/value="2025K2"/);
    expect(html).not.toContain('data-testid="ssb-write"');
  });
});
