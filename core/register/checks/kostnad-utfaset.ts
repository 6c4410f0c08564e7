import { ROW_OUT_OF_USE } from '../reader.js';
import { dec } from '../../money/kroner.js';
import { formatKroner } from '../../money/format.js';
import type { RegisterRule } from '../rule.js';
import { STATUS_OUT_OF_USE } from '../values.js';

const ID = 'register.kostnad-utfaset';

/** A system marked out of use (utfaset, avviklet, ikke i bruk) that still has a monthly cost: licences still paid? */
export const rule: RegisterRule = {
  id: ID,
  severity: 'warning',
  description: 'Systemer som er utfaset eller avviklet skal ikke ha månedskostnad.',
  start(ctx) {
    const costCol = ctx.col('monthlyCost');
    const statusCol = ctx.col('status');
    if (costCol < 0 || statusCol < 0) return undefined;
    return {
      when: ROW_OUT_OF_USE,
      row(f) {
        if (f.status !== STATUS_OUT_OF_USE || !(f.cost > 0)) return;
        const status = String(f.cell(statusCol) ?? '').trim().slice(0, 40);
        const system = f.systemText ? `«${f.systemText.slice(0, 80)}»` : 'Systemet';
        ctx.emit(
          ID,
          'warning',
          f.r,
          costCol,
          `${system} står som «${status}», men har kostnad ${formatKroner(dec(f.cost))} pr mnd. Si opp lisensen, eller rett status eller kostnad.`,
          '0',
          String(f.cost),
        );
      },
    };
  },
};
