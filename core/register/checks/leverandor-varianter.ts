import type { RegisterRule } from '../rule.js';
import { supplierSpelling } from '../suppliers.js';

const ID = 'register.leverandor-varianter';

interface Seen {
  readonly text: string;
  count: number;
  readonly firstRow: number;
}

/** Spellings remembered per system entry before falling back to the shared map. */
const MEMO_SIZE = 4;

/**
 * The same supplier under different spellings ("VISMA AS", "Visma", "Visma as"): legal forms (AS, ASA …), country
 * words (Norge, Norway), case, spaces and punctuation are ignored when comparing (suppliers.ts). Reported once per
 * odd spelling, at its first row, with the register's most common spelling as the expected value, so reports and
 * the felles-systemer list group suppliers correctly.
 */
export const rule: RegisterRule = {
  id: ID,
  severity: 'info',
  description: 'Samme leverandør bør skrives likt i hele registeret («Visma», ikke «VISMA AS»).',
  start(ctx) {
    const c = ctx.col('supplier');
    if (c < 0) return undefined;
    const seen = new Map<string, Seen>();
    // A system is nearly always written with the same few supplier spellings: remember them on the system entry.
    const slot = ctx.reader.memoSlot();
    const count = (v: string, r: number): Seen => {
      const hit = seen.get(v);
      if (hit !== undefined) {
        hit.count++;
        return hit;
      }
      const entry: Seen = { text: v, count: 1, firstRow: r };
      seen.set(v, entry);
      return entry;
    };
    return {
      row(f) {
        const v = f.value(c);
        if (typeof v !== 'string') return;
        const system = f.system;
        if (system === undefined) {
          count(v, f.r);
          return;
        }
        // The memo is the one spelling a system has (nearly always), or a short list once it has more: most systems of
        // a large register are named once, and an array for each would be a heap of them.
        const memo = system.memo[slot] as Seen | Seen[] | undefined;
        if (memo === undefined) {
          system.memo[slot] = count(v, f.r);
          return;
        }
        if (!Array.isArray(memo)) {
          if (memo.text === v) {
            memo.count++;
            return;
          }
          system.memo[slot] = [memo, count(v, f.r)];
          return;
        }
        for (let i = 0; i < memo.length; i++) {
          const s = memo[i]!;
          if (s.text === v) {
            s.count++;
            return;
          }
        }
        const entry = count(v, f.r);
        if (memo.length < MEMO_SIZE) memo.push(entry);
      },
      end() {
        // Same spelling once whitespace is tidied → one entry; then group spellings by company key.
        const spellings = new Map<string, { count: number; firstRow: number }>();
        for (const s of seen.values()) {
          const spelling = supplierSpelling(s.text);
          const entry = spellings.get(spelling);
          if (entry) {
            entry.count += s.count;
            entry.firstRow = Math.min(entry.firstRow, s.firstRow);
          } else spellings.set(spelling, { count: s.count, firstRow: s.firstRow });
        }
        const byKey = new Map<string, [string, { count: number; firstRow: number }][]>();
        for (const [spelling, s] of spellings) {
          const key = ctx.reader.supplierKeyOf(spelling);
          if (!key) continue;
          const list = byKey.get(key);
          if (list) list.push([spelling, s]);
          else byKey.set(key, [[spelling, s]]);
        }
        for (const variants of byKey.values()) {
          if (variants.length < 2) continue;
          variants.sort((a, b) => b[1].count - a[1].count || a[1].firstRow - b[1].firstRow);
          const [preferred] = variants[0]!;
          const shown = variants
            .slice(0, 6)
            .map(([name, s]) => `«${name.slice(0, 60)}» (${s.count} ${s.count === 1 ? 'rad' : 'rader'})`)
            .join(', ');
          const more = variants.length > 6 ? ` og ${variants.length - 6} til` : '';
          for (const [spelling, s] of variants.slice(1)) {
            ctx.emit(
              ID,
              'info',
              s.firstRow,
              c,
              `Leverandøren er skrevet på ${variants.length} måter i registeret: ${shown}${more}. Bruk samme skrivemåte overalt, f.eks. «${preferred.slice(0, 60)}».`,
              preferred.slice(0, 80),
              spelling.slice(0, 80),
            );
          }
        }
      },
    };
  },
};
