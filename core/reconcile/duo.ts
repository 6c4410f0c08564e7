import { timeValueExact } from '../benefits/time-value.js';
import type { Finding } from '../findings/finding.js';
import { Dec, sum, ZERO } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';
import { deviates, readColumns, reportable } from './columns.js';
import { observedTolerance } from './consensus.js';
import { FindingSink, kr, num, RULES } from './findings.js';
import { resolveRows } from './kommuner.js';
import type { LocatedTable } from './locate.js';
import { halfUnit, readCell, unit } from './numbers.js';
import { checkParticipation, namesProject, projectOf } from './participation.js';
import type { ProjectReconcileOptions } from './rpa.js';
import { checkSumRow } from './sums.js';

export interface DuoReconcileOptions extends ProjectReconcileOptions {
  /** The adopted pooled monthly saving (positive kroner), when not taken from the dataset or the table. */
  readonly pooledSaving?: Dec;
}

export interface DuoReconciliation {
  readonly table: LocatedTable;
  readonly findings: Finding[];
  /** The pooled monthly saving the rows were checked against (with the table's sign). */
  readonly pooled?: Dec;
  /** Where the pooled figure came from. */
  readonly pooledSource?: 'argument' | 'dataset' | 'table-cell' | 'sum-row' | 'rows';
  /** What the yearly column holds: netto × 12 (as the board's does) or besparelse × 12. */
  readonly yearlyHolds?: 'netto' | 'besparelse';
}

/**
 * Reconciles a DUO-style pooled saving table: DUO kostnad pr mnd | Besparelser pr mnd | Netto besparelse pr md |
 * Besparelser pr år. The pooled saving is split in proportion to each member's cost; netto = kostnad +
 * besparelse (savings printed negative); the yearly column is checked as netto × 12 or besparelse × 12.
 */
