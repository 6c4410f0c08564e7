import { Dec, sum, ZERO } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';
import type { Column } from './columns.js';
import { consensus, simplestIn, theilSen } from './consensus.js';
import { num, RULES, type FindingSink } from './findings.js';
import type { RowKommune } from './kommuner.js';
import type { LocatedTable } from './locate.js';
import { unit } from './numbers.js';

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
 * Shares with a population and no amounts: the straight line share = a + b × innbyggere most rows follow
 * (a robust fit, then the intercept most rows agree on). a × rows ÷ 100 is the part split equally.
 */
function fromPopulationLine(c: ShareCheck, present: readonly number[], scale: Dec, tol: (r: number) => Dec): Expected | undefined {
  const points = present.filter((r) => c.popOf(r) !== undefined).map((r) => ({ x: c.popOf(r)!, y: c.share.value(r)!, r }));
  if (points.length < 3) return undefined;
  const line = theilSen(points);
  if (!line) return undefined;
  const xs = points.map((p) => p.x);
  const span = xs.reduce((a, b) => (a.greaterThan(b) ? a : b)).minus(xs.reduce((a, b) => (a.lessThan(b) ? a : b)));
  const width = tol(points[0]!.r);
  const slope = span.isZero() ? line.slope : simplestIn(line.slope.minus(width.dividedBy(span)), line.slope.plus(width.dividedBy(span)));
  const agreed = consensus(points.map((p) => ({ lo: p.y.minus(slope.times(p.x)).minus(tol(p.r)), hi: p.y.minus(slope.times(p.x)).plus(tol(p.r)), id: p.r, at: p.y.minus(slope.times(p.x)) })));
  if (!agreed) return undefined;
  const intercept = agreed.value;
  const n = c.rows.length;
  const equalPercent = intercept.times(n).dividedBy(scale).times(100);
  const why = intercept.abs().lessThan(width)
    ? 'innbyggertallet'
    : `nøkkelen de andre radene følger (${num(equalPercent, equalPercent.isInteger() ? 0 : 1)} % likt og resten etter innbyggertall)`;
  return { of: (r) => (c.popOf(r) === undefined ? undefined : intercept.plus(slope.times(c.popOf(r)!))), why };
}
