import { Dec, sum, ZERO } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';
import type { Column } from './columns.js';
import { consensus, simplestIn, theilSen } from './consensus.js';
import { num, RULES, type FindingSink } from './findings.js';
import type { RowKommune } from './kommuner.js';
import type { LocatedTable } from './locate.js';
import { halfUnit, unit } from './numbers.js';

export interface ShareCheck {
  readonly table: LocatedTable;
  readonly sink: FindingSink;
  readonly share: Column;
  /** Rows whose share is checked (a non-participant already reported is left out). */
  readonly rows: readonly number[];
  readonly popOf: (r: number) => Dec | undefined;
  readonly totalCol?: Column;
  readonly kommuner: ReadonlyMap<number, RowKommune>;
  /** What the key gives each row (dataset key, a key inferred from the amounts, a project's split), when it has one. */
  readonly expectedTotal?: (r: number) => Dec | undefined;
  /** The key's total the shares are parts of, when the table may leave some of it out (a project's participants). */
  readonly keyTotal?: Dec;
  /** How the key is described in messages («fordelingsnøkkelen for 2026 i …»). */
  readonly describe?: string;
  /** True when the cell was already reported: a wrong amount is not reported again through its share. */
  readonly isFlagged: (r: number, c?: number) => boolean;
}

interface Expected {
  readonly of: (r: number) => Dec | undefined;
  readonly why: string;
}

/**
 * Checks a share column (15,29 or 0,1529) against the key, never against amounts that may themselves be wrong: the
 * key's amounts when there is a key; else the ratio share ÷ amount most rows agree on; else, with only a
 * population, the line share = likt + sats × innbyggere most rows follow (a 30/70 split printed as percentages).
 * So one mistyped amount is reported once, not as a wrong share on every row. Each share may be off by one unit of
 * the decimals it prints (frozen percentages are split by largest remainder to add up to exactly 100).
 * Returns the whole the shares are parts of (100 or 1).
 */
export function checkShares(c: ShareCheck): { readonly whole: Dec } | undefined {
  const { share, rows, popOf, totalCol, sink, kommuner } = c;
  const present = rows.filter((r) => share.value(r) !== undefined);
  if (present.length === 0) return undefined;
  const values = present.map((r) => share.value(r)!);
  const asPercentNumbers = values.some((v) => v.greaterThan(1)) || sum(values).greaterThan('1.5');
  const scale = new Dec(asPercentNumbers ? 100 : 1);
  const tol = (r: number) => unit(share.get(r)!.decimals).plus(new Dec('1e-9'));
  const popTotal = sum(rows.map((r) => popOf(r) ?? ZERO));
  const byPopulation = (r: number) => (popTotal.isZero() || popOf(r) === undefined ? undefined : popOf(r)!.dividedBy(popTotal).times(scale));
  const expected = fromKey(c, scale) ?? fromAmounts(c, present, scale, tol) ?? fromPopulationLine(c, present, scale, tol);
  const header = normalizeKey(sink.header(share.index));
  const before = sink.findings.length;
  const fmt = (v: Dec, decimals: number) => (asPercentNumbers ? `${num(v, decimals)} %` : `${num(v.times(100), Math.max(0, decimals - 2))} %`);
  for (const r of present) {
    const s = share.get(r)!;
    const fits = (e?: Dec) => e !== undefined && e.minus(s.value).abs().lessThanOrEqualTo(tol(r));
    // «Andel innbyggere» is the population's share, whatever the key does with it.
    const populationShare = header.includes('innbygg') || header.includes('folketal');
    const own = populationShare ? undefined : expected?.of(r);
    if (fits(own) || fits(byPopulation(r))) continue;
    // Without a key, a row whose amount was reported carries its own share: one wrong cell, one finding.
    if (!c.expectedTotal && totalCol && c.isFlagged(r, totalCol.index)) continue;
    const e = own ?? byPopulation(r);
    if (e === undefined) continue;
    sink.add(
      r,
      share.index,
      RULES.deviation,
      'error',
      `${kommuner.get(r)?.name}: andelen er ${fmt(s.value, s.decimals)}, men ${own !== undefined ? expected!.why : 'innbyggertallet'} gir ${fmt(e, s.decimals)}.`,
      fmt(e.toDecimalPlaces(s.decimals, Dec.ROUND_HALF_UP), s.decimals),
      fmt(s.value, s.decimals),
    );
  }
  // Without a Sum row, shares of the whole table must still make up the whole: a mistyped share that every row's
  // rounding could hide (near-equal populations, coarse decimals) shows in their total.
  if (sink.findings.length === before && share.value(c.table.sumRow) === undefined && present.length === rows.length) {
    const total = sum(values);
    const gap = total.minus(scale).abs();
    let decimals = -Infinity;
    for (const r of present) decimals = Math.max(decimals, share.get(r)!.decimals);
    if (gap.lessThanOrEqualTo(scale.times('0.05')) && gap.greaterThan(halfUnit(decimals).times(present.length))) {
      sink.add(
        c.table.headerRow,
        share.index,
        RULES.sum,
        'error',
        `Andelene i «${sink.header(share.index)}» summerer til ${fmt(total, decimals)}, ikke ${fmt(scale, decimals)}: minst én andel er feil, mer enn avrunding kan forklare.`,
        fmt(scale, decimals),
        fmt(total, decimals),
      );
    }
  }
  return { whole: scale };
}

/** The key's own amounts: each row's share is its amount over the sum of the key's amounts for the table. */
function fromKey(c: ShareCheck, scale: Dec): Expected | undefined {
  const of = c.expectedTotal;
  if (!of || c.rows.some((r) => of(r) === undefined)) return undefined;
  const total = c.keyTotal ?? sum(c.rows.map((r) => of(r)!));
  if (total.isZero()) return undefined;
  return { of: (r) => of(r)?.dividedBy(total).times(scale), why: c.describe ?? 'nøkkelen' };
}

