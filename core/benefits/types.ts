/** Benefit types of a gevinstrealiseringsplan, as the DFØ/KS templates name them. */
export const BENEFIT_TYPES = ['unngått kostnad', 'spart tid', 'økt kvalitet'] as const;
export type BenefitType = (typeof BENEFIT_TYPES)[number];

/** Whether a benefit frees money in the budget (kontantfrigjørende) or only time/quality. */
export function releasesBudget(type: BenefitType): boolean {
  return type === 'unngått kostnad';
}

export function parseBenefitType(text: string): BenefitType | undefined {
  const t = text.trim().toLowerCase();
  if (/unng[aå]tt|kostnad|besparelse/.test(t)) return 'unngått kostnad';
  if (/tid|timer/.test(t)) return 'spart tid';
  if (/kvalitet/.test(t)) return 'økt kvalitet';
  return undefined;
}
