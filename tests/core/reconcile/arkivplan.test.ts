// kontroll on the board's printed arkivplan table (seed 004), see arkivplan-grid.ts.
import { describe, expect, it } from 'vitest';
import { DatasetContext } from '../../../core/dataset/context.js';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import { reconcileSheets, type SheetCells } from '../../../core/reconcile/index.js';
import type { CellValue } from '../../../core/util/cells.js';
import { arkivplanGrid } from './arkivplan-grid.js';

function printedSheet(edit?: (rows: CellValue[][]) => void, decisionText = true): SheetCells {
  return { sheet: 'Arkivplan', cells: arkivplanGrid(edit, decisionText), originRow: 1, originColumn: 1 };
}

const data = new DatasetContext(HELGELAND_2026);
const run = (sheet: SheetCells, withData = true) => reconcileSheets([sheet], withData ? { data, reportUnread: true } : { reportUnread: true });

describe('kontroll on the printed arkivplan table', () => {
  it('is recognised by its headers and its Sum agrees (12 172 kr)', () => {
    const r = run(printedSheet());
    expect(r.tables).toEqual([expect.objectContaining({ kind: 'arkivplan', sheet: 'Arkivplan', cell: 'A4', rows: 19 })]);
    expect(r.findings.filter((f) => f.rule === 'kontroll.sum' || f.rule === 'kontroll.ikke-lest')).toEqual([]);
  });

  it('finds the effect-date contradiction: three months from 16.10.2025 cannot end by 1 January 2026', () => {
    const effect = run(printedSheet()).findings.filter((f) => f.rule === 'kontroll.arkivplan-effekt');
    expect(effect.map((f) => f.cell)).toEqual(['E9', 'E13', 'E14', 'E17', 'E19', 'E22']);
    expect(effect[0]).toMatchObject({
      severity: 'warning',
      expected: 'opphør senest 01.01.2026',
      actual: 'tidligst 16.01.2026',
      message: expect.stringMatching(/^Dønna har 3 måneders oppsigelse: sagt opp 16\.10\.2025 opphører avtalen tidligst 16\.01\.2026, etter «effekt fra 01\.01\.2026» i vedtaket \(Arkivplan!A2\)/),
    });
  });

  it('reads the effect date from the dataset\'s decision when the sheet has no decision text', () => {
    const effect = run(printedSheet(undefined, false)).findings.filter((f) => f.rule === 'kontroll.arkivplan-effekt');
    expect(effect).toHaveLength(6);
    expect(effect[0]!.message).toMatch(/i vedtaket i datasettet/);
  });

  it('with a later effect date there is no contradiction', () => {
    const later = run(printedSheet((rows) => (rows[1] = ['Systemet vil ha effekt fra 1. februar 2026.'])));
    expect(later.findings.filter((f) => f.rule === 'kontroll.arkivplan-effekt')).toEqual([]);
  });

  it('names the kommuner the decision calls paying that the table shows without cost', () => {
    const paying = run(printedSheet()).findings.filter((f) => f.rule === 'kontroll.arkivplan-betaler');
    expect(paying.map((f) => f.message.match(/ingen kostnad for (\S+)\./)?.[1])).toEqual(['Bindal', 'Grane', 'Træna', 'Vega']);
  });

  it('a wrong Sum and a cost that differs from DH_Arkivplan are errors with expected and actual', () => {
    const r = run(printedSheet((rows) => {
      rows.at(-1)![3] = '12 272,00kr';
      rows.find((row) => row[0] === 'Nesna')![3] = 'kr 1 999,00';
    }));
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual([
      ['kontroll.grunnlagsdata', 'D17', '1 992,00 kr', '1 999,00 kr'],
      ['kontroll.sum', 'D25', '12 179,00 kr', '12 272,00 kr'],
    ]);
  });

  it('without the dataset it still checks the Sum and the decision printed on the sheet', () => {
    const r = run(printedSheet(), false);
    expect(r.findings.filter((f) => f.rule === 'kontroll.arkivplan-effekt')).toHaveLength(0);
    const withDate = run(printedSheet((rows) => rows.splice(1, 0, ['Vedtaksdato: 16.10.2025'])), false);
    expect(withDate.findings.filter((f) => f.rule === 'kontroll.arkivplan-effekt')).toHaveLength(6);
  });
});
