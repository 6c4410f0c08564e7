// Orders that skip localeCompare (whose first call loads ICU's collator, 10–25 ms of a `dh` start-up) must be the
// orders localeCompare gives: A1 addresses (compareCells, sortFindings) and kommunenummer (sortedMembers).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortedMembers } from '../../core/allocation/allocate.js';
import { a1, compareCells, sortFindings, type Finding } from '../../core/findings/finding.js';
import { HELGELAND_2026 } from '../../core/dataset/helgeland2026.js';

const address = fc.tuple(fc.integer({ min: 1, max: 1_048_576 }), fc.integer({ min: 1, max: 16_384 })).map(([row, column]) => a1(row, column));
const sign = (n: number) => Math.sign(n);

describe('compareCells', () => {
  it('orders A1 addresses as localeCompare does', () => {
    fc.assert(fc.property(address, address, (a, b) => sign(compareCells(a, b)) === sign(a.localeCompare(b))), { numRuns: 2000 });
  });

  it('anything else (a range, a blank) is compared by locale', () => {
    for (const [a, b] of [['A1:B2', 'A10'], ['', 'A1'], ['a1', 'A1'], ['Æ1', 'B1']]) expect(sign(compareCells(a!, b!))).toBe(sign(a!.localeCompare(b!)));
  });

  it('sortFindings gives the order the locale comparison gave', () => {
    const finding = fc.record({
      severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
      sheet: fc.constantFrom('Ark1', 'ark1', 'Økonomi', 'Budsjett 2026', 'Åfjord', 'Z'),
      row: fc.integer({ min: 1, max: 50 }),
      cell: address,
    }).map((f): Finding => ({ rule: 'test', message: '', column: '', ...f }));
    const byLocale = (a: Finding, b: Finding) =>
      ({ error: 0, warning: 1, info: 2 })[a.severity] - ({ error: 0, warning: 1, info: 2 })[b.severity] || a.sheet.localeCompare(b.sheet) || a.row - b.row || a.cell.localeCompare(b.cell);
    fc.assert(fc.property(fc.array(finding, { maxLength: 40 }), (findings) => {
      expect(sortFindings(findings)).toEqual([...findings].sort(byLocale));
    }));
  });
});

describe('sortedMembers', () => {
  it('orders kommunenummer as localeCompare does', () => {
    const nr = fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0'));
    const member = HELGELAND_2026.members[0]!;
    fc.assert(fc.property(fc.array(nr, { maxLength: 60 }), (numbers) => {
      const members = numbers.map((kommunenr) => ({ ...member, kommunenr }));
      expect(sortedMembers(members).map((m) => m.kommunenr)).toEqual(numbers.slice().sort((a, b) => a.localeCompare(b)));
    }));
  });
});
