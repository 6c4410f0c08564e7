import type { ArkivplanInputs } from '../arkivplan/model.js';
import type { Dec, Kroner } from '../money/kroner.js';

/** A member municipality of a cooperation, with the population the key uses. */
export interface Member {
  readonly kommunenr: string;
  readonly name: string;
  readonly population: number;
  /** Date the population count refers to (ISO), e.g. 2025-06-30 for "2. kv. 2025". */
  readonly referenceDate?: string;
}

/**
 * Fordelingsnøkkel for one year. Either `fixedAmount` + `ratePerInhabitant` per member, or
 * `totalToAllocate` split `equalShare` (α) equally and 1−α by population. `priceIndex` (0.039 = 3,9 %)
 * with nothing else derives the key from the previous year's key; beside figures of its own it only records
 * how they were derived and is not applied again.
 */
export interface AllocationKey {
  readonly year: number;
  readonly fixedAmount?: Kroner;
  readonly ratePerInhabitant?: Kroner;
  readonly equalShare?: Dec;
  readonly totalToAllocate?: Kroner;
  readonly priceIndex?: Dec;
  /** The budget line the allocation must cover (e.g. "Refusjon fra kommuner"), for reconciliation. */
  readonly budgetedTotal?: Kroner;
  /** Label of the population basis, e.g. "2. kv. 2025". */
  readonly populationBasis?: string;
}

export type ProjectSplit = 'flat' | 'innbyggere';

/** A project the board decided on, with its participants and how its costs are shared. */
export interface Project {
  readonly name: string;
  /** Short names users type ("RPA", "DUO"); matched case-insensitively besides the full name. */
  readonly aliases?: readonly string[];
  readonly decidedOn?: string;
  /** Kommunenummer of participating members. */
  readonly participants: readonly string[];
  /** Total cost per year, shared among participants by `split`. */
  readonly annualCost?: Kroner;
  readonly split: ProjectSplit;
  /** Direct annual cost per member (kommunenr → kr) when the project bills each member its own figure. */
  readonly memberAnnualCost?: ReadonlyMap<string, Kroner>;
  readonly note?: string;
}

/** RPA inputs per member: monthly cost and handled cases per month. */
export interface RpaRow {
  readonly kommunenr: string;
  readonly monthlyCost: Kroner;
  readonly handledPerMonth: number;
}

/** Assumptions for valuing time: minutes saved per case at an hourly rate. */
export interface TimeAssumption {
  readonly minutesPerCase: Dec;
  readonly hourlyRate: Kroner;
  readonly source?: string;
}

export interface RpaInputs {
  readonly rows: readonly RpaRow[];
  readonly assumption: TimeAssumption;
}

/** DUO: a pooled monthly saving split among members in proportion to their monthly cost. */
export interface DuoInputs {
  readonly emailsPerMonth: number;
  readonly shareHandled: Dec;
  readonly assumption: TimeAssumption;
  /** The pooled saving as the board adopted it (may differ from the time value: that is a finding). */
  readonly adoptedMonthlySaving: Kroner;
  readonly monthlyCost: ReadonlyMap<string, Kroner>;
}

/**
 * A yearly benefit a workbook documents for one kommune (a DH_Gevinst row), for the kommune's balance.
 * `source` says where it stands («DH_Gevinst rad 4»).
 */
export interface DocumentedGain {
  readonly kommunenr: string;
  readonly name: string;
  readonly type?: string;
  /** True when the benefit frees budget money (kontantfrigjørende), false for time or quality. */
  readonly releasesBudget: boolean;
  readonly annualBenefit: Kroner;
  readonly annualCost: Kroner;
  readonly source: string;
}

/** External funding a table states as one kommune's (a DH_Tilskudd row). */
export interface Grant {
  readonly kommunenr: string;
  readonly name: string;
  readonly amount: Kroner;
  /** The year the grant belongs to; undefined counts for every year. */
  readonly year?: number;
  readonly source: string;
}

export interface Dataset {
  readonly name: string;
  readonly source: string;
  readonly members: readonly Member[];
  readonly keys: readonly AllocationKey[];
  readonly projects: readonly Project[];
  readonly rpa?: RpaInputs;
  readonly duo?: DuoInputs;
  /** DH_Arkivplan and the board's decision on it (sak 42-25). */
  readonly arkivplan?: ArkivplanInputs;
  /** Benefits the workbook documents per kommune (DH_Gevinst). */
  readonly gains?: readonly DocumentedGain[];
  /** External funding stated per kommune (DH_Tilskudd). */
  readonly grants?: readonly Grant[];
}
