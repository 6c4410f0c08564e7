import { a1, columnLetter, type Finding, type Severity } from '../findings/finding.js';
import { formatKroner, formatNumber } from '../money/format.js';
import type { Dec } from '../money/kroner.js';
import type { LocatedTable } from './locate.js';

/** Rule ids of reconciliation findings ("kontroll.*"), one per kind of deviation. */
export const RULES = {
  /** A figure differs from what the key/formula gives. */
  deviation: 'kontroll.avvik',
  /** A sum row differs from the sum of its rows. */
  sum: 'kontroll.sum',
  /** A sum row differs from what the key gives. */
  sumKey: 'kontroll.sum-nokkel',
  /** The allocation does not cover the budget line it should. */
  budgetLine: 'kontroll.budsjettlinje',
  /** A budget's control figure (Kontroll) or totals. */
  budget: 'kontroll.budsjett',
  /** A kommune charged in a project table without taking part in the decision. */
  participation: 'kontroll.deltakelse',
  /** Kommune name/number unknown, ambiguous, mismatched or not a member. */
  kommune: 'kontroll.kommune',
  /** Population differs from the dataset. */
  population: 'kontroll.innbyggere',
  /** A cell that should hold a number does not. */
  number: 'kontroll.tall',
  /** A member of the dataset is missing from the table, or a kommune appears twice. */
  members: 'kontroll.medlemmer',
  /** A column's label does not say what it holds. */
  label: 'kontroll.overskrift',
  /** The basis stated in the text does not give the adopted figure. */
  basis: 'kontroll.grunnlag',
  /** Information about how the table was read (inferred key, year). */
  note: 'kontroll.merknad',
  /** A figure differs from the dataset's input (cost, handlings). */
  input: 'kontroll.grunnlagsdata',
} as const;

/** Formats an amount with the precision the printed figure carries: "167 330,48 kr", "67 473 kr". */
export function kr(value: Dec, decimals = 2): string {
  return formatKroner(value, { decimals: decimals <= 0 ? 0 : 2 });
}

/** A rate per inhabitant: "23 kr", "23,50 kr", "22,9871 kr". */
export function rate(value: Dec): string {
  if (value.isInteger()) return kr(value, 0);
  return formatKroner(value, { decimals: Math.min(Math.max(2, value.decimalPlaces()), 6) });
}

export function num(value: Dec | number, decimals = 0): string {
  return formatNumber(value, decimals);
}

/** Builds findings with real sheet addresses for one located table. */
export class FindingSink {
  readonly findings: Finding[] = [];

  constructor(private readonly table: LocatedTable) {}

  /** Header text of a column (or "Kommune"/the letter when blank). */
  header(column: number): string {
    const text = this.table.headers[column]?.replace(/\s+/g, ' ').trim();
    if (text) return text;
    if (column === this.table.kommuneColumn) return 'Kommune';
    return columnLetter(this.table.originColumn + column);
  }

  add(row: number, column: number, rule: string, severity: Severity, message: string, expected?: string, actual?: string): void {
    const sheetRow = this.table.originRow + row;
    const sheetColumn = this.table.originColumn + column;
    this.findings.push({
      rule,
      severity,
      sheet: this.table.sheet,
      cell: a1(sheetRow, sheetColumn),
      row: sheetRow,
      column: this.header(column),
      message,
      ...(expected !== undefined ? { expected } : {}),
      ...(actual !== undefined ? { actual } : {}),
    });
  }
}
