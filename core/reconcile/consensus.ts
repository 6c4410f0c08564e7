import { Dec } from '../money/kroner.js';

/** A closed interval of values a printed figure is consistent with, tagged with its row. */
export interface Interval {
  readonly lo: Dec;
  readonly hi: Dec;
  readonly id: number;
  /** The value the row itself gives (its printed figure, or figure ÷ innbyggere); default the midpoint. */
  readonly at?: Dec;
}

export interface Consensus {
  /** The value most rows agree on: the simplest decimal inside the agreed region. */
  readonly value: Dec;
  readonly lo: Dec;
  readonly hi: Dec;
  /** Ids of the intervals that contain the region (the agreeing rows). */
  readonly members: readonly number[];
}

/**
 * The value most intervals agree on (a sweep over the end points). Requires a strict majority of the
 * intervals, so a single odd row can never outvote the rest; returns undefined when rows disagree too
 * much to tell which is right. Among equally good regions the first (lowest) wins.
 */
export function consensus(intervals: readonly Interval[]): Consensus | undefined {
  if (intervals.length === 0) return undefined;
  type Event = { at: Dec; open: boolean };
  const events: Event[] = [];
  for (const iv of intervals) {
    events.push({ at: iv.lo, open: true }, { at: iv.hi, open: false });
  }
  // Opening events sort before closing ones at the same point: closed intervals that touch overlap.
  events.sort((a, b) => a.at.comparedTo(b.at) || (a.open === b.open ? 0 : a.open ? -1 : 1));
  let count = 0;
  let best = 0;
  let bestLo: Dec | undefined;
  let bestHi: Dec | undefined;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.open) {
      count++;
      if (count > best) {
        best = count;
        bestLo = e.at;
        // The region lasts until the next closing event.
        const next = events.slice(i + 1).find((x) => !x.open);
        bestHi = next?.at ?? e.at;
      }
    } else {
      count--;
    }
  }
  if (!bestLo || !bestHi || best * 2 <= intervals.length) return undefined;
  const mid = bestLo.plus(bestHi).dividedBy(2);
  const inside = intervals.filter((iv) => iv.lo.lessThanOrEqualTo(mid) && iv.hi.greaterThanOrEqualTo(mid));
  const members = inside.map((iv) => iv.id);
  return { value: exactAgreement(inside, bestLo, bestHi) ?? simplestIn(bestLo, bestHi), lo: bestLo, hi: bestHi, members };
}

/**
 * When most agreeing rows give exactly the same value (every row's fast andel is 156 520,48; every
 * row's byPop ÷ innbyggere is 23), that value is the key: prefer it over any rounder number in the region.
 */
function exactAgreement(inside: readonly Interval[], lo: Dec, hi: Dec): Dec | undefined {
  const counts = new Map<string, { value: Dec; n: number }>();
  for (const iv of inside) {
    const v = iv.at ?? iv.lo.plus(iv.hi).dividedBy(2);
    if (v.lessThan(lo) || v.greaterThan(hi)) continue;
    const key = v.toString();
    const hit = counts.get(key) ?? { value: v, n: 0 };
    hit.n++;
    counts.set(key, hit);
  }
  let best: { value: Dec; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best && best.n >= 2 && best.n * 2 > inside.length ? best.value : undefined;
}

/**
 * The simplest number inside [lo, hi]: the fewest decimals (up to øre), else the fraction with the
 * smallest denominator, else more decimals — the figure a person typed (23, 156 520,48, 695/12) rather
 * than an artefact of the fit (22,99999…).
 */
export function simplestIn(lo: Dec, hi: Dec): Dec {
  const mid = lo.plus(hi).dividedBy(2);
  const inside = (x: Dec) => x.greaterThanOrEqualTo(lo) && x.lessThanOrEqualTo(hi);
  for (let d = 0; d <= 2; d++) {
    const candidate = mid.toDecimalPlaces(d, Dec.ROUND_HALF_UP);
    if (inside(candidate)) return candidate;
  }
  // A value per case is minutes × hourly rate ÷ 60: a fraction with a small denominator (695/12).
  for (let q = 3; q <= 120; q++) {
    const candidate = mid.times(q).toDecimalPlaces(0, Dec.ROUND_HALF_UP).dividedBy(q);
    if (inside(candidate)) return candidate;
  }
  for (let d = 3; d <= 12; d++) {
    const candidate = mid.toDecimalPlaces(d, Dec.ROUND_HALF_UP);
    if (inside(candidate)) return candidate;
  }
  return mid;
}

export function median(values: readonly Dec[]): Dec | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[m]! : sorted[m - 1]!.plus(sorted[m]!).dividedBy(2);
}

/**
 * Robust straight line y = a + b·x (Theil–Sen: the median of pairwise slopes, then the median
 * intercept), so a copied or mistyped row does not bend the fit. Large tables use a deterministic
 * sample of pairs.
 */
export function theilSen(points: readonly { x: Dec; y: Dec }[]): { intercept: Dec; slope: Dec } | undefined {
  const n = points.length;
  if (n < 2) return undefined;
  const slopes: Dec[] = [];
  const step = n > 400 ? Math.ceil((n * n) / 2 / 80_000) : 1;
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (k++ % step !== 0) continue;
      const dx = points[j]!.x.minus(points[i]!.x);
      if (dx.isZero()) continue;
      slopes.push(points[j]!.y.minus(points[i]!.y).dividedBy(dx));
    }
  }
  const slope = median(slopes);
  if (!slope) return undefined;
  const intercept = median(points.map((p) => p.y.minus(slope.times(p.x))))!;
  return { intercept, slope };
}

/**
 * How much rounding the agreeing rows show, as a tolerance: 0 when they reproduce exactly, half a unit
 * when they look rounded, one unit when they look like a largest-remainder split.
 */
export function observedTolerance(residuals: readonly Dec[], half: Dec, unitSize: Dec): Dec {
  let max = new Dec(0);
  for (const r of residuals) if (r.abs().greaterThan(max)) max = r.abs();
  if (max.isZero()) return max;
  if (max.lessThanOrEqualTo(half)) return half;
  return unitSize;
}