/** The ratio share ÷ amount most rows agree on (1 ÷ the sum they were shares of). */
function fromAmounts(c: ShareCheck, present: readonly number[], scale: Dec, tol: (r: number) => Dec): Expected | undefined {
  const col = c.totalCol;
  if (!col) return undefined;
  const intervals = present.flatMap((r) => {
    const t = col.value(r);
    const s = c.share.value(r)!;
    if (t === undefined || !t.greaterThan(0)) return [];
    return [{ lo: s.minus(tol(r)).dividedBy(t), hi: s.plus(tol(r)).dividedBy(t), id: r, at: s.dividedBy(t) }];
  });
  if (intervals.length < 2) return undefined;
  const agreed = consensus(intervals);
  // Without agreement the amounts' own sum is the fallback: the shares of what is printed.
  const ratio = agreed?.value ?? (() => {
    const total = sum(present.map((r) => col.value(r) ?? ZERO));
    return total.isZero() ? undefined : scale.dividedBy(total);
  })();
  if (ratio === undefined) return undefined;
  return { of: (r) => col.value(r)?.times(ratio), why: agreed ? 'beløpet (i samme forhold som de andre radene)' : 'beløpet' };
}

/**
 * Shares with a population and no amounts: the straight line share = a + b × innbyggere most rows follow. When the
 * shares make up the whole (100 %), a = (100 − b × Σ innbyggere) ÷ rows, so only b is agreed on — one parameter, which
 * a majority of rows pins down even with few rows and coarse decimals; otherwise a robust fit and the intercept most
 * rows agree on. a × rows ÷ 100 is the part split equally.
 */
function fromPopulationLine(c: ShareCheck, present: readonly number[], scale: Dec, tol: (r: number) => Dec): Expected | undefined {
  const points = present.filter((r) => c.popOf(r) !== undefined).map((r) => ({ x: c.popOf(r)!, y: c.share.value(r)!, r }));
  if (points.length < 3) return undefined;
  const n = c.rows.length;
  const line = points.length === n ? wholeLine(points, scale, tol) ?? freeLine(points, tol) : freeLine(points, tol);
  if (!line) return undefined;
  const { intercept, slope } = line;
  const equalPercent = intercept.times(n).dividedBy(scale).times(100).toDecimalPlaces(1, Dec.ROUND_HALF_UP);
  const why = intercept.abs().lessThan(tol(points[0]!.r))
    ? 'innbyggertallet'
    : `nøkkelen de andre radene følger (${num(equalPercent, equalPercent.isInteger() ? 0 : 1)} % likt og resten etter innbyggertall)`;
  return { of: (r) => (c.popOf(r) === undefined ? undefined : intercept.plus(slope.times(c.popOf(r)!))), why };
}

type Point = { x: Dec; y: Dec; r: number };

/** The line through shares that add up to `whole`: share = whole ÷ n + b × (innbyggere − mean), b agreed by most rows. */
function wholeLine(points: readonly Point[], whole: Dec, tol: (r: number) => Dec): { intercept: Dec; slope: Dec } | undefined {
  const n = points.length;
  const printed = sum(points.map((p) => p.y));
  // Shares of only part of the pool (a table that leaves members out) do not make up the whole.
  if (printed.minus(whole).abs().greaterThan(whole.times('0.05'))) return undefined;
  const totalPop = sum(points.map((p) => p.x));
  const mean = totalPop.dividedBy(n);
  const base = whole.dividedBy(n);
  // The equal part lies between none and all of the whole: 0 ≤ b ≤ whole ÷ Σ innbyggere. A row that no such line
  // fits still counts against the majority (an empty interval of its own, far outside the range).
  const most = whole.dividedBy(totalPop);
  const intervals = points.flatMap((p, i) => {
    const dx = p.x.minus(mean);
    if (dx.isZero()) return [];
    const a = p.y.minus(tol(p.r)).minus(base).dividedBy(dx);
    const b = p.y.plus(tol(p.r)).minus(base).dividedBy(dx);
    const lo = Dec.max(Dec.min(a, b), 0);
    const hi = Dec.min(Dec.max(a, b), most);
    if (lo.greaterThan(hi)) return [{ lo: new Dec(-1 - i), hi: new Dec(-1 - i), id: p.r }];
    return [{ lo, hi, id: p.r, at: p.y.minus(base).dividedBy(dx) }];
  });
  const agreed = consensus(intervals);
  if (!agreed) return undefined;
  const slope = agreed.value;
  return { intercept: whole.minus(slope.times(totalPop)).dividedBy(n), slope };
}

/** A robust line (Theil–Sen slope, then the intercept most rows agree on). */
function freeLine(points: readonly Point[], tol: (r: number) => Dec): { intercept: Dec; slope: Dec } | undefined {
  const line = theilSen(points);
  if (!line) return undefined;
  const xs = points.map((p) => p.x);
  const span = xs.reduce((a, b) => (a.greaterThan(b) ? a : b)).minus(xs.reduce((a, b) => (a.lessThan(b) ? a : b)));
  const width = tol(points[0]!.r);
  const slope = span.isZero() ? line.slope : simplestIn(line.slope.minus(width.dividedBy(span)), line.slope.plus(width.dividedBy(span)));
  const agreed = consensus(points.map((p) => ({ lo: p.y.minus(slope.times(p.x)).minus(tol(p.r)), hi: p.y.minus(slope.times(p.x)).plus(tol(p.r)), id: p.r, at: p.y.minus(slope.times(p.x)) })));
  return agreed ? { intercept: agreed.value, slope } : undefined;
}
