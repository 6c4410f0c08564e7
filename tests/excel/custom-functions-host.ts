// Excel's custom-functions host, as strict as Microsoft documents it, for dist/excel/functions.js.
// The bundle runs alone in a fresh V8 context whose only global is CustomFunctions (no DOM, no Excel API),
// and every call goes through the rules Excel applies *before* the JavaScript function runs, read from the
// built functions.json — so a flag the build forgets changes what the tests see, as it would for a user:
//
// - Error inputs. "To process inputs that contain errors, a custom function must have the JSON metadata
//   property allowErrorForDataTypeAny set to true" (learn.microsoft.com, "Handle and return errors from your
//   custom function" → Errors as custom function inputs). Without it Excel never calls the function: the
//   first error among the arguments (in a scalar or anywhere in a range) is the cell's result.
// - Data types. A cell holding a data type (an entity such as the Geography type, a formatted number) reaches
//   a parameter of type any as its JSON cell value only when allowCustomDataForDataTypeAny is true ("Use data
//   types with custom functions in Excel" → Enable data types / Input an entity value). Otherwise the function
//   gets the cell's basic value, which for an entity is the error #VALUE! (Excel.EntityCellValue: basicType
//   "Error", basicValue "#VALUE!").
// - Error objects. With the flag, an error arrives as the data-types error object ({type: "Error",
//   basicValue: "#N/A", errorType: "NotAvailable"}): "A custom function can accept a data types error object"
//   (same page, note).
// - Omitted optional arguments arrive as null; ranges as any[][] (the matrix dimensionality).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import vm from 'node:vm';
import type { Metadata, MetadataFunction } from '../../scripts/gen-excel-functions.js';
import { DIST_EXCEL } from './helpers.js';

/** The shape of CustomFunctions.Error that Excel's runtime provides. */
export class FakeCustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

const ERROR_TYPES: Readonly<Record<string, string>> = {
  '#VALUE!': 'Value',
  '#N/A': 'NotAvailable',
  '#DIV/0!': 'Div0',
  '#NUM!': 'Num',
  '#NULL!': 'Null',
  '#NAME?': 'Name',
  '#REF!': 'Ref',
};

/** A cell showing an error (what the user sees: #N/A, #REF!, …). */
export interface ErrorCell {
  readonly kind: 'error';
  readonly code: string;
}

/** A cell holding a data type: an entity (Geography, a card) or a formatted number. */
export interface DataTypeCell {
  readonly kind: 'dataType';
  /** Excel's JSON for the cell value (Excel.EntityCellValue, Excel.LinkedEntityCellValue, Excel.FormattedNumberCellValue …). */
  readonly json: Record<string, unknown> & { type: string; basicValue?: unknown };
}

export type HostCell = string | number | boolean | null | ErrorCell | DataTypeCell;
export type HostArg = HostCell | HostCell[][] | undefined;

export const errorCell = (code: string): ErrorCell => ({ kind: 'error', code });

/** An entity cell like Excel's built-in Geography data type: card text plus properties. */
export function entityCell(text: string, properties: Record<string, unknown> = {}, type: 'Entity' | 'LinkedEntity' = 'LinkedEntity'): DataTypeCell {
  return { kind: 'dataType', json: { type, text, basicType: 'Error', basicValue: '#VALUE!', properties } };
}

function isErrorCell(v: unknown): v is ErrorCell {
  return typeof v === 'object' && v !== null && (v as ErrorCell).kind === 'error';
}

function isDataTypeCell(v: unknown): v is DataTypeCell {
  return typeof v === 'object' && v !== null && (v as DataTypeCell).kind === 'dataType';
}

export interface HostOptions {
  /** functions.json as Excel reads it (default: the built dist/excel/functions.json). */
  readonly metadata?: Metadata;
}

/** The result of one cell's formula: a value, a spilled matrix, or the error Excel shows. */
export type HostResult = { value: unknown } | { error: string; message?: string };

