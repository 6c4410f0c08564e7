// dh oppdater on real workbooks written by Excel, LibreOffice and Apache POI (tests/fixtures/real/SOURCES.md):
// for each, exit 0; every zip entry it does not own is byte-identical; every cell of every sheet it does not own
// is unchanged (value, type, formula, hyperlink, number format); the owned tables are right; LibreOffice opens
// the result and reads the new values; a second oppdater changes nothing. One file also gets a chart on an
// owned table, and a refresh in place under it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';
import { changedEntries, ownedBy, sheetParts } from './package-diff.js';
import { addBarChart, addSensitivityLabel, editPackage, readBack, tempDir } from './workbooks.js';
import { dh } from './run-dh.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/real');
const { dir, cleanup } = tempDir();
afterAll(cleanup);

const isOwned = (sheet: string) => /^DH_/i.test(sheet);

/** Every cell of every sheet that passes `keep`, as comparable text: value and type, formula, hyperlink, format. */
async function foreignCells(path: string, keep: (sheet: string, row: number, column: number) => boolean): Promise<Map<string, string>> {
  const wb = await readBack(path);
  const out = new Map<string, string>();
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (!keep(ws.name, r, c)) return;
        out.set(`${ws.name}!${cell.address}`, JSON.stringify({ type: cell.type, value: cell.value, formula: cell.formula, link: cell.hyperlink, fmt: cell.numFmt, note: cell.note }));
      }),
    );
  }
  return out;
}

/**
 * The values LibreOffice reads from one sheet of the file, as CSV rows. With `recalculate`, LibreOffice is set to
 * recalculate an .xlsx on load, as Excel does for a file that asks for it (calcPr fullCalcOnLoad); LibreOffice's
 * own default for .xlsx is to show the results saved in the file.
 */
