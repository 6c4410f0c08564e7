// «Hent innbyggertall fra SSB» in Excel: the panel's flow through ExcelHost against the fake workbook. The table keeps
// its sheet, place and every other cell; only Innbyggere and Referansedato change, after confirmation.
import { describe, expect, it } from 'vitest';
import { HELGELAND_2026 } from '../../core/index.js';
import { ExcelHost } from '../../addin-excel/src/taskpane/excel-host.js';
import { applyPopulation, fetchPopulation, type SsbFetch } from '../../ui/innbyggere/actions.js';
import { quarterResponse } from '../cli/ssb-server.js';
import type { FakeWorkbook } from './fake-excel.js';
import { withFakeExcel } from './helpers.js';

let wb: FakeWorkbook;
withFakeExcel('2025-10-20', (fresh) => (wb = fresh));

const members = HELGELAND_2026.members;
const ssb: SsbFetch = async (url) => {
  const u = new URL(url);
  const figures = new Map(members.map((m) => [m.kommunenr, m.population + (m.kommunenr === '1824' ? 9 : 0)]));
  return { ok: true, status: 200, text: async () => JSON.stringify(quarterResponse(u.searchParams.get('valueCodes[Region]')!.split(','), u.searchParams.get('valueCodes[Tid]')!, figures)) };
};

describe('ExcelHost.updateTableCells (SSB import)', () => {
  it('writes DH_Kommuner in place in one Excel.run and logs the changed figure in DH_Endringer', async () => {
    wb.addSheet('Oversikt', [['Medlemmer']]);
    wb.addTable('DH_Kommuner', 'Oversikt', [['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato', 'Merknad'], ...members.map((m) => [m.kommunenr, m.name, m.population, '30.06.2025', 'x'])], 'B3');
    const host = new ExcelHost();
    const fetched = await fetchPopulation(HELGELAND_2026, '2025K3', { baseUrl: 'http://127.0.0.1:9/api/pxwebapi/v2', timeoutMs: 1000, fetch: ssb });
    if (!fetched.ok) throw new Error(fetched.message);
    expect(wb.tableValues('DH_Kommuner')![9]).toEqual(['1824', 'Vefsn', 13491, '30.06.2025', 'x']);
    const applied = await applyPopulation(host, HELGELAND_2026, fetched.value, '2025-10-20');
    expect(applied.ok, applied.message).toBe(true);
    const values = wb.tableValues('DH_Kommuner')!;
    expect(values[9]).toEqual(['1824', 'Vefsn', 13500, '30.09.2025', 'x']);
    expect(values.slice(1).every((r) => r[3] === '30.09.2025' && r[4] === 'x')).toBe(true);
    expect(wb.cell('Oversikt', 'B3').value).toBe('Kommunenr');
    expect(wb.tableValues('DH_Endringer')!.slice(1)).toEqual([['2025-10-20', 'DH_Kommuner', '1824', 'Vefsn', 'Innbyggere', '13491', '13500']]);
  });

  it('refuses a cell outside the table and writes none', async () => {
    wb.addSheet('Oversikt');
    wb.addTable('DH_Kommuner', 'Oversikt', [['Kommunenr', 'Innbyggere'], ['1833', 25899]], 'A1');
    const host = new ExcelHost();
    await expect(host.updateTableCells('DH_Kommuner', [{ row: 0, column: 1, value: 1 }, { row: 1, column: 1, value: 2 }])).rejects.toThrow(/utenfor DH_Kommuner/);
    expect(wb.tableValues('DH_Kommuner')).toEqual([['Kommunenr', 'Innbyggere'], ['1833', 25899]]);
  });
});
