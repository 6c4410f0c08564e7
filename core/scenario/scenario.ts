import { allocate, sortedMembers, type Allocation } from '../allocation/allocate.js';
import type { ResolvedKey } from '../allocation/key.js';
import type { AllocationKey, Dataset, Member } from '../dataset/model.js';
import { formatKroner, formatNumber } from '../money/format.js';
import { Dec, roundOre, sum, ZERO, type Kroner } from '../money/kroner.js';
import { splitLargestRemainder } from '../money/split.js';
import { fail, ok, type Result } from '../result.js';
import { parseNumber } from '../util/cells.js';
import { joinWords } from '../util/text.js';

/**
 * «Hva om»: what each kommune pays if members leave or join, or the board changes the key.
 *
 * - *Same key* (`sameKey`): the key's figures stay as they are; a member leaving lowers the total, a new member
 *   raises it. For a key that is a total to split (Sum å fordele) the total is the key, so both modes coincide.
 * - *Same total* (`sameTotal`): the total raised stays today's (or the given `total`); for fixed + rate per
 *   inhabitant the fixed amount and the rate are scaled by one common factor, and largest remainder hands out
 *   the øre so the rows add up to the total exactly.
 */
export type ScenarioMode = 'sameKey' | 'sameTotal';

export interface NewMember {
  readonly kommunenr: string;
  readonly name: string;
  readonly population: number;
}

export interface ScenarioChanges {
  /** Kommunenummer of members left out (utmelding). */
  readonly without?: readonly string[];
  /** Kommuner joining, with the population the key should use. */
  readonly add?: readonly NewMember[];
  readonly fixedAmount?: Dec;
  readonly ratePerInhabitant?: Dec;
  /** Share split equally (0–1) of a total to split; turns the key into «Sum å fordele» form. */
  readonly equalShare?: Dec;
  /** Total to raise; with `equalShare` or alone it turns the key into «Sum å fordele» form. */
  readonly total?: Dec;
  readonly mode?: ScenarioMode;
}

export type ScenarioStatus = 'medlem' | 'utmeldt' | 'ny';

export interface ScenarioRow {
  readonly kommunenr: string;
  readonly name: string;
  readonly population: number;
  readonly status: ScenarioStatus;
  /** What the kommune pays today (0 for a kommune that joins). */
  readonly today: Kroner;
  /** What it pays in the scenario (0 for a kommune that leaves). */
  readonly scenario: Kroner;
  /** scenario − today: positive means the kommune pays more. */
  readonly difference: Kroner;
  /** difference ÷ today, undefined where today is 0. */
  readonly change?: Dec;
}

export interface ScenarioResult {
  readonly year: number;
  readonly mode: ScenarioMode;
  readonly today: Allocation;
  /** The key the scenario uses, after the changes (and the scaling in same-total mode). */
  readonly key: ResolvedKey;
  /** The factor fixed amount and rate were scaled by in same-total mode (fixed + rate keys only). */
  readonly factor?: Dec;
  readonly rows: readonly ScenarioRow[];
  readonly sumToday: Kroner;
  readonly sumScenario: Kroner;
  /** One Norwegian sentence: how the scenario key was derived. */
  readonly method: string;
  readonly without: readonly Member[];
  readonly added: readonly NewMember[];
}

/** A key figure typed as text («160 000», «23,50»): kroner, not negative, not a percentage. `label` names the field. */
export function parseKeyAmount(text: string, label: string): Result<Dec> {
  const n = parseNumber(text);
  if (!n.ok || text.includes('%')) return fail(`${label}: «${text}» er ikke et beløp. Skriv f.eks. 160 000 eller 23,50.`);
  if (n.value.isNegative()) return fail(`${label} kan ikke være negativ (${text}).`);
  return ok(n.value);
}

/** «Andel likt» typed as a percentage 0–100 («40», «40 %», «12,5») → the fraction the key uses. */
export function parseEqualSharePercent(text: string, label: string): Result<Dec> {
  const n = parseNumber(text);
  if (!n.ok) return fail(`${label}: «${text}» er ikke en prosent. Skriv f.eks. 40 for 40 %.`);
  const percent = text.includes('%') ? n.value.times(100) : n.value;
  if (percent.isNegative() || percent.greaterThan(100)) return fail(`${label} må være mellom 0 og 100 % (er ${text}).`);
  return ok(percent.dividedBy(100));
}

/** The key as both forms express it, so a change in one form can start from today's figures in the other. */
function todaysFigures(a: Allocation): { fixed: Dec; rate: Dec; total: Dec; alpha: Dec } {
  const k = a.key;
  if (k.mode === 'fixedPlusRate') {
    const alpha = a.sum.isZero() ? ZERO : a.sumFixed.dividedBy(a.sum);
    return { fixed: k.fixedAmount, rate: k.ratePerInhabitant, total: a.sum, alpha };
  }
  const n = a.rows.length;
  const fixed = n === 0 ? ZERO : a.sumFixed.dividedBy(n);
  const rate = a.totalPopulation === 0 ? ZERO : a.sumByPopulation.dividedBy(a.totalPopulation);
  return { fixed, rate, total: k.totalToAllocate, alpha: k.equalShare };
}

