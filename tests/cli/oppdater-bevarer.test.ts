// dh oppdater edits the package: charts, labels, images and everything else it does not own keep their bytes
// (tests/cli/package-diff.ts compares every zip entry), and it never fills another cooperation's workbook with
// the built-in Helgeland projects, RPA or DUO.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { boardTables, PROJECT_TABLE_NAMES } from '../../core/board/tables.js';
import { HELGELAND_2026 } from '../../core/dataset/helgeland2026.js';
import { loadWorkbook, writeOwnedTable } from '../../cli/workbook.js';
import { addBarChart, addSensitivityLabel, editPackage, LABEL_CUSTOM_XML, LABEL_INFO_XML, putGrid, readBack, tempDir, vesteralenWorkbook, writeBoardWorkbook } from './workbooks.js';
import { changedEntries, ownedBy, sheetParts } from './package-diff.js';
import { dh } from './run-dh.js';

const { dir, cleanup } = tempDir();
const file = (name: string) => join(dir, name);
afterAll(cleanup);

/** Entries of `before` that changed in `after`, other than what the owned DH_ tables may change. */
async function foreignChanges(before: Buffer, after: string): Promise<string[]> {
  const owned = [...(await sheetParts(before, (s) => s.startsWith('DH_'))), ...(await sheetParts(after, (s) => s.startsWith('DH_')))];
  return changedEntries(before, after, ownedBy(owned));
}

const tmpFiles = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

async function partNames(path: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
}

describe('dh oppdater på en arbeidsbok med følsomhetsetikett', () => {
  it('skriver tabellene og tar med egendefinerte egenskaper og etiketten uendret', async () => {
    const path = file('etikett.xlsx');
    await writeBoardWorkbook(path);
    await addSensitivityLabel(path);
    const original = readFileSync(path);
    const first = await dh('oppdater', path);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path));
    expect(await zip.file('docProps/custom.xml')?.async('string')).toBe(LABEL_CUSTOM_XML);
    expect(await zip.file('docMetadata/LabelInfo.xml')?.async('string')).toBe(LABEL_INFO_XML);
    expect(await foreignChanges(original, path)).toEqual([]);
    const rels = await zip.file('_rels/.rels')!.async('string');
    expect(rels).toContain('Target="docProps/custom.xml"');
    expect(rels).toContain('Target="docMetadata/LabelInfo.xml"');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain('PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"');
    expect(types).toContain('PartName="/docMetadata/LabelInfo.xml" ContentType="application/vnd.ms-office.classificationlabels+xml"');
    // The file is still a workbook with the tables in it, and a second run finds nothing to do.
    expect((await readBack(path)).getWorksheet('DH_Endringer')).toBeDefined();
    const second = await dh('oppdater', path);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Ingen endringer/);
  });
});

