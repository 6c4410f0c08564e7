// dh innbyggere (SPEC §9) in-process, against saved responses and a local PxWebApi stand-in on 127.0.0.1.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { HELGELAND_2026 } from '../../core/dataset/helgeland2026.js';
import { startFakeSsb, type FakeSsb } from './ssb-server.js';
import { addExcelTable, tempDir } from './workbooks.js';
import { dhOn } from './run-dh.js';

const dh = dhOn(new Date(2025, 9, 20));

const fixture = (name: string) => new URL(`../fixtures/ssb/${name}`, import.meta.url).pathname;
const { dir, cleanup } = tempDir();
const file = (name: string) => join(dir, name);
let ssb: FakeSsb;

beforeAll(async () => {
  ssb = await startFakeSsb();
});
afterAll(async () => {
  await ssb.close();
  cleanup();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('dh innbyggere --svar (a saved response)', () => {
  it('01222: the population at the end of the quarter, with its reference date, in the SPEC §9 JSON shape', async () => {
    const r = await dh('innbyggere', '--svar', fixture('01222-alle-statistikkvariabler.json'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      tabell: '01222',
      periode: '2024K2',
      referansedato: '2024-06-30',
      rader: [
        { kommunenr: '1505', kommune: 'Kristiansund', innbyggere: 24535 },
        { kommunenr: '1833', kommune: 'Rana', innbyggere: 26241 },
      ],
    });
  });

  it('--kvartal picks an earlier quarter of the same response and dates it to that quarter', async () => {
    const r = await dh('innbyggere', '--svar', fixture('01222-alle-statistikkvariabler.json'), '--kvartal', '2024K1', '--kommuner', '1505', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ periode: '2024K1', referansedato: '2024-03-31', rader: [{ kommunenr: '1505', innbyggere: 24515 }] });
  });

  it('prints a table with the content label and the date in nb-NO', async () => {
    const r = await dh('innbyggere', '--svar', fixture('01222-alle-statistikkvariabler.json'));
    expect(r.stdout).toContain('SSB-tabell 01222, 2024K2: Befolkning ved utgangen av kvartalet, per 30.06.2024');
    expect(r.stdout).toMatch(/1505\s+Kristiansund\s+24\s535/);
  });

  it('a Kjonn split (07459) is summed and dated 1 January', async () => {
    const r = await dh('innbyggere', '--svar', fixture('07459-kjonn.json'), '--json');
    expect(JSON.parse(r.stdout)).toEqual({
      tabell: '07459', periode: '2026', referansedato: '2026-01-01',
      rader: [{ kommunenr: '1824', kommune: 'Vefsn', innbyggere: 13491 }, { kommunenr: '1833', kommune: 'Rana', innbyggere: 25880 }],
    });
  });

  it('a response holding only men is refused: one Norwegian line, exit 2', async () => {
    const r = await dh('innbyggere', '--svar', fixture('07459-bare-menn.json'), '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^SSB-svaret er delt på kjønn \(Kjonn: «Menn»\).*\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  });

  it('a kommune the response has no figure for is exit 2, naming it and SSB\'s reason', async () => {
    const r = await dh('innbyggere', '--svar', fixture('01222-utdrag.json'), '--kommuner', 'Rana,Træna');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('SSB-svaret har ikke tall for Træna (1835) – vises ikke av hensyn til personvern i 2025K2. Ingenting er skrevet.\n');
  });
});

describe('dh innbyggere against the PxWebApi stand-in', () => {
  const members = HELGELAND_2026.members;
  const next = new Map(members.map((m, i) => [m.kommunenr, m.population + (i % 3) - 1]));

  it('asks 01222 for Folketallet11 for every member and prints the end-of-quarter figures', async () => {
    vi.stubEnv('DH_SSB_URL', ssb.baseUrl);
    ssb.figures = next;
    ssb.delayMs = 0;
    const r = await dh('innbyggere', '--kvartal', '2025K3', '--json');
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ tabell: '01222', periode: '2025K3', referansedato: '2025-09-30' });
    expect(out.rader).toHaveLength(members.length);
    expect(out.rader.find((x: { kommunenr: string }) => x.kommunenr === '1833').innbyggere).toBe(next.get('1833'));
    const asked = ssb.requests.at(-1)!;
    expect(asked.pathname).toBe('/api/pxwebapi/v2/tables/01222/data');
    expect(asked.searchParams.get('valueCodes[ContentsCode]')).toBe('Folketallet11');
    expect(asked.searchParams.get('valueCodes[Region]')!.split(',').sort()).toEqual(members.map((m) => m.kommunenr).sort());
  });

  it('--fil -o updates DH_Kommuner in place (kommunenr as key), fills Referansedato and logs each changed figure', async () => {
    vi.stubEnv('DH_SSB_URL', ssb.baseUrl);
    ssb.figures = new Map([['1833', 26010], ['1824', 13491], ['1818', 1915]]);
    const book = file('egne.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kommuner');
    ws.getCell('A1').value = 'Medlemmer';
    addExcelTable(ws, 'DH_Kommuner', 'B3', ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato', 'Merknad'], [
      ['1833', 'Rana', 25899, '30.06.2025', 'egen merknad'],
      ['1824', 'Vefsn', 13491, '30.06.2025', null],
      ['1818', 'Herøy', 1910, '30.06.2025', null],
    ]);
    await wb.xlsx.writeFile(book);
    const before = readFileSync(book);
    const out = file('egne-ny.xlsx');
    const r = await dh('innbyggere', '--kvartal', '2025K3', '--fil', book, '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 innbyggertall endret i DH_Kommuner (ført i DH_Endringer)');
    expect(readFileSync(book).equals(before)).toBe(true);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const sheet = back.getWorksheet('Kommuner')!;
    expect(sheet.getTable('DH_Kommuner')).toBeTruthy();
    expect([4, 5, 6].map((row) => [sheet.getCell(row, 2).value, sheet.getCell(row, 4).value, sheet.getCell(row, 5).value])).toEqual([
      ['1833', 26010, '30.09.2025'],
      ['1824', 13491, '30.09.2025'],
      ['1818', 1915, '30.09.2025'],
    ]);
    expect(sheet.getCell('F4').value).toBe('egen merknad');
    const log = back.getWorksheet('DH_Endringer')!;
    const lines = log.getSheetValues().slice(2).filter(Boolean).map((row) => (row as unknown[]).slice(1, 8));
    expect(lines).toEqual([
      ['2025-10-20', 'DH_Kommuner', '1833', 'Rana', 'Innbyggere', '25899', '26010'],
      ['2025-10-20', 'DH_Kommuner', '1818', 'Herøy', 'Innbyggere', '1910', '1915'],
    ]);
    // The functions then use the new figures: the key of 2026 multiplies Rana's new population.
    const kostnad = await dh('kostnad', 'Rana', '2026', '--fil', out, '--json');
    const old = await dh('kostnad', 'Rana', '2026', '--fil', book, '--json');
    expect(Number(JSON.parse(kostnad.stdout).kr) - Number(JSON.parse(old.stdout).kr)).toBeCloseTo(111 * 23, 0);
  });

  it('a workbook without DH_Kommuner gets one made from the members, every figure logged', async () => {
    vi.stubEnv('DH_SSB_URL', ssb.baseUrl);
    ssb.figures = next;
    const book = file('tom.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notater').getCell('A1').value = 'Hei';
    await wb.xlsx.writeFile(book);
    const out = file('tom-ny.xlsx');
    expect((await dh('innbyggere', '--kvartal', '2025K3', '--fil', book, '-o', out)).code).toBe(0);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    expect(back.getWorksheet('DH_Kommuner')!.getCell('D2').value).toBe('30.09.2025');
    expect(back.getWorksheet('Notater')!.getCell('A1').value).toBe('Hei');
  });

  describe('failures: one Norwegian line, exit 2, nothing written', () => {
    const book = file('feil.xlsx');
    const out = file('feil-ny.xlsx');
    beforeAll(async () => {
      const wb = new ExcelJS.Workbook();
      addExcelTable(wb.addWorksheet('Kommuner'), 'DH_Kommuner', 'A1', ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'], [['1833', 'Rana', 25899, '30.06.2025'], ['1835', 'Træna', 475, '30.06.2025']]);
      await wb.xlsx.writeFile(book);
    });
    const expectNothingWritten = (r: { code: number; stdout: string; stderr: string }, message: RegExp) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim()).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    };

    it('a kommune SSB gives no figure for (status «:»)', async () => {
      vi.stubEnv('DH_SSB_URL', ssb.baseUrl);
      ssb.figures = new Map([['1833', 26010]]);
      expectNothingWritten(await dh('innbyggere', '--kvartal', '2025K3', '--fil', book, '-o', out), /^SSB-svaret har ikke tall for Træna \(1835\) – vises ikke av hensyn til personvern i 2025K3\. Ingenting er skrevet\.$/);
    });

    it('a timeout', async () => {
      vi.stubEnv('DH_SSB_URL', ssb.baseUrl);
      vi.stubEnv('DH_SSB_TIMEOUT_MS', '200');
      ssb.delayMs = 2000;
      try {
        expectNothingWritten(await dh('innbyggere', '--kvartal', '2025K3', '--fil', book, '-o', out), /^SSB \(127\.0\.0\.1:\d+\) svarte ikke innen 0,2 sekunder/);
      } finally {
        ssb.delayMs = 0;
      }
    });

    it('an SSB error (problem details)', async () => {
      vi.stubEnv('DH_SSB_URL', ssb.baseUrl.replace('/v2', '/v1'));
      expectNothingWritten(await dh('innbyggere', '--kvartal', '2025K3', '--fil', book, '-o', out), /^SSB svarte med feil 400: Ugyldig spørring\. Ingenting er skrevet\.$/);
    });

    it('no network (nothing listens)', async () => {
      vi.stubEnv('DH_SSB_URL', 'http://127.0.0.1:9/api/pxwebapi/v2');
      expectNothingWritten(await dh('innbyggere', '--kvartal', '2025K3', '--fil', book, '-o', out), /^Får ikke kontakt med SSB \(127\.0\.0\.1:9\)/);
    });

    it('a saved response that is not JSON, and bad periods', async () => {
      const bad = file('svar.json');
      writeFileSync(bad, '<html>');
      expectNothingWritten(await dh('innbyggere', '--svar', bad, '--fil', book, '-o', out), /ikke JSON/);
      expectNothingWritten(await dh('innbyggere', '--kvartal', '2025', '--fil', book, '-o', out), /ikke et kvartal/);
      expectNothingWritten(await dh('innbyggere', '--fil', book, '-o', out), /Oppgi perioden/);
    });
  });
});
