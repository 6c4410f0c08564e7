// normalizeKey has a one-pass path for ASCII and æøå and a full Unicode path for everything else; the two must
// give the same key for every text, or a header or kommune name would match in one workbook and not another.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeKey, normalizeKeyUnicode } from '../../core/util/text.js';

const characters = fc.oneof(
  fc.constantFrom(...'abcxyzABCXYZ0189 \t\n-_.,;:()/%&«»\'"æøåÆØÅéÉüÜñ\u0301\u030a\u00a0\u2013İıK'.split('')),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('normalizeKey', () => {
  it('gives the same key as the full Unicode path for any text', () => {
    fc.assert(
      fc.property(fc.array(characters, { maxLength: 30 }).map((cs) => cs.join('')), (text) => {
        expect(normalizeKey(text)).toBe(normalizeKeyUnicode(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads the headers and names workbooks hold', () => {
    expect(normalizeKey('  Kostnad pr. måned ')).toBe('kostnad pr maned');
    expect(normalizeKey('Løsning i dag')).toBe('losning i dag');
    expect(normalizeKey('Færder')).toBe('faerder');
    expect(normalizeKey('Bø i Nordland (1867)')).toBe('bo i nordland 1867');
    expect(normalizeKey('Deanu gielda – Tana')).toBe('deanu gielda tana');
    expect(normalizeKey('Ålesund')).toBe('alesund');
    expect(normalizeKey('Unjárga')).toBe('unjarga');
    expect(normalizeKey('')).toBe('');
    expect(normalizeKey('--')).toBe('');
  });
});
