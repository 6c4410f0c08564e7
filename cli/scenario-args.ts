import type { DatasetContext } from '../core/dataset/context.js';
import { Dec } from '../core/money/kroner.js';
import { parseEqualSharePercent, parseKeyAmount, type NewMember, type ScenarioChanges } from '../core/scenario/scenario.js';
import type { Result } from '../core/result.js';
import { parseNumber } from '../core/util/cells.js';
import { stringFlag, type ParsedArgs } from './args.js';
import { CliError } from './io.js';

/** True when any scenario option is given: `dh fordeling` then prints today beside the scenario. */
export function hasScenario(args: ParsedArgs): boolean {
  return ['uten', 'med', 'fast', 'sats', 'andelLikt', 'sammeSum'].some((name) => args.flags.has(name));
}

/** A scenario figure from an option's text, or one Norwegian line (exit 2). */
function figure(text: string | undefined, option: string, parse: (text: string, label: string) => Result<Dec>): Dec | undefined {
  if (text === undefined) return undefined;
  const parsed = parse(text, option);
  if (!parsed.ok) throw new CliError(parsed.error.message);
  return parsed.value;
}

/** --med KOMMUNE=INNBYGGERE: a kommune that is not a member yet, with the population the key should use. */
function newMember(text: string, data: DatasetContext): NewMember {
  const eq = text.lastIndexOf('=');
  if (eq <= 0) throw new CliError(`--med «${text}»: skriv KOMMUNE=INNBYGGERE, f.eks. --med Bodø=53000.`);
  const name = text.slice(0, eq).trim();
  const population = parseNumber(text.slice(eq + 1));
  if (!population.ok || !population.value.isInteger() || population.value.isNegative()) {
    throw new CliError(`--med «${text}»: innbyggertallet må være et helt tall, f.eks. --med Bodø=53000.`);
  }
  const found = data.registry.resolve(name, data.memberNumbers);
  if (!found.ok) throw new CliError(`--med: ${found.error.message}`);
  return { kommunenr: found.value.kommunenr, name: found.value.name, population: population.value.toNumber() };
}

/** The scenario the options describe; kommuner are resolved against the dataset (members for --uten). */
export function scenarioFromArgs(args: ParsedArgs, data: DatasetContext): ScenarioChanges {
  const without = (args.lists.get('uten') ?? []).flatMap((list) => list.split(',')).map((s) => s.trim()).filter(Boolean).map((name) => {
    const member = data.resolveMember(name);
    if (!member.ok) throw new CliError(`--uten: ${member.error.message}`);
    return member.value.kommunenr;
  });
  const add = (args.lists.get('med') ?? []).map((text) => newMember(text, data));
  const fixedAmount = figure(stringFlag(args, 'fast'), '--fast', parseKeyAmount);
  const ratePerInhabitant = figure(stringFlag(args, 'sats'), '--sats', parseKeyAmount);
  const equalShare = figure(stringFlag(args, 'andelLikt'), '--andel-likt', parseEqualSharePercent);
  return {
    ...(without.length ? { without: [...new Set(without)] } : {}),
    ...(add.length ? { add } : {}),
    ...(fixedAmount !== undefined ? { fixedAmount } : {}),
    ...(ratePerInhabitant !== undefined ? { ratePerInhabitant } : {}),
    ...(equalShare !== undefined ? { equalShare } : {}),
    mode: args.flags.has('sammeSum') ? 'sameTotal' : 'sameKey',
  };
}
