import { lowerFirst } from '../util/text.js';
import { Dec, roundOre } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';
import type { AllocationKey, Dataset } from '../dataset/model.js';

/** A key ready to apply: either fixed + rate per inhabitant, or a total split α equally / rest by population. */
export type ResolvedKey =
  | { mode: 'fixedPlusRate'; year: number; fixedAmount: Dec; ratePerInhabitant: Dec; source: AllocationKey; derivedFrom?: number }
  | { mode: 'totalSplit'; year: number; totalToAllocate: Dec; equalShare: Dec; source: AllocationKey; derivedFrom?: number };

/**
 * The key for `year`. A row that holds only a price index derives its figures from the previous
 * year's key: each amount × (1 + index), rounded to øre, so the derived key is itself printable.
 */
export function resolveKey(dataset: Dataset, year: number, depth = 0): Result<ResolvedKey> {
  if (!Number.isInteger(year)) return fail(`Ugyldig år «${year}».`);
  const key = dataset.keys.find((k) => k.year === year);
  const years = dataset.keys.map((k) => k.year).sort((a, b) => a - b);
  if (!key) {
    return fail(`Ingen fordelingsnøkkel for ${year} i ${dataset.name}${years.length ? ` (har ${years.join(', ')})` : ''}.`, 'notAvailable');
  }
  if (key.fixedAmount !== undefined || key.ratePerInhabitant !== undefined) {
    // A negative key is a credit shared out like a charge; a key that charges one part and credits the other has
    // no shares (a kommune's part could change sign with its population), so it is refused.
    if ((key.fixedAmount?.isNegative() && key.ratePerInhabitant?.greaterThan(0)) || (key.ratePerInhabitant?.isNegative() && key.fixedAmount?.greaterThan(0))) {
      return fail(`Fast beløp og sats pr innbygger for ${year} har motsatt fortegn: skriv begge som positive tall (en kostnad) eller begge som negative (en tilbakebetaling).`);
    }
    return ok({ mode: 'fixedPlusRate', year, fixedAmount: key.fixedAmount ?? new Dec(0), ratePerInhabitant: key.ratePerInhabitant ?? new Dec(0), source: key });
  }
  if (key.totalToAllocate !== undefined) {
    const alpha = key.equalShare ?? new Dec(0);
    if (alpha.lessThan(0) || alpha.greaterThan(1)) return fail(`Andel likt for ${year} må være mellom 0 og 1 (er ${alpha.toString()}).`);
    return ok({ mode: 'totalSplit', year, totalToAllocate: key.totalToAllocate, equalShare: alpha, source: key });
  }
  if (key.priceIndex !== undefined && depth < 50) {
    const previous = resolveKey(dataset, year - 1, depth + 1);
    if (!previous.ok) return fail(`Nøkkelen for ${year} er bare en prisindeks, og ${lowerFirst(previous.error.message)}`, 'notAvailable');
    const factor = key.priceIndex.plus(1);
    const p = previous.value;
    if (p.mode === 'fixedPlusRate') {
      return ok({ mode: 'fixedPlusRate', year, fixedAmount: roundOre(p.fixedAmount.times(factor)), ratePerInhabitant: roundOre(p.ratePerInhabitant.times(factor)), source: key, derivedFrom: p.year });
    }
    return ok({ mode: 'totalSplit', year, totalToAllocate: roundOre(p.totalToAllocate.times(factor)), equalShare: p.equalShare, source: key, derivedFrom: p.year });
  }
  return fail(`Fordelingsnøkkelen for ${year} mangler både fast beløp/sats og sum å fordele.`);
}
