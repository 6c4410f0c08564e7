// The `dh` command in-process: run(argv, io) with captured output, against xlsx files built here.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main.js';
import type { CellValue } from '../../core/util/cells.js';
import { addExcelTable, putGrid, readBack, registerGrid, tempDir, writeBoardWorkbook } from './workbooks.js';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

async function dh(...argv: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => new Date(2026, 0, 15),
  });
  return { code, stdout, stderr };
}

const { dir, cleanup } = tempDir();
const file = (name: string) => join(dir, name);
afterAll(cleanup);

const BOARD = file('styremote-2025-10-16.xlsx');
const BOARD_TEXT = file('styremote-tekst.xlsx');
const OWN_TABLES = file('egne-tabeller.xlsx');
const NO_HEROY = file('uten-heroy.xlsx');

beforeAll(async () => {
  await writeBoardWorkbook(BOARD, 'numbers');
  await writeBoardWorkbook(BOARD_TEXT, 'text');
  // A cooperation of our own: DH_Kommuner as an Excel table, DH_Nokkel as a plain sheet.
  const own = new ExcelJS.Workbook();
  addExcelTable(own.addWorksheet('Kommuner'), 'DH_Kommuner', 'B3', ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'], [
    ['1833', 'Rana', 26000, '30.06.2026'],
    ['1824', 'Vefsn', 13500, '30.06.2026'],
    ['1818', 'Herøy', 1900, '30.06.2026'],
  ]);
  putGrid(own.addWorksheet('DH_Nokkel'), [['År', 'Fast beløp', 'Sats pr innbygger', 'Budsjettert sum'], [2027, '100 000,00', 10, 495000]]);
  await own.xlsx.writeFile(OWN_TABLES);
  const noHeroy = new ExcelJS.Workbook();
  addExcelTable(noHeroy.addWorksheet('Kommuner'), 'DH_Kommuner', 'A1', ['Kommunenr', 'Kommune', 'Innbyggere'], [
    ['1833', 'Rana', 25899],
    ['1824', 'Vefsn', 13491],
  ]);
  await noHeroy.xlsx.writeFile(NO_HEROY);
});

describe('dh kostnad', () => {
  it('Rana 2026 gir 752 197,48 kr', async () => {
    expect(await dh('kostnad', 'Rana', '2026')).toEqual({ code: 0, stdout: '752 197,48 kr\n', stderr: '' });
  });

  it('--json følger SPEC §7', async () => {
    const r = await dh('kostnad', 'Rana', '2026', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ kommune: 'Rana', kommunenr: '1833', aar: 2026, kr: '752197.48' });
  });

  it('kommunenummer, alias og tvetydig navn innenfor datasettet', async () => {
    expect((await dh('kostnad', '1833', '2026')).stdout).toBe('752 197,48 kr\n');
    expect((await dh('kostnad', 'Rana - Raane', '2026')).stdout).toBe('752 197,48 kr\n');
    expect((await dh('kostnad', 'Herøy', '2026')).stdout).toBe('200 450,48 kr\n');
    expect((await dh('kostnad', 'heroy', '2026', '--json')).stdout).toContain('"kommunenr":"1818"');
  });

  it('--prosjekt gir kommunens andel av prosjektet', async () => {
    expect((await dh('kostnad', 'Rana', '2026', '--prosjekt', 'RPA')).stdout).toBe('222 000,00 kr\n');
    const json = JSON.parse((await dh('kostnad', 'Rana', '2026', '--prosjekt=DUO', '--json')).stdout);
    expect(json).toEqual({ kommune: 'Rana', kommunenr: '1833', aar: 2026, prosjekt: 'DUO arkiver automatisering av postmottak', kr: '249588.00' });
  });

  it('--fil bruker arbeidsbokens egne tabeller (Excel-tabell og ark med tabellens navn)', async () => {
    expect(await dh('kostnad', 'Rana', '2027', '--fil', OWN_TABLES)).toEqual({ code: 0, stdout: '360 000,00 kr\n', stderr: '' });
    expect((await dh('kostnad', 'Vefsn', '2027', '--fil', OWN_TABLES, '--json')).stdout).toBe('{"kommune":"Vefsn","kommunenr":"1824","aar":2027,"kr":"235000.00"}\n');
  });
});

