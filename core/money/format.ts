import { Dec, roundOre, type Kroner } from './kroner.js';

const NBSP = '\u00a0';

/** Groups the integer digits in threes with a space, as nb-NO does ("1 234 567"). */
function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

export interface FormatOptions {
  /** Separator between thousand groups. Default is an ordinary space, as the board documents print. */
  thousands?: string;
  /** Append " kr". Default true. */
  currency?: boolean;
  decimals?: number;
}

/** Formats kroner in nb-NO: "752 197,48 kr", "−1 234,50 kr" (minus sign U+2212 as nb-NO prints it). */
export function formatKroner(amount: Kroner, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const rounded = decimals === 2 ? roundOre(amount) : amount.toDecimalPlaces(decimals, Dec.ROUND_HALF_UP);
  const negative = rounded.isNegative() && !rounded.isZero();
  const [intPart, fracPart] = rounded.abs().toFixed(decimals).split('.');
  const text = groupThousands(intPart!, options.thousands ?? ' ') + (fracPart ? ',' + fracPart : '');
  return (negative ? '\u2212' : '') + text + (options.currency === false ? '' : ' kr');
}

/** nb-NO number with a decimal comma and grouped thousands, without currency ("25 899", "0,0345"). */
export function formatNumber(value: Dec | number, decimals = 0): string {
  const d = value instanceof Dec ? value : new Dec(String(value));
  return formatKroner(d, { decimals, currency: false });
}

/** Percent in nb-NO: "15,29 %". */
export function formatPercent(fraction: Dec, decimals = 2): string {
  return formatNumber(fraction.times(100), decimals) + ' %';
}

/** dd.mm.åååå from an ISO date (yyyy-mm-dd). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

export { NBSP };
