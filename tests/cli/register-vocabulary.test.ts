// dh kontroll on a Helgeland register as people fill it in: a kommune outside the cooperation, a former kommune,
// a retired system that still costs money, section label rows (issue 10, items 3, 5 and 6).
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './workbooks.js';
import { dhOn } from './run-dh.js';

const dh = dhOn(new Date(2026, 10, 21));

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('dh kontroll: register vocabulary and kommuner', () => {
  it('reports Oslo as outside Digitale Helgeland, Ørskog as merged into Ålesund, and «Ute av bruk» with a cost', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Register');
    ws.addRow(['Kommune', 'Kommunenr', 'System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Kostnad pr mnd', 'Status']);
    for (const [k, n] of [['Rana', '1833'], ['Vefsn', '1824'], ['Brønnøy', '1813'], ['Alstahaug', '1820'], ['Leirfjord', '1822']]) {
      ws.addRow([k, n, 'Acos WebSak', 'Acos', 'Kari', 'Ola', 100, 'I bruk']);
    }
    ws.addRow(['Oslo', '0301', 'Visma Flyt', 'Visma', 'Kari', 'Ola', 100, 'I bruk']);
    ws.addRow(['Ørskog', null, 'Gerica', 'Tieto', 'Kari', 'Ola', 100, 'I bruk']);
    ws.addRow(['Rana', '1833', 'Gammelt system', 'Tieto', 'Kari', 'Ola', 2500, 'Ute av bruk siden 2024']);
    ws.addRow(['Vefsn', '1824', 'Nytt system', 'Tieto', 'Kari', 'Ola', 0, 'Planlagt 2027']);
    const file = join(dir, 'register.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await dh('kontroll', file, '--dato', '2026-11-21', '--json');
    expect(r.stderr).toBe('');
    const findings = (JSON.parse(r.stdout) as { rule: string; row: number; cell: string; severity: string; message: string }[]).sort((a, b) => a.row - b.row);
    expect(findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`)).toEqual([
      'register.kommune-ikke-medlem B7 warning',
      'register.kommune-ukjent A8 error',
      'register.kostnad-utfaset G9 warning',
    ]);
    expect(findings[0]!.message).toBe('Oslo (0301, Oslo) er ikke medlem i Digitale Helgeland 2026.');
    expect(findings[1]!.message).toContain('Ørskog (1523, Møre og Romsdal) ble en del av Ålesund (1507) 1. januar 2020; nå Ålesund (1508).');
    expect(findings[1]!.message).not.toContain('Lørenskog');
    expect(r.code).toBe(1);
  });
});
