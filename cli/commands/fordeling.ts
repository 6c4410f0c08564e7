import { allocate } from '../../core/allocation/allocate.js';
import { formatKroner, formatNumber, formatPercent } from '../../core/money/format.js';
import { sum, toPlain } from '../../core/money/kroner.js';
import { runScenario, type ScenarioResult } from '../../core/scenario/scenario.js';
import { OPTIONS, parseArgs, parseYear, stringFlag } from '../args.js';
import { datasetFor } from '../dataset.js';
import { hasScenario, scenarioFromArgs } from '../scenario-args.js';
import { textTable } from '../format.js';
import { CliError, EXIT_OK, type CliIo } from '../io.js';
import { USAGE_FORDELING } from '../usage.js';

/** dh fordeling <år> [--fil arbeidsbok.xlsx] [--json] [scenario] — every member's contribution, Sum and Kontroll. */
export async function fordeling(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [OPTIONS.json, OPTIONS.help, OPTIONS.fil, OPTIONS.uten, OPTIONS.med, OPTIONS.fast, OPTIONS.sats, OPTIONS.andelLikt, OPTIONS.sammeSum]);
  if (args.flags.has('help')) {
    io.stdout(USAGE_FORDELING);
    return EXIT_OK;
  }
  const [yearArg, ...extra] = args.positional;
  if (extra.length) throw new CliError(`For mange argumenter: «${extra.join(' ')}». Bruk: dh fordeling <år>.`);
  const year = parseYear(yearArg);
  const { data } = await datasetFor(stringFlag(args, 'fil'));
  if (hasScenario(args)) {
    const scenario = runScenario(data.dataset, year, scenarioFromArgs(args, data));
    if (!scenario.ok) throw new CliError(scenario.error.message);
    io.stdout(args.flags.has('json') ? scenarioJson(scenario.value) : scenarioText(scenario.value, data.dataset.name));
    return EXIT_OK;
  }
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

/** SPEC §9: the plain --json shape plus "scenario" and, per row, "i_dag" and "differanse"; members left out are listed under scenario.uten. */
function scenarioJson(s: ScenarioResult): string {
  const k = s.key;
  const rows = s.rows.filter((r) => r.status !== 'utmeldt');
  const total = sum(rows.map((r) => r.scenario));
  return JSON.stringify(
    {
      aar: s.year,
      scenario: {
        modus: s.mode === 'sameTotal' ? 'samme_sum' : 'samme_nokkel',
        uten: s.without.map((m) => ({ kommune: m.name, kommunenr: m.kommunenr, i_dag: toPlain(s.rows.find((r) => r.kommunenr === m.kommunenr)!.today) })),
        med: s.added.map((m) => ({ kommune: m.name, kommunenr: m.kommunenr, innbyggere: m.population })),
        noekkel: k.mode === 'fixedPlusRate'
          ? { fast: k.fixedAmount.toFixed(), sats: k.ratePerInhabitant.toFixed() }
          : { sum_aa_fordele: toPlain(k.totalToAllocate), andel_likt: k.equalShare.toFixed() },
        ...(s.factor ? { faktor: s.factor.toFixed(12) } : {}),
        metode: s.method,
        sum_i_dag: toPlain(s.sumToday),
      },
      rader: rows.map((r) => ({
        kommune: r.name,
        kommunenr: r.kommunenr,
        innbyggere: r.population,
        kr: toPlain(r.scenario),
        i_dag: toPlain(r.today),
        differanse: toPlain(r.difference),
      })),
      sum: toPlain(total),
      kontroll: toPlain(total.minus(s.sumScenario)),
    },
    null,
    2,
  ) + '\n';
}

function scenarioText(s: ScenarioResult, name: string): string {
  const rows = s.rows.filter((r) => r.status !== 'utmeldt');
  const lines: string[][] = [
    ['Kommunenr', 'Kommune', 'Innbyggere', 'I dag', 'Scenario', 'Differanse', 'Endring'],
    ...rows.map((r) => [
      r.kommunenr,
      r.status === 'ny' ? `${r.name} (ny)` : r.name,
      formatNumber(r.population),
      formatKroner(r.today),
      formatKroner(r.scenario),
      formatKroner(r.difference),
      r.change ? formatPercent(r.change, 1) : '',
    ]),
    ['', 'Sum', '', formatKroner(sum(rows.map((r) => r.today))), formatKroner(s.sumScenario), formatKroner(s.sumScenario.minus(sum(rows.map((r) => r.today)))), ''],
  ];
  const out = [`Scenario for fordelingen ${s.year} – ${name}`, s.method, '', textTable(lines, [false, false, true, true, true, true, true])];
  for (const m of s.without) {
    const before = s.rows.find((r) => r.kommunenr === m.kommunenr)!.today;
    out.push(`Uten ${m.name} (${m.kommunenr}): betaler i dag ${formatKroner(before)}, i scenarioet 0,00 kr.`);
  }
  out.push(`Sum i dag: ${formatKroner(s.sumToday)}. Differanse = scenario − i dag (positiv: kommunen betaler mer).`);
  return out.join('\n') + '\n';
}
