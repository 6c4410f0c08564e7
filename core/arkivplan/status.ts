// Arkivplan status per kommune: when each paid contract can end at the earliest, and what ending it saves per month,
// per year and inside the budget year. The own solution costs nothing (sak 42-25), so the saving is the licence.
import { Dec, sum, ZERO, type Kroner } from '../money/kroner.js';
import { parseDate } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';
import type { ArkivplanDecision, ArkivplanRow } from './model.js';
import { effectiveEnd } from './notice.js';

export type ArkivplanState = 'sies opp' | 'oppsagt' | 'ingen kostnad';

export interface ArkivplanStatusRow {
  readonly row: ArkivplanRow;
  readonly state: ArkivplanState;
  readonly noticeMonths?: number;
  /** The day notice runs from: the row's Oppsagt dato, else the decision date. */
  readonly noticeFrom?: string;
  /** First day without the contract (earliest). */
  readonly effectiveEnd?: string;
  readonly monthlySaving: Kroner;
  readonly yearlySaving: Kroner;
  readonly budgetYearSaving: Kroner;
  /** Months of the budget year without the contract (whole months; a month begun under contract is paid). */
  readonly monthsSaved: number;
  /** The earliest end falls after the date the decision says it takes effect. */
  readonly lateForDecision: boolean;
}

export interface ArkivplanStatus {
  readonly rows: readonly ArkivplanStatusRow[];
  readonly budgetYear: number;
  readonly monthlyCost: Kroner;
  readonly monthlySaving: Kroner;
  readonly yearlySaving: Kroner;
  readonly budgetYearSaving: Kroner;
}

/** «SSA-L 3 mnd oppsigelse» → 3; «6 måneders oppsigelse» → 6. */
export function noticeMonthsIn(text: string | undefined): number | undefined {
  const m = /(\d{1,2})\s*(mnd|md|måned|maned|mån)/i.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}

/** «Oppsagt f.o.m 01.01.26», «Arkivplan.no oppsagt 01.01.25» → the date the contract no longer runs from. */
export function terminatedFrom(text: string | undefined): string | undefined {
  const m = /oppsagt\s*(?:f\.?\s*o\.?\s*m\.?|fra|med virkning fra|fom)?\s*(\d{1,2}[./]\d{1,2}[./]\d{2,4})/i.exec(text ?? '');
  if (!m) return undefined;
  const d = parseDate(m[1]!.replace(/\//g, '.'));
  return d.ok ? d.value : undefined;
}

const said = (text: string | undefined, word: string) => normalizeKey(text ?? '').includes(word);

/** Whole months of `year` that begin on or after `from` (the first day without the contract). */
export function monthsWithout(from: string, year: number): number {
  let months = 0;
  for (let m = 1; m <= 12; m++) if (`${year}-${String(m).padStart(2, '0')}-01` >= from) months++;
  return months;
}

export function arkivplanStatus(rows: readonly ArkivplanRow[], decision: ArkivplanDecision): ArkivplanStatus {
  const budgetYear = decision.budgetYear ?? Number(decision.decisionDate.slice(0, 4)) + 1;
  const out: ArkivplanStatusRow[] = rows.map((row) => {
    const cost = row.monthlyCost ?? ZERO;
    const known = terminatedFrom(row.agreement) ?? terminatedFrom(row.solution);
    const alreadyTerminated = known !== undefined || (!row.noticeGiven && (said(row.agreement, 'oppsagt') || said(row.solution, 'oppsagt')) && cost.isZero());
    if (cost.isZero()) {
      return { row, state: alreadyTerminated ? 'oppsagt' : 'ingen kostnad', ...(known ? { effectiveEnd: known } : {}), monthlySaving: ZERO, yearlySaving: ZERO, budgetYearSaving: ZERO, monthsSaved: 0, lateForDecision: false };
    }
    const noticeMonths = row.noticeMonths ?? noticeMonthsIn(row.agreement) ?? decision.defaultNoticeMonths;
    const noticeFrom = row.noticeGiven ?? decision.decisionDate;
    const end = known ?? effectiveEnd(noticeFrom, noticeMonths, decision.rule);
    const monthsSaved = monthsWithout(end, budgetYear);
    return {
      row,
      state: known || row.noticeGiven ? 'oppsagt' : 'sies opp',
      noticeMonths,
      ...(known ? {} : { noticeFrom }),
      effectiveEnd: end,
      monthlySaving: cost,
      yearlySaving: cost.times(12),
      budgetYearSaving: cost.times(monthsSaved),
      monthsSaved,
      lateForDecision: decision.effectFrom !== undefined && end > decision.effectFrom,
    };
  });
  const total = (f: (r: ArkivplanStatusRow) => Dec) => sum(out.map(f));
  return {
    rows: out,
    budgetYear,
    monthlyCost: sum(rows.map((r) => r.monthlyCost ?? ZERO)),
    monthlySaving: total((r) => r.monthlySaving),
    yearlySaving: total((r) => r.yearlySaving),
    budgetYearSaving: total((r) => r.budgetYearSaving),
  };
}
