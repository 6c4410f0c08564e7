// The Fordeling view's logic: the year's allocation formatted nb-NO, DH_Fordeling_<år>, frozen percentages.
import {
  allocate,
  Dec,
  fordelingTableName,
  formatKroner,
  formatNumber,
  frozenPercentages,
  roundOre,
  type Allocation,
  type Dataset,
  type OwnedTable,
} from '../../core/index.js';
import { type ActionResult, success, failure, reasonOf } from '../result.js';
import type { PanelHost } from '../host.js';

export interface FordelingRowView {
  readonly kommunenr: string;
  readonly kommune: string;
  readonly innbyggere: string;
  readonly fast: string;
  readonly fordelt: string;
  readonly totalt: string;
  /** Frozen share, 2 decimals, summing to exactly 100,00 %. */
  readonly andel: string;
}

export interface FordelingView {
  readonly year: number;
  readonly tableName: string;
  readonly populationBasis: string;
  /** How the key reads, e.g. «156 520,48 kr pr kommune + 23,00 kr pr innbygger». */
  readonly keyText: string;
  readonly rows: readonly FordelingRowView[];
  readonly sumInnbyggere: string;
  readonly sumFast: string;
  readonly sumFordelt: string;
  readonly sum: string;
  readonly kontroll: string;
  readonly kontrollOk: boolean;
  readonly budget?: { readonly budgeted: string; readonly deviation: string; readonly ok: boolean };
  readonly allocation: Allocation;
}

function keyText(allocation: Allocation): string {
  const k = allocation.key;
  const derived = k.derivedFrom !== undefined ? ` (${k.derivedFrom}-nøkkelen justert med prisindeks)` : '';
  if (k.mode === 'fixedPlusRate') return `${formatKroner(k.fixedAmount)} pr kommune + ${formatKroner(k.ratePerInhabitant)} pr innbygger${derived}`;
  const alpha = formatNumber(k.equalShare.times(100), 1);
  return `${formatKroner(k.totalToAllocate)} fordelt ${alpha} % likt og resten etter innbyggertall${derived}`;
}

/** The year's allocation, or the Norwegian reason it cannot be computed. */
function allocationFor(dataset: Dataset, year: number): ActionResult<Allocation> {
  try {
    const allocation = allocate(dataset, year);
    return allocation.ok ? success(allocation.value, '') : failure(allocation.error.message);
  } catch (error) {
    return failure(`Fordelingen for ${year} kunne ikke beregnes: ${reasonOf(error)}.`);
  }
}

/** The allocation for a year as the Fordeling tab shows it, all figures formatted nb-NO. */
export function fordelingView(dataset: Dataset, year: number): ActionResult<FordelingView> {
  const allocation = allocationFor(dataset, year);
  if (!allocation.ok) return allocation;
  const a = allocation.value;
  const percents = new Map(frozenPercentages(a, 2).map((p) => [p.kommunenr, p.percent]));
  const rows = a.rows.map((r) => ({
    kommunenr: r.kommunenr,
    kommune: r.name,
    innbyggere: formatNumber(r.population),
    fast: formatKroner(r.fixed),
    fordelt: formatKroner(r.byPopulation),
    totalt: formatKroner(r.total),
    andel: formatNumber(percents.get(r.kommunenr) ?? new Dec(0), 2) + ' %',
  }));
  const budgeted = a.key.source.budgetedTotal;
  return success(
    {
      year,
      tableName: fordelingTableName(year),
      populationBasis: a.key.source.populationBasis ?? 'nøkkelens grunnlag',
      keyText: keyText(a),
      rows,
      sumInnbyggere: formatNumber(a.totalPopulation),
      sumFast: formatKroner(a.sumFixed),
      sumFordelt: formatKroner(a.sumByPopulation),
      sum: formatKroner(a.sum),
      kontroll: formatKroner(a.kontroll),
      kontrollOk: a.kontroll.isZero(),
      ...(budgeted && a.budgetDeviation
        ? { budget: { budgeted: formatKroner(budgeted), deviation: formatKroner(a.budgetDeviation), ok: roundOre(a.budgetDeviation).isZero() } }
        : {}),
      allocation: a,
    },
    `Fordeling ${year}: ${rows.length} kommuner, sum ${formatKroner(a.sum)}.`,
  );
}

/** Writes DH_Fordeling_<år> (one row per member, «Totalt pr kommune» as =DH.KOSTNAD formulas, a Sum row). */
export async function insertFordeling(host: PanelHost, dataset: Dataset, year: number): Promise<ActionResult<{ readonly table: string; readonly rows: number }>> {
  // The table builder sits with every other board table (core/board/tables.ts): loaded on the first click, not
  // with the first view (issue 15).
  let insert: typeof import('./insert.js');
  try {
    insert = await import('./insert.js');
  } catch (error) {
    return failure(`Kunne ikke hente denne delen av panelet: ${reasonOf(error)}. Ingenting er skrevet; prøv igjen.`);
  }
  return insert.insertFordelingTable(host, dataset, year);
}

export interface FrozenPercentagesExport {
  /** Kommunenr | Kommune | Andel (%) — not an owned table: for copying into an agreement. */
  readonly table: OwnedTable;
  /** Semicolon-separated, decimal comma (what Norwegian Excel opens directly). */
  readonly csv: string;
  readonly fileName: string;
}

function csvCell(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Frozen percentages for a cooperation agreement (largest remainder: they add up to exactly 100). */
export function exportFrozenPercentages(dataset: Dataset, year: number, decimals = 4): ActionResult<FrozenPercentagesExport> {
  const allocation = allocationFor(dataset, year);
  if (!allocation.ok) return allocation;
  const percents = frozenPercentages(allocation.value, decimals);
  const headers = ['Kommunenr', 'Kommune', 'Andel (%)'];
  const table: OwnedTable = {
    name: `DH_Prosentandeler_${year}`,
    headers,
    rows: [...percents.map((p) => [p.kommunenr, p.name, p.percent.toNumber()]), ['', 'Sum', 100]],
  };
  const lines = [
    headers.join(';'),
    ...percents.map((p) => [p.kommunenr, p.name, p.percent.toFixed(decimals).replace('.', ',')].map(csvCell).join(';')),
    ['', 'Sum', new Dec(100).toFixed(decimals).replace('.', ',')].join(';'),
  ];
  return success(
    { table, csv: lines.join('\r\n') + '\r\n', fileName: `faste-prosentandeler-${year}.csv` },
    `Faste prosentandeler for ${year} med ${decimals} desimaler; summen er nøyaktig 100 %.`,
  );
}
