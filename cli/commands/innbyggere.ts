import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatDate, formatNumber } from '../../core/money/format.js';
import { KommuneRegistry } from '../../core/kommuner/registry.js';
import { parseSsbPopulation, type SsbParseResult } from '../../core/ssb/population.js';
import { populationRequestFor, ssbPopulationUrl, type SsbPopulationRequest } from '../../core/ssb/request.js';
import { planKommunerUpdate, type PopulationFigure } from '../../core/workbook/kommuner-update.js';
import { OPTIONS, parseArgs, stringFlag } from '../args.js';
import { defaultDataset } from '../dataset.js';
import { datasetFromWorkbook } from '../workbook-dataset.js';
import { countText, textTable } from '../format.js';
import { CliError, EXIT_OK, isoDate, type CliIo } from '../io.js';
import { fetchSsbJson, ssbSettings } from '../ssb-client.js';
import { USAGE_INNBYGGERE } from '../usage.js';
import { readTable, readWorkbook } from '../workbook.js';

/**
 * dh innbyggere [--kvartal 2025K2 | --aar 2026] [--kommuner 1833,1824,…] [--svar svar.json] [--fil bok.xlsx -o ut.xlsx] [--json]
 * (SPEC §9). Every failure — no network, a timeout, an SSB error, a kommune SSB does not give a figure for — is one
 * Norwegian line and exit 2 before anything is written.
 */
