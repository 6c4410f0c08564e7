import type { DatasetContext } from '../dataset/context.js';
import type { DhError } from '../result.js';
import type { Allocation } from '../allocation/allocate.js';
import type { Result } from '../result.js';

/**
 * Parameter types the runner coerces before an implementation sees them (STYLE §5):
 * - kommune: raw text/number, resolved by the implementation through the dataset context
 * - year: integer (2026, "2026")
 * - number: Dec from a number or nb-NO text ("1 234,56")
 * - text: trimmed string
 * - range: the raw 2-D array, never lifted (e.g. FORDEL's kommuner, NNV's kontantstrøm)
 * - date: ISO yyyy-mm-dd from a date cell (Excel serial, a Sheets Date), «16.10.2025» or «2025-10-16»
 * - boolean: SANN/USANN, Ja/Nei, 1/0
 */
export type ParamType = 'kommune' | 'year' | 'number' | 'text' | 'range' | 'date' | 'boolean';

export interface ParamSpec {
  /** Norwegian parameter name as users see it in the formula tooltip (no spaces). */
  readonly name: string;
  readonly type: ParamType;
  readonly description: string;
  readonly optional?: boolean;
}

/** What a cell can show: a number, text, boolean, an error, or a 2-D array that spills. */
export type CellResult = number | string | boolean | DhError | CellResult[][];

/** Everything an implementation may read: the active dataset, cached allocations, and "today". */
export interface FunctionContext {
  readonly data: DatasetContext;
  /** ISO date used as "today" by date-sensitive functions (reproducible results). */
  readonly today: string;
  allocation(year: number): Result<Allocation>;
}

export interface CatalogExample {
  /** Formula as an nb-NO Excel user types it, e.g. =DH.KOSTNAD("Rana";2026). */
  readonly formula: string;
  /**
   * Result as displayed in nb-NO. When the formula has only literal arguments, tests/catalog/examples.test.ts
   * evaluates it and checks the number (to the decimals shown) or text printed first.
   */
  readonly result: string;
}

export interface CatalogEntry {
  /** Function name without namespace: KOSTNAD. Excel id = name (namespace DH), Sheets name = DH_<name>. */
  readonly name: string;
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** What the result is: one value, or a spill whose shape the entry decides. */
  readonly returns: { readonly kind: 'number' | 'text' | 'matrix'; readonly description: string; readonly format?: 'kroner' | 'percent' | 'integer' | 'text' | 'date' };
  readonly examples: readonly CatalogExample[];
  /**
   * The pure implementation over coerced arguments (in parameter order; omitted optionals are undefined).
   * Scalar-typed parameters that receive a range are lifted by the runner, element by element.
   */
  readonly implementation: (ctx: FunctionContext, ...args: any[]) => CellResult;
}

export const EXCEL_NAMESPACE = 'DH';
export const excelId = (entry: CatalogEntry): string => entry.name;
export const excelFormulaName = (entry: CatalogEntry): string => `${EXCEL_NAMESPACE}.${entry.name}`;
export const sheetsName = (entry: CatalogEntry): string => `${EXCEL_NAMESPACE}_${entry.name}`;
