// Property: checkRegister never throws on any cell value, and every finding points at a real cell of the range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { a1, checkRegister, columnLetter, type Finding } from '../../../core/index.js';
import { CLEAN, DH, HEADER } from './helpers.js';

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '', ' ', '  \u00a0', '-', '?', 'Ukjent', 'Ja', 'Nei', 'J', 'N', 'X', 'Delvis', 'kanskje', 'I bruk', 'Utfaset', 'Oppsagt', 'Planlagt',
    'Rana', 'Ranna', 'Herøy', 'Vefsn', '1833', '1833 Rana', '1824 Rana', '0000', '18x3', 'Løpende', '31.12.2025', '31.02.2027', '2027',
    '2026-06-30', '1 234,56', 'kr 2 500', 'ca. 40', '3 mnd', 'mye', '=SUM(A1)', '+47 75 13 20 00', '@kari', '-ikke avklart', '#N/A',
    '#VALUE!', '#REF!', 'Visma', 'VISMA AS', 'Økonomi- og regnskapssystem', 'Personal- og lønnssystem', 'Bank, Altinn', 'Noark 5-uttrekk',
  ),
  fc.string({ minLength: 200, maxLength: 5000 }),
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1833, 46022, 2027, 1e300, -1) },
  { weight: 1, arbitrary: fc.integer({ min: -100000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#SPILL!').map((cellError) => ({ cellError })) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({}, [], { cellError: 42 }, Symbol('x'), 10n, () => 1) },
);
const cleanRow = HEADER.map((h) => CLEAN[h] ?? null);

/** A range: some title rows, maybe a (partly spoiled) header, then ragged rows mixing clean and arbitrary cells. */
const range = fc
  .record({
    title: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 3 }),
    header: fc.option(fc.array(fc.option(text, { nil: undefined }), { minLength: 21, maxLength: 21 }), { nil: undefined, freq: 3 }),
    rows: fc.array(
      fc.oneof(
        fc.array(cell, { maxLength: 25 }),
        fc.array(fc.tuple(fc.nat({ max: 20 }), cell), { maxLength: 6 }).map((edits) => {
          const row: unknown[] = [...cleanRow];
          for (const [i, v] of edits) row[i] = v;
          return row;
        }),
        fc.constant([] as unknown[]),
      ),
      { maxLength: 12 },
    ),
  })
  .map(({ title, header, rows }) => {
    const headerRow = header ? HEADER.map((h, i) => header[i] ?? h) : undefined;
    return [...title, ...(headerRow ? [headerRow] : []), ...rows];
  });

const options = fc.record({
  originRow: fc.integer({ min: 1, max: 1_048_000 }),
  originColumn: fc.integer({ min: 1, max: 16_000 }),
  today: fc.oneof(fc.constantFrom('2026-03-01', '2025-12-31', '2030-01-01', 'ikke en dato', ''), fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
  withData: fc.boolean(),
});

function columnNumber(cell: string): number {
  const letters = /^[A-Z]+/.exec(cell)![0];
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

describe('checkRegister on arbitrary input', () => {
  it('never throws, and every finding lies in the range with a consistent A1 address', () => {
    fc.assert(
      fc.property(range, options, (cells, o) => {
        let findings: Finding[] = [];
        expect(() => {
          findings = checkRegister(cells, { today: o.today, originRow: o.originRow, originColumn: o.originColumn, sheet: 'Ark1', data: o.withData ? DH : undefined });
        }).not.toThrow();
        const width = Math.max(1, ...cells.map((r) => r.length));
        for (const f of findings) {
          expect(f.rule).toMatch(/^register\.[a-z-]+$/);
          expect(f.rule).not.toBe('register.intern-feil');
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(f.sheet).toBe('Ark1');
          expect(f.message.length).toBeGreaterThan(10);
          expect(f.row).toBeGreaterThanOrEqual(o.originRow);
          expect(f.row).toBeLessThan(o.originRow + Math.max(1, cells.length));
          const column = columnNumber(f.cell);
          expect(column).toBeGreaterThanOrEqual(o.originColumn);
          expect(column).toBeLessThan(o.originColumn + width);
          expect(f.cell).toBe(a1(f.row, column));
          expect(typeof f.column).toBe('string');
          if (f.expected !== undefined) expect(typeof f.expected).toBe('string');
          if (f.actual !== undefined) expect(typeof f.actual).toBe('string');
        }
        // Findings read top-down.
        for (let i = 1; i < findings.length; i++) expect(findings[i]!.row).toBeGreaterThanOrEqual(findings[i - 1]!.row);
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic: the same range and date give the same findings', () => {
    fc.assert(
      fc.property(range, (cells) => {
        const first = checkRegister(cells, { today: '2026-03-01', data: DH });
        expect(checkRegister(cells, { today: '2026-03-01', data: DH })).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('blank rows never produce findings', () => {
    const blank = fc.array(fc.constantFrom<unknown>(null, undefined, '', ' ', '\u00a0\t'), { maxLength: 25 });
    fc.assert(
      fc.property(fc.array(blank, { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 500 }), (rows, originRow) => {
        const findings = checkRegister([[...HEADER], ...rows], { today: '2026-03-01', originRow });
        expect(findings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('a finding column label is the header text, or the letter where there is none', () => {
    const findings = checkRegister([[...HEADER], [...cleanRow, null, '=1+1']], { today: '2026-03-01', originColumn: 27 });
    expect(findings.map((f) => [f.cell, f.column])).toEqual([[`${columnLetter(27 + 22)}2`, columnLetter(27 + 22)]]);
  });
});
