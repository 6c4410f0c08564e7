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
    const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
      rule,
      severity,
      sheet: this.sheet,
      cell: a1(row, this.originColumn + c),
      row,
      column: this.columnLabel(c),
      message,
    };
    if (expected !== undefined) finding.expected = expected;
    if (actual !== undefined) finding.actual = actual;
    this.findings.push(finding);
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
