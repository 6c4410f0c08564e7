// The board's printed arkivplan table (seed 004, as extracted in shared/reference/helgeland-2025/arkivplan.json),
// laid out the way the minutes print it, with sak 42-25's decision text above it.
import { readFileSync } from 'node:fs';
import type { CellValue } from '../../../core/util/cells.js';

const extract = JSON.parse(readFileSync(new URL('../../fixtures/helgeland-2025/arkivplan.json', import.meta.url), 'utf8'));
const table = extract.arkivplan_table;
const nb = (plain: string) => `kr ${Number(plain).toLocaleString('nb-NO', { minimumFractionDigits: 2 }).replace(/\u00a0/g, ' ')}`;

export const DECISION_TEXT =
  'Vedtak: kommunene som har betalte arkivplanavtaler (Sømna, Træna, Bindal, Grane, og Vega) blir anbefalt å si opp disse avtalene. Systemet vil ha effekt fra 1. januar 2026.';

export function arkivplanGrid(edit?: (rows: CellValue[][]) => void, decisionText = true): CellValue[][] {
  const rows: CellValue[][] = [
    ['Sak 42-25 Arkivplan og systemforvaltning'],
    decisionText ? [DECISION_TEXT] : [],
    [],
    table.printed_headers,
    ['', table.printed_header_fragment],
    ...table.rows.map((r: Record<string, any>) => [r.kommune, r.siste_versjon_arkivplan?.printed ?? null, r.losning_i_dag, r.kostnad_pr_maned ? nb(r.kostnad_pr_maned) : null, r.type_avtale_merknad]),
    ['SUM', null, null, table.sum_row.printed.replace(/^SUM\s*/, ''), null],
  ];
  edit?.(rows);
  return rows;
}
