// register.avtale-utlopt and register.oppsigelsesfrist
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToExcelSerial } from '../../../core/index.js';
import { contractMayBeDue, expiredInUse, NOTICE_WARNING_DAYS, noticeDeadline } from '../../../core/register/contract.js';
import { RowFacts } from '../../../core/register/reader.js';
import { STATUS_IN_USE } from '../../../core/register/values.js';
import { check, ofRule, registerOf } from './helpers.js';

describe('avtale-utlopt', () => {
  it('a contract that ended before today while the system is in use is an error', () => {
    const [finding, ...rest] = check(registerOf({ 'Avtale utløper': '31.12.2025' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.avtale-utlopt', severity: 'error', cell: 'Q2', actual: '31.12.2025', expected: 'etter 01.03.2026' });
    expect(finding!.message).toContain('utløp 31.12.2025');
    expect(finding!.message).toContain('01.03.2026');
  });

  it('ending today is not yet expired', () => {
    expect(ofRule(check(registerOf({ 'Avtale utløper': '2026-03-01', 'Oppsigelsestid (mnd)': 0 })), 'avtale-utlopt')).toEqual([]);
  });

  it('does not apply to systems out of use or planned', () => {
    for (const status of ['Utfaset', 'Avviklet 2024', 'Ikke i bruk', 'Planlagt']) {
      expect(ofRule(check(registerOf({ 'Avtale utløper': '31.12.2025', Status: status })), 'avtale-utlopt'), status).toEqual([]);
    }
  });

  it('does not apply once notice is given or the system is being phased out (the end is expected)', () => {
    for (const status of ['Oppsagt', 'Sagt opp 12.01.2026', 'Avtale oppsagt', 'Under avvikling', 'Avsluttet', 'Avviklet', 'Under innføring']) {
      expect(ofRule(check(registerOf({ 'Avtale utløper': '31.12.2025', Status: status, 'Kostnad pr mnd': 0 })), 'avtale-utlopt'), status).toEqual([]);
    }
  });

  it('still applies to every status that means in use', () => {
    for (const status of ['I bruk', 'Aktiv', 'i drift', 'I produksjon', 'Ja', 'pilot', '']) {
      expect(ofRule(check(registerOf({ 'Avtale utløper': '31.12.2025', Status: status })), 'avtale-utlopt'), status).toHaveLength(1);
    }
  });

  it('reads Excel serial dates and Date objects', () => {
    const serial = isoToExcelSerial('2025-06-30');
    expect(ofRule(check(registerOf({ 'Avtale utløper': serial })), 'avtale-utlopt')[0]?.actual).toBe('30.06.2025');
    expect(ofRule(check(registerOf({ 'Avtale utløper': new Date('2025-06-30T00:00:00Z') })), 'avtale-utlopt')[0]?.actual).toBe('30.06.2025');
    // A Sheets date cell: midnight in Oslo is 22:00 UTC the day before.
    expect(ofRule(check(registerOf({ 'Avtale utløper': new Date('2025-06-29T22:00:00Z') })), 'avtale-utlopt')[0]?.actual).toBe('30.06.2025');
  });

  it('open-ended contracts have no end date', () => {
    for (const text of ['Løpende', 'tidsubegrenset', 'Inntil videre', '-', 'ubestemt', 'Ubestemt tid', 'på ubestemt tid', 'tidsubestemt', 'INNTIL VIDERE']) {
      expect(check(registerOf({ 'Avtale utløper': text })), text).toEqual([]);
    }
  });
});

describe('oppsigelsesfrist', () => {
  it('passed: end 31.05.2026 − 6 months = 30.11.2025 < today → error', () => {
    const [finding, ...rest] = check(registerOf({ 'Avtale utløper': '31.05.2026', 'Oppsigelsestid (mnd)': 6 }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.oppsigelsesfrist', severity: 'error', cell: 'Q2', expected: 'oppsigelse innen 30.11.2025' });
    expect(finding!.message).toContain('gikk ut 30.11.2025');
  });

  it('within 90 days → warning with the number of days left', () => {
    const [finding, ...rest] = check(registerOf({ 'Avtale utløper': '31.08.2026', 'Oppsigelsestid (mnd)': 3 }));
    // 31.08 − 3 months = 31.05.2026: 91 days after 01.03.2026, just outside the 90-day window.
    expect(finding).toBeUndefined();
    expect(rest).toEqual([]);
    const [near] = check(registerOf({ 'Avtale utløper': '30.06.2026', 'Oppsigelsestid (mnd)': 3 }));
    expect(near).toMatchObject({ rule: 'register.oppsigelsesfrist', severity: 'warning', expected: 'oppsigelse innen 30.03.2026' });
    expect(near!.message).toContain('om 29 dager');
    const [edge] = check(registerOf({ 'Avtale utløper': '30.08.2026', 'Oppsigelsestid (mnd)': 3 }));
    expect(edge).toMatchObject({ severity: 'warning', expected: 'oppsigelse innen 30.05.2026' }); // exactly 90 days
  });

  it('month ends are clamped: 31.05 − 3 months = 28.02 (not 03.03)', () => {
    const [finding] = check(registerOf({ 'Avtale utløper': '31.05.2026', 'Oppsigelsestid (mnd)': 3 }));
    expect(finding).toMatchObject({ severity: 'error', expected: 'oppsigelse innen 28.02.2026' });
  });

  it('the same register gives different findings on different days', () => {
    const cells = registerOf({ 'Avtale utløper': '30.06.2026', 'Oppsigelsestid (mnd)': 3 });
    expect(check(cells, { today: '2025-12-01' })).toEqual([]);
    expect(check(cells, { today: '2026-01-15' }).map((f) => f.severity)).toEqual(['warning']);
    expect(check(cells, { today: '2026-04-01' }).map((f) => [f.rule, f.severity])).toEqual([['register.oppsigelsesfrist', 'error']]);
    expect(check(cells, { today: '2026-07-01' }).map((f) => f.rule)).toEqual(['register.avtale-utlopt']);
  });

  it('notice already given, or the system out of use: no reminder', () => {
    for (const status of ['Oppsagt', 'Sagt opp 12.01.2026', 'Under avvikling', 'Utfaset']) {
      expect(check(registerOf({ 'Avtale utløper': '30.06.2026', 'Oppsigelsestid (mnd)': 3, Status: status, 'Kostnad pr mnd': 0 })), status).toEqual([]);
    }
  });

  it('without a notice period there is no deadline to check', () => {
    expect(check(registerOf({ 'Avtale utløper': '30.06.2026', 'Oppsigelsestid (mnd)': null }))).toEqual([]);
  });

  it('a usable "today" is required; otherwise the date rules stand down and say so', () => {
    const findings = check(registerOf({ 'Avtale utløper': '31.12.2020' }), { today: 'i dag' });
    expect(findings.map((f) => f.rule)).toEqual(['register.dato-ugyldig']);
  });
});

// The reader flags a row ROW_CONTRACT_DUE only when contractMayBeDue says so, and the two contract rules look at no
// other rows: the cheap bound must hold for every row either rule would report.
describe('contractMayBeDue', () => {
  it('holds for every contract that has ended or whose notice deadline is within the warning window (property)', () => {
    const day = fc.integer({ min: -30_000, max: 80_000 });
    const months = fc.oneof(fc.integer({ min: 0, max: 1300 }), fc.double({ min: 0, max: 130, noNaN: true }), fc.constant(NaN));
    fc.assert(
      fc.property(day, months, day, (end, notice, today) => {
        const f = new RowFacts();
        f.status = STATUS_IN_USE;
        f.expiryDay = end;
        f.noticeMonths = notice;
        const deadline = noticeDeadline(f, today, new Map());
        const reported = expiredInUse(f, today) || (deadline === deadline && deadline - today <= NOTICE_WARNING_DAYS);
        if (reported) expect(contractMayBeDue(end, notice, today)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('is false far from the window, and for a missing end date', () => {
    expect(contractMayBeDue(NaN, 3, 20_000)).toBe(false);
    expect(contractMayBeDue(20_000 + 3 * 31 + 1 + NOTICE_WARNING_DAYS + 1, 3, 20_000)).toBe(false);
    expect(contractMayBeDue(20_000 + 3 * 31 + 1 + NOTICE_WARNING_DAYS, 3, 20_000)).toBe(true);
    expect(contractMayBeDue(19_999, NaN, 20_000)).toBe(true);
  });
});

