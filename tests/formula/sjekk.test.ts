import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { createFunctionContext, HELGELAND_2026 } from '../../core/index.js';
import { REGISTER_HEADERS, registerRows } from '../../preview/src/default-workbook.js';
import { createEngine, setPreviewModel } from '../../preview/src/hyperformula-plugin.js';

let hf: HyperFormula | undefined;
afterEach(() => {
  hf?.destroy();
  hf = undefined;
});

/** The sample register as text cells (A1:U16), and formulas from row 20. */
function registerEngine(formulas: string[]): HyperFormula {
  setPreviewModel(createFunctionContext(HELGELAND_2026, '2026-03-01'));
  const rows: (string | null)[][] = [[...REGISTER_HEADERS], ...registerRows()].map((r) => r.map((c) => (c === '' ? null : `'${c}`)));
  while (rows.length < 19) rows.push([]);
  for (const f of formulas) rows.push([f]);
  return createEngine({ Register: rows });
}

describe('=DH.SJEKK over a register range', () => {
  it('counts the findings, and "liste" spills severity | cell | rule | message rows', () => {
    hf = registerEngine(['=DH.SJEKK(A1:U16)', '=DH.SJEKK(A1:U16;"feil")']);
    const count = hf.getCellValue({ sheet: 0, row: 19, col: 0 }) as number;
    const errors = hf.getCellValue({ sheet: 0, row: 20, col: 0 }) as number;
    expect(count).toBeGreaterThan(5);
    expect(errors).toBeGreaterThan(0);
    expect(errors).toBeLessThanOrEqual(count);
    hf.setCellContents({ sheet: 0, row: 24, col: 0 }, '=DH.SJEKK(A1:U16;"liste")');
    const listed: unknown[][] = [];
    for (let r = 0; r < count; r++) listed.push([0, 1, 2, 3].map((col) => hf!.getCellValue({ sheet: 0, row: 24 + r, col })));
    expect(listed.every((row) => ['Feil', 'Advarsel', 'Info'].includes(row[0] as string))).toBe(true);
    expect(listed.map((row) => row[1])).toContain('H4');
    expect(hf.getCellValue({ sheet: 0, row: 24 + count, col: 0 })).toBeNull();
  });

  it('says so in the last row when the findings do not fit the reserved area', () => {
    setPreviewModel(createFunctionContext(HELGELAND_2026, '2026-03-01'));
    // One register row with many problems: two rows are reserved (2 per data row), more findings come out.
    const bad = REGISTER_HEADERS.map((h) => ({ Kommune: 'Ranna', System: 'Elements', 'Antall brukere': 'mange', 'Avtale utløper': 'snart', 'Kostnad pr mnd': 'dyrt', Arkivverdig: 'kanskje', 'Oppsigelsestid (mnd)': 'lenge' } as Record<string, string>)[h] ?? null);
    hf = createEngine({ Register: [[...REGISTER_HEADERS], bad, [], ['=DH.SJEKK(A1:U2)'], ['=DH.SJEKK(A1:U2;"liste")']] });
    const count = hf.getCellValue({ sheet: 0, row: 3, col: 0 }) as number;
    expect(count).toBeGreaterThan(2);
    expect(hf.getCellValue({ sheet: 0, row: 4, col: 1 })).toBeTypeOf('string'); // first finding's cell
    const last = hf.getCellValue({ sheet: 0, row: 5, col: 0 }) as string;
    expect(last).toMatch(/rader til: formelen har ikke plass/);
    expect(hf.getCellValue({ sheet: 0, row: 6, col: 0 })).toBeNull();
  });
});
