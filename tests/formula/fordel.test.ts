import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { allocationWorkbook, MEMBERS, toOre } from './helpers.js';

let hf: HyperFormula | undefined;
afterEach(() => {
  hf?.destroy();
  hf = undefined;
});

/** Reads a spilled column of `n` cells starting at (row, col). */
function column(engine: HyperFormula, row: number, col: number, n: number): unknown[] {
  return Array.from({ length: n }, (_, i) => engine.getCellValue({ sheet: 0, row: row + i, col }));
}

describe('=DH.FORDEL spills one amount per kommune that sum exactly to the whole', () => {
  it('=DH.FORDEL(100000;A2:A20) fills 19 cells, each with ≤ 2 decimals, summing to exactly 100 000', () => {
    hf = allocationWorkbook();
    hf.setCellContents({ sheet: 0, row: 1, col: 5 }, '=DH.FORDEL(100000;A2:A20)');
    const values = column(hf, 1, 5, 19);
    expect(values.every((v) => typeof v === 'number')).toBe(true);
    const ore = (values as number[]).map(toOre);
    expect(ore.every(Number.isInteger)).toBe(true);
    expect(ore.reduce((a, b) => a + b, 0)).toBe(10_000_000);
    expect(hf.getCellValue({ sheet: 0, row: 20, col: 5 })).toBeNull(); // exactly 19 cells
    expect(hf.isCellPartOfArray({ sheet: 0, row: 19, col: 5 })).toBe(true);
  });

  it('splits by population: Rana, the largest, gets the largest part', () => {
    hf = allocationWorkbook();
    hf.setCellContents({ sheet: 0, row: 1, col: 5 }, '=DH.FORDEL(100000;A2:A20)');
    const values = column(hf, 1, 5, 19) as number[];
    const rana = MEMBERS.findIndex((m) => m.kommune === 'Rana');
    expect(Math.max(...values)).toBe(values[rana]);
    const total = MEMBERS.reduce((a, m) => a + m.innbyggere, 0);
    values.forEach((v, i) => expect(Math.abs(v - (100000 * MEMBERS[i]!.innbyggere) / total)).toBeLessThanOrEqual(0.01));
  });

  it('"likt" splits equally, and an uneven amount still sums exactly (largest remainder)', () => {
    hf = allocationWorkbook();
    hf.setCellContents({ sheet: 0, row: 1, col: 5 }, '=DH.FORDEL(1000,01;A2:A20;"likt")');
    const ore = (column(hf, 1, 5, 19) as number[]).map(toOre);
    expect(ore.reduce((a, b) => a + b, 0)).toBe(100_001);
    expect(Math.max(...ore) - Math.min(...ore)).toBeLessThanOrEqual(1);
  });

  it('keeps blanks in the range blank and sums over the kommuner only', () => {
    hf = allocationWorkbook();
    hf.setCellContents({ sheet: 0, row: 40, col: 0 }, [['Rana'], [null], ['Vefsn']]);
    hf.setCellContents({ sheet: 0, row: 40, col: 5 }, '=DH.FORDEL(500;A41:A43)');
    const [a, blank, b] = column(hf, 40, 5, 3);
    expect(blank).toBeNull();
    expect(toOre(a as number) + toOre(b as number)).toBe(50_000);
  });

  it('shows #SPILL! when the cells below are occupied, like Excel', () => {
    hf = allocationWorkbook();
    hf.setCellContents({ sheet: 0, row: 3, col: 5 }, 'opptatt');
    hf.setCellContents({ sheet: 0, row: 1, col: 5 }, '=DH.FORDEL(100000;A2:A20)');
    const value = hf.getCellValue({ sheet: 0, row: 1, col: 5 });
    expect(value).toMatchObject({ type: 'SPILL' });
  });
});
