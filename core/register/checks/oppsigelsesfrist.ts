import { ROW_CONTRACT_DUE } from '../reader.js';
import { NOTICE_WARNING_DAYS, noticeDeadline } from '../contract.js';
import type { RegisterRule } from '../rule.js';
import { dayToNb } from '../values.js';

const ID = 'register.oppsigelsesfrist';

/**
 * Seed 003 §6.3.1 (oppsigelsesklausuler): the last day to give notice is the end date minus the notice period.
 * Passed (and the contract still running) → error: the chance to terminate or renegotiate at the end is gone.
 * Within 90 days → warning. Contracts already ended are reported by avtale-utlopt instead; systems out of use or
 * with notice already given (status «Oppsagt», «Under avvikling») are left alone.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Oppsigelsesfristen (avtale utløper − oppsigelsestid) må ikke være passert; varsler 90 dager før.',
  start(ctx) {
    const c = ctx.col('contractExpires');
    const today = ctx.today;
    if (c < 0 || ctx.col('noticeMonths') < 0 || !(today === today)) return undefined;
    const cache = new Map<number, number>();
    const todayNb = dayToNb(today);
    return {
      when: ROW_CONTRACT_DUE,
      row(f) {
        const deadline = noticeDeadline(f, today, cache);
        if (!(deadline === deadline) || deadline - today > NOTICE_WARNING_DAYS) return;
        const system = f.systemText ? `«${f.systemText.slice(0, 80)}»` : 'systemet';
        const months = String(f.noticeMonths).replace('.', ',');
        const basis = `avtalen utløper ${dayToNb(f.expiryDay)}, oppsigelsestid ${months} mnd`;
        const deadlineNb = dayToNb(deadline);
        if (deadline < today) {
          ctx.emit(
            ID,
            'error',
            f.r,
            c,
            `Oppsigelsesfristen for ${system} gikk ut ${deadlineNb} (${basis}). Avklar med leverandøren om avtalen fornyes, og sett status til «Oppsagt» når den er sagt opp.`,
            `oppsigelse innen ${deadlineNb}`,
            todayNb,
          );
        } else {
          const days = deadline - today;
          ctx.emit(
            ID,
            'warning',
            f.r,
            c,
            `Oppsigelsesfristen for ${system} er ${deadlineNb}, om ${days} ${days === 1 ? 'dag' : 'dager'} (${basis}). Bestem om avtalen skal sies opp eller reforhandles før fristen.`,
            `oppsigelse innen ${deadlineNb}`,
            todayNb,
          );
        }
      },
    };
  },
};
