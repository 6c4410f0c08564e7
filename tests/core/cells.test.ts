import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, excelSerialToIso, isoToExcelSerial, looksLikeFormula, parseDate, parseNumber, parseYesNo } from '../../core/index.js';

const num = (v: unknown) => {
  const r = parseNumber(v);
  return r.ok ? r.value.toString() : `FEIL: ${r.reason}`;
};

describe('parseNumber (nb-NO as printed in board documents)', () => {
  it.each([
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['1\u202f234,56', '1234.56'],
    ['kr 232 000', '232000'],
    ['6 283 623,00kr', '6283623'],
    ['54 972,92-kr', '-54972.92'],
    ['\u22121 234', '-1234'],
    ['3,9 %', '0.039'],
    ['1.234,5', '1234.5'],
    ['1,234.5', '1234.5'],
    ['12.5', '12.5'],
    ['ca. 40', '40'],
    ['-kr', '0'],
    ['(500)', '-500'],
    [752197.48, '752197.48'],
    ['1.234', '1234'],
    ['1.234,50', '1234.5'],
    ['12.345.678', '12345678'],
    ['0.125', '0.125'],
    ['-0.125', '-0.125'],
    ['0.125 %', '0.00125'],
    ['0.5', '0.5'],
    ['0,125', '0.125'],
    ['.125', '0.125'],
  ])('%s → %s', (input, expected) => {
    expect(num(input)).toBe(expected);
  });
  it('a dot after a leading 0 is a decimal point, never a thousands separator', () => {
    // "0.ddd…" is the fraction 0,ddd… whatever the number of decimals (3 decimals used to read as thousands).
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,8}$/), (decimals) => {
        expect(num(`0.${decimals}`)).toBe(new Dec(`0.${decimals}`).toString());
        expect(num(`0,${decimals}`)).toBe(new Dec(`0.${decimals}`).toString());
      }),
    );
  });
  it('dot-grouped thousands (lead 1–3 digits without a leading 0, groups of 3) read as the whole number, with or without ,decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999_999 }), fc.option(fc.stringMatching(/^[0-9]{1,2}$/)), (n, decimals) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+$)/g, '.');
        const text = decimals === null ? grouped : `${grouped},${decimals}`;
        expect(num(text)).toBe(new Dec(decimals === null ? String(n) : `${n}.${decimals}`).toString());
      }),
    );
  });
  it('a number read from text is never larger than 1 when it starts with "0." or "0,"', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0[.,][0-9.,]{1,12}$/), (text) => {
        const r = parseNumber(text);
        if (r.ok) expect(r.value.lessThan(1)).toBe(true);
      }),
    );
  });
  it('marks "ca." values as approximate', () => {
    expect(parseNumber('ca. 40')).toMatchObject({ ok: true, approximate: true });
  });
  it.each([['abc'], [''], [null], [true], [{ cellError: '#N/A' }], ['#VALUE!'], [Number.NaN], [Number.POSITIVE_INFINITY], ['1,2,3'], ['12 kr 5']])(
    'rejects %s with a Norwegian reason',
    (input) => {
      const r = parseNumber(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason.length).toBeGreaterThan(3);
    },
  );
});

describe('parseYesNo', () => {
  it.each([['Ja', true], ['j', true], ['X', true], ['Nei', false], ['N', false], [true, true], [0, false]])('%s → %s', (input, expected) => {
    expect(parseYesNo(input)).toEqual({ ok: true, value: expected });
  });
  it('rejects "kanskje"', () => expect(parseYesNo('kanskje').ok).toBe(false));
});

describe('parseDate', () => {
  it.each([
    ['31.12.2026', '2026-12-31'],
    ['1.1.26', '2026-01-01'],
    ['2026-12-31', '2026-12-31'],
    [46387, '2026-12-31'],
    [new Date(Date.UTC(2026, 11, 31)), '2026-12-31'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });
  it.each([['31.02.2026'], ['i morgen'], [-5], [new Date('x')]])('rejects %s', (input) => {
    expect(parseDate(input).ok).toBe(false);
  });
  it('round-trips Excel serials', () => {
    expect(isoToExcelSerial('2026-12-31')).toBe(46387);
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
  });
});

describe('looksLikeFormula', () => {
  // Issue 16: a sign followed by anything but a plain number is evaluated by Excel and Sheets («+1+1» gives 2).
  it.each([['=SUM(A1)', true], ['+47 123', false], ['-40', false], ['@bruker', true], ['-kr', true], ['Visma', false], [12, false],
    ['+1+1', true], ['-2+3', true], ["-2+3+cmd|' /C calc'!A0", true], ['+1*2', true], ['-1E5', false], ['-1 234,56', false], ['+47 75 13 20 00', false], ['- 500', false], ['-1 234 kr', false], ['+3,9 %', false], ['-2-', true]])('%s → %s', (v, e) => {
    expect(looksLikeFormula(v)).toBe(e);
  });
});