describe('--fil med navngitt område', () => {
  it('DH_Nokkel som navngitt område (Sheets-stil) og DH_Kommuner som Excel-tabell', async () => {
    const path = file('navngitt.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    putGrid(ws, [['Notat: nøkkelen står under'], [], ['År', 'Sum å fordele', 'Andel likt'], [2028, 1000000, '20 %']]);
    wb.definedNames.add("'Data'!$A$3:$C$4", 'DH_Nokkel');
    addExcelTable(wb.addWorksheet('Kommuner'), 'DH_Kommuner', 'A1', ['Kommunenr', 'Kommune', 'Innbyggere'], [
      ['1833', 'Rana', 30000],
      ['1824', 'Vefsn', 10000],
    ]);
    await wb.xlsx.writeFile(path);
    // 200 000 likt (100 000 each) + 800 000 by population (600 000 / 200 000).
    const json = JSON.parse((await dh('fordeling', '2028', '--fil', path, '--json')).stdout);
    expect(json.rader.map((x: any) => `${x.kommune}:${x.kr}`)).toEqual(['Vefsn:300000.00', 'Rana:700000.00']);
  });
});

describe('dh fordeling', () => {
  it('--json: alle 19 medlemmer, sum lik summen av radene, kontroll 0.00', async () => {
    const r = await dh('fordeling', '2026', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.aar).toBe(2026);
    expect(json.rader).toHaveLength(19);
    expect(json.rader.find((x: any) => x.kommune === 'Rana')).toEqual({ kommune: 'Rana', kommunenr: '1833', innbyggere: 25899, kr: '752197.48' });
    expect(json.rader.find((x: any) => x.kommune === 'Vevelstad').kr).toBe('167330.48');
    const ore = json.rader.reduce((acc: bigint, x: any) => acc + BigInt(x.kr.replace('.', '')), 0n);
    expect(json.sum).toBe('4905406.12');
    expect(BigInt(json.sum.replace('.', ''))).toBe(ore);
    expect(json.kontroll).toBe('0.00');
    expect(Object.keys(json)).toEqual(['aar', 'rader', 'sum', 'kontroll']);
  });

  it('tabell med kommunenr, innbyggere, fast, fordelt, totalt, Sum og Kontroll', async () => {
    const r = await dh('fordeling', '2026');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Fordeling 2026 – Digitale Helgeland 2026');
    expect(lines.find((l) => l.startsWith('1833'))).toMatch(/^1833\s+Rana\s+25 899\s+156 520,48 kr\s+595 677,00 kr\s+752 197,48 kr$/);
    expect(lines.find((l) => /^\s+Sum/.test(l))).toMatch(/Sum\s+83 979\s+2 973 889,12 kr\s+1 931 517,00 kr\s+4 905 406,12 kr$/);
    expect(lines.find((l) => /^\s+Kontroll/.test(l))).toMatch(/Kontroll\s+0,00 kr$/);
    expect(r.stdout).toContain('Budsjettert refusjon fra kommunene: 4 956 481,97 kr – fordelingen avviker med −51 075,85 kr');
  });

  it('--fil med egen nøkkel', async () => {
    const json = JSON.parse((await dh('fordeling', '2027', '--fil', OWN_TABLES, '--json')).stdout);
    expect(json.rader.map((x: any) => `${x.kommune}:${x.kr}`)).toEqual(['Herøy:119000.00', 'Vefsn:235000.00', 'Rana:360000.00']);
    expect(json.sum).toBe('714000.00');
  });
});

describe('dh kontroll på styrets dokument', () => {
  it('finner de ekte avvikene og registerfunnene, utgangskode 1', async () => {
    const r = await dh('kontroll', BOARD, '--dato', '2026-01-15', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const f of findings) expect(Object.keys(f)).toEqual(['rule', 'severity', 'sheet', 'cell', 'row', 'column', 'message', 'expected', 'actual']);
    const pick = (sheet: string, cell: string, rule: string) => findings.find((f) => f.sheet === sheet && f.cell === cell && f.rule === rule);
    expect(pick('Fordeling 2026', 'D5', 'kontroll.avvik')).toMatchObject({ severity: 'error', row: 5, column: 'Totalt pr kommune', expected: '167 330,48 kr', actual: '182 993,48 kr' });
    expect(pick('Fordeling 2026', 'D24', 'kontroll.sum')).toMatchObject({ expected: '4 921 069,12 kr', actual: '4 921 069,18 kr' });
    expect(pick('Fordeling 2026', 'D24', 'kontroll.sum-nokkel')).toMatchObject({ expected: '4 905 406,12 kr' });
    expect(pick('Fordeling 2026', 'D24', 'kontroll.budsjettlinje')).toMatchObject({ severity: 'warning', expected: '4 956 481,97 kr', actual: '4 905 406,12 kr' });
    expect(pick('Budsjett 2026', 'B12', 'kontroll.budsjett')).toMatchObject({ severity: 'error', expected: '−0,03 kr', actual: '−0,04 kr' });
    expect(pick('Gevinster', 'B16', 'kontroll.deltakelse')).toMatchObject({ severity: 'warning', actual: '7 500,00 kr' });
    expect(pick('Gevinster', 'C27', 'kontroll.grunnlag')).toMatchObject({ expected: '411 000,00 kr', actual: '417 000,00 kr' });
    expect(findings.filter((f) => f.rule === 'kontroll.deltakelse' && f.sheet === 'Gevinster').map((f) => f.cell)).toEqual(['B16', 'B38', 'B41', 'B43']);
    // The RPA/DUO sum rows are rounding, not errors.
    expect(findings.filter((f) => f.sheet === 'Gevinster' && f.severity === 'error')).toEqual([]);
    // Register: findings on the Rana and Vefsn rows, nothing on the empty row 4.
    const register = findings.filter((f) => f.sheet === 'Systemoversikt');
    expect(register.length).toBeGreaterThan(0);
    expect(register.every((f) => String(f.rule).startsWith('register.'))).toBe(true);
    expect(register.some((f) => f.row === 3) && register.some((f) => f.row === 5)).toBe(true);
    expect(register.filter((f) => f.row === 4)).toEqual([]);
    expect(register.find((f) => f.rule === 'register.avtale-utlopt')).toBeDefined();
  });

  it('menneskelig utskrift: én linje per funn, gruppert per ark', async () => {
    const r = await dh('kontroll', BOARD, '--dato', '2026-01-15');
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines).toContain('Fordeling 2026!D5  [feil] Vevelstad: «Totalt pr kommune» er 182 993,48 kr, men 156 520,48 kr fast + 470 innbyggere × 23 kr = 167 330,48 kr – samme tall som Rødøy, ser ut som en kopiert verdi. (forventet 167 330,48 kr, faktisk 182 993,48 kr)');
    expect(lines).toContain('Ark «Fordeling 2026»:');
    expect(lines.some((l) => l.startsWith('Budsjett 2026!B12  [feil] «Kontroll» er −0,04 kr'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Gevinster!B16  [advarsel] Rødøy belastes 7 500,00 kr pr mnd for RPA'))).toBe(true);
    expect(lines.some((l) => /^Systemoversikt!\S+  \[(feil|advarsel|info)\] /.test(l))).toBe(true);
    expect(lines.at(-2)).toMatch(/^\d+ feil, \d+ advars(el|ler), \d+ info\.$/);
  });

  it('samme funn når tallene står som nb-NO-tekst («kr 166 801,48», «54 972,92-kr»)', async () => {
    const asNumbers = JSON.parse((await dh('kontroll', BOARD, '--dato', '2026-01-15', '--json')).stdout) as { cell: string; rule: string; sheet: string; severity: string }[];
    const asText = JSON.parse((await dh('kontroll', BOARD_TEXT, '--dato', '2026-01-15', '--json')).stdout) as typeof asNumbers;
    const key = (f: (typeof asNumbers)[number]) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`;
    expect(asText.filter((f) => f.severity !== 'info').map(key)).toEqual(asNumbers.filter((f) => f.severity !== 'info').map(key));
  });

  it('tomme celler, feilverdier og «1 234,56» i en fordelingstabell', async () => {
    const path = file('feil-i-celler.xlsx');
    const wb = new ExcelJS.Workbook();
    const grid: CellValue[][] = [
      ['Fordeling 2026'],
      ['Kommune', 'Innbyggere', 'Fordelt etter innbyggertall', 'Totalt'],
      ['Rana', '25 899', '595 677,00', '752 197,48'],
      ['Vefsn', 13491, 310293, { cellError: '#N/A' }],
      ['Vega', 1208, '27 784', '1 234,56'],
      [],
      ['Alstahaug', null, 172155, 328675.48],
      ['Sum', null, null, null],
    ];
    putGrid(wb.addWorksheet('Fordeling 2026'), grid);
    await wb.xlsx.writeFile(path);
    const r = await dh('kontroll', path, '--json');
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as { cell: string; rule: string; severity: string; expected: string | null; actual: string | null }[];
    expect(findings.find((f) => f.cell === 'D4')).toMatchObject({ rule: 'kontroll.tall', severity: 'error', actual: '#N/A' });
    expect(findings.find((f) => f.cell === 'D5')).toMatchObject({ rule: 'kontroll.avvik', expected: '184 304,48 kr', actual: '1 234,56 kr' });
    expect(findings.find((f) => f.cell === 'B7')).toMatchObject({ rule: 'kontroll.tall', severity: 'warning' });
    expect(findings.filter((f) => f.cell === 'A6' || f.cell.endsWith('6'))).toEqual([]);
    expect(findings.filter((f) => f.cell === 'D3' || f.cell === 'C3')).toEqual([]);
  });

  it('en arbeidsbok uten tabeller gir en advarsel kontroll.ikke-lest og utgangskode 0 – aldri [] (SPEC §7)', async () => {
    const path = file('tom.xlsx');
    const wb = new ExcelJS.Workbook();
    putGrid(wb.addWorksheet('Notater'), [[null], [null, 'Referat fra møtet'], [null, 'Ingen tall her.']]);
    await wb.xlsx.writeFile(path);
    const text = await dh('kontroll', path);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Fant ingen fordelings-, RPA-, DUO- eller budsjettabeller og ingen systemregistre i «${path}».`);
    expect(text.stdout).toContain('Fant ingen tabeller å kontrollere på arket «Notater»');
    expect(text.stdout).toContain('0 feil, 1 advarsel, 0 info.');
    const json = await dh('kontroll', path, '--json');
    expect(json.code).toBe(0);
    const findings = JSON.parse(json.stdout) as { rule: string; severity: string; sheet: string; cell: string; message: string }[];
    expect(findings).toHaveLength(1);
    // On the sheet's first used cell, naming what was looked for.
    expect(findings[0]).toMatchObject({ rule: 'kontroll.ikke-lest', severity: 'warning', sheet: 'Notater', cell: 'B2' });
    expect(findings[0]!.message).toMatch(/fordelingstabeller.*RPA- og DUO-tabeller.*budsjett.*systemregistre/);
  });

  it('en arbeidsbok uten avvik gir utgangskode 0', async () => {
    const path = file('ren.xlsx');
    const wb = new ExcelJS.Workbook();
    putGrid(wb.addWorksheet('Fordeling'), [
      ['Kommune', 'Innbyggere', 'Fordelt etter innbyggertall', 'Totalt'],
      ['Rana', 25899, 595677, 752197.48],
      ['Vefsn', 13491, 310293, 466813.48],
      ['Vega', 1208, 27784, 184304.48],
      ['Sum', 40598, 933754, 1403315.44],
    ]);
    await wb.xlsx.writeFile(path);
    const r = await dh('kontroll', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fant fordelingstabell Fordeling!A1 (3 rader)');
  });
});

describe('ubrukelig inndata: utgangskode 2 og én norsk linje på stderr', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['ukjent kommune', () => ['kostnad', 'Gotham', '2026'], /^Ukjent kommune «Gotham»/],
    ['feilstavet kommune', () => ['kostnad', 'Ranna', '2026'], /^Ukjent kommune «Ranna» – mente du Rana\?$/],
    ['tvetydig kommune (Herøy uten Herøy i arbeidsboken)', () => ['kostnad', 'Herøy', '2026', '--fil', NO_HEROY], /tvetydig: oppgi kommunenummer, 1818 \(Nordland\) eller 1515 \(Møre og Romsdal\)/],
    ['kommune som ikke er medlem', () => ['kostnad', 'Bodø', '2026'], /Bodø \(1804\) er ikke medlem i Digitale Helgeland 2026/],
    ['år uten nøkkel', () => ['kostnad', 'Rana', '2031'], /^Ingen fordelingsnøkkel for 2031 i Digitale Helgeland 2026 \(har 2026\)\.$/],
    ['år uten nøkkel (fordeling)', () => ['fordeling', '2030'], /^Ingen fordelingsnøkkel for 2030/],
    ['ugyldig år', () => ['kostnad', 'Rana', 'tjuetjueseks'], /«tjuetjueseks» er ikke et gyldig år/],
    ['mangler år', () => ['kostnad', 'Rana'], /Oppgi år/],
    ['mangler kommune', () => ['kostnad'], /Oppgi kommune og år/],
    ['ukjent prosjekt', () => ['kostnad', 'Rana', '2026', '--prosjekt', 'Månelanding'], /Ukjent prosjekt «Månelanding»/],
    ['prosjekt i et år det ikke har kostnad for', () => ['kostnad', 'Rana', '2031', '--prosjekt', 'RPA'], /^Prosjektet «.*» har ingen kostnad for 2031 i Digitale Helgeland 2026 \(har 2026\)\.$/],
    ['ukjent valg', () => ['kostnad', 'Rana', '2026', '--eur'], /^Ukjent valg «--eur»/],
    ['valg uten verdi', () => ['kostnad', 'Rana', '2026', '--fil'], /mangler verdi/],
    ['ukjent kommando', () => ['budsjett'], /^Ukjent kommando «budsjett»/],
    ['manglende fil', () => ['kontroll', file('finnes-ikke.xlsx')], /^Fant ikke filen «.*finnes-ikke\.xlsx»\.$/],
    ['manglende fil (--fil)', () => ['kostnad', 'Rana', '2026', '--fil', file('borte.xlsx')], /^Fant ikke filen/],
    ['skadet .xlsx', () => ['kontroll', file('skadet.xlsx')], /^Kan ikke lese «skadet\.xlsx» som en Excel-arbeidsbok \(\.xlsx\): filen er skadet eller har feil format\.$/],
    ['mappe i stedet for fil', () => ['kontroll', dir], /er en mappe/],
    ['ugyldig dato', () => ['kontroll', BOARD, '--dato', '2026-02-30'], /«2026-02-30» er ikke en gyldig dato/],
    ['kontroll uten fil', () => ['kontroll'], /Oppgi arbeidsboken/],
    ['oppdater skadet fil', () => ['oppdater', file('skadet.xlsx')], /^Kan ikke lese/],
  ];

  beforeAll(() => {
    writeFileSync(file('skadet.xlsx'), Buffer.from('PK\u0003\u0004 dette er ikke en arbeidsbok'));
  });

  it.each(cases)('%s', async (_name, argv, message) => {
    const r = await dh(...argv());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|TypeError/);
  });
});

