import { ROW_BAD_CELL } from '../reader.js';
import type { RegisterRule } from '../rule.js';
import { CELL_FORMULA, shownText } from '../values.js';

const ID = 'register.formel-tekst';

/**
 * Text that starts with = + - or @ and is not a number ("=SUMMER(A1)", "-ikke avklart", "@kari") would run as a
 * formula if the sheet were saved, copied or written back (SPEC §8). The reader marks such cells; this rule reports them.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Tekst som begynner med = + - eller @ kan bli tolket som formel.',
  start(ctx) {
    return {
      when: ROW_BAD_CELL,
      row(f) {
        const bad = f.badColumns;
        for (let i = 0; i < bad.length; i++) {
          const c = bad[i]!;
          if (f.cls[c] !== CELL_FORMULA) continue;
          const text = shownText(f.row[c]);
          ctx.emit(
            ID,
            'error',
            f.r,
            c,
            `«${text}» begynner med «${text.charAt(0)}» og kan bli tolket som en formel. Fjern tegnet, eller skriv teksten med en apostrof foran (').`,
            undefined,
            text,
          );
        }
      },
    };
  },
};