function validateChanges(dataset: Dataset, changes: ScenarioChanges): Result<void> {
  const members = new Map(dataset.members.map((m) => [m.kommunenr, m]));
  const without = changes.without ?? [];
  const add = changes.add ?? [];
  for (const nr of without) {
    if (!members.has(nr)) return fail(`Kommunenummer ${nr} er ikke medlem i ${dataset.name} og kan ikke tas ut.`);
  }
  const seen = new Set<string>();
  for (const m of add) {
    if (without.includes(m.kommunenr)) return fail(`${m.name} (${m.kommunenr}) er både tatt ut og lagt til: velg det ene.`);
    if (members.has(m.kommunenr)) return fail(`${m.name} (${m.kommunenr}) er allerede medlem i ${dataset.name}.`);
    if (seen.has(m.kommunenr)) return fail(`${m.name} (${m.kommunenr}) er lagt til to ganger.`);
    seen.add(m.kommunenr);
    if (!Number.isInteger(m.population) || m.population < 0) return fail(`Innbyggertallet for ${m.name} må være et helt tall (er ${m.population}).`);
  }
  if (without.length === dataset.members.length && add.length === 0) return fail('Scenarioet tar ut alle medlemmene: da er det ingen å fordele på.');
  const keyFigures = changes.fixedAmount !== undefined || changes.ratePerInhabitant !== undefined;
  const splitFigures = changes.equalShare !== undefined || changes.total !== undefined;
  if (keyFigures && splitFigures) {
    return fail('Velg én form for nøkkelen: fast beløp og sats pr innbygger, eller sum å fordele og andel likt – ikke begge.');
  }
  for (const [value, label] of [[changes.fixedAmount, 'Fast beløp'], [changes.ratePerInhabitant, 'Sats pr innbygger'], [changes.total, 'Sum å fordele']] as const) {
    if (value !== undefined && (!value.isFinite() || value.isNegative())) return fail(`${label} kan ikke være negativ (er ${formatNumber(value, 2)}).`);
  }
  const alpha = changes.equalShare;
  if (alpha !== undefined && (!alpha.isFinite() || alpha.isNegative() || alpha.greaterThan(1))) {
    return fail(`Andel likt må være mellom 0 og 100 % (er ${formatNumber(alpha.times(100), 1)} %).`);
  }
  return ok(undefined);
}

/** The scenario's key row for `year` before any same-total scaling. */
function scenarioKey(today: Allocation, changes: ScenarioChanges): AllocationKey {
  const t = todaysFigures(today);
  const source = today.key.source;
  const base = { year: today.year, ...(source.populationBasis ? { populationBasis: source.populationBasis } : {}) };
  if (changes.equalShare !== undefined || changes.total !== undefined) {
    return { ...base, totalToAllocate: changes.total ?? t.total, equalShare: changes.equalShare ?? t.alpha };
  }
  if (changes.fixedAmount !== undefined || changes.ratePerInhabitant !== undefined || today.key.mode === 'fixedPlusRate') {
    return { ...base, fixedAmount: changes.fixedAmount ?? t.fixed, ratePerInhabitant: changes.ratePerInhabitant ?? t.rate };
  }
  return { ...base, totalToAllocate: t.total, equalShare: t.alpha };
}

/** The members after the scenario's changes: today's minus those left out, plus those joining. */
function scenarioMembers(dataset: Dataset, changes: ScenarioChanges): Member[] {
  const without = new Set(changes.without ?? []);
  return [...dataset.members.filter((m) => !without.has(m.kommunenr)), ...(changes.add ?? [])];
}

/**
 * The dataset the scenario describes: its members and the one year's key as the scenario applies it (scaled in
 * same-total mode), so a scenario can be applied to it in turn, e.g. to add back a kommune that was left out.
 */
export function scenarioDataset(dataset: Dataset, year: number, changes: ScenarioChanges): Result<Dataset> {
  const result = runScenario(dataset, year, changes);
  if (!result.ok) return result;
  const k = result.value.key;
  const base = { year, ...(k.source.populationBasis ? { populationBasis: k.source.populationBasis } : {}) };
  const key: AllocationKey = k.mode === 'fixedPlusRate'
    ? { ...base, fixedAmount: k.fixedAmount, ratePerInhabitant: k.ratePerInhabitant }
    : { ...base, totalToAllocate: k.totalToAllocate, equalShare: k.equalShare };
  return ok({ ...dataset, members: scenarioMembers(dataset, changes), keys: [key] });
}

const kr = (d: Dec) => formatKroner(roundOre(d));

