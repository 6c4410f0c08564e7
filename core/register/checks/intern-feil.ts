import type { RuleContext } from '../rule.js';

export const ID = 'register.intern-feil';

/** At most this many internal-error findings per run; the rest are counted in the last one. */
const MAX_REPORTED = 50;

/**
 * A rule threw on a row: a bug in DH, not in the register. The check never crashes on cell values; the failure is
 * shown as a finding (so it is seen and reported, not hidden) and the other rules still run.
 */
export class InternalErrors {
  private count = 0;

  constructor(private readonly ctx: RuleContext) {}

  report(ruleId: string, r: number, error: unknown): void {
    this.count++;
    if (this.count > MAX_REPORTED) return;
    const detail = error instanceof Error ? error.message : 'ukjent feil';
    const more = this.count === MAX_REPORTED ? ' (flere slike feil er ikke vist)' : '';
    this.ctx.emit(ID, 'error', r, 0, `Intern feil i kontrollen ${ruleId} på denne raden: ${detail.slice(0, 200)}. Meld fra til DH; de andre kontrollene er kjørt.${more}`);
  }
}
