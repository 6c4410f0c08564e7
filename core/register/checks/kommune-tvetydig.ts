import { LOOKUP_AMBIGUOUS, LOOKUP_OK } from '../kommune-lookup.js';
import { ROW_KOMMUNE } from '../reader.js';
import type { RegisterRule } from '../rule.js';

const ID = 'register.kommune-tvetydig';

/**
 * A name several kommuner share (Herøy = 1818 Nordland or 1515 Møre og Romsdal) that the active dataset's members
 * do not settle, with no kommunenummer beside it: the row cannot be placed.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Et kommunenavn som flere kommuner har (Herøy), uten kommunenummer, må få nummer.',
  start(ctx) {
    const nameCol = ctx.col('kommune');
    if (nameCol < 0) return undefined;
    const hasNumberColumn = ctx.col('kommunenr') >= 0;
    return {
      when: ROW_KOMMUNE,
      row(f) {
        const byName = f.nameLookup;
        if (!byName || byName.kind !== LOOKUP_AMBIGUOUS) return;
        if (f.numberLookup?.kind === LOOKUP_OK) return; // the number decides (kommune-avvik checks that they agree)
        const fix = hasNumberColumn
          ? ' Fyll inn kommunenummeret i kolonnen Kommunenr.'
          : ` Skriv kommunenummeret sammen med navnet, f.eks. «${byName.candidates?.[0]?.kommunenr ?? '1818'} ${byName.candidates?.[0]?.name ?? byName.text}», eller legg til kolonnen Kommunenr.`;
        ctx.emit(ID, 'error', f.r, nameCol, byName.message! + fix, byName.suggestion, byName.text);
      },
    };
  },
};
