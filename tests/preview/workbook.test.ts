import { describe, expect, it } from 'vitest';
import { defaultWorkbook, FORDELING_SHEET, GEVINST_SHEET, REGISTER_HEADERS, REGISTER_SHEET } from '../../preview/src/default-workbook.js';
import { displayCell, formatOfFormula } from '../../preview/src/format.js';
import { parseAddress, PreviewWorkbook } from '../../preview/src/workbook.js';

function open(today = '2026-03-01'): PreviewWorkbook {
  const { sheets, options } = defaultWorkbook();
  return new PreviewWorkbook(sheets, { ...options, today });
}

/** Row index (0-based) of a kommune in «Fordeling 2026». */
function rowOf(wb: PreviewWorkbook, kommune: string): number {
  for (let r = 1; r < 25; r++) if (wb.cell(FORDELING_SHEET, r, 0).text === kommune) return r;
  throw new Error(`${kommune} mangler`);
}

describe('the default preview workbook', () => {
  it('computes =DH.SCENARIO with a kommune left out and the same total', () => {
    const { sheets, options } = defaultWorkbook();
    const wb = new PreviewWorkbook([...sheets, { name: 'Hva om', rows: [['=DH.SCENARIO("Vefsn";2026;"Rana")', '=DH.SCENARIO("Vefsn";2026;"Rana";;;;SANN())']] }], { ...options, today: '2026-03-01' });
    expect(wb.cell('Hva om', 0, 0).text).toBe('466 813,48');
    expect(wb.cell('Hva om', 0, 1).text).toBe('551 359,18');
  });

  it('opens on «Fordeling 2026» with tabs for the input tables, the register and the benefits', () => {
    const wb = open();
    expect(wb.sheetNames()).toEqual([FORDELING_SHEET, 'DH_Kommuner', 'DH_Nokkel', REGISTER_SHEET, GEVINST_SHEET]);
    expect(wb.activeSheet).toBe(FORDELING_SHEET);
    expect(wb.datasetLabel).toBe('Arbeidsboken (DH_Kommuner, DH_Nokkel)');
    expect(wb.modelProblem).toBeUndefined();
  });

  it('computes each member with =DH.KOSTNAD(A<n>;2026), shown in nb-NO with two decimals', () => {
    const wb = open();
    const r = rowOf(wb, 'Rana');
    expect(wb.cell(FORDELING_SHEET, r, 3).text).toBe('752 197,48');
    expect(wb.formulaText(FORDELING_SHEET, r, 3)).toBe(`=DH.KOSTNAD(A${r + 1};2026)`);
    expect(wb.cell(FORDELING_SHEET, r, 1).text).toBe('1833');
    expect(wb.cell(FORDELING_SHEET, r, 2).text).toBe('25 899');
    const members = 19;
    expect(wb.cell(FORDELING_SHEET, members + 1, 0).text).toBe('Sum');
    expect(wb.cell(FORDELING_SHEET, members + 1, 3).text).toBe('4 905 406,12');
    expect(wb.cell(FORDELING_SHEET, members + 1, 4).text).toBe('100,00 %');
  });

  it('recalculates when a population in DH_Kommuner changes', () => {
    const wb = open();
    const r = rowOf(wb, 'Rana');
    const table = wb.readTable('DH_Kommuner')!;
    const ranaRow = table.rows.findIndex((row) => row[0] === '1833') + 1;
    expect(wb.setCellInput('DH_Kommuner', ranaRow, 2, '26 000').ok).toBe(true);
    expect(wb.cell(FORDELING_SHEET, r, 3).text).toBe('754 520,48');
    expect(wb.cell(FORDELING_SHEET, r, 2).text).toBe('26 000');
  });

  it('recalculates when the Sats pr innbygger in DH_Nokkel changes', () => {
    const wb = open();
    const r = rowOf(wb, 'Rana');
    expect(wb.setCellInput('DH_Nokkel', 1, 2, '24').ok).toBe(true);
    expect(wb.cell(FORDELING_SHEET, r, 3).text).toBe('778 096,48');
  });

  it('keeps the last valid numbers and says what to fix when an input table is wrong', () => {
    const wb = open();
    const r = rowOf(wb, 'Rana');
    const result = wb.setCellInput('DH_Kommuner', 15, 2, 'mange');
    expect(result.message).toMatch(/DH_Kommuner rad 16 .*ikke et helt tall/);
    expect(wb.modelProblem).toMatch(/forrige gyldige versjon/);
    expect(wb.cell(FORDELING_SHEET, r, 3).text).toBe('752 197,48');
    wb.setCellInput('DH_Kommuner', 15, 2, '25899');
    expect(wb.modelProblem).toBeUndefined();
  });

  it('lets a user type a formula in nb-NO syntax, and shows the engine error with its Norwegian message', () => {
    const wb = open();
    expect(wb.setCellInput(FORDELING_SHEET, 30, 0, '=DH.KOSTNAD("Rana";2026)').ok).toBe(true);
    expect(wb.cell(FORDELING_SHEET, 30, 0).text).toBe('752 197,48');
    wb.setCellInput(FORDELING_SHEET, 31, 0, '=DH.KOSTNAD("Ranna";2026)');
    const error = wb.cell(FORDELING_SHEET, 31, 0);
    expect(error.kind).toBe('error');
    expect(error.text).toBe('#I/T');
    expect(error.title).toContain('mente du Rana?');
    wb.setCellInput(FORDELING_SHEET, 32, 0, '1 234,5');
    expect(wb.cell(FORDELING_SHEET, 32, 0).text).toBe('1 234,5');
    expect(wb.formulaText(FORDELING_SHEET, 32, 0)).toBe('1234,5');
  });

  it('has a sample register with the SPEC §5 headers and ~15 rows', () => {
    const wb = open();
    const values = wb.values(REGISTER_SHEET);
    expect(values[0]).toEqual([...REGISTER_HEADERS]);
    expect(values.length - 1).toBeGreaterThanOrEqual(14);
    expect(values.slice(1).every((r) => typeof r[1] === 'string')).toBe(true); // Kommunenr stays text
  });

  it('reads DH_Gevinst as a named table on «Gevinst», and the benefit formulas compute', () => {
    const wb = open();
    const table = wb.readTable('DH_Gevinst')!;
    expect(table.sheet).toBe(GEVINST_SHEET);
    expect(table.rows).toHaveLength(3);
    expect(table.headers[0]).toBe('Gevinst');
    expect(wb.listTables()).toContain('DH_Gevinst');
    // The first formula (0-based row) follows the header, the example rows, a blank row and the block's title.
    const first = table.rows.length + 3;
    expect(wb.formulaText(GEVINST_SHEET, first, 1)).toBe('=DH.TIDSVERDI(1269;5;695)');
    expect(wb.cell(GEVINST_SHEET, first, 1).text).toBe('73 496,25');
    const formulas = [1, 6, 7, 8].map((d) => wb.formulaText(GEVINST_SHEET, first + d, 1));
    expect(formulas.join(' ')).toMatch(/DH\.NETTOGEVINST.*DH\.NNV.*DH\.NNV.*DH\.TILBAKEBETALING/);
    for (const d of [1, 6, 7, 8]) expect(wb.cell(GEVINST_SHEET, first + d, 1).kind).toBe('number');
  });
});

