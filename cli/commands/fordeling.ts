import { allocate } from '../../core/allocation/allocate.js';
import { formatKroner, formatNumber } from '../../core/money/format.js';
import { sum, toPlain } from '../../core/money/kroner.js';
import { OPTIONS, parseArgs, parseYear, stringFlag } from '../args.js';
import { datasetFor } from '../dataset.js';
import { textTable } from '../format.js';
import { CliError, EXIT_OK, type CliIo } from '../io.js';
import { USAGE_FORDELING } from '../usage.js';

/** dh fordeling <år> [--fil arbeidsbok.xlsx] [--json] — every member's contribution, Sum and Kontroll. */
export async function fordeling(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [OPTIONS.json, OPTIONS.help, OPTIONS.fil]);
  if (args.flags.has('help')) {
    io.stdout(USAGE_FORDELING);
    return EXIT_OK;
  }
  const [yearArg, ...extra] = args.positional;
  if (extra.length) throw new CliError(`For mange argumenter: «${extra.join(' ')}». Bruk: dh fordeling <år>.`);
  const year = parseYear(yearArg);
  const { data } = await datasetFor(stringFlag(args, 'fil'));
  const result = allocate(data.dataset, year);
  if (!result.ok) throw new CliError(result.error.message);
  const a = result.value;
  // Σ of the rows as printed: equal to the Sum line by construction (largest remainder), shown as Kontroll.
  const rowSum = sum(a.rows.map((r) => r.total));
  const kontroll = rowSum.minus(a.sum);

  if (args.flags.has('json')) {
    io.stdout(
      JSON.stringify(
        {
          aar: year,
          rader: a.rows.map((r) => ({ kommune: r.name, kommunenr: r.kommunenr, innbyggere: r.population, kr: toPlain(r.total) })),
          sum: toPlain(rowSum),
          kontroll: toPlain(kontroll),
        },
        null,
        2,
      ) + '\n',
    );
    return EXIT_OK;
  }

  const k = a.key;
  const basis = k.source.populationBasis ? ` (innbyggere ${k.source.populationBasis})` : '';
  const keyText =
    k.mode === 'fixedPlusRate'
      ? `${formatKroner(k.fixedAmount)} fast pr kommune + ${formatKroner(k.ratePerInhabitant, { decimals: k.ratePerInhabitant.isInteger() ? 0 : 2 })} pr innbygger${basis}`
      : `${formatKroner(k.totalToAllocate)} fordelt ${formatNumber(k.equalShare.times(100), 1)} % likt og resten etter innbyggertall${basis}`;
  const lines: string[][] = [
    ['Kommunenr', 'Kommune', 'Innbyggere', 'Fast', 'Fordelt etter innbyggertall', 'Totalt'],
    ...a.rows.map((r) => [r.kommunenr, r.name, formatNumber(r.population), formatKroner(r.fixed), formatKroner(r.byPopulation), formatKroner(r.total)]),
    ['', 'Sum', formatNumber(a.totalPopulation), formatKroner(a.sumFixed), formatKroner(a.sumByPopulation), formatKroner(a.sum)],
    ['', 'Kontroll', '', '', '', formatKroner(kontroll)],
  ];
  const out = [`Fordeling ${year} – ${data.dataset.name}`, `Nøkkel: ${keyText}${k.derivedFrom ? ` (avledet av ${k.derivedFrom} med prisindeks)` : ''}`, '', textTable(lines, [false, false, true, true, true, true])];
  const budgeted = k.source.budgetedTotal;
  if (budgeted !== undefined) {
    const diff = a.sum.minus(budgeted);
    out.push('', `Budsjettert refusjon fra kommunene: ${formatKroner(budgeted)}${diff.isZero() ? ' (stemmer)' : ` – fordelingen avviker med ${formatKroner(diff)}`}`);
  }
  io.stdout(out.join('\n') + '\n');
  return EXIT_OK;
}
