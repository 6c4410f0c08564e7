import type { DatasetContext } from '../dataset/context.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import type { Finding } from '../findings/finding.js';
import { formatKroner } from '../money/format.js';
import { Dec, ZERO } from '../money/kroner.js';
import { deviates, readColumns } from './columns.js';
import { consensus, type Interval } from './consensus.js';
import { FindingSink, kr, num, RULES } from './findings.js';
import { resolveRows } from './kommuner.js';
import type { LocatedTable } from './locate.js';
import { checkParticipation, namesProject, projectOf } from './participation.js';
import { checkSumRow } from './sums.js';

export interface ProjectReconcileOptions {
  /** The active dataset, for a table that is its own (its project decisions and inputs are then checked). */
  readonly data?: DatasetContext;
  /** Kommune registry for a table that is not the dataset's own. */
  readonly registry?: KommuneRegistry;
}

export interface RpaReconciliation {
  readonly table: LocatedTable;
  readonly findings: Finding[];
  /** Kroner saved per handled case that the rows agree on. */
  readonly valuePerCase?: Dec;
}

/**
 * Reconciles an RPA-style table: RPA kostnad pr mnd | Antall håndteringer | Besparelse tid |
 * Netto besparelse pr mnd | Netto besparelser pr år. Checks netto = kostnad − besparelse, år = mnd × 12,
 * that every row values a handled case the same (besparelse ÷ antall), the sum row, and — with a
 * dataset — participation in the RPA decision and the inputs.
 */
