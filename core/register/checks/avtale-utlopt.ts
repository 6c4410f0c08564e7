import { ROW_CONTRACT_DUE } from '../reader.js';
import { expiredInUse } from '../contract.js';
import type { RegisterRule } from '../rule.js';
import { dayToNb } from '../values.js';

const ID = 'register.avtale-utlopt';

/** Seed 003 §6.3.1 (avtalens varighet): a system still in use on a contract whose end date has passed. */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Et system i bruk skal ikke ha en avtale som er utløpt.',
  start(ctx) {
    const c = ctx.col('contractExpires');
    const today = ctx.today;
    if (c < 0 || !(today === today)) return undefined;
    const todayNb = dayToNb(today);
    return {
      when: ROW_CONTRACT_DUE,
      row(f) {
        if (!expiredInUse(f, today)) return;
        const system = f.systemText ? `«${f.systemText.slice(0, 80)}»` : 'Systemet';
        ctx.emit(
          ID,
          'error',
          f.r,
          c,
          `Avtalen for ${system} utløp ${dayToNb(f.expiryDay)}, men systemet står som i bruk (dato for kontrollen: ${todayNb}). Forleng eller forny avtalen, eller sett status til utfaset.`,
          `etter ${todayNb}`,
          dayToNb(f.expiryDay),
        );
      },
    };
  },
};
