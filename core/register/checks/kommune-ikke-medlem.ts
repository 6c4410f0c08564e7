import { isMostlyMembers } from '../../dataset/context.js';
import type { Kommune } from '../../kommuner/registry.js';
import { normalizeKey } from '../../util/text.js';
import type { RegisterRule } from '../rule.js';

const ID = 'register.kommune-ikke-medlem';

/**
 * A kommune that exists but is not a member of the cooperation whose register this is (Oslo in Digitale Helgeland's
 * register; Herøy 1515 where the member is Herøy 1818). Only in the cooperation's own register: another network's
 * register (most of its kommuner are not members) is not judged by this dataset's members.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'warning',
  description: 'En kommune som ikke er medlem i samarbeidet registeret hører til, får en advarsel (med medlemmet av samme navn som forslag).',
  start(ctx) {
    const data = ctx.data;
    if (data === undefined) return undefined;
    const nameCol = ctx.col('kommune');
    const nrCol = ctx.col('kommunenr');
    const members = data.memberNumbers;
    // Member by kommune slot (0, 1, 2 … in order of first sight): one lookup per distinct kommune.
    const memberBySlot: boolean[] = [];
    let known = 0;
    let inMembers = 0;
    const outside: { r: number; c: number; kommune: Kommune; text: string }[] = [];
    return {
      row(f) {
        const found = f.kommune;
        if (found === undefined || found.kommune === undefined) return;
        known++;
        let member = memberBySlot[found.slot];
        if (member === undefined) member = memberBySlot[found.slot] = members.has(found.kommune.kommunenr);
        if (member) {
          inMembers++;
          return;
        }
        const c = found === f.numberLookup ? nrCol : found === f.nameLookup ? nameCol : nrCol >= 0 ? nrCol : nameCol;
        outside.push({ r: f.r, c: c >= 0 ? c : 0, kommune: found.kommune, text: found.text });
      },
      end() {
        if (!isMostlyMembers(inMembers, known)) return;
        const cooperation = data.dataset.name;
        for (const { r, c, kommune, text } of outside) {
          const key = normalizeKey(kommune.name);
          const namesake = [...members].map((nr) => data.member(nr)).find((m) => m !== undefined && normalizeKey(m.name) === key);
          const hint = namesake ? ` Mente du ${namesake.name} ${namesake.kommunenr}, som er medlem?` : '';
          ctx.emit(
            ID,
            'warning',
            r,
            c,
            `${kommune.name} (${kommune.kommunenr}, ${kommune.fylke}) er ikke medlem i ${cooperation}.${hint}`,
            namesake?.kommunenr,
            text,
          );
        }
      },
    };
  },
};
