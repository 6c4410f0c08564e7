import { allocate, projectCost, projectYearProblem } from '../../core/allocation/allocate.js';
import { formatKroner } from '../../core/money/format.js';
import { toPlain, type Kroner } from '../../core/money/kroner.js';
import { OPTIONS, parseArgs, parseYear, stringFlag } from '../args.js';
import { datasetFor } from '../dataset.js';
import { CliError, EXIT_OK, type CliIo } from '../io.js';
import { USAGE_KOSTNAD } from '../usage.js';

/** dh kostnad <kommune> <år> [--prosjekt P] [--fil arbeidsbok.xlsx] [--json] */
export async function kostnad(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [OPTIONS.json, OPTIONS.help, OPTIONS.fil, OPTIONS.prosjekt]);
  if (args.flags.has('help')) {
    io.stdout(USAGE_KOSTNAD);
    return EXIT_OK;
  }
  const [kommuneArg, yearArg, ...extra] = args.positional;
  if (!kommuneArg) throw new CliError('Oppgi kommune og år, f.eks. «dh kostnad Rana 2026».');
  if (extra.length) throw new CliError(`For mange argumenter: «${extra.join(' ')}». Bruk: dh kostnad <kommune> <år> [--prosjekt P].`);
  const year = parseYear(yearArg);
  const { data } = await datasetFor(stringFlag(args, 'fil'));
  const member = data.resolveMember(/^\d+$/.test(kommuneArg) ? kommuneArg.padStart(4, '0') : kommuneArg);
  if (!member.ok) throw new CliError(member.error.message);
  const m = member.value;

  let amount: Kroner;
  const projectName = stringFlag(args, 'prosjekt');
  let project: string | undefined;
  if (projectName !== undefined) {
    const p = data.resolveProject(projectName);
    if (!p.ok) throw new CliError(p.error.message);
    const outside = projectYearProblem(data.dataset, p.value, year);
    if (outside) throw new CliError(outside.message);
    const cost = projectCost(data.dataset, p.value, m.kommunenr);
    if (!cost.ok) throw new CliError(cost.error.message);
    amount = cost.value;
    project = p.value.name;
  } else {
    const allocation = allocate(data.dataset, year);
    if (!allocation.ok) throw new CliError(allocation.error.message);
    const row = allocation.value.rows.find((r) => r.kommunenr === m.kommunenr);
    if (!row) throw new CliError(`${m.name} er ikke med i fordelingen for ${year}.`);
    amount = row.total;
  }

  if (args.flags.has('json')) {
    io.stdout(JSON.stringify({ kommune: m.name, kommunenr: m.kommunenr, aar: year, ...(project ? { prosjekt: project } : {}), kr: toPlain(amount) }) + '\n');
  } else {
    io.stdout(formatKroner(amount) + '\n');
  }
  return EXIT_OK;
}
