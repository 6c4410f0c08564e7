// Properties of the relation finder on random tables: clean tables with honest rounding report nothing, noise
// reports no relation breaks, and a planted slip is found in its own cell with its cause.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../../core/relations/index.js';
import { findBlocks } from '../../../core/relations/blocks.js';
import { figureOf } from '../../../core/relations/figures.js';
import type { CellValue } from '../../../core/util/cells.js';

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;

/** A benefit plan: Antall, Minutter, Timer = Antall × Minutter ÷ 60 (1 decimal), Timesats, Gevinst = Timer × sats, Sum row. */
function plan(rows: readonly (readonly [number, number])[], rate: number): CellValue[][] {
  const data = rows.map(([n, min], i) => {
    const hours = round((n * min) / 60, 1);
    return [`Tiltak ${i + 1}`, n, min, hours, rate, round(hours * rate)];
  });
  const sum = (k: number) => round(data.reduce((s, r) => s + (r[k] as number), 0), 1);
  return [['Tiltak', 'Antall', 'Minutter', 'Timer', 'Timesats', 'Gevinst'], ...data, ['Sum', sum(1), null, sum(3), null, sum(5)]];
}

// Counts differ from row to row (a column of one repeated count is a constant, folded into the factor).
const planRows = fc.uniqueArray(fc.tuple(fc.integer({ min: 100, max: 40000 }), fc.integer({ min: 2, max: 90 })), { minLength: 5, maxLength: 20, selector: (r) => r[0] });
const rates = fc.constantFrom(450, 650, 850, 1025);
const problems = (grid: CellValue[][]) => checkSheet({ sheet: 'P', cells: grid }).findings.filter((f) => f.severity !== 'info');

/** Swaps the first two adjacent differing digits of a whole number; undefined when all digits are equal. */
function transpose(x: number): number | undefined {
  const d = String(Math.abs(x)).split('');
  for (let i = 0; i + 1 < d.length; i++) {
    if (d[i] !== d[i + 1] && !(i === 0 && d[i + 1] === '0')) {
      [d[i], d[i + 1]] = [d[i + 1]!, d[i]!];
      return Math.sign(x) * Number(d.join(''));
    }
  }
  return undefined;
}

describe('relasjonsfinneren, egenskaper', () => {
  it('en ren gevinstplan med avrunding gir ingen funn', () => {
    fc.assert(
      fc.property(planRows, rates, (rows, rate) => {
        expect(problems(plan(rows, rate))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('tilfeldige tall uten sammenheng gir ingen brudd', () => {
    const noise = fc.array(fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(noise, (rows) => {
        const grid: CellValue[][] = [['Post', 'A', 'B', 'C', 'D'], ...rows.map((r, i) => [`Post ${i + 1}`, ...r])];
        expect(problems(grid)).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });

  it('en plantet feil i Gevinst finnes i sin celle med årsaken', () => {
    const slip = fc.constantFrom('transposed', 'factor10', 'factor100', 'sign', 'copied') as fc.Arbitrary<string>;
    fc.assert(
      fc.property(planRows, rates, fc.nat(), slip, (rows, rate, pick, kind) => {
        const grid = plan(rows, rate);
        const r = 1 + (pick % rows.length);
        const value = grid[r]![5] as number;
        const above = grid[r - 1]![5];
        let planted: number | undefined;
        if (kind === 'transposed') planted = transpose(value);
        else if (kind === 'factor10') planted = value * 10;
        else if (kind === 'factor100') planted = value * 100;
        else if (kind === 'sign') planted = -value;
        else if (typeof above === 'number') planted = above;
        // A column of one repeated Gevinst has nothing to tell the slip from the rest by.
        fc.pre(new Set(grid.slice(1, -1).map((row) => row[5])).size >= 3);
        fc.pre(planted !== undefined && value !== 0 && Math.abs(planted - value) > 1);
        grid[r]![5] = planted!;
        const found = problems(grid);
        const cell = `F${r + 1}`;
        const hit = found.find((f) => f.cell === cell);
        expect(hit, JSON.stringify(found.map((f) => f.cell + ' ' + f.message))).toBeDefined();
        const words: Record<string, RegExp> = {
          transposed: /to sifre byttet om|kopiert/,
          factor10: /10 ganger for stor/,
          factor100: /100 ganger for stor/,
          sign: /feil fortegn/,
          copied: /kopiert fra raden over|to sifre byttet om|ganger for/,
        };
        expect(hit!.message).toMatch(words[kind]!);
        expect(found.filter((f) => f.cell !== cell)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  // A counterexample fast-check found (seed -1366561252): 225 080 typed as 252 080 in the last row. The sum alone
  // could as well blame 74 375 → 47 375 in row 5; the row's own Timer × Timesats says which. Two wider relations
  // that hold in every row only because Minutter is printed whole (Minutter ≈ 0,07 × Gevinst ÷ Antall) used to
  // count as deriving Timer × Timesats and drop it.
  it('en feil summen kunne legge på to rader, legges der radens egen sammenheng brytes', () => {
    const grid = plan([[100, 2], [103, 2], [101, 50], [105, 50], [104, 50], [102, 50], [7943, 2]], 850);
    expect(grid[7]![5]).toBe(225080);
    grid[7]![5] = 252080;
    const found = problems(grid);
    expect(found.map((f) => f.cell)).toEqual(['F8']);
    expect(found[0]!.message).toMatch(/to sifre byttet om/);
  });

  it('en sum-rad som utelater en rad sier hvilken', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1000, max: 9_000_000 }), { minLength: 3, maxLength: 25 }), fc.nat(), (amounts, pick) => {
        const k = pick % amounts.length;
        const total = amounts.reduce((s, a) => s + a, 0) - amounts[k]!;
        fc.pre(amounts.filter((a) => a === amounts[k]).length === 1);
        const grid: CellValue[][] = [['Søker', 'Tildelt'], ...amounts.map((a, i) => [`Søker ${i + 1}`, a]), ['Sum', total]];
        const found = problems(grid);
        expect(found).toHaveLength(1);
        expect(found[0]!.cell).toBe(`B${amounts.length + 2}`);
        expect(found[0]!.message).toContain(`rad ${k + 2} (Søker ${k + 1}) ikke tatt med i summen`);
      }),
      { numRuns: 60 },
    );
  });
});

describe('findBlocks reads each cell as figureOf does', () => {
  // Texts repeat down a column and are read once per sheet: the figure of every cell must still be its own.
  const text = fc.constantFrom('2021.3', '3 mnd', 'kr 1 200', '12 345,50', 'ca. 104', '1804', 'Ja', 'Avlevert 2023', '(1 000)', '15,29 %', '-kr');
  const cell = fc.oneof(text, fc.integer({ min: -5000, max: 5000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null));
  it('on random grids of repeated texts and numbers', () => {
    fc.assert(fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 30 }), (cells) => {
      for (const block of findBlocks({ sheet: 'P', cells })) {
        block.rows.forEach((r, i) => block.columns.forEach((c, j) => expect(block.figures[i]![j]).toEqual(figureOf(cells[r]![c]))));
      }
    }));
  });
});
