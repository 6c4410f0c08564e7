import { Dec } from '../money/kroner.js';
import { RULES, type FindingSink } from './findings.js';
import type { LocatedTable, Role } from './locate.js';
import { cellDecimals, columnDecimals, halfUnit, readCell, unit, type CellReading } from './numbers.js';

/** A printed figure with the precision it carries. */
export interface Figure {
  readonly value: Dec;
  readonly decimals: number;
}

/** The figures of one column of a located table, by row index. */
export class Column {
  private readonly figures = new Map<number, Figure>();
  private readonly invalid = new Set<number>();

  constructor(
    readonly role: Role,
    readonly index: number,
    /** The column's precision (most decimals of any figure in it). */
    readonly decimals: number,
    readings: ReadonlyMap<number, CellReading>,
  ) {
    for (const [r, reading] of readings) {
      if (reading.kind === 'number') this.figures.set(r, { value: reading.number.value, decimals: cellDecimals(reading.number, decimals) });
      else if (reading.kind === 'invalid') this.invalid.add(r);
    }
  }

  get(row: number | undefined): Figure | undefined {
    return row === undefined ? undefined : this.figures.get(row);
  }

  value(row: number | undefined): Dec | undefined {
    return this.get(row)?.value;
  }

  isInvalid(row: number): boolean {
    return this.invalid.has(row);
  }

  /** Half a unit of the figure's printed precision: how far rounding can have moved it. */
  half(row: number): Dec {
    return halfUnit(this.get(row)?.decimals ?? this.decimals);
  }

  unit(row: number): Dec {
    return unit(this.get(row)?.decimals ?? this.decimals);
  }

  /** Precision of the figure in a row (the column's when blank). */
  decimalsAt(row: number | undefined): number {
    return (row === undefined ? undefined : this.get(row)?.decimals) ?? this.decimals;
  }
}

/**
 * Reads the figures of the given roles in the data, sum and kontroll rows. Cells that are not numbers
 * (error values, text) become findings; blank cells are left to the checks (a blank cost may mean 0).
 */
export function readColumns(table: LocatedTable, sink: FindingSink, roles: readonly Role[]): Partial<Record<Role, Column>> {
  const rows = [...table.dataRows, ...(table.sumRow !== undefined ? [table.sumRow] : []), ...(table.kontrollRow !== undefined ? [table.kontrollRow] : [])];
  const out: Partial<Record<Role, Column>> = {};
  for (const role of roles) {
    const c = table.columns[role];
    if (c === undefined) continue;
    const readings = new Map<number, CellReading>();
    for (const r of rows) readings.set(r, readCell(table.cells[r]?.[c]));
    const decimals = columnDecimals([...readings.values()]);
    for (const [r, reading] of readings) {
      if (reading.kind !== 'invalid') continue;
      sink.add(
        r,
        c,
        RULES.number,
        'error',
        `«${reading.text}» i «${sink.header(c)}» er ikke et tall (${reading.reason}). Skriv tallet som f.eks. 1 234,56; raden er utelatt fra kontrollen av denne kolonnen.`,
        undefined,
        reading.text,
      );
    }
    out[role] = new Column(role, c, decimals, readings);
  }
  return out;
}

/** True when `value` has no more decimals than `decimals` (so a printed figure can equal it exactly). */
export function representable(value: Dec, decimals: number): boolean {
  return value.decimalPlaces() <= decimals;
}

/** |a − b| rounded to øre is at least 0,01 kr: a deviation worth reporting at all. */
export function reportable(deviation: Dec): boolean {
  return deviation.abs().toDecimalPlaces(2, Dec.ROUND_HALF_UP).greaterThanOrEqualTo('0.01');
}

/** The deviation is beyond the tolerance and large enough to report. */
export function deviates(actual: Dec, expected: Dec, tolerance: Dec): boolean {
  const d = actual.minus(expected).abs();
  return d.greaterThan(tolerance) && reportable(d);
}