/** Runs a scenario for `year`: every kommune's payment today and in the scenario, to the øre. */
export function runScenario(dataset: Dataset, year: number, changes: ScenarioChanges): Result<ScenarioResult> {
  const valid = validateChanges(dataset, changes);
  if (!valid.ok) return valid;
  const todayResult = allocate(dataset, year);
  if (!todayResult.ok) return todayResult;
  const today = todayResult.value;
  const mode: ScenarioMode = changes.mode ?? 'sameKey';
  const members = sortedMembers(scenarioMembers(dataset, changes));
  const keyRow = scenarioKey(today, changes);
  const next = allocate({ ...dataset, members, keys: [keyRow] }, year);
  if (!next.ok) return next;
  let key = next.value.key;
  let totals = new Map(next.value.rows.map((r) => [r.kommunenr, r.total]));
  let factor: Dec | undefined;
  let method: string;
  const changedFigures = changes.fixedAmount !== undefined || changes.ratePerInhabitant !== undefined;
  if (key.mode === 'fixedPlusRate') {
    const described = `${kr(key.fixedAmount)} fast pr kommune + ${formatKroner(key.ratePerInhabitant, { decimals: key.ratePerInhabitant.isInteger() ? 0 : 2 })} pr innbygger`;
    if (mode === 'sameTotal') {
      // One factor for both figures keeps the key's shape (its balance of fixed and population parts): only the
      // level moves, so the total stays today's. Each row's weight is its unrounded key figure.
      const weights = members.map((m) => key.mode === 'fixedPlusRate' ? key.fixedAmount.plus(key.ratePerInhabitant.times(m.population)) : ZERO);
      const weightSum = sum(weights);
      if (weightSum.isZero()) return fail('Samme sum kan ikke holdes: nøkkelen gir 0 kr til alle i scenarioet.');
      const target = roundOre(today.sum);
      factor = target.dividedBy(weightSum);
      const parts = splitLargestRemainder(target, weights);
      totals = new Map(members.map((m, i) => [m.kommunenr, parts[i]!]));
      key = { ...key, fixedAmount: key.fixedAmount.times(factor), ratePerInhabitant: key.ratePerInhabitant.times(factor) };
      method = `Samme sum: ${changedFigures ? `nøkkelen ${described}` : 'dagens nøkkel'} er skalert med faktoren ${formatNumber(factor, 6)} (fast beløp og sats med samme faktor), så summen blir ${kr(target)} som i dag; øren fordeles etter største rest.`;
    } else {
      method = `Samme nøkkel: ${described} for hver kommune; summen følger antall medlemmer og innbyggere.`;
    }
  } else {
    const share = `${formatNumber(key.equalShare.times(100), 1)} % likt og resten etter innbyggertall`;
    method = `${kr(key.totalToAllocate)} fordelt ${share}: summen er selve nøkkelen, så samme nøkkel og samme sum gir det samme.`;
  }
  const todayRows = new Map(today.rows.map((r) => [r.kommunenr, r]));
  const leaving = new Set(changes.without ?? []);
  const joining = new Set((changes.add ?? []).map((m) => m.kommunenr));
  const everyone = sortedMembers([...dataset.members, ...(changes.add ?? [])]);
  const rows: ScenarioRow[] = everyone.map((m) => {
    const before = todayRows.get(m.kommunenr)?.total ?? ZERO;
    const after = totals.get(m.kommunenr) ?? ZERO;
    const difference = after.minus(before);
    const status: ScenarioStatus = leaving.has(m.kommunenr) ? 'utmeldt' : joining.has(m.kommunenr) ? 'ny' : 'medlem';
    return {
      kommunenr: m.kommunenr,
      name: m.name,
      population: m.population,
      status,
      today: before,
      scenario: after,
      difference,
      ...(before.isZero() ? {} : { change: difference.dividedBy(before) }),
    };
  });
  const without = dataset.members.filter((m) => leaving.has(m.kommunenr));
  if (without.length) method += ` ${joinWords(without.map((m) => m.name))} betaler 0 kr.`;
  return ok({
    year,
    mode,
    today,
    key,
    ...(factor ? { factor } : {}),
    rows,
    sumToday: today.sum,
    sumScenario: sum(rows.map((r) => r.scenario)),
    method,
    without,
    added: changes.add ?? [],
  });
}

export const SCENARIO_HEADERS = ['Kommunenr', 'Kommune', 'Innbyggere', 'Status', 'I dag', 'Scenario', 'Differanse (scenario − i dag)', 'Endring (%)'] as const;

/** DH_Scenario: the scenario as the board reads it, every kommune with today, scenario and difference, then Sum. */
export function scenarioTable(s: ScenarioResult): { name: 'DH_Scenario'; headers: string[]; rows: (string | number)[][]; totals: (string | number)[] } {
  const money = (d: Dec) => roundOre(d).toNumber();
  const rows: (string | number)[][] = s.rows.map((r) => [
    r.kommunenr, r.name, r.population, r.status, money(r.today), money(r.scenario), money(r.difference), r.change ? r.change.times(100).toDecimalPlaces(2).toNumber() : '',
  ]);
  const today = sum(s.rows.map((r) => r.today));
  // The Sum line is the table's totals row (OwnedTable.totals), its label in the first column.
  const totals = ['Sum', '', s.rows.filter((r) => r.status !== 'utmeldt').reduce((a, r) => a + r.population, 0), s.mode === 'sameTotal' ? 'samme sum' : 'samme nøkkel', money(today), money(s.sumScenario), money(s.sumScenario.minus(today)), ''];
  return { name: 'DH_Scenario', headers: [...SCENARIO_HEADERS], rows, totals };
}
