// The Gevinst view's logic: the DH_Gevinst template and its evaluation (net per year, NNV, payback).
import {
  Dec,
  DEFAULT_REAL_RATE,
  evaluateGevinst,
  formatKroner,
  formatNumber,
  gevinstTemplate,
  sortFindings,
  type Finding,
  type GevinstEvaluation,
  type Kroner,
  type TableData,
} from '../../core/index.js';
import { type ActionResult, success, failure, reasonOf } from '../result.js';
import { groupFindings, type FindingGroup } from '../findings/actions.js';
import type { PanelHost } from '../host.js';

/** «Sett inn mal (DH_Gevinst)»: creates the template only when no DH_Gevinst exists (never overwrites). */
export async function insertGevinstTemplate(host: PanelHost): Promise<ActionResult<'created' | 'exists'>> {
  let result: 'created' | 'exists';
  try {
    result = await host.insertTemplate(gevinstTemplate());
  } catch (error) {
    return failure(`Kunne ikke sette inn DH_Gevinst: ${reasonOf(error)}.`);
  }
  if (result === 'exists') return success(result, 'DH_Gevinst finnes allerede: den er ikke endret. Trykk «Beregn» for å regne på den.');
  try {
    await host.inputsChanged?.();
  } catch {
    // Recalculation is a courtesy; the template is in place either way.
  }
  return success(result, 'Satte inn DH_Gevinst med to eksempelrader. Fyll inn egne gevinster og trykk «Beregn».');
}

export interface GevinstRowView {
  readonly row: number;
  readonly name: string;
  readonly kommune: string;
  readonly type: string;
  readonly kontantfrigjorende: string;
  readonly investering: string;
  readonly nettoPrAr: string;
  readonly ar: number;
  readonly nnv: string;
  readonly tilbakebetaling: string;
}

export interface GevinstView {
  readonly rows: readonly GevinstRowView[];
  readonly totalNetto: string;
  readonly totalNnv: string;
  readonly perKommune: readonly { readonly kommune: string; readonly nettoPrAr: string; readonly nnv: string }[];
  readonly findings: readonly Finding[];
  readonly groups: readonly FindingGroup[];
  /** «4 %»: the real discount rate. */
  readonly rate: string;
  readonly evaluation: GevinstEvaluation;
}

function paybackText(years: Dec | undefined): string {
  if (years === undefined) return 'ikke innen levetiden';
  return formatNumber(years, years.isInteger() ? 0 : 2);
}

/** «Beregn»: reads DH_Gevinst, validates it and computes net per year, NPV (4 %), payback, totals and per kommune. */
export async function evaluateGevinstTable(host: PanelHost, today?: string, rate: Dec = DEFAULT_REAL_RATE): Promise<ActionResult<GevinstView>> {
  let table: TableData | undefined;
  try {
    table = await host.readTable('DH_Gevinst');
  } catch (error) {
    return failure(`Kunne ikke lese DH_Gevinst: ${reasonOf(error)}.`);
  }
  if (!table) return failure('Fant ikke DH_Gevinst. Trykk «Sett inn mal (DH_Gevinst)» først.');
  let evaluation: GevinstEvaluation;
  try {
    evaluation = evaluateGevinst(table, rate, today);
  } catch (error) {
    return failure(`DH_Gevinst kunne ikke beregnes: ${reasonOf(error)}.`);
  }
  const money = (k: Kroner) => formatKroner(k);
  const rows = evaluation.rows.map((r) => ({
    row: r.row,
    name: r.name,
    kommune: r.kommune,
    type: r.type ?? '',
    kontantfrigjorende: r.releasesBudget ? 'Ja' : 'Nei',
    investering: money(r.investment),
    nettoPrAr: money(r.netAnnual),
    ar: r.years,
    nnv: r.npv !== undefined ? money(r.npv) : '–',
    tilbakebetaling: paybackText(r.paybackYears),
  }));
  const findings = sortFindings(evaluation.findings);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return success(
    {
      rows,
      totalNetto: money(evaluation.totalNetAnnual),
      totalNnv: money(evaluation.totalNpv),
      perKommune: evaluation.perKommune.map((p) => ({ kommune: p.kommune, nettoPrAr: money(p.netAnnual), nnv: money(p.npv) })),
      findings,
      groups: groupFindings(findings),
      rate: formatNumber(rate.times(100), rate.times(100).isInteger() ? 0 : 1) + ' %',
      evaluation,
    },
    `Beregnet ${rows.length} ${rows.length === 1 ? 'gevinst' : 'gevinster'}: netto ${money(evaluation.totalNetAnnual)} pr år, NNV ${money(evaluation.totalNpv)}` +
      (errors ? `. ${errors} ${errors === 1 ? 'feil' : 'feil'} må rettes.` : '.'),
  );
}
