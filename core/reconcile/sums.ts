import { Dec, sum, ZERO } from '../money/kroner.js';
import type { Column } from './columns.js';
import { deviates, reportable } from './columns.js';
import { kr, num, RULES, type FindingSink } from './findings.js';
import type { LocatedTable } from './locate.js';

export interface SumCheck {
  /** The printed sum, when the table has a sum row with a figure in this column. */
  readonly printed?: Dec;
  /** Σ of the printed rows. */
  readonly rows: Dec;
  readonly ok: boolean;
}

/** Formats a figure of a column: kroner for money, a plain number for counts and populations. */
export function formatFor(column: Column, value: Dec, decimals?: number): string {
  const d = decimals ?? column.decimals;
  if (column.role === 'population' || column.role === 'count') return num(value, Math.min(d, 2));
  if (column.role === 'share') return num(value, Math.min(d, 6));
  return kr(value, Math.min(d, 2));
}

/**
 * Compares a column's sum row with the sum of its rows. `rowsExact` says the rows carry no hidden
 * decimals (each is exactly what the key gives, or an input), so the sum must match to the øre; else
 * every row and the sum may be off by half a unit of what they print (a sum row over unrounded values).
 */
export function checkSumRow(
  table: LocatedTable,
  sink: FindingSink,
  column: Column,
  options: { rowsExact: boolean; keySum?: Dec } = { rowsExact: false },
): SumCheck {
  let total = ZERO;
  let tolerance = ZERO;
  for (const r of table.dataRows) {
    const v = column.value(r);
    if (v === undefined) continue;
    total = total.plus(v);
    if (!options.rowsExact) tolerance = tolerance.plus(column.half(r));
  }
  const s = table.sumRow;
  const printed = column.value(s);
  if (s === undefined || printed === undefined) return { rows: total, ok: true };
  if (!options.rowsExact) tolerance = tolerance.plus(column.half(s));
  if (!deviates(printed, total, tolerance)) return { printed, rows: total, ok: true };
  const decimals = Math.max(column.decimalsAt(s), column.decimals);
  const diff = printed.minus(total);
  if (options.keySum !== undefined && !deviates(printed, options.keySum, tolerance)) {
    // The sum is right; the rows marked as wrong above are why the rows do not add up to it.
    sink.add(
      s,
      column.index,
      RULES.note,
      'info',
      `Sum-raden i «${sink.header(column.index)}» (${formatFor(column, printed, decimals)}) stemmer med nøkkelen, men ikke med radene slik de står (${formatFor(column, total, decimals)}): avviket skyldes radene som er markert som feil.`,
      formatFor(column, total, decimals),
      formatFor(column, printed, decimals),
    );
    return { printed, rows: total, ok: false };
  }
  sink.add(
    s,
    column.index,
    RULES.sum,
    'error',
    `Sum-raden i «${sink.header(column.index)}» er ${formatFor(column, printed, decimals)}, men radene over summerer til ${formatFor(column, total, decimals)} (avvik ${formatFor(column, diff, decimals)}${
      options.rowsExact ? '' : `, mer enn avrunding kan forklare`
    }).`,
    formatFor(column, total, decimals),
    formatFor(column, printed, decimals),
  );
  return { printed, rows: total, ok: false };
}

/**
 * Checks a Kontroll row: it should show Σ rows − Sum (either sign), and a sound table shows 0,00.
 */
export function checkKontrollRow(table: LocatedTable, sink: FindingSink, column: Column, sumCheck: SumCheck): void {
  const k = table.kontrollRow;
  const printed = column.value(k);
  if (k === undefined || printed === undefined || sumCheck.printed === undefined) return;
  const expected = sumCheck.rows.minus(sumCheck.printed);
  const fits = !reportable(printed.minus(expected)) || !reportable(printed.plus(expected));
  const decimals = Math.max(column.decimalsAt(k), 2);
  if (!fits) {
    sink.add(
      k,
      column.index,
      RULES.sum,
      'error',
      `Kontroll-raden i «${sink.header(column.index)}» viser ${formatFor(column, printed, decimals)}, men radene minus sum-raden gir ${formatFor(column, expected, decimals)}.`,
      formatFor(column, expected, decimals),
      formatFor(column, printed, decimals),
    );
  } else if (reportable(printed)) {
    sink.add(
      k,
      column.index,
      RULES.sum,
      'warning',
      `Kontroll-raden viser ${formatFor(column, printed, decimals)}: radene og sum-raden stemmer ikke overens. En fordeling med største rest gir alltid 0,00 kr.`,
      formatFor(column, new Dec(0), decimals),
      formatFor(column, printed, decimals),
    );
  }
}

export function sumOf(values: readonly (Dec | undefined)[]): Dec {
  return sum(values.filter((v): v is Dec => v !== undefined));
}
