import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { allocationWorkbook, expectedOre, kroner, MEMBERS, toOre } from './helpers.js';

let hf: HyperFormula | undefined;
afterEach(() => {
  hf?.destroy();
  hf = undefined;
});

const at = (row: number, col: number) => ({ sheet: 0, row, col });

describe('the 2026 allocation table written as =DH.KOSTNAD formulas (HyperFormula, nb-NO)', () => {
  it('has the 19 members of the reference table', () => {
    expect(MEMBERS).toHaveLength(19);
  });

  it('gives every member 156 520,48 + 23 × innbyggere, Rana 752 197,48', () => {
    hf = allocationWorkbook();
    MEMBERS.forEach((m, i) => {
      expect(hf!.getCellValue(at(i + 1, 2)), m.kommune).toBe(kroner(expectedOre(m.innbyggere)));
    });
    const rana = MEMBERS.findIndex((m) => m.kommune === 'Rana');
    expect(hf.getCellValue(at(rana + 1, 2))).toBe(752197.48);
    expect(MEMBERS[rana]!.printedTotal).toBe('752197.48');
  });

  it('keeps the formula in nb-NO syntax', () => {
    hf = allocationWorkbook();
    expect(hf.getCellFormula(at(1, 2))).toBe('=DH.KOSTNAD(A2;2026)');
  });

  it('has a SUMMER row equal to the exact sum of the rows', () => {
    hf = allocationWorkbook();
    const n = MEMBERS.length;
    const rowsOre = MEMBERS.reduce((acc, m) => acc + expectedOre(m.innbyggere), 0);
    const cellsOre = Array.from({ length: n }, (_, i) => toOre(hf!.getCellValue(at(i + 1, 2)) as number)).reduce((a, b) => a + b, 0);
    const sum = hf.getCellValue(at(n + 1, 2)) as number;
    expect(cellsOre).toBe(rowsOre);
    expect(toOre(sum)).toBe(rowsOre);
    expect(sum).toBe(kroner(rowsOre));
    expect(hf.getCellValue(at(n + 1, 1))).toBe(MEMBERS.reduce((a, m) => a + m.innbyggere, 0));
  });

  it('accepts a kommunenummer, in a cell or as a literal, and a range of names spills a column', () => {
    hf = allocationWorkbook();
    const sheet = 0;
    hf.setCellContents({ sheet, row: 30, col: 0 }, [[1833, '=DH.KOSTNAD(A31;2026)', '=DH.KOSTNAD("1833";2026)', '=DH.KOSTNAD(A2:A4;2026)']]);
    expect(hf.getCellValue({ sheet, row: 30, col: 1 })).toBe(752197.48);
    expect(hf.getCellValue({ sheet, row: 30, col: 2 })).toBe(752197.48);
    const spilled = [0, 1, 2].map((i) => hf!.getCellValue({ sheet, row: 30 + i, col: 3 }));
    expect(spilled).toEqual(MEMBERS.slice(0, 3).map((m) => kroner(expectedOre(m.innbyggere))));
  });

  it('recalculates when a name cell changes', () => {
    hf = allocationWorkbook();
    hf.setCellContents(at(1, 0), 'Rana');
    expect(hf.getCellValue(at(1, 2))).toBe(752197.48);
  });
});