export class FakeCustomFunctionsHost {
  readonly metadata: Metadata;
  readonly fns = new Map<string, (...args: unknown[]) => unknown>();
  readonly sandbox: Record<string, any>;
  /** How many times Excel actually called into JavaScript (calls skipped by the error rule do not count). */
  invocations = 0;

  constructor(options: HostOptions = {}) {
    this.metadata = options.metadata ?? (JSON.parse(readFileSync(resolve(DIST_EXCEL, 'functions.json'), 'utf8')) as Metadata);
    const fns = this.fns;
    const CustomFunctions = {
      Error: FakeCustomFunctionsError,
      ErrorCode: ERROR_CODES,
      associate(id: string, fn: (...args: unknown[]) => unknown) {
        if (fns.has(id)) throw new Error(`${id} ble registrert to ganger`);
        fns.set(id, fn);
      },
    };
    this.sandbox = { CustomFunctions };
    vm.createContext(this.sandbox);
    vm.runInContext(readFileSync(resolve(DIST_EXCEL, 'functions.js'), 'utf8'), this.sandbox, { filename: 'functions.js' });
  }

  private fn(id: string): MetadataFunction {
    const f = this.metadata.functions.find((x) => x.id === id.toUpperCase());
    if (!f) throw new Error(`#NAME?: DH.${id} står ikke i functions.json`);
    return f;
  }

  /** What one cell arrives as in JavaScript, or the error that stops the call. */
  private marshalCell(cell: HostCell): { value: unknown } | { stop: string } {
    if (isErrorCell(cell)) {
      if (!this.metadata.allowErrorForDataTypeAny) return { stop: cell.code };
      return { value: { type: 'Error', basicType: 'Error', basicValue: cell.code, errorType: ERROR_TYPES[cell.code] ?? 'Value' } };
    }
    if (isDataTypeCell(cell)) {
      if (this.metadata.allowCustomDataForDataTypeAny) return { value: JSON.parse(JSON.stringify(cell.json)) };
      const basic = cell.json.basicValue;
      if (typeof basic === 'string' && basic.startsWith('#')) return this.marshalCell(errorCell(basic));
      return { value: basic ?? null };
    }
    return { value: cell };
  }

  /**
   * Calculates =DH.ID(args…) as Excel does: applies the metadata rules to every argument, then calls the
   * associated function. A thrown CustomFunctions.Error becomes the cell's error; a returned one in a
   * matrix stays in its cell.
   */
  calculate(id: string, ...args: HostArg[]): HostResult {
    const meta = this.fn(id);
    const fn = this.fns.get(meta.id);
    if (!fn) return { error: '#NAME?' };
    if (args.length > meta.parameters.length) return { error: '#VALUE!', message: 'for mange argumenter' };
    const jsArgs: unknown[] = [];
    for (let i = 0; i < meta.parameters.length; i++) {
      const param = meta.parameters[i]!;
      const arg = args[i];
      if (arg === undefined) {
        if (!param.optional) return { error: '#VALUE!', message: `mangler ${param.name}` };
        jsArgs.push(null);
        continue;
      }
      const matrix = Array.isArray(arg) ? arg : [[arg]];
      const out: unknown[][] = [];
      for (const row of matrix) {
        const line: unknown[] = [];
        for (const cell of row) {
          const m = this.marshalCell(cell);
          if ('stop' in m) return { error: m.stop };
          line.push(m.value);
        }
        out.push(line);
      }
      // A scalar parameter given a range would be lifted by Excel; the DH functions take ranges as matrix.
      jsArgs.push(param.dimensionality === 'matrix' ? out : out.length === 1 && out[0]!.length === 1 ? out[0]![0] : out);
    }
    this.invocations++;
    try {
      return { value: fn(...jsArgs) };
    } catch (error) {
      if (error instanceof FakeCustomFunctionsError) return { error: error.code, message: error.message };
      return { error: '#VALUE!', message: error instanceof Error ? error.message : String(error) };
    }
  }
}
