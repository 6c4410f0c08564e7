// «Hva om» and «Hva får vi igjen» as functions: each entry carries its metadata beside its implementation.
import { kommuneBalance, NET_SIGN_TEXT } from '../balance/balance.js';
import { Dec, toCellNumber } from '../money/kroner.js';
import { dhError, type Result } from '../result.js';
import { runScenario, type ScenarioChanges, type ScenarioResult } from '../scenario/scenario.js';
import { cellText, isBlank, isErrorLike } from '../util/cells.js';
import type { CatalogEntry, CellResult, FunctionContext } from './types.js';

/** One scenario per context and arguments: a column of kommuner over the same scenario computes it once. */
const scenarios = new WeakMap<FunctionContext, Map<string, Result<ScenarioResult>>>();

function scenarioFor(ctx: FunctionContext, year: number, changes: ScenarioChanges): Result<ScenarioResult> {
  let cache = scenarios.get(ctx);
  if (!cache) scenarios.set(ctx, (cache = new Map()));
  const key = JSON.stringify([year, changes.without, changes.fixedAmount, changes.ratePerInhabitant, changes.equalShare, changes.mode]);
  let hit = cache.get(key);
  if (!hit) {
    hit = runScenario(ctx.data.dataset, year, changes);
    if (cache.size < 1000) cache.set(key, hit);
  }
  return hit;
}

/** The members a range names, each once; blank cells are skipped, an error value or unknown name is an error. */
function membersIn(ctx: FunctionContext, range: unknown[][] | undefined): Result<string[]> {
  const numbers = new Set<string>();
  for (const row of range ?? []) {
    for (const value of row) {
      if (isBlank(value)) continue;
      if (isErrorLike(value)) return { ok: false, error: dhError(`Området «uten» inneholder feilverdien ${cellText(value)}.`) };
      const member = ctx.data.resolveMember(value);
      if (!member.ok) return member;
      numbers.add(member.value.kommunenr);
    }
  }
  return { ok: true, value: [...numbers] };
}

export const SCENARIO: CatalogEntry = {
  name: 'SCENARIO',
  description:
    'Kommunens bidrag i et «hva om»-scenario: uten noen medlemmer og/eller med nytt fast beløp, ny sats eller andel likt. Samme nøkkel som standard; med samme_sum=SANN skaleres fast beløp og sats med én faktor så summen blir som i dag.',
  params: [
    { name: 'kommune', type: 'kommune', description: 'Kommunenavn eller kommunenummer, f.eks. "Vefsn".' },
    { name: 'år', type: 'year', description: 'Budsjettåret, f.eks. 2026.' },
    { name: 'uten', type: 'range', optional: true, description: 'Valgfritt område (eller én kommune) som melder seg ut og betaler 0.' },
    { name: 'fast', type: 'number', optional: true, description: 'Valgfritt nytt fast beløp pr kommune (kr).' },
    { name: 'sats', type: 'number', optional: true, description: 'Valgfri ny sats pr innbygger (kr).' },
    { name: 'andel_likt', type: 'number', optional: true, description: 'Valgfritt: sum å fordele med denne andelen likt (f.eks. 40 %), resten etter innbyggertall.' },
    { name: 'samme_sum', type: 'boolean', optional: true, description: 'SANN: samme sum som i dag (nøkkelen skaleres). USANN eller tom: samme nøkkel.' },
  ],
  returns: { kind: 'number', format: 'kroner', description: 'Beløp i kroner med to desimaler (0 for en kommune som er tatt ut).' },
  examples: [
    { formula: '=DH.SCENARIO("Vefsn";2026;"Rana")', result: '466 813,48' },
    { formula: '=DH.SCENARIO("Vefsn";2026;"Rana";;;;SANN())', result: '551 359,18' },
  ],
  implementation(ctx, kommune, year: number, uten?: unknown[][], fast?: Dec, sats?: Dec, andelLikt?: Dec, sammeSum?: boolean): CellResult {
    const member = ctx.data.resolveMember(kommune);
    if (!member.ok) return member.error;
    const without = membersIn(ctx, uten);
    if (!without.ok) return without.error;
    if (andelLikt !== undefined && andelLikt.greaterThan(1)) {
      return dhError(`andel_likt ${andelLikt.toString().replace('.', ',')} er over 100 %: skriv f.eks. 40 % eller 0,4.`);
    }
    const changes: ScenarioChanges = {
      ...(without.value.length ? { without: without.value } : {}),
      ...(fast !== undefined ? { fixedAmount: fast } : {}),
      ...(sats !== undefined ? { ratePerInhabitant: sats } : {}),
      ...(andelLikt !== undefined ? { equalShare: andelLikt } : {}),
      mode: sammeSum ? 'sameTotal' : 'sameKey',
    };
    const scenario = scenarioFor(ctx, year, changes);
    if (!scenario.ok) return scenario.error;
    const row = scenario.value.rows.find((r) => r.kommunenr === member.value.kommunenr);
    return row ? toCellNumber(row.scenario) : dhError(`${member.value.name} er ikke med i scenarioet.`, 'notAvailable');
  },
};

export const BALANSE: CatalogEntry = {
  name: 'BALANSE',
  description: `Kommunens regnskap for året: hva den betaler (nøkkel og prosjekter), hva den dokumentert får igjen (RPA, DUO, DH_Gevinst, tilskudd) og netto, hver linje med kilde. ${NET_SIGN_TEXT}`,
  params: [
    { name: 'kommune', type: 'kommune', description: 'Kommunenavn eller kommunenummer, f.eks. "Vefsn".' },
    { name: 'år', type: 'year', description: 'Budsjettåret, f.eks. 2026.' },
  ],
  returns: { kind: 'matrix', format: 'kroner', description: 'Tre kolonner (Post, Kr, Kilde): betaler (positivt), får igjen (negativt) og netto.' },
  examples: [{ formula: '=DH.BALANSE("Vefsn";2026)', result: 'en tabell med Post, Kr og Kilde som ender i Netto' }],
  implementation(ctx, kommune, year: number): CellResult {
    if (Array.isArray(kommune)) return dhError('BALANSE tar én kommune, ikke et område.');
    const member = ctx.data.resolveMember(kommune);
    if (!member.ok) return member.error;
    const balance = kommuneBalance(ctx.data.dataset, year, member.value.kommunenr);
    if (!balance.ok) return balance.error;
    const b = balance.value;
    const out: CellResult[][] = [['Post', 'Kr', 'Kilde']];
    // As the board prints RPA and DUO: costs positive, savings negative, so the Kr column adds up to Netto.
    for (const line of b.pays) out.push([`Betaler: ${line.label}`, toCellNumber(line.amount), line.source]);
    out.push(['Betaler i alt', toCellNumber(b.totalPays), '']);
    for (const line of b.getsBack) out.push([`Får igjen: ${line.label}`, -toCellNumber(line.amount), line.source]);
    out.push(['Får igjen i alt', -toCellNumber(b.totalGetsBack), b.notes.join(' ')]);
    out.push(['Netto', toCellNumber(b.net), NET_SIGN_TEXT]);
    return out;
  },
};
