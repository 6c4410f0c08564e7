import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import { arkivplanStatus, arkivplanstatusTable, effectiveEnd, HELGELAND_ARKIVPLAN, lastNoticeDay, noticeMonthsIn, terminatedFrom, addMonths } from '../../../core/arkivplan/index.js';
import { planRefresh } from '../../../core/board/refresh.js';
import { asTableData, displayValue, type OwnedTable, type TableData } from '../../../core/workbook/table.js';
import type { CellValue } from '../../../core/util/cells.js';

const printed = JSON.parse(readFileSync(new URL('../../fixtures/helgeland-2025/arkivplan.json', import.meta.url), 'utf8')).arkivplan_table;

describe('the embedded DH_Arkivplan (seed 004)', () => {
  it('has the 19 printed rows, each with the printed cost, and reproduces the printed Sum 12 172 kr pr mnd', () => {
    const rows = HELGELAND_ARKIVPLAN.rows;
    expect(rows.map((r) => r.kommune)).toEqual(printed.rows.map((r: { kommune: string }) => r.kommune));
    expect(rows.map((r) => r.monthlyCost?.toFixed(2) ?? null)).toEqual(printed.rows.map((r: { kostnad_pr_maned: string | null }) => r.kostnad_pr_maned));
    expect(arkivplanStatus(rows, HELGELAND_ARKIVPLAN.decision).monthlyCost.toFixed(2)).toBe(printed.sum_row.kostnad_pr_maned);
  });

  it('every row is a member by kommunenummer', () => {
    const members = new Set(HELGELAND_2026.members.map((m) => m.kommunenr));
    expect(HELGELAND_ARKIVPLAN.rows.every((r) => members.has(r.kommunenr))).toBe(true);
  });
});

