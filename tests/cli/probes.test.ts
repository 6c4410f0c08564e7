// Probe workbooks built from other cooperations' published tables (found with the search tool), laid out as the
// documents print them, with realistic errors planted. Each is run through `dh kontroll --json` as a user would,
// and the expected findings are kept here. The kommuner of the older tables are read through the real kommune
// history (KommuneRegistry.asOf), never a stand-in.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import type { CellValue } from '../../core/util/cells.js';
import { putGrid, tempDir } from './workbooks.js';

interface JsonFinding {
  rule: string;
  severity: 'error' | 'warning' | 'info';
  sheet: string;
  cell: string;
  message: string;
  expected?: string | null;
  actual?: string | null;
}

async function kontroll(path: string): Promise<{ code: number; findings: JsonFinding[] }> {
  let stdout = '';
  const code = await run(['kontroll', path, '--json'], { stdout: (t) => (stdout += t), stderr: () => {}, now: () => new Date(2026, 0, 15) });
  return { code, findings: JSON.parse(stdout) as JsonFinding[] };
}

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Writes one sheet; `formats` gives a number format per 0-based column (how the document prints the figures). */
async function workbook(name: string, sheet: string, grid: CellValue[][], formats: Record<number, string> = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  putGrid(ws, grid);
  for (const [c, fmt] of Object.entries(formats)) ws.getColumn(Number(c) + 1).numFmt = fmt;
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const serious = (fs: readonly JsonFinding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.cell} ${f.rule} ${f.severity}`);

// eKommune Sunnmøre, «Kostnadsfordeling 2017 for eKommune S. basert på folketall 1.1.2017» (esunnmore.no/aktuelt/119):
// 30 % likt, 70 % etter folketall 1.1.2017; the kommune column has no header, number and name share a cell, the Sum
// row has no label and the shares print three decimals.
const EKOMMUNE_2017: readonly [string, number, number][] = [
  ['1504 Ålesund', 47199, 43.287],
  ['1523 Ørskog', 2296, 5.673],
  ['1524 Norddal', 1663, 5.143],
  ['1529 Skodje', 4667, 7.659],
  ['1531 Sula', 9007, 11.295],
  ['1532 Giske', 8176, 10.599],
  ['1534 Haram', 9312, 11.55],
  ['1546 Sandøy', 1246, 4.794],
];

function ekommune2017(edit?: (rows: CellValue[][]) => void): CellValue[][] {
  const rows: CellValue[][] = EKOMMUNE_2017.map(([label, pop, share]) => [label, pop, share]);
  edit?.(rows);
  return [
    ['Kostnadsfordeling 2017 for eKommune S. basert på folketall 1.1.2017'],
    ['eKommune Sunnmøre fordeler kostnader delvis basert på folketall pr 1.1. i det aktuelle år (70%) og ein del som blir fordelt likt pr kommune (30%).'],
    [],
    [null, 'Folketall', '30/70-%andel'],
    ...rows,
    [null, 83566, 100],
  ];
}

describe('prøvearbeidsbøker fra andre samarbeids publiserte tabeller', () => {
  it('eKommune Sunnmøre 2017 som trykt: lest mot sin egen nøkkel (30/70) med kommunene slik de var i 2017, uten funn', async () => {
    const path = await workbook('ekommune-2017.xlsx', 'Fordeling 2017', ekommune2017(), { 2: '0.000' });
    const { code, findings } = await kontroll(path);
    expect(serious(findings)).toEqual([]);
    expect(code).toBe(0);
    expect(findings.some((f) => f.rule === 'kontroll.ikke-lest')).toBe(false);
  });

  it('eKommune Sunnmøre 2017 med Harams andel feilskrevet (11,650 for 11,550): én feil, i den cellen, med nøkkelen de andre radene følger', async () => {
    const path = await workbook('ekommune-2017-feil.xlsx', 'Fordeling 2017', ekommune2017((rows) => (rows[6]![2] = 11.65)), { 2: '0.000' });
    const { code, findings } = await kontroll(path);
    expect(serious(findings)).toEqual(['C11 kontroll.avvik error']);
    const haram = findings.find((f) => f.cell === 'C11')!;
    expect(haram).toMatchObject({ expected: '11,550 %', actual: '11,650 %' });
    expect(haram.message).toContain('Haram');
    expect(haram.message).toContain('30 % likt');
    // The unlabelled Sum row (100,000) agrees with the key: a note, not an error.
    expect(findings.find((f) => f.cell === 'C13')?.severity).toBe('info');
    expect(code).toBe(1);
  });

  it('eKommune Sunnmøre 2017 som kronebeløp («1504 - Ålesund», andel og beløp): ett feil beløp gir én feil, ikke røde andeler', async () => {
    // The same key applied to a 3 000 000 kr budget, in whole kroner, as a member's budget document would print it.
    const total = 3_000_000;
    const sumPop = EKOMMUNE_2017.reduce((a, [, p]) => a + p, 0);
    const rows: CellValue[][] = EKOMMUNE_2017.map(([label, pop, share]) => [
      label.replace(' ', ' - '),
      pop,
      share,
      Math.round(total * (0.3 / EKOMMUNE_2017.length + (0.7 * pop) / sumPop)),
    ]);
    const giske = rows[5]!;
    const right = giske[3] as number;
    giske[3] = Number(String(right).replace(/(\d)(\d)(\d{3})$/, '$2$1$3')); // two digits transposed
    expect(giske[3]).not.toBe(right);
    const grid: CellValue[][] = [
      ['eKommune Sunnmøre – budsjett 2017, fordeling mellom kommunane'],
      ['Kommune', 'Folketal 1.1.2017', 'Andel %', 'Beløp 2017'],
      ...rows,
      ['Sum', sumPop, 100, rows.reduce((a, r) => a + (r[3] as number), 0)],
    ];
    const path = await workbook('ekommune-2017-belop.xlsx', 'Budsjett 2017', grid, { 2: '0.000', 3: '#,##0' });
    const { findings } = await kontroll(path);
    expect(serious(findings)).toEqual(['D8 kontroll.avvik error']);
    expect(findings.find((f) => f.cell === 'D8')).toMatchObject({ actual: `${new Intl.NumberFormat('nb-NO').format(giske[3] as number).replace(/\s/g, ' ')} kr` });
  });

  // Søre Sunnmøre IKT (SSIKT): «dagens 50/50-nøkkel» — half split equally among the five owners, half by population
  // (vestlandsnytt.no, «Kritisk til kostnadsdeling»). Populations are rounded and the budget is set so the cost per
  // inhabitant is near what the article quotes (Sande ≈ 1 244 kr, Herøy ≈ 594 kr); the layout is nynorsk, and
  // «Herøy» and «Sande» are names two kommuner have carried (Herøy 1515/1818, Sande 1514/0713 until 2020).
  const SSIKT: readonly [string, number][] = [
    ['Vanylven', 3200],
    ['Sande', 2480],
    ['Herøy', 8950],
    ['Ulstein', 8600],
    ['Hareid', 5180],
  ];
  function ssikt(edit?: (rows: CellValue[][]) => void): CellValue[][] {
    const sumPop = SSIKT.reduce((a, [, p]) => a + p, 0);
    const rows: CellValue[][] = SSIKT.map(([name, pop]) => {
      const likt = 2_000_000;
      const etter = Math.round((10_000_000 * pop) / sumPop);
      return [name, pop, likt, etter, likt + etter, Math.round((likt + etter) / pop)];
    });
    edit?.(rows);
    return [
      ['SSIKT – kostnadsfordeling 2019 (50/50-nøkkel)'],
      ['Kommune', 'Innbyggjarar 1.1.2019', 'Likt (50 %)', 'Etter folketal (50 %)', 'Sum', 'Kr pr innbyggjar'],
      ...rows,
      ['Sum', sumPop, 10_000_000, rows.reduce((a, r) => a + (r[3] as number), 0), rows.reduce((a, r) => a + (r[4] as number), 0), null],
    ];
  }

  it('SSIKT 50/50 i 2019: Herøy og Sande leses i Møre og Romsdal, og en feilsummert rad er én feil i Sum-kolonnen', async () => {
    const clean = await kontroll(await workbook('ssikt-2019.xlsx', 'SSIKT 2019', ssikt(), { 2: '#,##0', 3: '#,##0', 4: '#,##0' }));
    expect(serious(clean.findings)).toEqual([]);
    const planted = ssikt((rows) => {
      const ulstein = rows[3]!;
      ulstein[4] = (ulstein[4] as number) + 90_000; // mis-added: 5 027 … for 4 937 …
    });
    const { code, findings } = await kontroll(await workbook('ssikt-2019-feil.xlsx', 'SSIKT 2019', planted, { 2: '#,##0', 3: '#,##0', 4: '#,##0' }));
    expect(serious(findings)).toEqual(['E6 kontroll.avvik error']);
    expect(findings.find((f) => f.cell === 'E6')!.message).toContain('Ulstein');
    expect(code).toBe(1);
  });

  // Kommunal Rapport, «Utgifter til kontroll og revisjon – per innbygger og som andel av brutto driftsinntekter»:
  // KOSTRA-style key figures per kommune (2008–2010 kommuner, Knr without its leading zero). Not an allocation: never
  // reconciled as one, and not silently passed either.
  it('KOSTRA-tall fra Kommunal Rapport (kommuner fra 2010) er ingen fordeling: relasjonsfinneren leser dem og melder at ingen sammenhenger ble funnet', async () => {
    const grid: CellValue[][] = [
      ['Utgifter til kontroll og revisjon – per innbygger og som andel av brutto driftsinntekter'],
      ['Knr', 'Kommune', 'Fylke', 'Gruppe', 'Per innb 2008', 'Per innb 2009', 'Per innb 2010', 'Snitt', 'Andel 2008', 'Andel 2009', 'Andel 2010', 'Snitt'],
      [101, 'Halden', 'Østfold', 'G13', 74, 68, 86, 76, '0,15 %', '0,12 %', '0,15 %', '0,14 %'],
      [104, 'Moss', 'Østfold', 'G13', 91, 85, 96, 90, '0,16 %', '0,14 %', '0,15 %', '0,15 %'],
      [105, 'Sarpsborg', 'Østfold', 'G13', 51, 54, 57, 54, '0,10 %', '0,10 %', '0,10 %', '0,10 %'],
      [111, 'Hvaler', 'Østfold', 'G01', 205, 205, 222, 211, '0,36 %', '0,31 %', '0,30 %', '0,32 %'],
      [136, 'Rygge', 'Østfold', 'G08', 82, 86, 107, 92, '0,16 %', '0,16 %', '0,19 %', '0,17 %'],
      [138, 'Hobøl', 'Østfold', 'G01', 98, 12, 86, 66, '0,19 %', '0,02 %', '0,16 %', '0,12 %'],
    ];
    const { code, findings } = await kontroll(await workbook('kommunal-rapport-revisjon.xlsx', 'Revisjon', grid));
    // Read by the relation finder (core/relations), so not «ikke lest»; figures printed this coarsely relate to nothing.
    expect(findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual(['E3 tabell.ingen-sammenheng info']);
    expect(code).toBe(0);
  });

  // Innst. 263 S (2007–2008), vedlegg 2, tabell 1 «Fordelingsvirkninger for kommunene»: «0101 Halden» in one cell,
  // population 1.1.2006, the difference in 1000 kr and per inhabitant. A table of effects, not an allocation.
  it('Fordelingsvirkninger pr kommune (Innst. 263 S, 2006-kommuner) er ingen fordeling: relasjonsfinneren leser dem, og tallene stemmer', async () => {
    const grid: CellValue[][] = [
      ['Tabell 1 Fordelingsvirkninger for kommuner'],
      [null, 'Innb.tall 01.01.2006', 'Differanse (1000 kr)', 'Differanse kr. pr.innb.'],
      [null, 1, 2, 3],
      ['0101 Halden', 27722, 2310, 83],
      ['0104 Moss', 28182, 1364, 48],
      ['0105 Sarpsborg', 50115, 369, 7],
      ['0106 Fredrikstad', 70791, -4540, -64],
      ['0111 Hvaler', 3821, 1656, 433],
      ['0123 Spydeberg', 4856, -353, -73],
    ];
    const { code, findings } = await kontroll(await workbook('innst-263-fordelingsvirkninger.xlsx', 'Tabell 1', grid));
    // Read by the relation finder (kr pr innb = differanse × 1 000 ÷ innbyggere holds in every row; the 1 2 3 row numbers
    // the columns): read, and nothing wrong.
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });
});
