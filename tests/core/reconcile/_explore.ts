import { reconcileSheet, reconcileSheets } from '../../../core/reconcile/index.js';
import { DatasetContext } from '../../../core/dataset/context.js';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import { allocationGrid, rpaGrid, duoGrid, budgetGrid } from '../../../tests/core/reconcile/board-tables.js';
const data = new DatasetContext(HELGELAND_2026);
for (const style of ['numbers', 'text'] as const) {
  for (const withData of [false, true]) {
    console.log(`===== ${style} data=${withData}`);
    const r = reconcileSheets([
      { sheet: 'Fordeling', cells: allocationGrid(style) },
      { sheet: 'RPA', cells: rpaGrid(style) },
      { sheet: 'DUO', cells: duoGrid(style) },
      { sheet: 'Budsjett', cells: budgetGrid(style) },
    ], withData ? { data } : {});
    console.log(r.tables);
    for (const f of r.findings) console.log(`${f.sheet}!${f.cell} [${f.severity}] ${f.rule} ${f.column} | ${f.message} | e=${f.expected} a=${f.actual}`);
  }
}