describe('notice arithmetic', () => {
  it('«3 mnd oppsigelse» from the decision 16.10.2025: effect 16.01.2026 (fra dato) or 01.02.2026 (fra månedsslutt)', () => {
    expect(effectiveEnd('2025-10-16', 3, 'fra-dato')).toBe('2026-01-16');
    expect(effectiveEnd('2025-10-16', 3, 'fra-manedsslutt')).toBe('2026-02-01');
  });

  it('to end by 1 January 2026 notice must be given by 01.10.2025 (fra dato) or 30.09.2025 (fra månedsslutt)', () => {
    expect(lastNoticeDay('2026-01-01', 3, 'fra-dato')).toBe('2025-10-01');
    expect(lastNoticeDay('2026-01-01', 3, 'fra-manedsslutt')).toBe('2025-09-30');
  });

  it('clamps to the month\'s last day', () => {
    expect(addMonths('2025-10-31', 4)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('property: notice on the last notice day ends by the date; one day later does not', () => {
    const day = fc.integer({ min: 0, max: 3650 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 24 }), fc.constantFrom('fra-dato' as const, 'fra-manedsslutt' as const), (effect, months, rule) => {
        const last = lastNoticeDay(effect, months, rule);
        expect(effectiveEnd(last, months, rule) <= effect).toBe(true);
        const next = new Date(Date.parse(`${last}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(effectiveEnd(next, months, rule) > effect).toBe(true);
      }),
    );
  });

  it('reads the agreement text', () => {
    expect(noticeMonthsIn('SSA-L 3 mnd oppsigelse')).toBe(3);
    expect(terminatedFrom('Oppsagt f.o.m 01.01.26')).toBe('2026-01-01');
    expect(terminatedFrom('Arkivplan.no oppsagt 01.01.25')).toBe('2025-01-01');
    expect(terminatedFrom('SSA-L 3 mnd oppsigelse. Effekt 01.01.25')).toBeUndefined();
  });
});

describe('status and saving', () => {
  const status = arkivplanStatus(HELGELAND_ARKIVPLAN.rows, HELGELAND_ARKIVPLAN.decision);
  const of = (name: string) => status.rows.find((r) => r.row.kommune === name)!;

  it('a paid SSA-L contract given notice at the decision ends 16.01.2026 — after the decision\'s «effekt fra 1. januar 2026»', () => {
    expect(of('Herøy')).toMatchObject({ state: 'sies opp', noticeMonths: 3, noticeFrom: '2025-10-16', effectiveEnd: '2026-01-16', monthsSaved: 11, lateForDecision: true });
    expect(of('Herøy').budgetYearSaving.toFixed(2)).toBe('22462.00');
    expect(of('Herøy').yearlySaving.toFixed(2)).toBe('24504.00');
  });

  it('Sømna, already terminated from 01.01.2026, saves the whole of 2026 and is not late', () => {
    expect(of('Sømna')).toMatchObject({ state: 'oppsagt', effectiveEnd: '2026-01-01', monthsSaved: 12, lateForDecision: false });
  });

  it('rows without cost save nothing', () => {
    expect(of('Rana')).toMatchObject({ state: 'ingen kostnad', monthsSaved: 0 });
    expect(of('Lurøy')).toMatchObject({ state: 'oppsagt', effectiveEnd: '2025-01-01' });
  });

  it('the budget-year saving is the sum of the rows: 6 contracts × 11 months + Sømna × 12', () => {
    const expected = status.rows.reduce((a, r) => a + Number(r.row.monthlyCost ?? 0) * r.monthsSaved, 0);
    expect(Number(status.budgetYearSaving)).toBeCloseTo(expected, 2);
    expect(status.rows.filter((r) => r.lateForDecision).map((r) => r.row.kommune)).toEqual(['Dønna', 'Herøy', 'Leirfjord', 'Nesna', 'Rødøy', 'Vefsn']);
  });

  it('the rule is a parameter: from the end of the month, Herøy ends 01.02.2026 and saves 11 months', () => {
    const alt = arkivplanStatus(HELGELAND_ARKIVPLAN.rows, { ...HELGELAND_ARKIVPLAN.decision, rule: 'fra-manedsslutt' });
    expect(alt.rows.find((r) => r.row.kommune === 'Herøy')).toMatchObject({ effectiveEnd: '2026-02-01', monthsSaved: 11 });
  });
});

describe('DH_Arkivplanstatus', () => {
  const asData = (t: OwnedTable): TableData => asTableData(t);

  it('has a SUM totals row equal to the printed Sum and a remark on each late contract', () => {
    const t = arkivplanstatusTable(HELGELAND_ARKIVPLAN);
    const sum = t.totals!;
    expect(sum[0]).toBe('SUM');
    expect(sum[3]).toBe(12172);
    expect(t.rows.find((r) => r[1] === 'Dønna')![11]).toBe('Tidligst opphør 16.01.2026 er etter vedtakets effekt fra 01.01.2026');
  });

  it('refreshes idempotently with the other board tables, and logs its first writing in DH_Endringer', () => {
    const store = new Map<string, TableData>();
    const first = planRefresh(HELGELAND_2026, 2026, (n) => store.get(n), '2025-10-20');
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value.toWrite.map((t) => t.name)).toContain('DH_Arkivplanstatus');
    expect(first.value.changes).toContainEqual(expect.objectContaining({ table: 'DH_Arkivplanstatus', before: '(ingen tabell)' }));
    for (const t of [...first.value.toWrite, first.value.endringer!]) store.set(t.name, asData(t));
    const second = planRefresh(HELGELAND_2026, 2026, (n) => store.get(n), '2025-10-21');
    expect(second.ok && second.value.toWrite).toEqual([]);
    expect(second.ok && second.value.endringer).toBeUndefined();
    // A cost changed in DH_Arkivplan shows up as changed cells of that kommune, and only those.
    const changed = { ...HELGELAND_2026, arkivplan: { ...HELGELAND_ARKIVPLAN, rows: HELGELAND_ARKIVPLAN.rows.map((r) => (r.kommune === 'Nesna' ? { ...r, monthlyCost: r.monthlyCost!.plus(8) } : r)) } };
    const third = planRefresh(changed, 2026, (n) => store.get(n), '2025-10-22');
    if (!third.ok) throw new Error(third.error.message);
    expect(third.value.toWrite.map((t) => t.name)).toEqual(['DH_Arkivplanstatus']);
    expect(new Set(third.value.changes.map((c) => c.key))).toEqual(new Set(['1828', '']));
  });
});