describe('dh uten argumenter og --help', () => {
  it('skriver norsk bruksanvisning', async () => {
    for (const argv of [[], ['--help'], ['-h']]) {
      const r = await dh(...argv);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Bruk:');
      expect(r.stdout).toContain('dh kostnad <kommune> <år> [--prosjekt P] [--fil arbeidsbok.xlsx] [--json]');
      expect(r.stdout).toContain('Utgangskoder');
    }
    expect((await dh('kontroll', '--help')).stdout).toContain('--dato');
  });
});

describe('dh oppdater', () => {
  it('skriver eide tabeller som Excel-tabeller, rører ikke andre ark, og er idempotent', async () => {
    const source = file('oppdater-kilde.xlsx');
    const out = file('oppdater-ut.xlsx');
    await writeBoardWorkbook(source, 'numbers');
    const first = await dh('oppdater', source, '-o', out);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('DH_Fordeling_2026: ny tabell med 19 rader');

    const wb = await readBack(out);
    const tables = wb.worksheets.flatMap((ws) => (ws.getTables() as unknown as { table: { name: string } }[]).map((t) => `${ws.name}:${t.table.name}`));
    expect(tables.sort()).toEqual(['DH_Arkivplanstatus:DH_Arkivplanstatus', 'DH_Balanse:DH_Balanse', 'DH_DUO:DH_DUO', 'DH_Deltakelse:DH_Deltakelse', 'DH_Endringer:DH_Endringer', 'DH_Fordeling_2026:DH_Fordeling_2026', 'DH_RPA:DH_RPA']);
    const fordeling = wb.getWorksheet('DH_Fordeling_2026')!;
    const header = (fordeling.getRow(1).values as unknown[]).slice(1);
    const totalColumn = header.indexOf('Totalt pr kommune') + 1;
    const ranaRow = [...Array(25).keys()].map((i) => i + 1).find((r) => fordeling.getRow(r).getCell(1).value === '1833')!;
    // The file holds the value: Excel does not recalculate a custom function's cell in a file on open
    // (cli/package/owned-tables.ts says why), and every other reader shows a value right.
    expect(fordeling.getRow(ranaRow).getCell(totalColumn).value).toBe(752197.48);
    // The board's own sheets are untouched: Vevelstad's copied figure is still there.
    expect(wb.getWorksheet('Fordeling 2026')!.getCell('D5').value).toBe(182993.48);
    // The original file is unchanged when -o is given.
    expect((await readBack(source)).worksheets.map((w) => w.name)).toEqual(['Budsjett 2026', 'Fordeling 2026', 'Gevinster', 'Systemoversikt']);

    // The refreshed workbook reconciles clean on its own tables.
    const check = JSON.parse((await dh('kontroll', out, '--json')).stdout) as { sheet: string; severity: string }[];
    expect(check.filter((f) => f.sheet.startsWith('DH_') && f.severity === 'error')).toEqual([]);

    // Second run: nothing changes, nothing is recorded, the file is not rewritten.
    const before = readFileSync(out);
    const mtime = statSync(out).mtimeMs;
    const second = await dh('oppdater', out);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Ingen endringer: tabellene for 2026/);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(statSync(out).mtimeMs).toBe(mtime);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('fører endringer i DH_Endringer og skriver tekst som ser ut som formler som tekst', async () => {
    const path = file('oppdater-egne.xlsx');
    const wb = new ExcelJS.Workbook();
    addExcelTable(wb.addWorksheet('Grunnlag'), 'DH_Kommuner', 'A1', ['Kommunenr', 'Kommune', 'Innbyggere'], [
      ['1833', 'Rana', 25899],
      ['1824', 'Vefsn', 13491],
      // A real kommune (members must be) whose typed name looks like a formula: it matches Hattfjelldal, and
      // must reach DH_Fordeling_2026 as text, never as a formula.
      ['1826', '=Hattfjelldal', 1300],
    ]);
    addExcelTable(wb.getWorksheet('Grunnlag')!, 'DH_Nokkel', 'F1', ['År', 'Fast beløp', 'Sats pr innbygger'], [[2026, 156520.48, 23]]);
    await wb.xlsx.writeFile(path);
    expect((await dh('oppdater', path)).code).toBe(0);

    let back = await readBack(path);
    const sheet = back.getWorksheet('DH_Fordeling_2026')!;
    const odd = [...Array(10).keys()].map((i) => sheet.getRow(i + 1)).find((row) => row.getCell(1).value === '1826')!;
    expect(odd.getCell(2).value).toBe('=Hattfjelldal');
    expect(odd.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect((back.getWorksheet('Grunnlag')!.getTables() as unknown[]).length).toBe(2);

    // Rana grows by 101 inhabitants: one more run records exactly what changed.
    const grow = await readBack(path);
    grow.getWorksheet('Grunnlag')!.getCell('C2').value = 26000;
    await grow.xlsx.writeFile(path);
    const r = await dh('oppdater', path);
    expect(r.code).toBe(0);
    back = await readBack(path);
    const log = back.getWorksheet('DH_Endringer')!;
    const rows = [...Array(log.rowCount).keys()].map((i) => (log.getRow(i + 1).values as CellValue[]).slice(1));
    const rana = rows.filter((row) => row[1] === 'DH_Fordeling_2026' && row[2] === '1833').map((row) => `${row[4]}: ${row[5]} → ${row[6]}`);
    expect(rana).toEqual(expect.arrayContaining(['Totalt pr kommune: 752197.48 → 754520.48']));
    expect(rows.every((row) => row[0] === 'Oppdatert' || row[0] === '2026-01-15')).toBe(true);
    expect((await dh('oppdater', path)).stdout).toMatch(/^Ingen endringer/);
  });

  it('skriver ingenting halvveis når målet ikke kan skrives', async () => {
    const r = await dh('oppdater', BOARD, '-o', join(dir, 'finnes-ikke', 'ut.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Kunne ikke skrive «.*ut\.xlsx» \(ENOENT\)\. Filen er ikke endret\.\n$/);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('tall i utskriften', () => {
  it('antall skrives med tusenskille, som i resten av utskriften', async () => {
    const { countText } = await import('../../cli/format.js');
    expect(countText(1, 'rad', 'rader')).toBe('1 rad');
    expect(countText(20_000, 'rad', 'rader').replace(/\s/g, ' ')).toBe('20 000 rader');
  });
});

describe('dh kontroll på en fil med formler uten lagret resultat', () => {
  it('advarer om at tallene ikke kan kontrolleres, og peker på den første cellen', async () => {
    const path = file('uten-resultat.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Bidrag');
    putGrid(ws, [['Kommune', 'Innbyggere', 'Totalt'], ['Andøy', 4565], ['Bø', 2540], ['Hadsel', 8222]], 2);
    for (const r of [3, 4, 5]) ws.getCell(`C${r}`).value = { formula: `125000+B${r}*21` } as ExcelJS.CellFormulaValue;
    ws.getCell('D3').value = { formula: 'C3/1000', result: 178 } as ExcelJS.CellFormulaValue; // has a stored result: not counted
    await wb.xlsx.writeFile(path);
    const r = await dh('kontroll', path, '--json');
    expect(r.code).toBe(0);
    const warnings = JSON.parse(r.stdout).filter((f: { rule: string }) => f.rule === 'kontroll.formel-uten-resultat');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ sheet: 'Bidrag', cell: 'C3', severity: 'warning' });
    expect(warnings[0].message).toMatch(/^3 celler har formler uten lagret resultat \(første: C3\)/);
  });
});

describe('dh kontroll teller systemene i registeret', () => {
  it('tomme rader og en sum-rad telles ikke', async () => {
    const path = file('register-med-sum.xlsx');
    const wb = new ExcelJS.Workbook();
    putGrid(wb.addWorksheet('Systemoversikt'), [...registerGrid(), ['Sum', null, null, null, null, null, null, null, null, null, 20000]]);
    await wb.xlsx.writeFile(path);
    const r = await dh('kontroll', path, '--dato', '2026-03-01');
    expect(r.stdout).toMatch(/Fant systemregister Systemoversikt!A2 \(2 rader\)/);
    expect(r.stdout).not.toMatch(/«Sum»/);
  });
});
