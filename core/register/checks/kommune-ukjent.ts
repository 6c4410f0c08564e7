import { LOOKUP_INVALID, LOOKUP_UNKNOWN } from '../kommune-lookup.js';
import { ROW_KOMMUNE } from '../reader.js';
import type { RegisterRule } from '../rule.js';

const ID = 'register.kommune-ukjent';

/** A kommune name or number that no known kommune has; misspellings get a suggestion ("mente du Rana?"). */
export const rule: RegisterRule = {
  id: ID,
  severity: 'error',
  description: 'Kommunenavn og kommunenummer må finnes; feilstavede navn får forslag («mente du Rana?»).',
  start(ctx) {
    const nameCol = ctx.col('kommune');
    const nrCol = ctx.col('kommunenr');
    // A section label naming a former kommune («Ørskog kommune» above its systems): once, for all its rows.
    const formerLabels = () => {
      for (const { r, c, lookup } of ctx.reader.formerLabels) {
        const fix = lookup.suggestion ? ` Rett overskriften til «${lookup.suggestion}».` : ' Rett overskriften til kommunen systemene hører til i dag.';
        ctx.emit(ID, 'error', r, c, lookup.message! + fix, lookup.suggestion, lookup.text);
      }
    };
    if (nameCol < 0 && nrCol < 0) return { end: formerLabels };
    return {
      when: ROW_KOMMUNE,
      row(f) {
        const byNumber = f.numberLookup;
        if (byNumber && (byNumber.kind === LOOKUP_UNKNOWN || byNumber.kind === LOOKUP_INVALID)) {
          // A good name in the same row tells which number was meant. A number from before 2024 already names its
          // successor (the only unknown number with a suggestion), so it needs no general hint.
          const named = f.nameLookup?.kommune;
          const former = byNumber.kind === LOOKUP_UNKNOWN && byNumber.suggestion !== undefined;
          const hint = named
            ? former && named.kommunenr === byNumber.suggestion ? '' : ` ${named.name} har kommunenummer ${named.kommunenr}.`
            : former ? '' : ' Bruk kommunenummeret fra SSB (fire siffer).';
          ctx.emit(ID, 'error', f.r, nrCol, byNumber.message! + hint, named?.kommunenr ?? byNumber.suggestion, byNumber.text);
        }
        const byName = f.nameLookup;
        if (byName && (byName.kind === LOOKUP_UNKNOWN || byName.kind === LOOKUP_INVALID)) {
          const fix = byName.suggestion ? ` Rett til «${byName.suggestion}», eller oppgi kommunenummer.` : ' Skriv kommunenavnet slik SSB skriver det, eller oppgi kommunenummer.';
          ctx.emit(ID, 'error', f.r, nameCol, byName.message! + fix, byName.suggestion, byName.text);
        }
      },
      end: formerLabels,
    };
  },
};
