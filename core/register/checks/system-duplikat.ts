import type { RegisterRule } from '../rule.js';

const ID = 'register.system-duplikat';

/**
 * The same system twice for the same kommune (same name after case/space/diacritic folding, same kommunenummer):
 * a warning on the later row that points to the first. Rows whose kommune is not known are not compared, since
 * rows are matched on kommunenummer, never on a name alone.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'warning',
  description: 'Samme system skal bare stå én gang per kommune.',
  start(ctx) {
    const systemCol = ctx.col('system');
    // First row + 1 per (system group, kommune slot), 0 = not seen: one flat table, rows of `width` kommune slots
    // per system group, regrown when a group or kommune beyond it turns up.
    let width = 64;
    let groups = 1024;
    let table = new Int32Array(width * groups);
    const grow = (group: number, k: number): void => {
      const newWidth = k < width ? width : Math.max(k + 1, width * 2);
      const newGroups = group < groups ? groups : Math.max(group + 1, groups * 2);
      const next = new Int32Array(newWidth * newGroups);
      if (newWidth === width) next.set(table);
      else for (let g = 0; g < groups; g++) for (let k = 0; k < width; k++) next[g * newWidth + k] = table[g * width + k]!;
      table = next;
      width = newWidth;
      groups = newGroups;
    };
    return {
      row(f) {
        const kommune = f.kommune;
        const system = f.system;
        if (kommune === undefined || system === undefined) return;
        const k = kommune.slot;
        const group = system.group.id;
        let i = group * width + k;
        if (k >= width || group >= groups) {
          grow(group, k);
          i = group * width + k;
        }
        const first = table[i]!;
        if (first === 0) {
          table[i] = f.r + 1;
          return;
        }
        const firstRow = ctx.originRow + first - 1;
        const text = f.systemText.slice(0, 80);
        const name = kommune.kommune!;
        ctx.emit(
          ID,
          'warning',
          f.r,
          systemCol,
          `«${text}» er registrert flere ganger for ${name.name} (${name.kommunenr}); første gang i rad ${firstRow}. Slå sammen radene, eller skill dem med tydelig navn.`,
          `én rad (rad ${firstRow})`,
          text,
        );
      },
    };
  },
};
