// DH_<NAME>(…) in a cell → the catalog entry NAME, through the same runner Excel uses (callFunction),
// so both hosts compute the same values and the same Norwegian messages.
import { CATALOG, callFunction, isBlank, isMatrix, type CatalogEntry } from '../../../core/index.js';
import { functionContext } from './inputs.js';
import { toCoreArg, toSheetsResult } from './values.js';

const ENTRIES = new Map<string, CatalogEntry>(CATALOG.map((e) => [e.name, e]));

function unwrapSingle(value: unknown): unknown {
  return isMatrix(value) && value.length === 1 && value[0]!.length === 1 ? value[0]![0] : value;
}

/** Broadcast like the runner: a single row or column repeats along the other axis. */
function pick(matrix: unknown[][], r: number, c: number): unknown {
  const row = matrix.length === 1 ? matrix[0] : matrix[r];
  if (!row) return undefined;
  return row.length === 1 ? row[0] : row[c];
}

export function callCatalog(name: string, rawArgs: unknown[]): unknown {
  const entry = ENTRIES.get(name);
  if (!entry) throw new Error(`Ukjent DH-funksjon «${name}».`);
  const all = Array.isArray(rawArgs) ? rawArgs : [];
  // Arguments after the catalog's parameters are dependencies: the input tables (or any cell) the formula
  // names so that Sheets re-runs it when they change (inputs.ts). They never reach the function itself.
  const deps = all.slice(entry.params.length);
  const args = all.slice(0, entry.params.length).map(toCoreArg);
  // Trailing omitted arguments arrive as undefined; drop them so "mangler" counts real ones.
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  const ctx = functionContext(deps);
  const result = callFunction(entry, ctx, args);
  // Scalar parameters given a range are lifted cell by cell. Where every lifted input is empty (the
  // unused rows of an open range like A2:A) the output stays empty instead of repeating "mangler".
  const lifted = entry.params
    .map((spec, i) => (spec.type !== 'range' && isMatrix(unwrapSingle(args[i])) ? (unwrapSingle(args[i]) as unknown[][]) : undefined))
    .filter((m): m is unknown[][] => m !== undefined);
  const blank = lifted.length > 0 ? (r: number, c: number) => lifted.every((m) => isBlank(pick(m, r, c))) : undefined;
  return toSheetsResult(result, blank);
}
