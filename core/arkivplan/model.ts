import type { Kroner } from '../money/kroner.js';
import type { NoticeRule } from './notice.js';

/** One kommune's row of DH_Arkivplan (Kommune, Siste versjon, Løsning, Kostnad pr mnd, Avtaletype, Oppsigelsestid (mnd), Oppsagt dato). */
export interface ArkivplanRow {
  readonly kommunenr: string;
  readonly kommune: string;
  /** ISO date of the latest version of the kommune's arkivplan. */
  readonly lastVersion?: string;
  /** «Løsning i dag»: Arkivplan.no, Compilo, Word … */
  readonly solution?: string;
  /** Licence cost per month; undefined when the kommune pays nothing. */
  readonly monthlyCost?: Kroner;
  /** «Type avtale» as written: «SSA-L 3 mnd oppsigelse», «Oppsagt f.o.m 01.01.26» … */
  readonly agreement?: string;
  readonly noticeMonths?: number;
  /** ISO date notice was given, when it has been. */
  readonly noticeGiven?: string;
}

/** What the board decided (sak 42-25) and the parameters the status is computed with. */
export interface ArkivplanDecision {
  /** The day of the decision: notice for the paid contracts is given then (default: the meeting, 2025-10-16). */
  readonly decisionDate: string;
  /** The date the decision says the own solution takes effect («effekt fra 1. januar 2026»). */
  readonly effectFrom?: string;
  /** Kommuner (kommunenr) the decision names as paying for an arkivplan system. */
  readonly payingKommuner?: readonly string[];
  /** Notice period when neither the row nor its agreement text gives one. */
  readonly defaultNoticeMonths: number;
  readonly rule: NoticeRule;
  /** The year whose budget the saving counts in (default: the year after the decision). */
  readonly budgetYear?: number;
  /** Avoided cost of a commercial solution, kr per kommune per month (sak 42-25: 8 000–9 000). */
  readonly avoidedCommercialCost?: { readonly min: Kroner; readonly max: Kroner };
}

export interface ArkivplanInputs {
  readonly rows: readonly ArkivplanRow[];
  readonly decision: ArkivplanDecision;
}

/** Without a decision of the workbook's own: notice from today's meeting date is unknown, so the defaults only. */
export const DEFAULT_ARKIVPLAN_DECISION: ArkivplanDecision = { decisionDate: '2025-10-16', defaultNoticeMonths: 3, rule: 'fra-dato' };
