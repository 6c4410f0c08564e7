// The contract between the register engine and its rules (one rule per file in checks/, rule id = file name).
import { a1, columnLetter, type Finding, type Severity } from '../findings/finding.js';
import { FIELD_LABEL, headerLabel, type RegisterField } from './fields.js';
import type { DatasetContext } from '../dataset/context.js';
import type { RegisterReader, RowFacts } from './reader.js';

/** One check on a system register. */
export interface RegisterRule {
  /** "register.<file name>". */
  readonly id: string;
  /** The severity the rule usually reports (a rule may report a milder or stricter one case by case). */
  readonly severity: Severity;
  /** Norwegian one-liner: what the rule checks and why. */
  readonly description: string;
  /**
   * Prepares one run over a register. Returns the hooks the engine calls for each non-blank data row and once at
   * the end, or undefined when the register has nothing this rule can check (it may report that itself).
   */
  start(ctx: RuleContext): RuleRun | undefined;
}

export interface RuleRun {
  readonly row?: (facts: RowFacts) => void;
  /**
   * Row flags (reader.ts ROW_*) the row hook needs: it is called only for rows with at least one of them.
   * Leave out to be called for every non-blank row.
   */
  readonly when?: number;
  readonly end?: () => void;
}

/**
 * A finding as the register check makes it: one shape for all (expected and actual are always there, undefined when
 * not given; JSON leaves them out). Made with `new`, not as an object literal: a check keeps thousands until it
 * returns, and V8 then flips a literal's allocation site between young and old space from run to run (pretenuring),
 * which made the same check take 66 or 88 ms by turns.
 */
class RegisterFinding implements Finding {
  constructor(
    readonly rule: string,
    readonly severity: Severity,
    readonly sheet: string,
    readonly cell: string,
    readonly row: number,
    readonly column: string,
    readonly message: string,
    readonly expected: string | undefined,
    readonly actual: string | undefined,
  ) {}
}

/** Where findings go and what every rule may ask about the run. */
export class RuleContext {
  readonly findings: Finding[] = [];
  private readonly labels: string[] = [];

  constructor(
    readonly reader: RegisterReader,
    readonly sheet: string,
    /** 1-based sheet row/column of cells[0][0]. */
    readonly originRow: number,
    readonly originColumn: number,
    /** "Today" as days since 1970-01-01, or NaN when the given date is unusable (date rules then stand down). */
    readonly today: number,
    /** The active dataset (the cooperation whose members the register is checked against), when there is one. */
    readonly data?: DatasetContext,
  ) {
    const header = reader.header;
    const width = Math.max((reader.cells[header.row] ?? []).length, header.subRow === undefined ? 0 : (reader.cells[header.subRow] ?? []).length);
    for (let c = 0; c < width; c++) this.labels.push(headerLabel(reader.cells, header, c) || columnLetter(originColumn + c));
  }

  /** The column's header text as the sheet shows it ("Avtale – Utløper" under a two-row header), or its letter. */
  columnLabel(c: number): string {
    return this.labels[c] ?? columnLetter(this.originColumn + c);
  }

  /** Column index of a field, or -1 when the register has no such column. */
  col(field: RegisterField): number {
    return this.reader.col[field];
  }

  /** Reports a finding at cells[r][c]. */
  emit(rule: string, severity: Severity, r: number, c: number, message: string, expected?: string, actual?: string): void {
    const row = this.originRow + r;
    this.findings.push(new RegisterFinding(rule, severity, this.sheet, a1(row, this.originColumn + c), row, this.columnLabel(c), message, expected, actual));
  }

  /** Reports a column the register lacks, once, at the first cell of the header row. */
  emitMissingColumn(rule: string, severity: Severity, field: RegisterField, message: string): void {
    const row = this.originRow + this.reader.header.row;
    this.findings.push({
      rule,
      severity,
      sheet: this.sheet,
      cell: a1(row, this.originColumn),
      row,
      column: FIELD_LABEL[field],
      message,
      expected: FIELD_LABEL[field],
    });
  }
}