export function reconcileRpaTable(table: LocatedTable, options: ProjectReconcileOptions = {}): RpaReconciliation {
  const sink = new FindingSink(table);
  const kommuner = resolveRows(table, sink, options.data, options.registry);
  // The dataset's RPA figures are for its RPA table: one whose title or headers say RPA.
  const data = namesProject(table, 'RPA') ? options.data : undefined;
  const cols = readColumns(table, sink, ['cost', 'count', 'saving', 'netMonth', 'netYear']);
  const cost = cols.cost!;
  const count = cols.count!;
  const saving = cols.saving!;
  const net = cols.netMonth;
  const year = cols.netYear;
  const rows = table.dataRows;
  const name = (r: number) => kommuner.get(r)?.name ?? `rad ${table.originRow + r}`;
  const countOf = (r: number) => count.value(r) ?? (count.isInvalid(r) ? undefined : ZERO);
  // A blank cost with no handlings is 0 (the board prints Meløy and Træna that way).
  const costOf = (r: number) => cost.value(r) ?? (cost.isInvalid(r) ? undefined : ZERO);
  const savingOf = (r: number) => saving.value(r) ?? (saving.isInvalid(r) ? undefined : ZERO);

  for (const r of rows) {
    if (cost.value(r) === undefined && !cost.isInvalid(r) && countOf(r)?.greaterThan(0)) {
      sink.add(r, cost.index, RULES.number, 'warning', `${name(r)} har ${num(countOf(r)!)} håndteringer, men ingen RPA-kostnad. Fyll inn kostnaden (0 hvis gratis).`);
    }
  }

  // Sign convention: the board prints netto = kostnad − besparelse (negative = saving exceeds cost).
  let sign = new Dec(1);
  if (net) {
    let direct = 0;
    let reversed = 0;
    for (const r of rows) {
      const c = costOf(r);
      const b = savingOf(r);
      const n = net.value(r);
      if (c === undefined || b === undefined || n === undefined) continue;
      const tol = saving.half(r).plus(net.half(r));
      if (!deviates(n, c.minus(b), tol)) direct++;
      else if (!deviates(n, b.minus(c), tol)) reversed++;
    }
    if (reversed > direct) sign = new Dec(-1);
  }

  // Every row should value a handled case the same: besparelse ÷ antall.
  const intervals: Interval[] = [];
  for (const r of rows) {
    const a = countOf(r);
    const b = saving.value(r);
    if (!a || !a.greaterThan(0) || b === undefined) continue;
    const h = saving.half(r);
    intervals.push({ lo: b.minus(h).dividedBy(a), hi: b.plus(h).dividedBy(a), id: r });
  }
  let valuePerCase: Dec | undefined;
  const agreed = intervals.length >= 3 ? consensus(intervals) : undefined;
  let basis = '';
  if (agreed) {
    valuePerCase = agreed.value;
    const assumption = data?.dataset.rpa?.assumption;
    if (assumption) {
      const v = assumption.minutesPerCase.times(assumption.hourlyRate).dividedBy(60);
      if (v.greaterThanOrEqualTo(agreed.lo) && v.lessThanOrEqualTo(agreed.hi)) {
        valuePerCase = v;
        basis = ` (${num(assumption.minutesPerCase, assumption.minutesPerCase.decimalPlaces())} min à ${kr(assumption.hourlyRate, 0)}/t)`;
      }
    }
  }
  for (const r of rows) {
    const c = costOf(r);
    const b = savingOf(r);
    const n = net?.get(r);
    if (net && n && c !== undefined && b !== undefined) {
      const expected = c.minus(b).times(sign);
      // A netto that fits the saving the other rows' value per case gives: the saving is the wrong figure, and
      // is reported as such below; the netto is right.
      const a = countOf(r);
      const fitsAgreedSaving = valuePerCase !== undefined && a !== undefined && !deviates(n.value, c.minus(valuePerCase.times(a)).times(sign), saving.unit(r).plus(net.half(r)));
      if (!fitsAgreedSaving && deviates(n.value, expected, saving.half(r).plus(net.half(r)))) {
        sink.add(
          r,
          net.index,
          RULES.deviation,
          'error',
          `${name(r)}: «${sink.header(net.index)}» er ${kr(n.value, n.decimals)}, men ${sign.isNegative() ? 'besparelse − kostnad' : 'kostnad − besparelse'} = ${sign.isNegative() ? `${kr(b, saving.decimalsAt(r))} − ${kr(c)}` : `${kr(c)} − ${kr(b, saving.decimalsAt(r))}`} = ${kr(expected, n.decimals)}${
            saving.decimalsAt(r) === 0 ? ' (besparelsen er avrundet til hele kroner)' : ''
          }.`,
          kr(expected, n.decimals),
          kr(n.value, n.decimals),
        );
      }
    }
    const y = year?.get(r);
    if (year && y) {
      const monthly = net?.value(r) ?? (c !== undefined && b !== undefined ? c.minus(b).times(sign) : undefined);
      if (monthly === undefined) continue;
      const monthlyHalf = net?.value(r) !== undefined ? net.half(r) : saving.half(r);
      // Show the unrounded month × 12 when the agreed value per case explains the printed month.
      const a = countOf(r);
      const exactMonthly = valuePerCase && a !== undefined && c !== undefined ? c.minus(valuePerCase.times(a)).times(sign) : undefined;
      const best = exactMonthly && !deviates(monthly, exactMonthly, monthlyHalf) ? exactMonthly : monthly;
      const expected = best.times(12);
      if (deviates(y.value, expected, monthlyHalf.times(12).plus(year.half(r)))) {
        sink.add(
          r,
          year.index,
          RULES.deviation,
          'error',
          `${name(r)}: «${sink.header(year.index)}» er ${kr(y.value, y.decimals)}, men 12 × ${kr(monthly)}${best === monthly ? '' : ' (uavrundet)'} = ${kr(expected, y.decimals)}.`,
          kr(expected, y.decimals),
          kr(y.value, y.decimals),
        );
      }
    }
  }

  for (const r of rows) {
    const a = countOf(r);
    const b = saving.get(r);
    if (a === undefined || !b) continue;
    let expected: Dec | undefined;
    if (a.isZero()) expected = ZERO;
    else if (valuePerCase) expected = valuePerCase.times(a);
    if (expected === undefined || !deviates(b.value, expected, saving.half(r).plus(valuePerCase && !a.isZero() ? a.times(agreed!.hi.minus(agreed!.lo)) : ZERO))) continue;
    const why = a.isZero()
      ? 'raden har 0 håndteringer, så besparelsen skal være 0'
      : `${num(a)} håndteringer × ${formatKroner(valuePerCase!, { decimals: 4 })} pr håndtering${basis} (som de andre radene) = ${kr(expected, saving.decimalsAt(r))}`;
    sink.add(r, saving.index, RULES.deviation, 'error', `${name(r)}: «${sink.header(saving.index)}» er ${kr(b.value, b.decimals)}, men ${why}.`, kr(expected, b.decimals), kr(b.value, b.decimals));
  }

  // Sum row: costs and counts are inputs (exact); savings are rounded figures.
  checkSumRow(table, sink, cost, { rowsExact: true });
  checkSumRow(table, sink, count, { rowsExact: true });
  const savingKeySum = valuePerCase ? rows.reduce((acc, r) => acc.plus(valuePerCase!.times(countOf(r) ?? ZERO)), ZERO) : undefined;
  checkSumRow(table, sink, saving, { rowsExact: false, ...(savingKeySum ? { keySum: savingKeySum } : {}) });
  // With an agreed value per case, a Sum row that fits the rows as they should be is right; the rows are wrong.
  const agreedMonthly = (r: number) => {
    const c = costOf(r);
    const a = countOf(r);
    return valuePerCase !== undefined && c !== undefined && a !== undefined ? c.minus(valuePerCase.times(a)).times(sign) : undefined;
  };
  const agreedSum = (perRow: (r: number) => Dec | undefined) => {
    const values = rows.map(perRow);
    return values.every((v) => v !== undefined) ? values.reduce((acc: Dec, v) => acc.plus(v!), ZERO) : undefined;
  };
  const netKeySum = agreedSum(agreedMonthly);
  const yearKeySum = agreedSum((r) => agreedMonthly(r)?.times(12));
  if (net) checkSumRow(table, sink, net, { rowsExact: false, ...(netKeySum ? { keySum: netKeySum } : {}) });
  if (year) checkSumRow(table, sink, year, { rowsExact: false, ...(yearKeySum ? { keySum: yearKeySum } : {}) });

  // Against the dataset: inputs and participation.
  const rpa = data?.dataset.rpa;
  if (rpa) {
    const inputs = new Map(rpa.rows.map((row) => [row.kommunenr, row]));
    for (const r of rows) {
      const k = kommuners(kommuner, r);
      const input = k ? inputs.get(k) : undefined;
      if (!input) continue;
      const c = costOf(r);
      if (c !== undefined && !c.equals(input.monthlyCost)) {
        sink.add(r, cost.index, RULES.input, 'warning', `${name(r)}: RPA-kostnaden er ${kr(c)}, men ${data!.dataset.name} har ${kr(input.monthlyCost)} pr mnd.`, kr(input.monthlyCost), kr(c));
      }
      const a = countOf(r);
      if (a !== undefined && !a.equals(input.handledPerMonth)) {
        sink.add(r, count.index, RULES.input, 'warning', `${name(r)}: antall håndteringer er ${num(a)}, men ${data!.dataset.name} har ${num(input.handledPerMonth)}.`, num(input.handledPerMonth), num(a));
      }
    }
  }
  checkParticipation(table, sink, projectOf(table, data, 'RPA'), kommuner, cost, costOf, 'RPA');
  return { table, findings: sink.findings, ...(valuePerCase ? { valuePerCase } : {}) };
}

function kommuners(kommuner: ReadonlyMap<number, { kommune?: { kommunenr: string } }>, r: number): string | undefined {
  return kommuner.get(r)?.kommune?.kommunenr;
}
