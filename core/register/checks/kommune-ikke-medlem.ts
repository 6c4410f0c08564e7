import { isMostlyMembers } from '../../dataset/context.js';
import type { Member } from '../../dataset/model.js';
import type { Kommune } from '../../kommuner/registry.js';
import { normalizeKey } from '../../util/text.js';
import { IntList } from '../../util/int-list.js';
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
    // Rows outside the members, two integers each: the row, and the id of the lookup the row already has · 2 + the
    // column it came from. An object per row would cost a large register a heap of them.
    const outside = new IntList();
    const lookup = ctx.reader.lookup;
    // Once so many rows are outside that even all the rows left being members could not make the register the
    // cooperation's own, nothing will be reported: stop keeping rows (another network's 100 000-row register would
    // otherwise hold tens of thousands of them to the end).
    let othersRegister = false;
    const lastRow = ctx.reader.cells.length - 1;
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
        if (othersRegister) return;
        const left = lastRow - f.r;
        if (!isMostlyMembers(inMembers + left, known + left)) {
          othersRegister = true;
          outside.clear();
          return;
        }
        // 1 = the Kommune column; 0 = Kommunenr, also for a kommune from a section label or the sheet's name.
        const fromName = found !== f.numberLookup && (found === f.nameLookup || nrCol < 0) ? 1 : 0;
        outside.push(f.r);
        outside.push(found.id * 2 + fromName);
      },
      end() {
        if (othersRegister || !isMostlyMembers(inMembers, known)) return;
        const cooperation = data.dataset.name;
        const namesakes = new Map<string, Member | undefined>();
        const namesakeOf = (kommune: Kommune) => {
          if (!namesakes.has(kommune.kommunenr)) {
            const key = normalizeKey(kommune.name);
            namesakes.set(kommune.kommunenr, [...members].map((nr) => data.member(nr)).find((m) => m !== undefined && normalizeKey(m.name) === key));
          }
          return namesakes.get(kommune.kommunenr);
        };
        for (let i = 0; i < outside.length; i += 2) {
          const r = outside.at(i);
          const key = outside.at(i + 1);
          const c = Math.max(0, key % 2 === 1 ? nameCol : nrCol);
          const found = lookup.result(key >> 1);
          const kommune = found.kommune!;
          const text = found.text;
          const namesake = namesakeOf(kommune);
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
