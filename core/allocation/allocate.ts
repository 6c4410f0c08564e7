import { Dec, roundOre, sum, ZERO, type Kroner } from '../money/kroner.js';
import { apportion, splitEqually, splitLargestRemainder } from '../money/split.js';
import { dhError, fail, ok, type DhError, type Result } from '../result.js';
import type { Dataset, Member, Project } from '../dataset/model.js';
import { resolveKey, type ResolvedKey } from './key.js';

export interface AllocationRow {
  readonly kommunenr: string;
  readonly name: string;
  readonly population: number;
  /** The equal/fixed part. */
  readonly fixed: Kroner;
  /** The part distributed by population ("Fordelt etter innbyggertall"). */
  readonly byPopulation: Kroner;
  /** "Totalt pr kommune". */
  readonly total: Kroner;
}

export interface Allocation {
  readonly year: number;
  readonly key: ResolvedKey;
  readonly rows: readonly AllocationRow[];
  readonly totalPopulation: number;
  readonly sumFixed: Kroner;
  readonly sumByPopulation: Kroner;
  readonly sum: Kroner;
  /** Σ rows − sum: zero by construction; shown because the board's own table shows it. */
  readonly kontroll: Kroner;
  /** Sum − budgeted total, when the key names the budget line it must cover. */
  readonly budgetDeviation?: Kroner;
}

const DIGITS = /^\d+$/;

/**
 * Kommunenummer order. Digits order by code unit exactly as by locale, and comparing them so keeps the first
 * localeCompare (which loads ICU's collator, 10–25 ms) out of `dh kostnad`; anything else is compared by locale.
 */
function byKommunenr(a: Member, b: Member): number {
  const x = a.kommunenr;
  const y = b.kommunenr;
  if (DIGITS.test(x) && DIGITS.test(y)) return x < y ? -1 : x > y ? 1 : 0;
  return x.localeCompare(y);
}

/** Members in kommunenummer order, so tables are stable whatever order the source had. */
export function sortedMembers(members: readonly Member[]): Member[] {
  return [...members].sort(byKommunenr);
}

/** The whole allocation for a year: every member's fixed part, population part and total, to the øre. */
export function allocate(dataset: Dataset, year: number): Result<Allocation> {
  const key = resolveKey(dataset, year);
  if (!key.ok) return key;
  const members = sortedMembers(dataset.members);
  if (members.length === 0) return fail(`${dataset.name} har ingen medlemmer.`);
  const bad = members.find((m) => !Number.isInteger(m.population) || m.population < 0);
  if (bad) return fail(`Innbyggertallet for ${bad.name} (${bad.kommunenr}) er ugyldig: ${bad.population}.`);
  const k = key.value;
  let fixed: Kroner[];
  let byPopulation: Kroner[];
  if (k.mode === 'fixedPlusRate') {
    // Each member's figure is its own product: no split, so each row is exactly fixed + rate × innbyggere.
    fixed = members.map(() => roundOre(k.fixedAmount));
    byPopulation = members.map((m) => roundOre(k.ratePerInhabitant.times(m.population)));
  } else {
    const total = roundOre(k.totalToAllocate);
    const equalPot = roundOre(total.times(k.equalShare));
    fixed = splitEqually(equalPot, members.length);
    byPopulation = splitLargestRemainder(total.minus(equalPot), members.map((m) => new Dec(m.population)));
  }
  const rows = members.map((m, i) => ({
    kommunenr: m.kommunenr,
    name: m.name,
    population: m.population,
    fixed: fixed[i]!,
    byPopulation: byPopulation[i]!,
    total: fixed[i]!.plus(byPopulation[i]!),
  }));
  const total = sum(rows.map((r) => r.total));
  const sumFixed = sum(fixed);
  const sumByPopulation = sum(byPopulation);
  const budgeted = k.source.budgetedTotal;
  return ok({
    year,
    key: k,
    rows,
    totalPopulation: members.reduce((acc, m) => acc + m.population, 0),
    sumFixed,
    sumByPopulation,
    sum: total,
    kontroll: total.minus(sumFixed.plus(sumByPopulation)),
    ...(budgeted ? { budgetDeviation: budgetGap(total, budgeted) } : {}),
  });
}

