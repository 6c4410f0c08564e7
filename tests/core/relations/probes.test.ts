// The relation finder on probe tables from public Norwegian material (probes.ts): clean tables (with their honest
// rounding) give no warning or error, and every planted slip is found in its cell with the right cause, with no
// other finding beside it. The counts are printed for the closing note.
import { afterAll, describe, expect, it } from 'vitest';
import { checkSheet } from '../../../core/relations/index.js';
import type { Finding } from '../../../core/findings/finding.js';
import type { CellValue } from '../../../core/util/cells.js';
import { probes, type CauseWord, type Probe } from './probes.js';

const CAUSE_WORDS: Record<Exclude<CauseWord, undefined>, RegExp> = {
  transposed: /to sifre byttet om/,
  factor: /ganger for (stor|liten)/,
  sign: /feil fortegn/,
  copied: /kopiert fra raden (over|under)/,
  'left-out': /ikke tatt med i summen/,
};

function planted(probe: Probe): CellValue[][] {
  const grid = probe.grid.map((r) => [...r]);
  for (const p of probe.plants) {
    const m = /^([A-Z])(\d+)$/.exec(p.cell)!;
    const row = Number(m[2]) - 1;
    const col = m[1]!.charCodeAt(0) - 65;
    while (grid[row]!.length <= col) grid[row]!.push(null);
    grid[row]![col] = p.value;
  }
  return grid;
}

const problems = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'info');
const tally = { planted: 0, found: 0, rightCause: 0, falseAlarms: 0, cleanAlarms: 0 };

describe('relasjonsfinneren på prøvetabeller fra offentlig norsk materiale', () => {
  const all = probes();
  it('har minst åtte prøvetabeller', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
  });
  for (const probe of all) {
    describe(probe.name, () => {
      it('ren tabell: sammenhenger funnet, avrunding aldri rapportert', () => {
        const result = checkSheet({ sheet: 'Prøve', cells: probe.grid });
        expect(result.blocks.length).toBeGreaterThan(0);
        expect(result.blocks.every((b) => b.related)).toBe(true);
        tally.cleanAlarms += problems(result.findings).length;
        expect(problems(result.findings)).toEqual([]);
      });
      it('hver plantet feil finnes i sin celle med riktig årsak, og ingenting annet', () => {
        const result = checkSheet({ sheet: 'Prøve', cells: planted(probe) });
        const found = problems(result.findings);
        for (const p of probe.plants) {
          tally.planted++;
          const hit = found.find((f) => f.cell === p.cell);
          if (hit) tally.found++;
          if (hit && (p.cause === undefined || CAUSE_WORDS[p.cause].test(hit.message))) tally.rightCause++;
          expect(hit, `${p.cell} i ${probe.name}`).toBeDefined();
          if (p.cause) expect(hit!.message).toMatch(CAUSE_WORDS[p.cause]);
          expect(hit!.expected).toBeDefined();
          expect(hit!.actual).toBeDefined();
        }
        const extra = found.filter((f) => !probe.plants.some((p) => p.cell === f.cell));
        tally.falseAlarms += extra.length;
        expect(extra).toEqual([]);
      });
    });
  }
  afterAll(() => {
    console.log(`prøvetabeller: ${all.length}, plantet ${tally.planted}, funnet ${tally.found}, riktig årsak ${tally.rightCause}, falske alarmer ${tally.falseAlarms} (rene tabeller: ${tally.cleanAlarms})`);
  });
});
