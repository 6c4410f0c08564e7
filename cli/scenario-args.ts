import type { DatasetContext } from '../core/dataset/context.js';
import { Dec } from '../core/money/kroner.js';
import type { NewMember, ScenarioChanges } from '../core/scenario/scenario.js';
import { parseNumber } from '../core/util/cells.js';
import { stringFlag, type ParsedArgs } from './args.js';
import { CliError } from './io.js';

/** True when any scenario option is given: `dh fordeling` then prints today beside the scenario. */
export function hasScenario(args: ParsedArgs): boolean {
  return ['uten', 'med', 'fast', 'sats', 'andelLikt', 'sammeSum'].some((name) => args.flags.has(name));
}

function amount(text: string | undefined, option: string): Dec | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  if (!n.ok || text.includes('%')) throw new CliError(`${option} «${text}» er ikke et beløp: skriv f.eks. 160 000 eller 23,50.`);
  if (n.value.isNegative()) throw new CliError(`${option} kan ikke være negativ (${text}).`);
  return n.value;
}

/** --andel-likt P: a percentage 0–100 («40», «40 %», «12,5»). */
function percent(text: string | undefined): Dec | undefined {
  if (text === undefined) return undefined;
  const n = parseNumber(text);
  if (!n.ok) throw new CliError(`--andel-likt «${text}» er ikke en prosent: skriv f.eks. 40 for 40 %.`);
  const p = text.includes('%') ? n.value.times(100) : n.value;
  if (p.isNegative() || p.greaterThan(100)) throw new CliError(`--andel-likt må være mellom 0 og 100 % (er ${text}).`);
  return p.dividedBy(100);
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
  const fixedAmount = amount(stringFlag(args, 'fast'), '--fast');
  const ratePerInhabitant = amount(stringFlag(args, 'sats'), '--sats');
  const equalShare = percent(stringFlag(args, 'andelLikt'));
  return {
    ...(without.length ? { without: [...new Set(without)] } : {}),
    ...(add.length ? { add } : {}),
    ...(fixedAmount !== undefined ? { fixedAmount } : {}),
    ...(ratePerInhabitant !== undefined ? { ratePerInhabitant } : {}),
    ...(equalShare !== undefined ? { equalShare } : {}),
    mode: args.flags.has('sammeSum') ? 'sameTotal' : 'sameKey',
  };
}
