import { ROW_BAD_CELL } from '../reader.js';
import type { RegisterRule } from '../rule.js';
import { CELL_ERROR, errorDescription, shownText } from '../values.js';

const ID = 'register.feilverdi';

/** A cell holding a sheet error (#N/A, #VERDI!, #REF!) or an unreadable value: the row cannot be checked fully. */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Celler med feilverdier (#I/T, #VERDI!, #REF!) må rettes.',
  start(ctx) {
    return {
      when: ROW_BAD_CELL,
      row(f) {
        const bad = f.badColumns;
        for (let i = 0; i < bad.length; i++) {
          const c = bad[i]!;
          if (f.cls[c] !== CELL_ERROR) continue;
          const v = f.row[c];
          ctx.emit(
            ID,
            'error',
            f.r,
            c,
            `Cellen inneholder ${errorDescription(v)}. Rett formelen eller skriv inn verdien; raden kan ikke kontrolleres fullt ut før det er gjort.`,
            undefined,
            shownText(v),
          );
        }
      },
    };
  },
};
