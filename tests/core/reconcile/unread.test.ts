// kontroll.ikke-lest (SPEC §7): nothing unread is silent. A sheet with kommune labels and figures where no known
// kind of table was recognised, and a workbook where nothing was read, give a warning on the first used cell.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DatasetContext } from '../../../core/dataset/context.js';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import { reconcileSheets, splitKommuneLabel, type SheetRange } from '../../../core/reconcile/index.js';
import type { SheetCells } from '../../../core/reconcile/locate.js';
import { checkWorkbookRelations } from '../../../core/relations/index.js';
import type { CellValue } from '../../../core/util/cells.js';

const data = new DatasetContext(HELGELAND_2026);
const unread = (sheets: SheetCells[], claimed: SheetRange[] = []) =>
  reconcileSheets(sheets, { data, reportUnread: true, claimed, findRelations: checkWorkbookRelations }).findings.filter((f) => f.rule === 'kontroll.ikke-lest');

/** A table a person made, with headers kontroll does not know (no population, no «Totalt»). */
const UNKNOWN_HEADERS: CellValue[][] = [
  [null, null, null],
  [null, 'Kontingent IKT-forum', null],
  [null, 'Deltaker', 'Faktureres'],
  [null, 'Rana', 120_000],
  [null, 'Vefsn', 80_000],
  [null, 'Alstahaug', 60_000],
];

/**
 * Kommune names with figures that form no table: each figure stands alone in its column, so neither a known kind nor
 * the relation finder (which reads every block with a column of figures) can read them.
 */
const SCATTERED: CellValue[][] = [
  [null, null, null, null],
  [null, 'Kontingent IKT-forum', null, null],
  [null, 'Rana', 120_000, null],
  [null, 'Vefsn', null, 80_000],
];

const ALLOCATION: CellValue[][] = [
  ['Kommune', 'Innbyggere', 'Fordelt etter innbyggertall', 'Totalt'],
  ['Rana', 25899, 595677, 752197.48],
  ['Vefsn', 13491, 310293, 466813.48],
  ['Vega', 1208, 27784, 184304.48],
];

