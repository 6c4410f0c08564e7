import { PairTable } from '../../util/pair-table.js';
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
    // First row + 1 per (system group, kommune slot) seen: a flat array for a usual register, a table sized by the
    // pairs for one with very many distinct system names (PairTable).
    const firstRows = new PairTable();
    return {
      row(f) {
        const kommune = f.kommune;
        const system = f.system;
        if (kommune === undefined || system === undefined) return;
        const first = firstRows.getOrSet(system.group.id, kommune.slot, f.r + 1);
        if (first === 0) return;
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
