import { ROW_KOMMUNE } from '../reader.js';
import type { RegisterRule } from '../rule.js';

const ID = 'register.kommune-mangler';

/** Every row must say which kommune it belongs to: a Kommune or a Kommunenr (the number is the key). */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Hver rad må ha kommune eller kommunenummer.',
  start(ctx) {
    const nameCol = ctx.col('kommune');
    const nrCol = ctx.col('kommunenr');
    if (nameCol < 0 && nrCol < 0) {
      ctx.emitMissingColumn(ID, 'error', 'kommunenr', 'Registeret mangler kolonnene Kommune og Kommunenr. Legg til Kommunenr (fire siffer) og gjerne Kommune.');
      return undefined;
    }
    const reader = ctx.reader;
    const at = nrCol >= 0 ? nrCol : nameCol;
    return {
      when: ROW_KOMMUNE,
      row(f) {
        if (nameCol >= 0 && !reader.isMissing(f, nameCol)) return;
        if (nrCol >= 0 && !reader.isMissing(f, nrCol)) return;
        const system = f.systemText ? ` for «${f.systemText.slice(0, 80)}»` : '';
        ctx.emit(ID, 'error', f.r, at, `Kommune mangler${system}: fyll inn kommunenummer (fire siffer) eller kommunenavn.`);
      },
    };
  },
};
