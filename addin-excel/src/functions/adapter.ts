// The edge between Excel's custom-functions runtime and the core catalog (STYLE §6: errors are values in
// core, mapped to CustomFunctions.Error only here). No Excel API call happens per cell: every call reads
// the current model from a store on globalThis that the task pane (same shared runtime) replaces when
// the workbook's DH_* input tables change.
import { CATALOG, callFunction, isDhError, type CatalogEntry, type CellResult, type DhError } from '../../../core/index.js';
import { getModel, getModelStore } from './model-store.js';

export * from './model-store.js';

// ---------------------------------------------------------------------------------------------------
// CustomFunctions runtime (typed locally: @types/custom-functions-runtime is not a dependency)

interface CustomFunctionsErrorCtor {
  new (code: string, message?: string): Error;
}

interface CustomFunctionsApi {
  Error: CustomFunctionsErrorCtor;
  ErrorCode: { invalidValue: string; notAvailable: string; invalidNumber: string };
  associate(id: string, fn: (...args: any[]) => unknown): void;
}

/** The runtime's CustomFunctions global, or undefined outside Excel. */
export function customFunctionsApi(): CustomFunctionsApi | undefined {
  const api = (globalThis as { CustomFunctions?: CustomFunctionsApi }).CustomFunctions;
  return api && typeof api.associate === 'function' ? api : undefined;
}

/** Outside Excel (tests of the source, the preview) errors are plain Errors with the same message. */
class DetachedError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
    this.name = 'CustomFunctionsError';
  }
}

/** DhError → CustomFunctions.Error: #N/A for "not available", #VALUE! otherwise; both carry the Norwegian text. */
export function toExcelError(error: DhError): Error {
  const api = customFunctionsApi();
  const Ctor = api?.Error ?? DetachedError;
  const codes = api?.ErrorCode ?? { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' };
  return new Ctor(error.kind === 'notAvailable' ? codes.notAvailable : error.kind === 'number' ? codes.invalidNumber : codes.invalidValue, error.message);
}

// ---------------------------------------------------------------------------------------------------
// Calls

const ENTRIES: ReadonlyMap<string, CatalogEntry> = new Map(CATALOG.map((e) => [e.name.toUpperCase(), e]));

/**
 * One argument as Excel passes it → what the core reads. functions.json sets allowErrorForDataTypeAny and
 * allowCustomDataForDataTypeAny, so besides plain values Excel sends JSON cell values:
 * - an error as {type: "Error", basicValue: "#N/A"} (or a CustomFunctions.Error-like {code}) → CellError;
 * - an entity (e.g. a kommune cell converted to the Geography data type: "Entity"/"LinkedEntity") → its
 *   card text, the name the user sees in the cell;
 * - a formatted number, string or boolean cell value → its basic value.
 */
export function fromExcelInput(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(fromExcelInput);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const v = value as { code?: unknown; type?: unknown; basicValue?: unknown; text?: unknown; elements?: unknown };
    if (typeof v.code === 'string') return { cellError: v.code };
    if (v.type === 'Error') return { cellError: typeof v.basicValue === 'string' ? v.basicValue : '#VALUE!' };
    if ((v.type === 'Entity' || v.type === 'LinkedEntity') && typeof v.text === 'string') return v.text;
    if (v.type === 'Array' && Array.isArray(v.elements)) return fromExcelInput(v.elements);
    if (typeof v.type === 'string' && 'basicValue' in v) {
      const basic = v.basicValue;
      return typeof basic === 'string' && /^#[A-Z/0-9!?]+$/.test(basic) && basic.length <= 8 ? { cellError: basic } : (basic ?? null);
    }
  }
  return value;
}

function isMatrix(value: unknown): value is unknown[][] {
  return Array.isArray(value) && (value.length === 0 || Array.isArray(value[0]));
}

function cellOut(value: CellResult): unknown {
  if (isDhError(value)) return toExcelError(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return toExcelError({ dhError: true, kind: 'value', message: 'Resultatet er ikke et endelig tall.' });
  if (Array.isArray(value)) return toExcelError({ dhError: true, kind: 'value', message: 'Resultatet kan ikke være en tabell inne i en tabell.' });
  return value;
}

/**
 * Runs catalog function `name` for Excel: omitted optionals arrive as null, ranges as any[][].
 * A scalar error is thrown as CustomFunctions.Error (so the cell shows #VALUE!/#N/A with the message);
 * inside a spilled matrix each failing cell holds its own Error object. Matrix-returning functions
 * always return a 2-D array.
 */
export function invoke(name: string, args: readonly unknown[]): unknown {
  const loading = getModelStore().loading;
  if (loading) return loading.then(() => compute(name, args));
  return compute(name, args);
}

function compute(name: string, args: readonly unknown[]): unknown {
  const entry = ENTRIES.get(name.toUpperCase());
  if (!entry) throw toExcelError({ dhError: true, kind: 'value', message: `Ukjent funksjon DH.${name}.` });
  const result = callFunction(entry, getModel(), args.map(fromExcelInput));
  if (isDhError(result)) throw toExcelError(result);
  if (isMatrix(result)) {
    if (result.length === 0 || result[0]!.length === 0) return [['']];
    return result.map((row) => row.map(cellOut));
  }
  if (typeof result === 'number' && !Number.isFinite(result)) throw toExcelError({ dhError: true, kind: 'value', message: 'Resultatet er ikke et endelig tall.' });
  return entry.returns.kind === 'matrix' ? [[result]] : result;
}
