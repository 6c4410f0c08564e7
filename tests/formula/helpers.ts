// Shared setup for the HyperFormula tests: the board's 2026 table from the reference fixture, and
// expectations computed in whole øre from the printed populations (never from the code under test).
import { readFileSync } from 'node:fs';
import type { HyperFormula } from 'hyperformula';
import { createFunctionContext, HELGELAND_2026 } from '../../core/index.js';
import { createEngine, setPreviewModel } from '../../preview/src/hyperformula-plugin.js';

interface FixtureRow {
  readonly kommune: string;
  readonly innbyggere_2kv_2025: string;
  readonly totalt_pr_kommune: string;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/helgeland-2025/allocation-2026.json', import.meta.url), 'utf8')) as { rows: FixtureRow[] };

/** The 19 members in the board document's printed order, with the printed population. */
export const MEMBERS = fixture.rows.map((r) => ({ kommune: r.kommune, innbyggere: Number(r.innbyggere_2kv_2025), printedTotal: r.totalt_pr_kommune }));

/** 2026 key from the minutes (Sak 40-25): 156 520,48 kr per member + 23 kr per inhabitant, in øre. */
export const FIXED_ORE = 15_652_048;
export const RATE_ORE = 2_300;

/** Øre → the number a cell holds (via its decimal text, so 752197.48 is the closest double to "752197.48"). */
export function kroner(ore: number): number {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return Number(`${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`);
}

export function expectedOre(innbyggere: number): number {
  return FIXED_ORE + RATE_ORE * innbyggere;
}

/** A number's value in whole øre, or NaN when it has more than two decimals. */
export function toOre(value: number): number {
  const ore = Math.round(value * 100);
  return kroner(ore) === value ? ore : Number.NaN;
}

/**
 * «Fordeling 2026» as a user builds it: Kommune | Innbyggere | Totalt, with =DH.KOSTNAD(A<n>;2026) per member
 * and a Sum row =SUMMER(C2:C20) in row 21.
 */
export function allocationWorkbook(): HyperFormula {
  setPreviewModel(createFunctionContext(HELGELAND_2026, '2026-01-01'));
  const rows: (string | number | null)[][] = [['Kommune', 'Innbyggere', 'Totalt pr kommune']];
  MEMBERS.forEach((m, i) => rows.push([`'${m.kommune}`, m.innbyggere, `=DH.KOSTNAD(A${i + 2};2026)`]));
  rows.push(['Sum', `=SUMMER(B2:B${MEMBERS.length + 1})`, `=SUMMER(C2:C${MEMBERS.length + 1})`]);
  return createEngine({ Fordeling: rows });
}

let scratch: HyperFormula | undefined;

/**
 * Evaluates `formula` in the row below `cells` (column A) on a fresh engine with the built-in dataset. The engine
 * lives until disposeScratchEngine() (call it from afterEach).
 */
export function evaluateBelow(formula: string, cells: (string | number | null)[][] = []): unknown {
  disposeScratchEngine();
  setPreviewModel(createFunctionContext(HELGELAND_2026, '2026-01-01'));
  scratch = createEngine({ Ark: [...cells, [formula]] });
  return scratch.getCellValue({ sheet: 0, row: cells.length, col: 0 });
}

export function disposeScratchEngine(): void {
  scratch?.destroy();
  scratch = undefined;
}