describe('display formats', () => {
  it('formats kroner, integers, percent, dates and booleans in nb-NO', () => {
    expect(displayCell(752197.48, 'kroner').text).toBe('752 197,48');
    expect(displayCell(-1234.5, 'kroner').text).toBe('−1 234,50');
    expect(displayCell(25899, 'integer').text).toBe('25 899');
    expect(displayCell(0.153, 'percent').text).toBe('15,30 %');
    expect(displayCell(46387, 'date').text).toBe('31.12.2026');
    expect(displayCell(0.1529, 'general').text).toBe('0,1529');
    expect(displayCell(true).text).toBe('SANN');
    expect(displayCell(null).kind).toBe('empty');
  });

  it('takes a formula’s format from its outermost DH function', () => {
    expect(formatOfFormula('=DH.KOSTNAD(A2;2026)')).toBe('kroner');
    expect(formatOfFormula('=DH.ANDEL(A2;2026)')).toBe('percent');
    expect(formatOfFormula('=SUMMER(A1:A3)')).toBeUndefined();
  });

  it('parses cell addresses with and without sheet', () => {
    expect(parseAddress('H4')).toEqual({ row: 3, col: 7 });
    expect(parseAddress('$AA$10')).toEqual({ row: 9, col: 26 });
    expect(parseAddress("'Fordeling 2026'!D16")).toEqual({ sheet: 'Fordeling 2026', row: 15, col: 3 });
    expect(parseAddress('ikke en celle')).toBeUndefined();
  });
});