describe('kontroll.ikke-lest', () => {
  it('et ark med kommunenavn og tall som ingen tabell leser, gir en advarsel på arkets første brukte celle, som sier hva kontrollen så etter', () => {
    const findings = unread([{ sheet: 'Kontingent', cells: SCATTERED }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', sheet: 'Kontingent', cell: 'B2', row: 2 });
    expect(findings[0]!.message).toContain('B3:D4');
    expect(findings[0]!.message).toMatch(/fordelingstabeller.*RPA- og DUO-tabeller.*systemregistre/);
  });

  it('en gjenkjent tabell på ett ark og notater på et annet gir ingen ikke-lest', () => {
    const sheets = [
      { sheet: 'Fordeling', cells: ALLOCATION },
      { sheet: 'Notater', cells: [['Referat'], ['Vedtatt 16.10.2025']] },
    ];
    expect(unread(sheets)).toEqual([]);
  });

  it('ett ark gjenkjent og et annet med spredte tall ved kommunenavn: bare det andre arket får advarselen', () => {
    const sheets = [
      { sheet: 'Fordeling', cells: ALLOCATION },
      { sheet: 'Kontingent', cells: SCATTERED },
    ];
    expect(unread(sheets).map((f) => f.sheet)).toEqual(['Kontingent']);
  });

  it('en tabell med ukjente overskrifter leses av relasjonsfinneren: meldt som lest uten sammenhenger, ikke som ulest', () => {
    const result = reconcileSheets([{ sheet: 'Kontingent', cells: UNKNOWN_HEADERS }], { data, reportUnread: true, findRelations: checkWorkbookRelations });
    expect(result.findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([['tabell.ingen-sammenheng', 'info', 'C4']]);
    expect(result.findings[0]!.message).toContain('er lest, ingen sammenhenger funnet');
  });

  it('områder som leses andre steder (systemregister, DH_-tabeller) er ikke uleste', () => {
    const claimed: SheetRange[] = [{ sheet: 'Kontingent', top: 3, left: 2, bottom: 6, right: 3 }];
    expect(unread([{ sheet: 'Kontingent', cells: UNKNOWN_HEADERS }], claimed)).toEqual([]);
  });

  it('en arbeidsbok uten tall eller kommuner der ingenting ble lest, får én advarsel for arbeidsboken', () => {
    const findings = unread([
      { sheet: 'Forside', cells: [[], [null, null, 'Styresak 12/2025']] },
      { sheet: 'Notater', cells: [['Referat']] },
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: 'Forside', cell: 'C2' });
    expect(findings[0]!.message).toContain('i arbeidsboken');
  });

  it('et tomt ark sier at det er tomt', () => {
    const findings = unread([{ sheet: 'Ark1', cells: [] }]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ sheet: 'Ark1', cell: 'A1' });
    expect(findings[0]!.message).toContain('tomt');
  });

  it('KOSTRA-tall pr innbygger er sett (ikke ulest), men ikke gjort krav på, så en finner av sammenhenger kan lese dem', () => {
    const cells: CellValue[][] = [
      ['Kommune', 'Innbyggere 1.1.2025', 'IKT-kostnad totalt', 'Kostnad pr innbygger'],
      ['Rana', 25_899, 41_000_000, 1_583],
      ['Vefsn', 13_491, 19_500_000, 1_445],
      ['Alstahaug', 7_409, 12_000_000, 1_620],
    ];
    const result = reconcileSheets([{ sheet: 'KOSTRA', cells }, { sheet: 'Fordeling', cells: ALLOCATION }], { data, reportUnread: true });
    expect(result.findings.filter((f) => f.rule === 'kontroll.ikke-lest')).toEqual([]);
    expect(result.seen).toEqual([{ sheet: 'KOSTRA', top: 1, left: 1, bottom: 4, right: 4 }]);
    expect(result.claimed).toEqual([{ sheet: 'Fordeling', top: 1, left: 1, bottom: 4, right: 4 }]);
  });

  it('uten reportUnread er resultatet som før (styretabellene panelet bygger selv)', () => {
    expect(reconcileSheets([{ sheet: 'Kontingent', cells: UNKNOWN_HEADERS }], { data }).findings).toEqual([]);
  });

  it('egenskap: en arbeidsbok der ingenting ble gjort krav på, gir aldri en tom liste', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -1_000_000, max: 10_000_000 }),
      fc.constantFrom('Rana', 'Vefsn', '1833 Rana', 'Sum', 'Totalt', 'Kommune', 'Beløp', 'Andel', 'Notat', '12,5 %', 'kr 1 234'),
    );
    const grid = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(grid, { minLength: 1, maxLength: 3 }), (grids) => {
        const sheets = grids.map((cells, i) => ({ sheet: `Ark${i + 1}`, cells }));
        const result = reconcileSheets(sheets, { data, reportUnread: true, findRelations: checkWorkbookRelations });
        // Read means claimed by a known kind or read by the relation finder; a block the finder read without finding
        // a relation is listed as read (info). Nothing read at all is always said.
        const read = result.relations?.blocks ?? [];
        if (result.claimed.length === 0 && read.length === 0) expect(result.findings.some((f) => f.rule === 'kontroll.ikke-lest')).toBe(true);
        for (const b of read.filter((x) => x.status === 'none')) expect(result.findings.some((f) => f.rule === 'tabell.ingen-sammenheng' && f.sheet === b.block.sheet)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('kommunenummer og navn i én celle', () => {
  it.each([
    ['1504 Ålesund', '1504', 'Ålesund'],
    ['1504 - Ålesund', '1504', 'Ålesund'],
    ['1833 – Rana', '1833', 'Rana'],
    ['Ålesund (1504)', '1504', 'Ålesund'],
    ['Ålesund, 1504', '1504', 'Ålesund'],
    ['301 Oslo', '0301', 'Oslo'],
    ['Herøy (Nordland) (1818)', '1818', 'Herøy (Nordland)'],
  ])('«%s» → %s %s', (text, kommunenr, name) => {
    expect(splitKommuneLabel(text)).toEqual({ kommunenr, name });
  });

  it.each(['Rana', '1833', 'Herøy (Nordland)', 'Sum 2026', '2026', 'Kostnad 2026 (12)', '2026 1833'])('«%s» er ikke nummer og navn i én celle', (text) => {
    expect(splitKommuneLabel(text)).toBeUndefined();
  });
});
