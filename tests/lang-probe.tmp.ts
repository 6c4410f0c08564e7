import { readFileSync } from 'node:fs';
import { checkRegister, DatasetContext, HELGELAND_2026, reconcileSheets } from '/work/wt/panel/core/index.js';
import { allocationGrid, budgetGrid, duoGrid, rpaGrid } from '/work/wt/panel/tests/core/reconcile/board-tables.js';
const reg = JSON.parse(readFileSync('/work/wt/panel/tests/fixtures/register/helgeland-systemoversikt.json','utf8'));
const data = new DatasetContext(HELGELAND_2026);
const f1 = checkRegister(reg.celler, { sheet: 'S', originRow: 1, originColumn: 1, today: '2026-03-01', data });
const f2 = reconcileSheets([{sheet:'B',cells:budgetGrid('numbers'),originRow:1,originColumn:1},{sheet:'F',cells:allocationGrid('text'),originRow:1,originColumn:1},{sheet:'G',cells:[...rpaGrid('numbers'),[],[],...duoGrid('numbers')],originRow:1,originColumn:1}], { data, year: 2026 }).findings;
for (const f of [...f1, ...f2]) for (const t of [f.message, f.expected, f.actual]) if (t && (/\d{4}-\d{2}-\d{2}/.test(t) || /\b\d{4,}\b/.test(t.replace(/\b(19|20)\d\d\b/g,'')) || /\d\.\d/.test(t))) console.log(f.rule, '|', t);
