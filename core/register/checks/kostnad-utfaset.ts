import { ROW_OUT_OF_USE } from '../reader.js';
import { dec } from '../../money/kroner.js';
import { formatKroner } from '../../money/format.js';
import type { RegisterRule } from '../rule.js';
import { STATUS_OUT_OF_USE } from '../values.js';

const ID = 'register.kostnad-utfaset';

/**
 * A system marked out of use (utfaset, avviklet, ikke i bruk) that still has a cost: licences still paid? Read from
 * Kostnad pr mnd, or from Kostnad pr år when the register gives the cost per year (or the row's monthly cost is
 * blank). Systems given notice or being phased out (Oppsagt, Under avvikling) are paid until they end: not reported.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'warning',
  description: 'Systemer som er utfaset eller avviklet skal ikke ha kostnad (pr mnd eller pr år).',
  start(ctx) {
    const monthlyCol = ctx.col('monthlyCost');
    const yearlyCol = ctx.col('yearlyCost');
    const statusCol = ctx.col('status');
    if ((monthlyCol < 0 && yearlyCol < 0) || statusCol < 0) return undefined;
    return {
      when: ROW_OUT_OF_USE,
      row(f) {
        if (f.status !== STATUS_OUT_OF_USE) return;
        const monthly = monthlyCol >= 0 && f.cost > 0;
        if (!monthly && !(yearlyCol >= 0 && f.yearlyCost > 0)) return;
        const cost = monthly ? f.cost : f.yearlyCost;
        const status = String(f.cell(statusCol) ?? '').trim().slice(0, 40);
        const system = f.systemText ? `«${f.systemText.slice(0, 80)}»` : 'Systemet';
        ctx.emit(
          ID,
          'warning',
          f.r,
          monthly ? monthlyCol : yearlyCol,
          `${system} står som «${status}», men har kostnad ${formatKroner(dec(cost))} ${monthly ? 'pr mnd' : 'pr år'}. Si opp lisensen, eller rett status eller kostnad.`,
          formatKroner(dec(0)),
          `${formatKroner(dec(cost))} ${monthly ? 'pr mnd' : 'pr år'}`,
        );
      },
    };
  },
};