export function reconcileDuoTable(table: LocatedTable, options: DuoReconcileOptions = {}): DuoReconciliation {
  const sink = new FindingSink(table);
  const kommuner = resolveRows(table, sink, options.data, options.registry);
  // The dataset's DUO figures are for its DUO table: one whose title or headers say DUO.
  const data = namesProject(table, 'DUO') ? options.data : undefined;
  const cols = readColumns(table, sink, ['cost', 'saving', 'netMonth', 'netYear']);
  const cost = cols.cost!;
  const saving = cols.saving!;
  const net = cols.netMonth!;
  const year = cols.netYear;
  const rows = table.dataRows;
  const name = (r: number) => kommuner.get(r)?.name ?? `rad ${table.originRow + r}`;
  const costOf = (r: number) => cost.value(r) ?? (cost.isInvalid(r) ? undefined : ZERO);

  const printedSavings = rows.map((r) => saving.value(r)).filter((v): v is Dec => v !== undefined);
  const negative = sum(printedSavings).isNegative();
  const signed = (v: Dec) => (negative ? v.abs().negated() : v.abs());

  // The pooled saving: given > the dataset's adopted figure > a lone figure above the rows > Sum row > Σ rows.
  let pooled: Dec | undefined;
  let pooledHalf = ZERO;
  let pooledSource: DuoReconciliation['pooledSource'];
  let pooledCell: { row: number; column: number } | undefined;
  const loneCell = table.preRows
    .map((r) => ({ r, reading: readCell(table.cells[r]?.[saving.index]) }))
    .find((x) => x.reading.kind === 'number');
  if (options.pooledSaving) {
    pooled = signed(options.pooledSaving);
    pooledSource = 'argument';
  } else if (data?.dataset.duo && participantsOverlap(kommuner, data.dataset.duo.monthlyCost)) {
    pooled = signed(data.dataset.duo.adoptedMonthlySaving);
    pooledSource = 'dataset';
  } else if (loneCell && loneCell.reading.kind === 'number') {
    pooled = signed(loneCell.reading.number.value);
    pooledSource = 'table-cell';
  } else if (table.sumRow !== undefined && saving.value(table.sumRow) !== undefined) {
    pooled = saving.value(table.sumRow)!;
    pooledHalf = saving.half(table.sumRow);
    pooledSource = 'sum-row';
  } else if (printedSavings.length) {
    pooled = sum(printedSavings);
    pooledHalf = rows.reduce((acc, r) => acc.plus(saving.half(r)), ZERO);
    pooledSource = 'rows';
  }
  if (loneCell) pooledCell = { row: loneCell.r, column: saving.index };
  else if (table.sumRow !== undefined) pooledCell = { row: table.sumRow, column: saving.index };

  // Each member's saving = pooled × own cost ÷ Σ cost — for a table that splits a pooled saving: one with an
  // adopted or printed pool, one that says DUO or "felles"/"fordelt", or one whose rows mostly follow the split.
  // A plain cost/saving/net summary (a pivot table of gains) is only checked for netto and sums.
  const costs = rows.map((r) => costOf(r) ?? ZERO);
  const costSum = sum(costs);
  // Each row's share of the pool, and how far the printed savings are from it where they follow it within rounding.
  const pooledSplit = (pool: Dec) => {
    const expected = costs.map((c) => pool.times(c).dividedBy(costSum));
    const fits: Dec[] = [];
    rows.forEach((r, i) => {
      const b = saving.value(r);
      if (b !== undefined && b.minus(expected[i]!).abs().lessThanOrEqualTo(saving.unit(r))) fits.push(b.minus(expected[i]!));
    });
    return { expected, fits };
  };
  const split = pooled !== undefined && !costSum.isZero() ? pooledSplit(pooled) : undefined;
  let splitApplied = false;
  if (split) {
    const explicitPool = pooledSource === 'argument' || pooledSource === 'dataset' || pooledSource === 'table-cell';
    const saysPooled = namesProject(table, 'DUO') || /\b(felles|fordelt|pott|samlet besparelse)\b/.test(normalizeKey(table.context));
    const followed = split.fits.length >= 2 && split.fits.length * 3 >= printedSavings.length * 2;
    splitApplied = explicitPool || saysPooled || followed;
    if (splitApplied) {
      const tol = observedTolerance(split.fits, halfUnit(saving.decimals), unit(saving.decimals));
      rows.forEach((r, i) => {
        const b = saving.get(r);
        const e = split.expected[i]!;
        if (!b) return;
        const share = costs[i]!.dividedBy(costSum);
        if (!deviates(b.value, e, tol.plus(share.times(pooledHalf)))) return;
        sink.add(
          r,
          saving.index,
          RULES.deviation,
          'error',
          `${name(r)}: «${sink.header(saving.index)}» er ${kr(b.value, b.decimals)}, men ${kr(pooled!.abs())} fordelt etter kostnad gir ${kr(costs[i]!)} ÷ ${kr(costSum)} × ${kr(pooled!)} = ${kr(e, b.decimals)}.`,
          kr(e, b.decimals),
          kr(b.value, b.decimals),
        );
      });
    } else {
      pooled = undefined;
      pooledSource = undefined;
    }
  }

  // Netto = kostnad + besparelse when savings are negative (kostnad − besparelse when printed positive).
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const c = costOf(r);
    const b = saving.value(r);
    const n = net.get(r);
    if (c === undefined || b === undefined || !n) continue;
    const expected = negative ? c.plus(b) : c.minus(b);
    const alternative = negative ? ZERO.minus(expected) : b.minus(c);
    const tol = saving.half(r).plus(net.half(r));
    if (!deviates(n.value, expected, tol) || !deviates(n.value, alternative, tol)) continue;
    // A netto that fits the row's share of the pool: the saving is the wrong figure (reported above), not the netto.
    const share = splitApplied ? split!.expected[i] : undefined;
    if (share !== undefined && !deviates(n.value, negative ? c.plus(share) : c.minus(share), saving.unit(r).plus(net.half(r)))) continue;
    sink.add(
      r,
      net.index,
      RULES.deviation,
      'error',
      `${name(r)}: «${sink.header(net.index)}» er ${kr(n.value, n.decimals)}, men kostnad ${kr(c)} − besparelse ${kr(b.abs())} = ${kr(expected, n.decimals)}.`,
      kr(expected, n.decimals),
      kr(n.value, n.decimals),
    );
  }

  // The yearly column: netto × 12 or besparelse × 12 — accept either, say which it holds.
  let yearlyHolds: DuoReconciliation['yearlyHolds'];
  if (year) {
    let fitsNet = 0;
    let fitsSaving = 0;
    const misfits: number[] = [];
    for (const r of rows) {
      const y = year.get(r);
      if (!y) continue;
      const n = net.value(r);
      const b = saving.value(r);
      const okNet = n !== undefined && !deviates(y.value, n.times(12), net.half(r).times(12).plus(year.half(r)));
      const okSaving = b !== undefined && !deviates(y.value, b.times(12), saving.half(r).times(12).plus(year.half(r)));
      if (okNet) fitsNet++;
      if (okSaving) fitsSaving++;
      if (!okNet && !okSaving) misfits.push(r);
    }
    yearlyHolds = fitsNet >= fitsSaving ? 'netto' : 'besparelse';
    for (const r of misfits) {
      const y = year.get(r)!;
      const base = yearlyHolds === 'netto' ? net.value(r) : saving.value(r);
      if (base === undefined) continue;
      sink.add(
        r,
        year.index,
        RULES.deviation,
        'error',
        `${name(r)}: «${sink.header(year.index)}» er ${kr(y.value, y.decimals)}, men 12 × ${kr(base)} (${yearlyHolds === 'netto' ? 'netto pr mnd' : 'besparelse pr mnd'}) = ${kr(base.times(12), y.decimals)}.`,
        kr(base.times(12), y.decimals),
        kr(y.value, y.decimals),
      );
    }
    const label = normalizeKey(sink.header(year.index));
    if (yearlyHolds === 'netto' && fitsNet > fitsSaving && !/netto/.test(label)) {
      sink.add(
        table.headerRow,
        year.index,
        RULES.label,
        'info',
        `Kolonnen «${sink.header(year.index)}» inneholder netto besparelse pr mnd × 12 (kostnaden er trukket fra), ikke besparelsene × 12. Overskriften bør være «Netto besparelse pr år».`,
        'Netto besparelse pr år',
        sink.header(year.index),
      );
    } else if (yearlyHolds === 'besparelse' && /netto/.test(label)) {
      sink.add(table.headerRow, year.index, RULES.label, 'info', `Kolonnen «${sink.header(year.index)}» inneholder besparelsene × 12, ikke netto × 12.`);
    }
  }

  // Sum row.
  checkSumRow(table, sink, cost, { rowsExact: true });
  // A Sum row that shows the pool the rows should split is right; the rows marked as wrong are why they do not add up.
  const savingSum = checkSumRow(table, sink, saving, { rowsExact: false, ...(splitApplied && pooled !== undefined ? { keySum: pooled } : {}) });
  checkSumRow(table, sink, net, { rowsExact: false });
  if (year) checkSumRow(table, sink, year, { rowsExact: false });
  if (pooled !== undefined && savingSum.printed !== undefined && (pooledSource === 'dataset' || pooledSource === 'argument' || pooledSource === 'table-cell')) {
    const s = table.sumRow!;
    if (deviates(savingSum.printed, pooled, saving.half(s))) {
      sink.add(
        s,
        saving.index,
        RULES.sum,
        'error',
        `Sum-raden for «${sink.header(saving.index)}» er ${kr(savingSum.printed)}, men den vedtatte samlede besparelsen er ${kr(pooled)}.`,
        kr(pooled),
        kr(savingSum.printed),
      );
    }
  }
  if (loneCell && pooled !== undefined && pooledSource !== 'table-cell' && loneCell.reading.kind === 'number') {
    const lone = signed(loneCell.reading.number.value);
    if (reportable(lone.minus(pooled))) {
      sink.add(loneCell.r, saving.index, RULES.deviation, 'error', `Den samlede besparelsen over tabellen er ${kr(lone)}, men den vedtatte er ${kr(pooled)}.`, kr(pooled), kr(lone));
    }
  }

  // Against the dataset: the text's own basis, the costs, and participation.
  const duo = data?.dataset.duo;
  if (duo) {
    const handled = duo.shareHandled.times(duo.emailsPerMonth);
    const value = timeValueExact(handled, duo.assumption.minutesPerCase, duo.assumption.hourlyRate);
    const adopted = duo.adoptedMonthlySaving.abs();
    if (reportable(value.minus(adopted))) {
      const at = pooledCell ?? { row: table.headerRow, column: saving.index };
      sink.add(
        at.row,
        at.column,
        RULES.basis,
        'warning',
        `DUO: grunnlaget i saken gir ${num(duo.emailsPerMonth)} e-poster × ${num(duo.shareHandled.times(100))} % = ${num(handled)} e-poster × ${num(duo.assumption.minutesPerCase, duo.assumption.minutesPerCase.decimalPlaces())} min ÷ 60 × ${kr(duo.assumption.hourlyRate, 0)} pr time = ${kr(value)} pr mnd, men tabellen fordeler ${kr(adopted)} (avvik ${kr(adopted.minus(value))} pr mnd, ${kr(adopted.minus(value).times(12))} pr år).`,
        kr(value),
        kr(adopted),
      );
    }
    for (const r of rows) {
      const nr = kommuner.get(r)?.kommune?.kommunenr;
      const input = nr ? duo.monthlyCost.get(nr) : undefined;
      const c = costOf(r);
      if (input === undefined || c === undefined || c.equals(input)) continue;
      sink.add(r, cost.index, RULES.input, 'warning', `${name(r)}: DUO-kostnaden er ${kr(c)}, men ${data!.dataset.name} har ${kr(input)} pr mnd.`, kr(input), kr(c));
    }
  }
  checkParticipation(table, sink, projectOf(table, data, 'DUO'), kommuner, cost, costOf, 'DUO');
  return {
    table,
    findings: sink.findings,
    ...(pooled !== undefined ? { pooled } : {}),
    ...(pooledSource ? { pooledSource } : {}),
    ...(yearlyHolds ? { yearlyHolds } : {}),
  };
}

/** The dataset's DUO figures apply when the table's kommuner are the ones the dataset has costs for. */
function participantsOverlap(kommuner: ReadonlyMap<number, { kommune?: { kommunenr: string } }>, costs: ReadonlyMap<string, Dec>): boolean {
  const nrs = [...kommuner.values()].map((k) => k.kommune?.kommunenr).filter((n): n is string => !!n);
  if (nrs.length === 0) return false;
  return nrs.filter((n) => costs.has(n)).length * 2 > nrs.length;
}