/**
 * The one sign convention for the gap between the allocation and the budget, wherever a person reads it (panel,
 * `dh`, DH_Funn): beregnet − budsjettert. Negative: the key raises less than the budget line.
 */
export function budgetGap(computed: Kroner, budgeted: Kroner): Kroner {
  return computed.minus(budgeted);
}

/** The convention in words, for help texts (said once, not in every message). */
export const BUDGET_GAP_CONVENTION = 'Avvik mot budsjettet = beregnet − budsjettert: et negativt avvik betyr at fordelingen gir mindre enn budsjettet.';

/** Each member's share of the year's total (exact fraction, not rounded). */
export function shareOf(allocation: Allocation, kommunenr: string): Dec | undefined {
  const row = allocation.rows.find((r) => r.kommunenr === kommunenr);
  if (!row) return undefined;
  return allocation.sum.isZero() ? ZERO : row.total.dividedBy(allocation.sum);
}

/**
 * Frozen percentages for a cooperation agreement: each member's share in percent with `decimals`
 * decimals, largest remainder so they add up to exactly 100. A negative total (a credit shared out by the
 * key, every part negative) has the same shares as the positive one: the parts' sizes are the weights.
 */
export function frozenPercentages(allocation: Allocation, decimals = 4): { kommunenr: string; name: string; percent: Dec }[] {
  const unit = new Dec(10).pow(decimals);
  const credit = allocation.sum.isNegative();
  const parts = apportion(new Dec(100).times(unit), allocation.rows.map((r) => (credit ? r.total.negated() : r.total)));
  return allocation.rows.map((r, i) => ({ kommunenr: r.kommunenr, name: r.name, percent: parts[i]!.dividedBy(unit) }));
}

/** A participant's share of a project's annual cost: its own billed figure, or a flat/population split. */
export function projectCost(dataset: Dataset, project: Project, kommunenr: string): Result<Kroner> {
  const member = dataset.members.find((m) => m.kommunenr === kommunenr);
  const name = member?.name ?? kommunenr;
  const direct = project.memberAnnualCost?.get(kommunenr);
  if (direct !== undefined) {
    if (!project.participants.includes(kommunenr) && direct.isZero()) return ok(ZERO);
    return ok(roundOre(direct));
  }
  if (!project.participants.includes(kommunenr)) return ok(ZERO);
  if (project.annualCost === undefined) {
    if (project.memberAnnualCost) return ok(ZERO);
    return fail(`Prosjektet «${project.name}» har ingen kostnad registrert (${name} deltar).`, 'notAvailable');
  }
  const participants = sortedMembers(dataset.members.filter((m) => project.participants.includes(m.kommunenr)));
  const weights = participants.map((m) => (project.split === 'innbyggere' ? new Dec(m.population) : new Dec(1)));
  const parts = splitLargestRemainder(project.annualCost, weights);
  const index = participants.findIndex((m) => m.kommunenr === kommunenr);
  return ok(parts[index] ?? ZERO);
}

/**
 * A project's annual cost is a figure of this dataset's budget: it applies to the years the dataset has a key for,
 * from the year the project was decided. Any other year is an error naming the years it has (as for keys).
 */
export function projectYearProblem(dataset: Dataset, project: Project, year: number): DhError | undefined {
  const decidedYear = project.decidedOn && /^\d{4}/.test(project.decidedOn) ? Number(project.decidedOn.slice(0, 4)) : undefined;
  const keyYears = [...new Set(dataset.keys.map((k) => k.year))].sort((a, b) => a - b);
  const years = keyYears.filter((y) => decidedYear === undefined || y >= decidedYear);
  const before = decidedYear !== undefined && year < decidedYear;
  if (keyYears.length === 0) {
    return before ? dhError(`Prosjektet «${project.name}» ble vedtatt i ${decidedYear} og har ingen kostnad for ${year}.`, 'notAvailable') : undefined;
  }
  if (years.includes(year)) return undefined;
  const subject = before ? `Prosjektet «${project.name}» ble vedtatt i ${decidedYear} og har` : `Prosjektet «${project.name}» har`;
  const has = years.length > 0 ? `har ${years.join(', ')}` : 'ingen år med fordelingsnøkkel fra vedtaksåret';
  return dhError(`${subject} ingen kostnad for ${year} i ${dataset.name} (${has}).`, 'notAvailable');
}