function libreOfficeRows(path: string, sheet: string, into: string, recalculate = false): string[][] {
  mkdirSync(into, { recursive: true });
  if (recalculate) {
    mkdirSync(join(into, 'profil', 'user'), { recursive: true });
    writeFileSync(
      join(into, 'profil', 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?><oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item></oor:items>',
    );
  }
  // Token 12 = -1: every sheet to its own file, «<name>-<sheet>.csv» (LibreOffice ≥ 7.2).
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(into, 'profil')}`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', into, path], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  const csv = readdirSync(into).find((n) => n.endsWith(`-${sheet}.csv`));
  if (!csv) throw new Error(`LibreOffice skrev ingen CSV for arket ${sheet} (fant ${readdirSync(into).join(', ')})`);
  return readFileSync(join(into, csv), 'utf8')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((line) => line.split(','));
}

const CASES: { name: string; file: string; prepare?: (path: string) => Promise<void> }[] = [
  { name: 'diagram (Excel)', file: 'poi-WithChart.xlsx' },
  { name: 'pivottabell (Excel)', file: 'poi-ExcelPivotTableSample.xlsx' },
  { name: 'makroer (.xlsm)', file: 'poi-SimpleMacro.xlsm' },
  { name: 'egen tabell og definert navn', file: 'poi-simple-table-named-range.xlsx' },
  { name: 'kommentarer', file: 'poi-SimpleWithComments.xlsx' },
  { name: 'hyperkoblinger', file: 'poi-sharedhyperlink.xlsx' },
  { name: 'lagret av LibreOffice (tom workbookProtection)', file: 'libreoffice-saved.xlsx' },
  {
    name: 'følsomhetsetikett',
    file: 'poi-WithChart.xlsx',
    prepare: addSensitivityLabel,
  },
];

describe('dh oppdater på ekte arbeidsbøker', () => {
  it.each(CASES)('$name: kode 0, alt som ikke er dh sitt er uendret, tabellene stemmer, LibreOffice leser dem, andre kjøring endrer ingenting', async ({ file, name, prepare }) => {
    const path = join(dir, `${name.replace(/[^a-z]+/gi, '-')}-${file}`);
    copyFileSync(join(FIXTURES, file), path);
    await prepare?.(path);
    const before = readFileSync(path);
    const cellsBefore = await foreignCells(path, (sheet) => !isOwned(sheet));

    const first = await dh('oppdater', path);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const owned = ownedBy(await sheetParts(path, isOwned));
    expect(await changedEntries(before, path, owned)).toEqual([]);
    expect(await foreignCells(path, (sheet) => !isOwned(sheet))).toEqual(cellsBefore);

    const back = await readBack(path);
    const fordeling = back.getWorksheet('DH_Fordeling_2026')!;
    const rows = (fordeling.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]).toEqual(['Kommunenr', 'Kommune', expect.stringMatching(/^Innbyggere/), 'Fast beløp', 'Fordelt etter innbyggertall', 'Totalt pr kommune', 'Andel (%)']);
    expect(rows.find((r) => r[0] === '1833')?.[5]).toBe(752197.48);

    const csv = libreOfficeRows(path, 'DH_Fordeling_2026', join(dir, `lo-${name.replace(/[^a-z]+/gi, '-')}`));
    expect(csv.find((r) => r[0] === '1833')?.[5]).toBe('752197.48');
    // The Sum is the table's totals row (label in the first column), and LibreOffice reads it.
    expect(csv.find((r) => r[0] === 'Sum')?.[5]).toBe('4905406.12');

    const again = readFileSync(path);
    const second = await dh('oppdater', path);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Ingen endringer/);
    expect(readFileSync(path).equals(again)).toBe(true);
  }, 180_000);

  it('et diagram på en eid tabell står uendret når tabellen oppdateres på plass under det', async () => {
    const path = join(dir, 'diagram-paa-eid-tabell.xlsx');
    copyFileSync(join(FIXTURES, 'poi-WithChart.xlsx'), path);
    expect((await dh('oppdater', path)).code).toBe(0);
    await addBarChart(path, 'DH_Fordeling_2026', 7);
    // Someone typed over a figure in the owned table, and left a note beside it.
    await editPackage(path, async (pkg) => {
      const part = await pkg.sheetPart('DH_Fordeling_2026');
      await pkg.edit(part, (xml) =>
        xml
          .replace(/(<c r="C2"[^>]*><v>)[^<]*(<\/v>)/, '$11$2')
          .replace(/(<row r="3"[^>]*>[\s\S]*?)(<\/row>)/, '$1<c r="J3" t="inlineStr"><is><t>Notat: sjekk tallet</t></is></c>$2'),
      );
    });
    const before = readFileSync(path);
    const r = await dh('oppdater', path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('DH_Fordeling_2026: 1 endring');
    expect(await changedEntries(before, path, ownedBy(await sheetParts(path, isOwned)))).toEqual([]);
    const sheetXml = (await readBack(path)).getWorksheet('DH_Fordeling_2026')!;
    expect(sheetXml.getCell('C2').value).not.toBe(1);
    expect(sheetXml.getCell('J3').value).toBe('Notat: sjekk tallet');
    const zipText = await (await import('jszip')).default.loadAsync(readFileSync(path));
    const part = (await sheetParts(path, (s) => s === 'DH_Fordeling_2026'))[0]!;
    expect(await zipText.file(part)!.async('string')).toContain('<drawing r:id="rIdDhTestDrawing"/>');
    expect((await dh('oppdater', path)).stdout).toMatch(/^Ingen endringer/);
  }, 120_000);
});

describe('formler som peker inn i hver eid tabell, i en fil', () => {
  it('gir de nye tallene etter to oppdateringer, teller ikke Sum-raden to ganger, og ingen #REF! noe sted (LibreOffice regner om filen)', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { boardTables } = await import('../../core/board/tables.js');
    const { HELGELAND_2026 } = await import('../../core/dataset/helgeland2026.js');
    const { displayValue } = await import('../../core/workbook/table.js');
    const { writeOwnedTable } = await import('../../cli/workbook.js');
    const built = boardTables(HELGELAND_2026, 2026);
    if (!built.ok) throw new Error(built.error.message);
    const path = join(dir, 'formler-inn-i-tabellene.xlsx');
    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('Sammendrag');
    const letter = (c: number) => String.fromCharCode(65 + c);
    /**
     * Per table, a column to sum and a cell to point at: the first column whose Sum is a number (else the last
     * numeric column), and that column's Sum cell (else the first member's cell). Expected: the members' sum and
     * the cell's value in the refreshed table.
     */
    const probes = built.value.map((table) => {
      const totals = table.totals?.map(displayValue);
      const numeric = (c: number) => table.rows.every((r) => typeof displayValue(r[c] ?? null) === 'number');
      let column = totals ? totals.findIndex((v, c) => typeof v === 'number' && numeric(c)) : -1;
      if (column < 0) column = table.headers.map((_, c) => c).filter(numeric).at(-1)!;
      const membersSum = table.rows.reduce((n, r) => n + (displayValue(r[column] ?? null) as number), 0);
      const pointsAtTotals = totals !== undefined && typeof totals[column] === 'number';
      const row = pointsAtTotals ? table.rows.length + 2 : 2;
      const cellValue = pointsAtTotals ? (totals![column] as number) : (displayValue(table.rows[0]![column] ?? null) as number);
      return { table, column, membersSum, cell: `'${table.name}'!${letter(column)}${row}`, cellValue };
    });
    probes.forEach((p, i) => {
      // The user's formulas, saved with results from an older version of the table.
      summary.getCell(`A${i + 1}`).value = { formula: `SUM(${p.table.name}[${p.table.headers[p.column]}])`, result: 1 };
      summary.getCell(`B${i + 1}`).value = { formula: p.cell, result: 1 };
      // The table as an older dh wrote it: its Sum as the last data row (label in Kommune), one figure off.
      const legacy = p.table.totals ? [['', String(displayValue(p.table.totals[0]!)), ...p.table.totals.slice(2)]] : [];
      const rows = p.table.rows.map((r, k) => (k === 0 ? r.map((c, j) => (j === p.column ? (displayValue(c) as number) + 1 : c)) : r));
      writeOwnedTable(wb, { name: p.table.name, headers: p.table.headers, rows: [...rows, ...legacy] });
    });
    // DH_Endringer: how many changes the log holds, and the table of its newest one.
    const log = probes.length;
    summary.getCell(`A${log + 1}`).value = { formula: 'COUNTA(DH_Endringer[Tabell])', result: 1 };
    summary.getCell(`B${log + 1}`).value = { formula: "'DH_Endringer'!B2", result: 'x' };
    await wb.xlsx.writeFile(path);

    for (const round of [1, 2]) {
      if (round === 2) {
        // Someone typed over a population; the second refresh puts it right again.
        await editPackage(path, async (pkg) => pkg.edit(await pkg.sheetPart('DH_Fordeling_2026'), (xml) => xml.replace(/(<c r="C3"[^>]*><v>)[^<]*(<\/v>)/, '$17$2')));
      }
      const r = await dh('oppdater', path);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      if (round === 1) for (const p of probes) if (p.table.totals) expect(r.stdout).toContain(`${p.table.name}: `);
      const rows = libreOfficeRows(path, 'Sammendrag', join(dir, `lo-formler-${round}`), true);
      const workbookXml = await (await (await import('jszip')).default.loadAsync(readFileSync(path))).file('xl/workbook.xml')!.async('string');
      expect(workbookXml).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
      probes.forEach((p, i) => {
        // =SUM(Table[Column]) is the members' sum: the Sum is the totals row, outside the column's data.
        expect(Number(rows[i]![0]), `${p.table.name} SUM`).toBeCloseTo(p.membersSum, 2);
        expect(Number(rows[i]![1]), `${p.table.name} ${p.cell}`).toBeCloseTo(p.cellValue, 2);
        if (p.table.totals && typeof displayValue(p.table.totals[p.column]!) === 'number') expect(p.membersSum).toBeCloseTo(displayValue(p.table.totals[p.column]!) as number, 2);
      });
      const endringer = (await readBack(path)).getWorksheet('DH_Endringer')!;
      const logged = (endringer.getSheetValues() as unknown[][]).filter(Boolean).length - 1;
      expect(Number(rows[log]![0])).toBe(logged);
      expect(rows[log]![1]).toBe(String(endringer.getCell('B2').value));
      const zip = await (await import('jszip')).default.loadAsync(readFileSync(path));
      for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) expect(await zip.file(name)!.async('string'), name).not.toContain('#REF!');
    }
    const again = readFileSync(path);
    expect((await dh('oppdater', path)).stdout).toMatch(/^Ingen endringer/);
    expect(readFileSync(path).equals(again)).toBe(true);
  }, 240_000);
});
