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
    // Per system group: first row + 1 per kommune slot (0 = not seen), an Int32Array grown as kommuner appear.
    const slot = ctx.reader.memoSlot();
    return {
      row(f) {
        const kommune = f.kommune;
        const system = f.system;
        if (kommune === undefined || system === undefined) return;
        const memo = system.group.memo;
        let firstRows = memo[slot] as Int32Array | undefined;
        const k = kommune.slot;
        if (firstRows === undefined || firstRows.length <= k) {
          const grown = new Int32Array(Math.max(8, k + 1, (firstRows?.length ?? 0) * 2));
          if (firstRows) grown.set(firstRows);
          memo[slot] = firstRows = grown;
        }
        const first = firstRows[k]!;
        if (first === 0) {
          firstRows[k] = f.r + 1;
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
