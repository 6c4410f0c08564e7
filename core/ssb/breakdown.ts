// A population response may be split by further dimensions (Kjonn, Alder, …). The key needs the whole population,
// so each such dimension must either carry a total category (then only it is read), or be a complete partition that
// can be summed (both sexes; ages from 0 to an open top group). Anything else — one sex, a few age groups, an
// unknown dimension with one category — is a sub-population and is refused, never returned as if it were the total.
import { normalizeKey } from '../util/text.js';
import type { CubeDimension } from './cube.js';

export type Breakdown =
  | { readonly kind: 'total'; readonly index: number }
  | { readonly kind: 'sum'; readonly indexes: readonly number[] }
  | { readonly kind: 'refuse'; readonly message: string };

const TOTAL_LABEL = /^(i alt|alle|alt|totalt?|sum|begge kjonn|alle aldre|all|all ages|both sexes|total)$|\bi alt$|^alle /;
const TOTAL_CODE = /^(0|00|000|t|tot|total|999|99|ialt|alle|tot_alder)$/i;

function isTotal(dim: CubeDimension, code: string): boolean {
  const label = normalizeKey(dim.labels[code] ?? '');
  if (label && TOTAL_LABEL.test(label)) return true;
  // A bare code such as "0" means total only where the dimension is not one of ages (age 0 is a real category).
  return !isAgeDimension(dim) && TOTAL_CODE.test(code);
}

function isAgeDimension(dim: CubeDimension): boolean {
  return /(alder|age)/.test(normalizeKey(`${dim.id} ${dim.label}`));
}

function isSexDimension(dim: CubeDimension): boolean {
  return /(kjonn|kjoenn|sex|gender)/.test(normalizeKey(`${dim.id} ${dim.label}`));
}

/** Men and women: by SSB's codes 1/2 or by their labels. */
function sexOf(dim: CubeDimension, code: string): 'm' | 'k' | undefined {
  const label = normalizeKey(dim.labels[code] ?? '');
  if (code === '1' || /^(menn|mann|males?|men)$/.test(label)) return 'm';
  if (code === '2' || /^(kvinner|kvinne|females?|women)$/.test(label)) return 'k';
  return undefined;
}

/** An age category as an interval: "000"/"5" one year, "0-4"/"F000-004" a range, "105+"/"90 år eller eldre" open. */
function ageRange(dim: CubeDimension, code: string): [number, number] | undefined {
  const texts = [code, dim.labels[code] ?? ''];
  for (const text of texts) {
    const t = text.replace(/^[A-Za-z]+/, '').trim();
    let m = /^(\d{1,3})\s*\+$/.exec(t) ?? /^(\d{1,3})\s*(år)?\s*(eller eldre|og eldre|or older|and over)$/i.exec(t);
    if (m) return [Number(m[1]), Infinity];
    m = /^(\d{1,3})\s*[-–]\s*(\d{1,3})\s*(år)?$/.exec(t);
    if (m && Number(m[1]) <= Number(m[2])) return [Number(m[1]), Number(m[2])];
    m = /^(\d{1,3})\s*(år)?$/.exec(t);
    if (m) return [Number(m[1]), Number(m[1])];
  }
  return undefined;
}

function coversAllAges(dim: CubeDimension): boolean {
  const ranges = dim.codes.map((c) => ageRange(dim, c));
  if (ranges.some((r) => r === undefined)) return false;
  const sorted = (ranges as [number, number][]).sort((a, b) => a[0] - b[0]);
  let next = 0;
  for (const [from, to] of sorted) {
    if (from !== next) return false;
    next = to + 1;
  }
  return next === Infinity;
}

const listed = (dim: CubeDimension) => {
  const names = dim.codes.map((c) => `«${dim.labels[c] ?? c}»`);
  return names.length > 4 ? `${names.slice(0, 3).join(', ')} og ${names.length - 3} til` : names.join(', ');
};

/** How one further dimension is read so that the result is the whole population. */
export function breakdownFor(dim: CubeDimension): Breakdown {
  const total = dim.codes.findIndex((c) => isTotal(dim, c));
  if (total >= 0) return { kind: 'total', index: total };
  const all = dim.codes.map((_, i) => i);
  if (isSexDimension(dim)) {
    const sexes = new Set(dim.codes.map((c) => sexOf(dim, c)));
    if (dim.codes.length === 2 && sexes.has('m') && sexes.has('k')) return { kind: 'sum', indexes: all };
  } else if (isAgeDimension(dim)) {
    if (coversAllAges(dim)) return { kind: 'sum', indexes: all };
  }
  return {
    kind: 'refuse',
    message: `SSB-svaret er delt på ${dim.label} (${dim.id}: ${listed(dim)}), og det er ikke hele befolkningen. Hent tallet uten ${dim.id}, eller med alle kategoriene, så summeres de.`,
  };
}