export async function innbyggere(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [OPTIONS.help, OPTIONS.json, OPTIONS.kvartal, OPTIONS.aar, OPTIONS.kommuner, OPTIONS.svar, OPTIONS.fil, OPTIONS.ut]);
  if (args.flags.has('help')) {
    io.stdout(USAGE_INNBYGGERE);
    return EXIT_OK;
  }
  if (args.positional.length) throw new CliError(`For mange argumenter: «${args.positional.join(' ')}». Bruk: dh innbyggere --kvartal 2025K2 [--kommuner …].`);
  const quarter = stringFlag(args, 'kvartal');
  const year = stringFlag(args, 'aar');
  if (quarter && year) throw new CliError('Oppgi enten --kvartal eller --aar, ikke begge.');
  const periodArg = quarter ?? year;
  let request: SsbPopulationRequest | undefined;
  if (periodArg !== undefined) {
    const r = populationRequestFor(periodArg);
    if (!r.ok) throw new CliError(r.error.message);
    if (quarter && r.value.table !== '01222') throw new CliError(`«${quarter}» er ikke et kvartal: skriv f.eks. --kvartal 2025K2.`);
    if (year && r.value.table !== '07459') throw new CliError(`«${year}» er ikke et år: skriv f.eks. --aar 2026.`);
    request = r.value;
  }
  const file = stringFlag(args, 'fil');
  const out = stringFlag(args, 'ut');
  if (out && !file) throw new CliError('-o skriver DH_Kommuner inn i en kopi av arbeidsboken: oppgi den med --fil arbeidsbok.xlsx.');
  const saved = stringFlag(args, 'svar');
  if (!saved && !request) throw new CliError('Oppgi perioden: --kvartal 2025K2 (befolkning ved utgangen av kvartalet) eller --aar 2026 (per 1. januar).');

  const workbook = file ? await readWorkbook(file) : undefined;
  const active = workbook ? datasetFromWorkbook(workbook) : defaultDataset();
  const registry = active.data.registry;
  const listed = stringFlag(args, 'kommuner');
  // Which kommuner must have a figure: those asked for; else the workbook's / the dataset's members; a saved
  // response read on its own gives whatever it holds.
  const wanted = listed !== undefined ? parseKommuner(listed, registry) : workbook || !saved ? active.data.dataset.members.map((m) => m.kommunenr) : undefined;

  let json: unknown;
  if (saved) {
    let text: string;
    try {
      text = await readFile(saved, 'utf8');
    } catch {
      throw new CliError(`Fant ikke SSB-svaret «${saved}».`);
    }
    try {
      json = JSON.parse(text);
    } catch {
      throw new CliError(`«${basename(saved)}» er ikke JSON (et lagret svar fra SSB i formatet json-stat2).`);
    }
  } else {
    const settings = ssbSettings();
    json = await fetchSsbJson(ssbPopulationUrl(wanted!, request!.period, request!.table, settings.baseUrl), settings);
  }
  const parsed = parseSsbPopulation(json);
  if (!parsed.ok) throw new CliError(parsed.error.message);
  const result = pickPeriod(parsed.value, request?.period);
  const rows = wanted ? result.rows.filter((r) => wanted.includes(r.kommunenr)) : result.rows;
  if (wanted) {
    const missing = wanted.filter((nr) => !rows.some((r) => r.kommunenr === nr));
    if (missing.length) {
      const why = (nr: string) => parsed.value.warnings.find((w) => w.includes(`(${nr}) ${result.period}`))?.replace(/^.*?: /, '').replace(/\.$/, '');
      const names = missing.map((nr) => `${registry.byNumber(nr)?.name ?? nr} (${nr})${why(nr) ? ` – ${why(nr)}` : ''}`);
      throw new CliError(`SSB-svaret har ikke tall for ${names.join(', ')} i ${result.period}. Ingenting er skrevet.`);
    }
  }
  if (rows.length === 0) throw new CliError(`SSB-svaret har ingen innbyggertall for ${result.period}.`);
  const figures: PopulationFigure[] = rows
    .map((r) => ({ kommunenr: r.kommunenr, name: registry.byNumber(r.kommunenr)?.name ?? r.name, population: r.population, referenceDate: r.referenceDate }))
    .sort((a, b) => (wanted ? wanted.indexOf(a.kommunenr) - wanted.indexOf(b.kommunenr) : a.kommunenr.localeCompare(b.kommunenr)));
  const referenceDate = figures[0]!.referenceDate;
  const table = result.tableId ?? request?.table ?? (parsed.value.contentsCode === 'Personer1' ? '07459' : parsed.value.contentsCode?.startsWith('Folketallet') ? '01222' : '');
  for (const w of parsed.value.warnings.filter((w) => rows.some((r) => w.startsWith(`${r.name} (${r.kommunenr})`)))) io.stderr(`Merk: ${w}\n`);

  let written: string | undefined;
  if (workbook && file && out) {
    const existing = readTable(workbook, 'DH_Kommuner');
    const plan = planKommunerUpdate(existing, active.data.dataset.members, figures, isoDate(io.now?.() ?? new Date()), readTable(workbook, 'DH_Endringer'));
    if (!plan.ok) throw new CliError(plan.error.message);
    // The package writer (jszip) only when a file is written.
    const { writeKommunerFile } = await import('../kommuner-writer.js');
    await writeKommunerFile(file!, out, plan.value);
    written = `${countText(plan.value.changes.filter((c) => c.column === 'Innbyggere').length, 'innbyggertall endret', 'innbyggertall endret')} i DH_Kommuner${plan.value.endringer ? ' (ført i DH_Endringer)' : ''}. Skrev «${out}».`;
  }

  if (args.flags.has('json')) {
    io.stdout(JSON.stringify({ tabell: table, periode: result.period, referansedato: referenceDate, rader: figures.map((f) => ({ kommunenr: f.kommunenr, kommune: f.name, innbyggere: f.population })) }) + '\n');
  } else {
    const lines = [
      `SSB-tabell ${table || '(ukjent)'}, ${result.period}: ${parsed.value.contentsLabel ?? 'befolkning'}, per ${formatDate(referenceDate)}`,
      textTable([['Kommunenr', 'Kommune', 'Innbyggere'], ...figures.map((f) => [f.kommunenr, f.name, formatNumber(f.population)]), ['', `Sum (${countText(figures.length, 'kommune', 'kommuner')})`, formatNumber(figures.reduce((a, f) => a + f.population, 0))]], [false, false, true]),
    ];
    if (written) lines.push(written);
    io.stdout(lines.join('\n') + '\n');
  }
  return EXIT_OK;
}

/** «1833,1824» or «Rana,Vefsn»: each must be a kommune the registry knows. */
function parseKommuner(text: string, registry: KommuneRegistry): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const r = registry.resolve(/^\d{3,4}$/.test(part) ? part.padStart(4, '0') : part);
    if (!r.ok) throw new CliError(`--kommuner: ${r.error.message}`);
    if (!out.includes(r.value.kommunenr)) out.push(r.value.kommunenr);
  }
  if (out.length === 0) throw new CliError('--kommuner er tom: skriv f.eks. --kommuner 1833,1824.');
  return out;
}

/** The rows of one period: the one asked for, or the response's only (or latest) period. */
function pickPeriod(result: SsbParseResult, period: string | undefined): { rows: SsbParseResult['rows']; period: string; tableId?: string } {
  const periods = [...new Set(result.rows.map((r) => r.period))].sort();
  const chosen = period ?? periods.at(-1);
  if (chosen === undefined) throw new CliError('SSB-svaret har ingen innbyggertall.');
  if (!periods.includes(chosen)) throw new CliError(`SSB-svaret har ikke perioden ${chosen} (det har ${periods.join(', ') || 'ingen'}).`);
  return { rows: result.rows.filter((r) => r.period === chosen), period: chosen, ...(result.tableId ? { tableId: result.tableId } : {}) };
}
