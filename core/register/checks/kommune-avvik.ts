import { LOOKUP_AMBIGUOUS, LOOKUP_MISMATCH, LOOKUP_OK } from '../kommune-lookup.js';
import { ROW_KOMMUNE } from '../reader.js';
import type { RegisterRule } from '../rule.js';

const ID = 'register.kommune-avvik';

/**
 * Kommune and Kommunenr that disagree (or "1824 Rana" in one cell). The number is the key, so the row is placed by
 * the number, but one of the two is wrong and must be corrected.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Kommunenavn og kommunenummer må høre sammen.',
  start(ctx) {
    const nameCol = ctx.col('kommune');
    const nrCol = ctx.col('kommunenr');
    if (nameCol < 0 && nrCol < 0) return undefined;
    const lookup = ctx.reader.lookup;
    return {
      when: ROW_KOMMUNE,
      row(f) {
        const byName = f.nameLookup;
        const byNumber = f.numberLookup;
        if (byName?.kind === LOOKUP_MISMATCH) {
          ctx.emit(ID, 'error', f.r, nameCol, byName.message! + ' Rett nummeret eller navnet.', byName.suggestion, byName.text);
        }
        if (byNumber?.kind === LOOKUP_MISMATCH) {
          ctx.emit(ID, 'error', f.r, nrCol, byNumber.message! + ' Rett nummeret eller navnet.', byNumber.suggestion, byNumber.text);
        }
        if (byNumber?.kind !== LOOKUP_OK || !byName || (byName.kind !== LOOKUP_OK && byName.kind !== LOOKUP_AMBIGUOUS)) return;
        const nr = byNumber.kommune!.kommunenr;
        if (byName.kommune?.kommunenr === nr) return;
        // A name given as text can still mean this number (Herøy is 1818 and 1515): ask the registry.
        if (byName.name !== undefined && lookup.agrees(byName.name, nr)) return;
        const meant = byName.kind === LOOKUP_OK ? byName.kommune! : undefined;
        const meantText = meant ? ` (${meant.name} har ${meant.kommunenr})` : byName.suggestion ? ` (${byName.suggestion})` : '';
        ctx.emit(
          ID,
          'error',
          f.r,
          nrCol,
          `Kommunenr ${nr} er ${byNumber.kommune!.name}, men Kommune er «${byName.text}»${meantText}. Rett nummeret eller navnet.`,
          meant?.kommunenr ?? byName.suggestion,
          byNumber.text,
        );
      },
    };
  },
};