describe('dh oppdater på en arbeidsbok med diagram', () => {
  it('oppdaterer tabellene og lar diagrammet og alt annet som ikke er dh sitt, være byte for byte som før', async () => {
    const path = file('med-diagram.xlsx');
    await writeBoardWorkbook(path);
    await addBarChart(path, 'Budsjett 2026');
    const before = readFileSync(path);

    const out = file('med-diagram-ut.xlsx');
    const copy = await dh('oppdater', path, '-o', out);
    expect(copy.stderr).toBe('');
    expect(copy.code).toBe(0);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(await foreignChanges(before, out)).toEqual([]);
    expect(await partNames(out)).toContain('xl/charts/dhtest1.xml');
    expect((await readBack(out)).getWorksheet('DH_Fordeling_2026')).toBeDefined();

    const inPlace = await dh('oppdater', path);
    expect(inPlace.code).toBe(0);
    expect(await foreignChanges(before, path)).toEqual([]);
    expect(tmpFiles()).toEqual([]);
  });

  it('to diagrammer på to ark: begge står uendret', async () => {
    const path = file('to-diagrammer.xlsx');
    await writeBoardWorkbook(path);
    await addBarChart(path, 'Budsjett 2026', 1);
    await addBarChart(path, 'Gevinster', 2);
    const before = readFileSync(path);
    const r = await dh('oppdater', path);
    expect(r.code).toBe(0);
    expect(await foreignChanges(before, path)).toEqual([]);
  });

  it('en fil som allerede er oppdatert, røres ikke selv om den har diagram', async () => {
    const path = file('oppdatert-med-diagram.xlsx');
    await writeBoardWorkbook(path);
    expect((await dh('oppdater', path)).code).toBe(0);
    await addBarChart(path, 'Budsjett 2026');
    const before = readFileSync(path);
    const r = await dh('oppdater', path);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Ingen endringer/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('dh oppdater på en arbeidsbok med bilder', () => {
  it('beholder bildene og notatet byte for byte, og oppdaterer som før', async () => {
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const path = file('med-bilde.xlsx');
    await writeBoardWorkbook(path, 'numbers', (wb) => {
      const ws = wb.getWorksheet('Budsjett 2026')!;
      ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'H2:J8');
      ws.getCell('A1').note = 'Vedtatt i styremøtet';
    });
    const original = readFileSync(path);
    const r = await dh('oppdater', path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await foreignChanges(original, path)).toEqual([]);
    const back = await readBack(path);
    const images = back.getWorksheet('Budsjett 2026')!.getImages();
    expect(images).toHaveLength(1);
    expect(Buffer.from(back.getImage(Number(images[0]!.imageId)).buffer as unknown as Uint8Array).equals(png)).toBe(true);
    expect(back.getWorksheet('DH_Fordeling_2026')).toBeDefined();
    expect((await partNames(path)).filter((n) => n.startsWith('xl/media/'))).toHaveLength(1);
  });
});

describe('dh oppdater på et annet samarbeids arbeidsbok (egne DH_Kommuner og DH_Nokkel, ingen prosjekter)', () => {
  const SKIPPED =
    'Hoppet over DH_Deltakelse, DH_RPA, DH_DUO og DH_Arkivplanstatus: arbeidsboken har ingen DH_Prosjekter, ingen egne RPA- eller DUO-tall og ingen DH_Arkivplan, ' +
    'og de innebygde prosjekttallene gjelder bare Digitale Helgeland 2026.';

  it('skriver bare fordelingen, med kommunenavn, og sier at prosjekttabellene er hoppet over', async () => {
    const path = file('vesteralen.xlsx');
    await vesteralenWorkbook().xlsx.writeFile(path);
    const r = await dh('oppdater', path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'Oppdaterte 2 tabeller for 2026 fra arbeidsbokens tabeller DH_Kommuner, DH_Nokkel:',
      '  DH_Fordeling_2026: ny tabell med 7 rader',
      '  DH_Balanse: ny tabell med 7 rader',
      SKIPPED,
      '2 endringer ført i DH_Endringer. Skrev «' + path + '».',
      '',
    ]);
    const back = await readBack(path);
    expect(back.worksheets.map((w) => w.name)).toEqual(['Budsjett', 'DH_Kommuner', 'DH_Nokkel', 'DH_Fordeling_2026', 'DH_Balanse', 'DH_Endringer']);
    const fordeling = back.getWorksheet('DH_Fordeling_2026')!;
    const names = [...Array(7).keys()].map((i) => fordeling.getRow(i + 2).getCell(2).value);
    expect(names).toEqual(['Lødingen', 'Vågan', 'Hadsel', 'Bø', 'Øksnes', 'Sortland', 'Andøy']);

    const again = await dh('oppdater', path);
    expect(again.stdout).toMatch(/^Ingen endringer: tabellene for 2026/);
    expect(again.stdout.split('\n')[1]).toBe(SKIPPED);
  });

  it('fjerner DH_Deltakelse, DH_RPA og DH_DUO som en tidligere versjon skrev fra Helgelands tall, og fører det i DH_Endringer', async () => {
    const path = file('vesteralen-gammel.xlsx');
    await vesteralenWorkbook().xlsx.writeFile(path);
    await writeStaleHelgelandTables(path);
    const r = await dh('oppdater', path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('Oppdaterte 2 tabeller og fjernet 4 tabeller for 2026 fra arbeidsbokens tabeller DH_Kommuner, DH_Nokkel:');
    expect(lines).toEqual(expect.arrayContaining(['  DH_Deltakelse: fjernet', '  DH_RPA: fjernet', '  DH_DUO: fjernet']));
    expect(lines).toContain(`${SKIPPED} De gamle tabellene DH_Deltakelse, DH_RPA, DH_DUO og DH_Arkivplanstatus er fjernet.`);
    const back = await readBack(path);
    // The tables go; their sheets stay, empty, so a reference into them shows a blank, never #REF!.
    const tables = back.worksheets.flatMap((ws) => (ws.getTables() as unknown as { table: { name: string } }[]).map((t) => t.table.name));
    expect(tables.sort()).toEqual(['DH_Balanse', 'DH_Endringer', 'DH_Fordeling_2026']);
    for (const name of ['DH_Deltakelse', 'DH_RPA', 'DH_DUO']) expect(back.getWorksheet(name)!.actualRowCount, name).toBe(0);
    const log = back.getWorksheet('DH_Endringer')!;
    const removed = [...Array(log.rowCount).keys()].map((i) => (log.getRow(i + 1).values as unknown[]).slice(1)).filter((row) => row[6] === '(fjernet)');
    expect(removed.map((row) => [row[1], row[5]])).toEqual([
      ['DH_Deltakelse', 'tabell med 19 rader'],
      ['DH_RPA', 'tabell med 19 rader'],
      ['DH_DUO', 'tabell med 19 rader'],
      ['DH_Arkivplanstatus', 'tabell med 19 rader'],
    ]);

    const before = readFileSync(path);
    expect((await dh('oppdater', path)).stdout).toMatch(/^Ingen endringer/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('fjerner et gammelt DH_RPA som brukeren har satt et diagram på, og lar diagrammet stå uendret', async () => {
    const path = file('vesteralen-gammel-diagram.xlsx');
    await vesteralenWorkbook().xlsx.writeFile(path);
    await writeStaleHelgelandTables(path);
    await addBarChart(path, 'DH_RPA');
    const before = readFileSync(path);
    const r = await dh('oppdater', path);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await foreignChanges(before, path)).toEqual([]);
    expect(await partNames(path)).toContain('xl/charts/dhtest1.xml');
  });
});

/** What dh wrote into such a workbook before: Helgeland's project tables (as DH_Deltakelse, DH_RPA, DH_DUO). */
async function writeStaleHelgelandTables(path: string): Promise<void> {
  const wb = await loadWorkbook(path);
  const tables = boardTables(HELGELAND_2026, 2026);
  if (!tables.ok) throw new Error(tables.error.message);
  for (const table of tables.value.filter((t) => (PROJECT_TABLE_NAMES as readonly string[]).includes(t.name))) writeOwnedTable(wb, table);
  putGrid(wb.getWorksheet('Budsjett')!, [['(skrevet av en eldre dh)']], 10, 1);
  await wb.xlsx.writeFile(path);
}

describe('dh oppdater og Excels liste over formelceller (calcChain.xml)', () => {
  it('tar bort calcChain når formelceller i en eid tabell blir verdier, så Excel ikke melder filen som skadet', async () => {
    const path = file('calcchain.xlsx');
    await writeBoardWorkbook(path);
    const wb = await loadWorkbook(path);
    const built = boardTables(HELGELAND_2026, 2026);
    if (!built.ok) throw new Error(built.error.message);
    const fordeling = built.value.find((t) => t.name === 'DH_Fordeling_2026')!;
    // An older version (one population off) whose Totalt column holds DH.KOSTNAD formulas, as the add-in writes them.
    writeOwnedTable(wb, { ...fordeling, rows: fordeling.rows.map((r, i) => (i === 0 ? [r[0]!, r[1]!, (r[2] as number) + 1, ...r.slice(3)] : r)) });
    await wb.xlsx.writeFile(path);
    await editPackage(path, async (pkg) => {
      await pkg.add('xl/calcChain.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="F2" i="5"/><c r="F3"/></calcChain>', 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml');
      await pkg.relate('xl/workbook.xml', 'rIdCalc', 'calcChain', 'calcChain.xml');
    });
    expect(await partNames(path)).toContain('xl/calcChain.xml');
    const r = await dh('oppdater', path);
    expect(r.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path));
    expect(zip.file('xl/calcChain.xml')).toBeNull();
    expect(await zip.file('xl/_rels/workbook.xml.rels')!.async('string')).not.toContain('calcChain');
    expect(await zip.file('[Content_Types].xml')!.async('string')).not.toContain('calcChain');
  });
});
