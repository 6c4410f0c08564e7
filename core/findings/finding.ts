/** A finding from a register check or a reconciliation. Field names follow SPEC §7 (`dh kontroll --json`). */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Rule id, e.g. "register.systemeier-mangler" or "kontroll.avvik". */
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell the finding points at, e.g. "H12". */
  readonly cell: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** Column header text (or letter when the column has no header). */
  readonly column: string;
  /** Norwegian message that says what is wrong and what to fix. */
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

/** "A", "B", …, "Z", "AA" … for a 1-based column number. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address for 1-based row and column. */
export function a1(row: number, column: number): string {
  return columnLetter(column) + row;
}

/** Errors first, then warnings, then info: the order every report lists findings in. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

const A1 = /^[A-Z]+\d+$/;

/** Cell addresses in locale order; A1 addresses (capitals, then digits) order by code unit exactly so, without ICU. */
export function compareCells(a: string, b: string): number {
  if (a === b) return 0;
  if (A1.test(a) && A1.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/** Sorts findings by severity, then sheet, row and column, so reports read top-down. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      // Sheet names by locale, but only when they differ: the first localeCompare loads ICU's collator (10–25 ms of a
      // one-sheet `dh kontroll`).
      (a.sheet === b.sheet ? 0 : a.sheet.localeCompare(b.sheet)) ||
      a.row - b.row ||
      compareCells(a.cell, b.cell),
  );
}
