// Notice periods (oppsigelsestid). Two readings of «3 mnd oppsigelse» are in use, so the rule is a parameter:
// - 'fra-dato' (default): the notice runs from the day it is given; the contract ends with effect from the same day
//   number N months later. This is how the board wrote it (sak 41-25: «kan sies opp, med virkning fra vedtaksdato,
//   pluss tre måneder»): notice 16.10.2025 + 3 mnd → effect from 16.01.2026.
// - 'fra-manedsslutt': the notice runs from the end of the month it is given (a common contract wording):
//   notice 16.10.2025 → runs from 31.10.2025 → contract ends 31.01.2026, effect from 01.02.2026.
// Dates are ISO strings (yyyy-mm-dd) and all arithmetic is on UTC calendar days.

export type NoticeRule = 'fra-dato' | 'fra-manedsslutt';

export const NOTICE_RULES: readonly NoticeRule[] = ['fra-dato', 'fra-manedsslutt'];

const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (d: Date) => d.toISOString().slice(0, 10);

/** The same day number `months` later (or earlier), clamped to the month's last day (31.10 + 4 mnd → 28.02). */
export function addMonths(iso: string, months: number): string {
  const d = toDate(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return toIso(target);
}

export function addDays(iso: string, days: number): string {
  const d = toDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return toIso(d);
}

/** The first day the contract no longer runs, when notice of `months` is given on `given`. */
export function effectiveEnd(given: string, months: number, rule: NoticeRule = 'fra-dato'): string {
  if (rule === 'fra-dato') return addMonths(given, months);
  const d = toDate(given);
  // From the end of the notice month, N whole months: the contract's last day is the end of month (given + N).
  return toIso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 1)));
}

/**
 * The last day notice can be given for the contract to have ended by `effect` (no longer running from that day):
 * the latest d with effectiveEnd(d) ≤ effect. Found by stepping from a day that surely qualifies.
 */
export function lastNoticeDay(effect: string, months: number, rule: NoticeRule = 'fra-dato'): string {
  let day = addMonths(effect, -(months + 2));
  while (effectiveEnd(addDays(day, 1), months, rule) <= effect) day = addDays(day, 1);
  return day;
}
