import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG, callFunction, createFunctionContext, excelSerialToIso, HELGELAND_2026, isDhError, isoToExcelSerial } from '../../core/index.js';

const entry = CATALOG.find((e) => e.name === 'OPPSIGELSE')!;
const ctx = createFunctionContext(HELGELAND_2026, '2025-10-20');
const call = (...args: unknown[]) => callFunction(entry, ctx, args);
const iso = (v: unknown) => (typeof v === 'number' ? excelSerialToIso(v) : v);

describe('DH.OPPSIGELSE', () => {
  it('notice given on the decision date 16.10.2025 with 3 months ends the contract from 16.01.2026', () => {
    expect(iso(call('16.10.2025', 3))).toBe('2026-01-16');
    expect(iso(call('16.10.2025', 3, 'opphør', 'fra månedsslutt'))).toBe('2026-02-01');
  });

  it('to be out by 01.01.2026 notice must be given by 01.10.2025', () => {
    expect(iso(call('01.01.2026', 3, 'frist'))).toBe('2025-10-01');
    expect(iso(call('01.01.2026', 3, 'Frist', 'fra månedsslutt'))).toBe('2025-09-30');
  });

  it('takes the date as an Excel serial, a Sheets Date at Oslo midnight and ISO text alike', () => {
    const serial = isoToExcelSerial('2025-10-16');
    const osloMidnight = new Date('2025-10-15T22:00:00Z');
    expect([call(serial, 3), call(osloMidnight, 3), call('2025-10-16', 3)].map(iso)).toEqual(['2026-01-16', '2026-01-16', '2026-01-16']);
  });

  it('a range in gives a column out (the runner lifts dates)', () => {
    const out = call([['16.10.2025'], ['31.10.2025']], 4);
    expect((out as number[][]).map((r) => iso(r[0]))).toEqual(['2026-02-16', '2026-02-28']);
  });

  it.each([
    [['ikke en dato', 3], /er ikke en dato/],
    [['16.10.2025', 2.5], /helt antall måneder/],
    [['16.10.2025', 3, 'snart'], /«snart» er ikke "opphør" eller "frist"/],
    [['16.10.2025', 3, 'opphør', 'fra nyttår'], /bruk "fra dato" eller "fra månedsslutt"/],
  ])('bad input is a Norwegian message: %j', (args, message) => {
    const v = call(...args);
    expect(isDhError(v) && v.message).toMatch(message);
  });

  it('property: the two directions agree — notice on the deadline ends by the date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 12 }), (n, months) => {
        const date = new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10);
        const deadline = iso(call(date, months, 'frist')) as string;
        expect((iso(call(deadline, months)) as string) <= date).toBe(true);
      }),
    );
  });
});
