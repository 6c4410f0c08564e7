// The dataset crosses postMessage by structured clone, which keeps Maps, arrays and plain objects but drops a
// class's prototype: a decimal.js value would arrive as a bare {s, e, d} object that no longer computes. So every
// Decimal travels as its exact text and is made a Decimal (the project's Dec) again on the other side.
import { Dec } from '../../core/index.js';

const DECIMAL_TAG = '__dh_decimal';

interface TaggedDecimal {
  readonly [DECIMAL_TAG]: string;
}

function isTaggedDecimal(value: object): value is TaggedDecimal {
  return typeof (value as Record<string, unknown>)[DECIMAL_TAG] === 'string' && Object.keys(value).length === 1;
}

/** A copy of `value` that structured clone carries without loss (Decimals as tagged text). */
export function toCloneable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Dec.isDecimal(value)) return { [DECIMAL_TAG]: (value as Dec).toString() };
  if (Array.isArray(value)) return value.map(toCloneable);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [toCloneable(k), toCloneable(v)]));
  if (value instanceof Set) return new Set([...value].map(toCloneable));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toCloneable(v);
  return out;
}

/** The inverse of toCloneable, after the clone arrived. */
export function fromCloneable(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(fromCloneable);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [fromCloneable(k), fromCloneable(v)]));
  if (value instanceof Set) return new Set([...value].map(fromCloneable));
  if (isTaggedDecimal(value)) return new Dec(value[DECIMAL_TAG]);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = fromCloneable(v);
  return out;
}
