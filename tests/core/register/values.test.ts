// The reader's fast paths must agree with the full parsers in core/util/cells.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey, parseDate, parseNumber } from '../../../core/index.js';
import { normalizeKeyUnicode } from '../../../core/util/text.js';
import { dayToIso, fastDay, fastNumber, isoToDay, parseRegisterNumberText, subtractMonths } from '../../../core/register/values.js';

/** Text made of the characters system names are written with: letters, æøå in both cases, digits, separators, accents. */
const registerLikeText = fc
  .array(fc.constantFrom(...'aZk9 0 -–./()æøåÆØÅéüÉ\t_,'.split(''), 'Sør', 'ØST', 'Acos', ' WebSak', '  '), { maxLength: 24 })
  .map((parts) => parts.join(''));

describe('fast paths agree with the full parsers', () => {
  it('fastNumber = parseNumber whenever the fast path answers', () => {
    const digits = fc.stringMatching(/^[0-9]{1,3}$/);
    const numberText = fc
      .tuple(fc.array(digits, { minLength: 1, maxLength: 4 }), fc.constantFrom(' ', '\u00a0', ''), fc.option(fc.stringMatching(/^[0-9]{1,3}$/)), fc.constantFrom('', 'kr ', ' kr', ',-'))
      .map(([groups, sep, decimals, currency]) => {
        const body = groups.join(sep) + (decimals ? ',' + decimals : '');
        return currency === 'kr ' ? currency + body : body + currency;
      });
    fc.assert(
      fc.property(fc.oneof(numberText, fc.string({ maxLength: 12 })), (text) => {
        const fast = fastNumber(text);
        if (fast !== fast) return; // the full parser decides
        const full = parseNumber(text);
        expect(full.ok, text).toBe(true);
        if (full.ok) expect(fast).toBeCloseTo(full.value.toNumber(), 9);
      }),
      { numRuns: 500 },
    );
  });

  it('fastDay = parseDate whenever the fast path answers', () => {
    const dateText = fc
      .tuple(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 1890, max: 2200 }), fc.boolean())
      .map(([d, m, y, iso]) => (iso ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`));
    fc.assert(
      fc.property(fc.oneof(dateText, fc.string({ maxLength: 10 })), (text) => {
        const fast = fastDay(text);
        const full = parseDate(text);
        if (fast === fast) {
          expect(full.ok, text).toBe(true);
          if (full.ok) expect(dayToIso(fast)).toBe(full.value);
        } else if (/^\d\d\.\d\d\.\d{4}$|^\d{4}-\d\d-\d\d$/.test(text)) {
          expect(full.ok, text).toBe(false); // the fast path only refuses impossible dates of its own shape
        }
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeKey reads register text as its full Unicode path does', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), registerLikeText, fc.constantFrom('Økonomi- og regnskapssystem', 'Café Ærlig', 'Å', 'ÆØÅ æøå', 'Tromsø – Romsa')), (text) => {
        expect(normalizeKey(text)).toBe(normalizeKeyUnicode(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('day numbers round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30000, max: 80000 }), (day) => {
        expect(isoToDay(dayToIso(day))).toBe(day);
      }),
      { numRuns: 300 },
    );
  });
});

describe('values', () => {
  it('subtractMonths clamps to the end of the month', () => {
    expect(dayToIso(subtractMonths(isoToDay('2026-05-31'), 3))).toBe('2026-02-28');
    expect(dayToIso(subtractMonths(isoToDay('2024-05-31'), 3))).toBe('2024-02-29');
    expect(dayToIso(subtractMonths(isoToDay('2026-01-15'), 1))).toBe('2025-12-15');
    expect(dayToIso(subtractMonths(isoToDay('2026-12-31'), 12))).toBe('2025-12-31');
    expect(dayToIso(subtractMonths(isoToDay('2026-12-31'), 0))).toBe('2026-12-31');
  });

  it('number text with units and approximations', () => {
    expect(parseRegisterNumberText('3 mnd')).toMatchObject({ value: 3, approximate: false });
    expect(parseRegisterNumberText('ca. 40 brukere')).toMatchObject({ value: 40, approximate: true });
    expect(parseRegisterNumberText('mange').error).toBe('«mange» er ikke et tall');
  });
});
