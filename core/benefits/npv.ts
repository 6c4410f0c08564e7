import { Dec, type Kroner } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';

/** Real discount rate from Finansdepartementets rundskriv R-109 for years 0–40. */
export const DEFAULT_REAL_RATE = new Dec('0.04');

/**
 * Net present value with the first cash flow in year 0 (not discounted), as R-109 analyses count:
 * Σ cf_t ÷ (1 + r)^t. Note this differs from the spreadsheet NPV/NNV function, which discounts the first value.
 */
export function netPresentValue(cashFlows: readonly Dec[], rate: Dec = DEFAULT_REAL_RATE): Result<Kroner> {
  if (rate.lessThanOrEqualTo(-1)) return fail('Renten må være større enn −100 %.');
  let total = new Dec(0);
  let factor = new Dec(1);
  const base = rate.plus(1);
  for (const cf of cashFlows) {
    total = total.plus(cf.dividedBy(factor));
    factor = factor.times(base);
  }
  return ok(total.toDecimalPlaces(2, Dec.ROUND_HALF_UP));
}

/**
 * Payback in years: when the cumulative benefits first cover the investment, interpolating within the
 * year it happens. One annual figure means the same benefit every year. Undiscounted, as boards read it.
 */
export function paybackYears(investment: Dec, annualBenefits: readonly Dec[], maxYears = 40): Result<Dec> {
  if (investment.isNegative()) return fail('Investeringen kan ikke være negativ.');
  if (investment.isZero()) return ok(new Dec(0));
  if (annualBenefits.length === 0) return fail('Oppgi minst én årlig gevinst.');
  const flows = annualBenefits.length === 1 ? Array.from({ length: maxYears }, () => annualBenefits[0]!) : annualBenefits;
  let remaining = investment;
  for (let year = 0; year < flows.length; year++) {
    const gain = flows[year]!;
    if (gain.greaterThan(0) && gain.greaterThanOrEqualTo(remaining)) {
      return ok(new Dec(year).plus(remaining.dividedBy(gain)).toDecimalPlaces(2, Dec.ROUND_HALF_UP));
    }
    remaining = remaining.minus(gain);
  }
  return fail(`Investeringen tjenes ikke inn på ${flows.length} år.`, 'notAvailable');
}
