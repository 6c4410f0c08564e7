// Issue 16: any file, bounded. The CLI reads only the cells a sheet has, within explicit limits, and every
// refusal is one Norwegian line (exit 2, nothing written). The crafted files are generated here, small; the
// full-size ones (1 000 000 rows, 239 MB of sheet XML) are measured with scripts/crafted-files.ts.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { readWorkbook } from '../../cli/workbook.js';
import { LIMITS } from '../../cli/xlsx/limits.js';
import {
  bigRegister, brokenSheetXml, deflateBomb, encryptedContainer, entityBomb, largeSheet, manyMerges, num, sparseWide, str, strictXlsx, wholeColumnValidation, worksheet, writeTo, xlsx,
} from './crafted.js';
import { tempDir } from './workbooks.js';
import { dh } from './run-dh.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);
const saved = { ...LIMITS };
afterEach(() => Object.assign(LIMITS, saved));
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** English words and stack frames that must never reach a user (the messages are Norwegian sentences). */
const NOT_NORWEGIAN = /\n\s+at |\b(the|is|not|of|cannot|error|failed|invalid|unexpected|undefined|null|NaN|Infinity|weights|must|Uventet feil)\b/i;

describe('the crafted set: one Norwegian line or a result, never a crash, input never changed', () => {
  const crafted: [string, () => Buffer][] = [
    ['sparsom-bred', () => sparseWide(2_000)],
    ['register', () => bigRegister(2_000)],
    ['hel-kolonne-validering', () => wholeColumnValidation(3)],
    ['sammenslaatte', () => manyMerges(5_000)],
    ['stort-ark', () => largeSheet(2)],
    ['entitetsbombe', () => entityBomb()],
    ['pakkebombe', () => deflateBomb(8)],
    ['strict', () => strictXlsx()],
    ['kryptert', () => encryptedContainer()],
    ['skadet-xml', () => brokenSheetXml()],
    ['ikke-zip', () => Buffer.from('PK\u0003\u0004 dette er ikke en arbeidsbok')],
    ['tom', () => Buffer.alloc(0)],
  ];
  it.each(crafted)('%s', async (name, make) => {
    const path = writeTo(join(dir, `${name}.xlsx`), make());
    const before = sha(path);
    for (const argv of [['kontroll', path], ['oppdater', path, '-o', join(dir, `${name}-ut.xlsx`)], ['kostnad', 'Rana', '2026', '--fil', path]]) {
      const r = await dh(...argv);
      expect([0, 1, 2]).toContain(r.code);
      expect(r.stderr).not.toMatch(NOT_NORWEGIAN);
      if (r.code === 2) {
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        if (argv[0] === 'oppdater') expect(existsSync(join(dir, `${name}-ut.xlsx`))).toBe(false);
      }
    }
    expect(sha(path)).toBe(before);
  });
});

