import { allocate, type Allocation } from '../allocation/allocate.js';
import { DatasetContext } from '../dataset/context.js';
import type { Dataset } from '../dataset/model.js';
import { CellAmountError } from '../money/kroner.js';
import { dhError, isDhError, type DhError, type Result } from '../result.js';
import { coerceArg, isMatrix, unwrapSingle } from './coerce.js';
import type { CatalogEntry, CellResult, FunctionContext } from './types.js';

/** Builds the context functions run in; allocations are computed once per year and reused by every cell. */
export function createFunctionContext(dataset: Dataset | DatasetContext, today: string = new Date().toISOString().slice(0, 10)): FunctionContext {
  const data = dataset instanceof DatasetContext ? dataset : new DatasetContext(dataset);
  const allocations = new Map<number, Result<Allocation>>();
  return {
    data,
    today,
    allocation(year: number) {
      let hit = allocations.get(year);
      if (!hit) {
        hit = allocate(data.dataset, year);
        allocations.set(year, hit);
      }
      return hit;
    },
  };
}

/**
 * Calls a catalog function the way a spreadsheet does: coerces each argument by its declared type,
 * lifts scalar parameters over ranges (a column of kommuner gives a column of results, in one call),
 * and turns any user error into a DhError value. It never throws.
 */
export function callFunction(entry: CatalogEntry, ctx: FunctionContext, args: readonly unknown[]): CellResult {
  try {
    if (args.length > entry.params.length) {
      return dhError(`${entry.name} tar høyst ${entry.params.length} argumenter, fikk ${args.length}.`);
    }
    const values = entry.params.map((spec, i) => (spec.type === 'range' ? args[i] : unwrapSingle(args[i])));
    const liftedIndex = entry.params.map((spec, i) => (spec.type !== 'range' && isMatrix(values[i]) ? i : -1)).filter((i) => i >= 0);
    if (liftedIndex.length === 0) return finite(callScalar(entry, ctx, values));
    const rows = Math.max(...liftedIndex.map((i) => (values[i] as unknown[][]).length));
    const cols = Math.max(...liftedIndex.map((i) => (values[i] as unknown[][])[0]?.length ?? 0));
    const out: CellResult[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: CellResult[] = [];
      for (let c = 0; c < cols; c++) {
        const cellArgs = values.map((v, i) => (liftedIndex.includes(i) ? pick(v as unknown[][], r, c) : v));
        const result = callScalar(entry, ctx, cellArgs);
        line.push(isMatrix(result) ? dhError('Resultatet kan ikke være en tabell inne i en tabell.') : finite(result));
      }
      out.push(line);
    }
    return out;
  } catch (error) {
    if (error instanceof CellAmountError) return dhError(error.message, 'number');
    return dhError(`${entry.name} stoppet på en intern feil, så resultatet mangler. Kontroller argumentene; meld gjerne fra om feilen står igjen.`);
  }
}

const NOT_FINITE: DhError = dhError('Resultatet er ikke et endelig tall (for stort eller udefinert): kontroller argumentene.', 'number');

/** Every number leaving the catalog is finite: Infinity and NaN become #NUM! with a Norwegian message. */
function finite(result: CellResult): CellResult {
  if (typeof result === 'number') return Number.isFinite(result) ? result : NOT_FINITE;
  if (Array.isArray(result)) {
    // Copied only when some number is not finite: a 100 000-cell result is not built a second time for nothing.
    for (const row of result) for (const v of row) if (typeof v === 'number' && !Number.isFinite(v)) return result.map((line) => line.map((x) => (typeof x === 'number' && !Number.isFinite(x) ? NOT_FINITE : x)));
  }
  return result;
}

/** Broadcasting like a spreadsheet: a single row or column repeats along the other axis. */
function pick(matrix: unknown[][], r: number, c: number): unknown {
  const row = matrix.length === 1 ? matrix[0]! : matrix[r];
  if (!row) return undefined;
  return row.length === 1 ? row[0] : row[c];
}

function callScalar(entry: CatalogEntry, ctx: FunctionContext, values: readonly unknown[]): CellResult {
  const coerced: unknown[] = [];
  for (let i = 0; i < entry.params.length; i++) {
    const result = coerceArg(entry.params[i]!, values[i]);
    if (!result.ok) return result.error;
    coerced.push(result.value);
  }
  const result = entry.implementation(ctx, ...coerced);
  return result;
}

export { isDhError };
