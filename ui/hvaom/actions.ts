// «Hva om»: the year's allocation under changes the board is weighing (members leaving or joining, new key figures,
// same key or same total), beside today's, and DH_Scenario written to the sheet with its changes in DH_Endringer.
import {
  KommuneRegistry,
  formatKroner,
  formatNumber,
  formatPercent,
  parseEqualSharePercent,
  parseKeyAmount,
  parseNumber,
  planOwnedTable,
  runScenario,
  scenarioTable,
  sum,
  type Dataset,
  type Dec,
  type NewMember,
  type Result,
  type ScenarioChanges,
  type ScenarioResult,
} from '../../core/index.js';
import { type ActionResult, failure, readTables, reasonOf, success } from '../result.js';
import type { PanelHost } from '../host.js';

/** What the user typed: kommunenummer to leave out, an optional new kommune, key figures as nb-NO text. */
export interface ScenarioInput {
  readonly without: readonly string[];
  readonly addName?: string;
  readonly addPopulation?: string;
  readonly fixedAmount?: string;
  readonly ratePerInhabitant?: string;
  /** Percent, «40» or «40 %». */
  readonly equalShare?: string;
  readonly sameTotal: boolean;
}

export interface ScenarioRowView {
  readonly kommunenr: string;
  readonly kommune: string;
  readonly status: string;
  readonly scenario: string;
  /** «i dag 187 777,48 kr · +34 008,82 kr (18,1 %)». */
  readonly detail: string;
}

export interface ScenarioView {
  readonly result: ScenarioResult;
  readonly method: string;
  readonly rows: readonly ScenarioRowView[];
  readonly sumToday: string;
  readonly sumScenario: string;
  readonly sumDifference: string;
}

const signed = (d: Dec) => (d.isPositive() && !d.isZero() ? '+' : '') + formatKroner(d);

/** An optional field: blank is «unchanged», anything else must parse. */
function field(text: string | undefined, label: string, parse: (text: string, label: string) => Result<Dec>): ActionResult<Dec | undefined> {
  if (text === undefined || text.trim() === '') return success(undefined, '');
  const parsed = parse(text, label);
  return parsed.ok ? success(parsed.value, '') : failure(parsed.error.message);
}

/** The user's input as core's scenario changes, or a Norwegian message naming the field to fix. */
export function scenarioChanges(dataset: Dataset, input: ScenarioInput): ActionResult<ScenarioChanges> {
  const fixed = field(input.fixedAmount, 'Fast beløp', parseKeyAmount);
  if (!fixed.ok) return fixed;
  const rate = field(input.ratePerInhabitant, 'Sats pr innbygger', parseKeyAmount);
  if (!rate.ok) return rate;
  const share = field(input.equalShare, 'Andel likt', parseEqualSharePercent);
  if (!share.ok) return share;
  const equalShare = share.value;
  let add: NewMember[] = [];
  if (input.addName && input.addName.trim() !== '') {
    const members = new Set(dataset.members.map((m) => m.kommunenr));
    const found = new KommuneRegistry().resolve(input.addName, members);
    if (!found.ok) return failure(`Ny kommune: ${found.error.message}`);
    const population = parseNumber(input.addPopulation ?? '');
    if (!population.ok || !population.value.isInteger() || population.value.isNegative()) {
      return failure(`Ny kommune: oppgi innbyggertallet for ${found.value.name} som et helt tall.`);
    }
    add = [{ kommunenr: found.value.kommunenr, name: found.value.name, population: population.value.toNumber() }];
  }
  return success(
    {
      ...(input.without.length ? { without: input.without } : {}),
      ...(add.length ? { add } : {}),
      ...(fixed.value !== undefined ? { fixedAmount: fixed.value } : {}),
      ...(rate.value !== undefined ? { ratePerInhabitant: rate.value } : {}),
      ...(equalShare !== undefined ? { equalShare } : {}),
      mode: input.sameTotal ? 'sameTotal' : 'sameKey',
    },
    '',
  );
}

const STATUS_TEXT = { medlem: '', utmeldt: 'meldt ut', ny: 'ny' } as const;

/** The scenario as the view shows it, figures formatted nb-NO; difference = scenario − i dag. */
export function scenarioView(dataset: Dataset, year: number, input: ScenarioInput): ActionResult<ScenarioView> {
  const changes = scenarioChanges(dataset, input);
  if (!changes.ok) return changes;
  let result: ReturnType<typeof runScenario>;
  try {
    result = runScenario(dataset, year, changes.value);
  } catch (error) {
    return failure(`Scenarioet kunne ikke beregnes: ${reasonOf(error)}.`);
  }
  if (!result.ok) return failure(result.error.message);
  const s = result.value;
  const rows = s.rows.map((r) => ({
    kommunenr: r.kommunenr,
    kommune: r.name,
    status: STATUS_TEXT[r.status],
    scenario: formatKroner(r.scenario),
    detail: `i dag ${formatKroner(r.today)} · ${signed(r.difference)}${r.change ? ` (${formatPercent(r.change, 1)})` : ''}${r.status === 'ny' ? ` · ${formatNumber(r.population)} innbyggere` : ''}`,
  }));
  const today = sum(s.rows.map((r) => r.today));
  return success(
    { result: s, method: s.method, rows, sumToday: formatKroner(today), sumScenario: formatKroner(s.sumScenario), sumDifference: signed(s.sumScenario.minus(today)) },
    '',
  );
}

/** Writes DH_Scenario (owned) and records its changes in DH_Endringer; the same scenario twice writes nothing. */
export async function writeScenario(host: PanelHost, view: ScenarioView, today: string): Promise<ActionResult<number>> {
  const read = await readTables(host, ['DH_Scenario', 'DH_Endringer'], 'Ingenting er skrevet.');
  if (!read.ok) return read;
  const plan = planOwnedTable(scenarioTable(view.result), (name) => read.value.get(name), today);
  if (!plan.toWrite) return success(0, 'DH_Scenario er allerede dette scenarioet: ingen endringer.');
  try {
    await host.writeOwnedTable(plan.toWrite);
  } catch (error) {
    return failure(`Kunne ikke skrive DH_Scenario: ${reasonOf(error)}. Den forrige versjonen er uendret.`);
  }
  try {
    if (plan.endringer) await host.writeOwnedTable(plan.endringer);
  } catch (error) {
    return failure(`DH_Scenario er skrevet, men DH_Endringer kunne ikke oppdateres: ${reasonOf(error)}.`);
  }
  const n = plan.changes.length;
  return success(n, `Skrev DH_Scenario (${n} ${n === 1 ? 'endring' : 'endringer'} ført i DH_Endringer).`);
}
