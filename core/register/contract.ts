// Contract dates shared by the avtale-utlopt and oppsigelsesfrist-* rules.
import { STATUS_IN_USE, subtractMonths } from './values.js';
import type { RowFacts } from './reader.js';

/** Warning window before a notice deadline (SPEC §5: "within 90 days"). */
export const NOTICE_WARNING_DAYS = 90;

/**
 * True when the notice deadline of a contract ending on day `end` with `months` of notice (a number, at most 1 200)
 * may fall within `horizon` days of `today`. Going back n months never goes back more than 31·n days, so this needs
 * no calendar; noticeDeadline works out the exact day.
 */
function deadlineMayBeWithin(end: number, months: number, today: number, horizon: number): boolean {
  return end - Math.ceil(months) * 31 - 1 - today <= horizon;
}

/**
 * True when a contract ending on day `end` with `months` of notice needs a look on `today` (all days since
 * 1970-01-01): it has ended, or its notice deadline may fall within NOTICE_WARNING_DAYS. False when a date is NaN.
 */
export function contractMayBeDue(end: number, months: number, today: number): boolean {
  if (end < today) return true;
  return months === months && months <= 1200 && deadlineMayBeWithin(end, months, today, NOTICE_WARNING_DAYS);
}

/**
 * True when the contract has run out (end date before today) while the system is in use. Not for a contract given
 * notice or a system being phased out («Oppsagt», «Under avvikling»: the end is expected), nor for one out of use or
 * not yet in use (the status table is in values.ts).
 */
export function expiredInUse(f: RowFacts, today: number): boolean {
  return f.expiryDay === f.expiryDay && f.expiryDay < today && f.status === STATUS_IN_USE;
}

/**
 * Last day to give notice (end − notice period) for a running contract of a system in use, or NaN when it does not
 * apply: no end date or notice period, contract already ended, system out of use, or notice already given.
 * Infinity when the deadline is certainly more than `horizon` days away (not computed exactly).
 */
export function noticeDeadline(f: RowFacts, today: number, cache: Map<number, number>, horizon = NOTICE_WARNING_DAYS): number {
  if (f.status !== STATUS_IN_USE) return NaN;
  const end = f.expiryDay;
  const months = f.noticeMonths;
  if (!(end === end) || !(months === months) || end < today) return NaN;
  if (months > 1200) return NaN;
  if (!deadlineMayBeWithin(end, months, today, horizon)) return Infinity;
  // Whole months up to 10 years share a small-integer cache key; anything else is computed directly.
  if (months !== Math.floor(months) || months > 120 || end < 0 || end > 1_000_000) return subtractMonths(end, months);
  const key = end * 128 + months;
  let deadline = cache.get(key);
  if (deadline === undefined) {
    deadline = subtractMonths(end, months);
    cache.set(key, deadline);
  }
  return deadline;
}
