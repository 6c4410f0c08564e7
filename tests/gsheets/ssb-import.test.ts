// «Hent innbyggertall fra SSB» in Google Sheets: the panel's flow through the sidebar host into the BUILT Code.js in
// the Apps Script fake. The fetch happens in the sidebar (the browser), so the add-on keeps its two scopes; the
// server only sets the confirmed cells of DH_Kommuner (dhUpdateTableCells).
import { beforeAll, describe, expect, it } from 'vitest';
import { HELGELAND_2026 } from '../../core/index.js';
import { createGsheetsHost } from '../../addin-gsheets/src/sidebar/gsheets-host.js';
import { applyPopulation, fetchPopulation, type SsbFetch } from '../../ui/innbyggere/actions.js';
import { quarterResponse } from '../cli/ssb-server.js';
import { fakeScriptRun } from '../fakes/apps-script/index.js';
import { ensureBuilt, loadAddon } from './helpers.js';

beforeAll(ensureBuilt);

const members = HELGELAND_2026.members;
const ssb: SsbFetch = async (url) => {
  const u = new URL(url);
  const figures = new Map(members.map((m) => [m.kommunenr, m.population + (m.kommunenr === '1818' ? 5 : 0)]));
  return { ok: true, status: 200, text: async () => JSON.stringify(quarterResponse(u.searchParams.get('valueCodes[Region]')!.split(','), u.searchParams.get('valueCodes[Tid]')!, figures)) };
};

describe('Sheets: dhUpdateTableCells (SSB import)', () => {
  it('sets Innbyggere and Referansedato of DH_Kommuner after confirmation, logs DH_Endringer, and the functions use the new figure', async () => {
    const { fake, runtime } = loadAddon();
    fake.spreadsheet.putSheet('DH_Kommuner', [['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'], ...members.map((m) => [m.kommunenr, m.name, m.population, '30.06.2025'])]);
    const log = { calls: [] as { name: string; args: unknown[] }[] };
    const host = createGsheetsHost({ run: fakeScriptRun(runtime, log) });
    const fetched = await fetchPopulation(HELGELAND_2026, '2025K3', { baseUrl: 'http://127.0.0.1:9/api/pxwebapi/v2', timeoutMs: 1000, fetch: ssb });
    if (!fetched.ok) throw new Error(fetched.message);
    expect(log.calls.map((c) => c.name)).toEqual([]);
    const kostnad = () => runtime.execute((g) => g.DH_KOSTNAD('1818', 2026), 'customFunction') as number;
    const before = kostnad();
    const applied = await applyPopulation(host, HELGELAND_2026, fetched.value, '2025-10-20');
    expect(applied.ok, applied.message).toBe(true);
    expect(log.calls.map((c) => c.name)).toEqual(['dhReadTable', 'dhReadTable', 'dhUpdateTableCells', 'dhWriteOwnedTable']);
    const sheet = fake.spreadsheet.sheet('DH_Kommuner')!.snapshot();
    const heroy = sheet.find((r) => r[0] === '1818')!;
    expect(heroy[2]).toBe(1915);
    expect(fake.spreadsheet.sheet('DH_Endringer')!.snapshot().slice(1)).toEqual([['2025-10-20', 'DH_Kommuner', '1818', 'Herøy', 'Innbyggere', '1910', '1915']]);
    // DH_HERØY's contribution follows the new population (23 kr × 5 more inhabitants).
    const after = kostnad();
    expect(Math.round((after - before) * 100) / 100).toBe(115);
  });

  it('refuses another table and a cell outside DH_Kommuner, writing nothing', async () => {
    const { fake, runtime } = loadAddon();
    fake.spreadsheet.putSheet('DH_Kommuner', [['Kommunenr', 'Innbyggere'], ['1833', 25899]]);
    const host = createGsheetsHost({ run: fakeScriptRun(runtime, { calls: [] }) });
    await expect(host.updateTableCells!('DH_Nokkel', [{ row: 0, column: 1, value: 1 }])).rejects.toThrow(/endres ikke av DH-tillegget/);
    await expect(host.updateTableCells!('DH_Kommuner', [{ row: 0, column: 1, value: 2 }, { row: 5, column: 1, value: 3 }])).rejects.toThrow(/utenfor DH_Kommuner/);
    expect(fake.spreadsheet.sheet('DH_Kommuner')!.snapshot()).toEqual([['Kommunenr', 'Innbyggere'], ['1833', 25899]]);
  });
});