describe('sparse reading', () => {
  it('a sheet with one cell in XFD holds only the cells it has', async () => {
    const book = await readWorkbook(writeTo(join(dir, 'xfd.xlsx'), sparseWide(20_000)));
    const [sheet] = book.sheets;
    expect(sheet!.cellCount).toBe(20_001);
    expect(sheet!.rows).toHaveLength(20_000);
    // Row 1 reaches XFD; every other row is one cell wide, not 16 384.
    expect(sheet!.rows[0]).toHaveLength(16_384);
    expect(sheet!.rows[0]![16_383]).toBe('langt ute');
    expect(sheet!.rows.slice(1).every((r) => r.length === 1)).toBe(true);
    expect((await dh('kontroll', join(dir, 'xfd.xlsx'))).code).toBe(0);
  });

  it('merged ranges are handed over as ranges, one per merge', async () => {
    const book = await readWorkbook(writeTo(join(dir, 'merges.xlsx'), manyMerges(50_000)));
    expect(book.sheets[0]!.merges).toHaveLength(50_000);
    expect(book.sheets[0]!.merges[9]).toEqual({ fromRow: 10, fromColumn: 1, toRow: 10, toColumn: 2 });
    expect(book.sheets[0]!.rows[9]).toEqual(['Avsnitt 10']);
  });

  it('a validation over the whole sheet costs its definition, in kontroll and oppdater', async () => {
    const path = writeTo(join(dir, 'validering.xlsx'), wholeColumnValidation(3));
    const book = await readWorkbook(path);
    expect(book.sheets[0]!.cellCount).toBe(4);
    expect(book.sheets[0]!.validationArea).toBe(3 * 1_048_576 + 16_384 * 1_048_576);
    expect((await dh('kontroll', path)).code).toBe(0);
    const r = await dh('oppdater', path, '-o', join(dir, 'validering-ut.xlsx'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a register of 20 000 rows is checked, not refused', async () => {
    const path = writeTo(join(dir, 'register.xlsx'), bigRegister(20_000));
    const r = await dh('kontroll', path, '--dato', '2026-11-21');
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toMatch(/systemregister Systemoversikt!A\d \(20 000 rader\)/);
    // Every finding is printed (the report is written in slices, never as one string), and --json is the same JSON.
    const errors = Number(/(\d[\d ]*) feil, /.exec(r.stdout)![1]!.replace(/ /g, ''));
    expect(errors).toBeGreaterThan(4096);
    expect(r.stdout.split('\n').filter((line) => line.includes('[feil]'))).toHaveLength(errors);
    const json = await dh('kontroll', path, '--dato', '2026-11-21', '--json');
    const parsed = JSON.parse(json.stdout) as { severity: string }[];
    expect(parsed.filter((f) => f.severity === 'error')).toHaveLength(errors);
    expect(json.stdout).toBe(JSON.stringify(parsed, null, 2) + '\n');
  });

  it('cells keep their types: shared and inline strings, numbers, booleans, errors, dates by format', async () => {
    const path = writeTo(join(dir, 'typer.xlsx'), xlsx([{ name: 'Ark1', xml: worksheet([`<row r="2">${str('B2', 'tekst')}${num('C2', 1.5)}<c r="D2" t="b"><v>1</v></c><c r="E2" t="e"><v>#REF!</v></c><c r="F2"><f>1+1</f></c></row>`]) }]));
    const sheet = (await readWorkbook(path)).sheets[0]!;
    expect(sheet.rows[0]).toEqual([]);
    expect(sheet.rows[1]).toEqual([null, 'tekst', 1.5, true, { cellError: '#REF!' }]);
    expect(sheet.formulasWithoutResult).toEqual({ count: 1, first: 'F2' });
  });

  it('an entity bomb is not expanded', async () => {
    const sheet = (await readWorkbook(writeTo(join(dir, 'lol.xlsx'), entityBomb()))).sheets[0]!;
    expect(sheet.rows[0]).toEqual(['&lol9;']);
  });
});

describe('limits: one Norwegian line that names the limit and what to do', () => {
  it('decompressed part size', async () => {
    LIMITS.partBytes = 1024 * 1024;
    const r = await dh('kontroll', writeTo(join(dir, 'stor.xlsx'), largeSheet(3)));
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^Delen «xl\/worksheets\/sheet1\.xml» er større enn grensen på 1 MB utpakket\. Del arbeidsboken .* Ingenting er skrevet\.\n$/);
  });

  it('cells per sheet', async () => {
    LIMITS.cellsPerSheet = 1_000;
    const r = await dh('kontroll', writeTo(join(dir, 'celler.xlsx'), sparseWide(2_000)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Arket «Ark1» har flere enn 1 000 celler med innhold, grensen for ett ark\./);
  });

  it('total time', async () => {
    LIMITS.timeMs = 0;
    const path = writeTo(join(dir, 'tid.xlsx'), sparseWide(2_000));
    const r = await dh('oppdater', path, '-o', join(dir, 'tid-ut.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tok lengre enn tidsgrensen på 0 sekunder og ble stoppet\. .* Ingenting er skrevet\.\n$/);
    expect(existsSync(join(dir, 'tid-ut.xlsx'))).toBe(false);
  });
});

describe('the time limit holds after reading too', () => {
  it('kontroll stops while checking, on time, with one line that names the limit', async () => {
    // The clock moves a second each time it is read: reading (a check per chunk) passes, and the deadline runs out
    // while core checks the 20 000 rows, which asks for it from its row loops.
    const path = writeTo(join(dir, 'tid-kontroll.xlsx'), bigRegister(20_000));
    const base = Date.now();
    let reads = 0;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => base + 1000 * reads++);
    LIMITS.timeMs = 30_000;
    try {
      const r = await dh('kontroll', path, '--dato', '2026-11-21');
      expect(r).toMatchObject({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(/^Kontrollen av «.*tid-kontroll\.xlsx» tok lengre enn tidsgrensen på 30 sekunder og ble stoppet\. .* Ingenting er skrevet\.\n$/);
      // Stopped soon after the deadline, not at the end of the check.
      expect(reads).toBeLessThan(40);
    } finally {
      clock.mockRestore();
    }
  });
});

describe('the right words for each kind of file', () => {
  it('encrypted', async () => {
    const r = await dh('kontroll', writeTo(join(dir, 'passord.xlsx'), encryptedContainer()));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^«passord\.xlsx» er passordbeskyttet: åpne den i Excel og lagre uten passord/);
  });

  it('Strict OOXML is read by kontroll and named, with how to save it, by oppdater', async () => {
    const path = writeTo(join(dir, 'strict.xlsx'), strictXlsx());
    const book = await readWorkbook(path);
    expect(book.strict).toBe(true);
    expect(book.sheets[0]!.rows).toEqual([['Kommune', 'Innbyggere'], ['Rana', 26000]]);
    const r = await dh('oppdater', path, '-o', join(dir, 'strict-ut.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Strict/);
    expect(r.stderr).toMatch(/lagre den som vanlig «Excel-arbeidsbok \(\.xlsx\)».*Ingenting er skrevet/);
  });

  it('a valid package with a part that is not XML names the part', async () => {
    const r = await dh('kontroll', writeTo(join(dir, 'xml.xlsx'), brokenSheetXml()));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Kan ikke lese «xml\.xlsx»: delen «xl\/worksheets\/sheet1\.xml» er ikke gyldig XML .*Filen er ikke endret/);
  });
});
