// The DH functions inside HyperFormula, for the local preview workbench and the formula tests only.
// HyperFormula is GPL-3.0: this module must never be imported by dist/excel or dist/gsheets (SPEC §8).
//
// One FunctionPlugin registers every CATALOG entry as DH.<NAME>. Its metadata is generated from the
// catalog (STYLE §1, §4): nobody lists function names here. Each method converts HyperFormula's values
// to what the core's runner expects and calls callFunction, which never throws.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ConfigParams,
  type FunctionArgument,
  type FunctionMetadata,
  type ImplementedFunctions,
} from 'hyperformula';
import { nbNO } from 'hyperformula/i18n/languages';
import {
  CATALOG,
  HELGELAND_2026,
  callFunction,
  createFunctionContext,
  excelFormulaName,
  isDhError,
  type CatalogEntry,
  type CellResult,
  type FunctionContext,
} from '../../core/index.js';

/** The engine configuration a Norwegian Excel user expects: `;` between arguments, decimal comma, space as thousands separator. */
export const NB_NO_CONFIG: Partial<ConfigParams> = {
  licenseKey: 'gpl-v3',
  language: 'nbNO',
  functionArgSeparator: ';',
  decimalSeparator: ',',
  thousandSeparator: ' ',
  dateFormats: ['DD.MM.YYYY', 'DD.MM.YY'],
  timeFormats: ['hh:mm', 'hh:mm:ss'],
  currencySymbol: ['kr', 'NOK'],
  // A sheet as tall as Excel's (HyperFormula stops at 40 000 rows by default): a 100 000-row system register opens.
  maxRows: 1_048_576,
};

// ---------------------------------------------------------------------------------------------
// The model the functions read. One FunctionContext at a time: its allocation cache is what makes
// 10 000 DH.KOSTNAD cells cheap. setPreviewModel swaps it (e.g. after a DH_Kommuner edit).
// ---------------------------------------------------------------------------------------------

let model: FunctionContext | undefined;
/** Results of scalar-only calls for the current model, keyed by entry and arguments. */
let memo = new Map<string, CellResult>();
let modelVersion = 0;

/** Replaces the dataset/today the DH functions use. Callers then recalculate the engine (the engine does not see this dependency). */
export function setPreviewModel(ctx: FunctionContext): void {
  model = ctx;
  memo = new Map();
  modelVersion++;
}

/** The active model; the embedded Digitale Helgeland 2026 dataset until someone sets another. */
export function getPreviewModel(): FunctionContext {
  if (!model) model = createFunctionContext(HELGELAND_2026);
  return model;
}

/** Increases whenever the model changes; lets hosts tell whether a recalculation is due. */
export function previewModelVersion(): number {
  return modelVersion;
}

// ---------------------------------------------------------------------------------------------
// Value conversion at the edge (STYLE §6: errors are values inside core, mapped only here).
// ---------------------------------------------------------------------------------------------

const ERROR_TEXT: Record<string, string> = {
  [ErrorType.NA]: '#N/A',
  [ErrorType.VALUE]: '#VALUE!',
  [ErrorType.REF]: '#REF!',
  [ErrorType.DIV_BY_ZERO]: '#DIV/0!',
  [ErrorType.NUM]: '#NUM!',
  [ErrorType.NAME]: '#NAME?',
  [ErrorType.CYCLE]: '#CYCLE!',
  [ErrorType.SPILL]: '#SPILL!',
  [ErrorType.ERROR]: '#ERROR!',
};

/** One engine value as the core reads a cell: EmptyValue → null, CellError → {cellError}, rich numbers → number. */
function toCoreValue(value: unknown): unknown {
  if (value === EmptyValue || value === undefined) return null;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof CellError) return { cellError: ERROR_TEXT[value.type] ?? '#VALUE!' };
  if (value instanceof SimpleRangeValue) return rangeToMatrix(value);
  if ('val' in value) return (value as { val: unknown }).val; // DateNumber, CurrencyNumber, PercentNumber …
  return value;
}

function rangeToMatrix(range: SimpleRangeValue): unknown[][] {
  const data = range.rawData();
  const out: unknown[][] = new Array(data.length);
  for (let r = 0; r < data.length; r++) {
    const row = data[r]!;
    const line: unknown[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) line[c] = toCoreValue(row[c]);
    out[r] = line;
  }
  return out;
}

/** A DhError becomes the engine's own error value, so the cell shows #VALUE!/#N/A with the Norwegian text. */
function toEngineError(message: string, kind: 'value' | 'notAvailable' | 'number'): CellError {
  return new CellError(kind === 'notAvailable' ? ErrorType.NA : kind === 'number' ? ErrorType.NUM : ErrorType.VALUE, message);
}

function toEngineScalar(result: CellResult): number | string | boolean | CellError | typeof EmptyValue {
  if (typeof result === 'number') {
    return Number.isFinite(result) ? result : new CellError(ErrorType.NUM, 'Resultatet er ikke et endelig tall.');
  }
  if (typeof result === 'string') return result === '' ? EmptyValue : result;
  if (typeof result === 'boolean') return result;
  if (isDhError(result)) return toEngineError(result.message, result.kind);
  return new CellError(ErrorType.VALUE, 'Resultatet er en tabell: skriv formelen der den har plass til å fylle flere celler.');
}

// ---------------------------------------------------------------------------------------------
// Metadata generated from the catalog.
// ---------------------------------------------------------------------------------------------

/** Engine id of an entry: DH.KOSTNAD (same in every language). */
export const engineFunctionId = (entry: CatalogEntry): string => excelFormulaName(entry);

const methodName = (entry: CatalogEntry) => `dh${entry.name}`;
const sizeMethodName = (entry: CatalogEntry) => `dh${entry.name}Size`;

/**
 * Range parameters are RANGE; every other parameter is ANY so a range given to a scalar parameter reaches
 * the core runner, which lifts it (=DH.KOSTNAD(A2:A20;2026) spills a column, as Excel 365 does).
 */
function parameterMetadata(entry: CatalogEntry): FunctionArgument[] {
  return entry.params.map((p) => ({
    argumentType: p.type === 'range' ? FunctionArgumentType.RANGE : FunctionArgumentType.ANY,
    ...(p.optional ? { optionalArg: true } : {}),
  }));
}

function buildImplementedFunctions(): ImplementedFunctions {
  const functions: ImplementedFunctions = {};
  for (const entry of CATALOG) {
    const metadata: FunctionMetadata = {
      method: methodName(entry),
      parameters: parameterMetadata(entry),
      sizeOfResultArrayMethod: sizeMethodName(entry),
      vectorizationForbidden: true,
    };
    functions[engineFunctionId(entry)] = metadata;
  }
  return functions;
}

// Minimal views of the engine's internal AST and state: only what the size methods read.
interface AstNode {
  readonly type: string;
  readonly value?: unknown;
  readonly args?: readonly AstNode[];
}
interface ProcedureNode extends AstNode {
  readonly args: readonly AstNode[];
  readonly procedureName: string;
}
type EngineState = Parameters<FunctionPlugin['evaluateAst']>[1];

/** Spill rows SJEKK reserves per register row for its "liste" view (the engine must know the size before it computes). */
export const SJEKK_ROWS_PER_REGISTER_ROW = 2;
const SJEKK_LIST_WIDTH = 4;

/**
 * How big a result is before it is computed (HyperFormula reserves the spill area at parse time):
 * - a matrix entry (FORDEL) has the shape of its first range argument;
 * - SJEKK with the literal view "liste" reserves rows for its findings;
 * - a scalar entry given ranges in scalar parameters has the broadcast shape of those ranges.
 */
function predictSize(plugin: DhFunctionPlugin, entry: CatalogEntry, ast: ProcedureNode, state: EngineState): ArraySize {
  const sizeOf = (node: AstNode) => {
    const s = plugin.sizeOf(node, state); // an unknown size is 1×1 (ArraySize.error())
    return { width: Math.max(1, s.width), height: Math.max(1, s.height) };
  };
  if (entry.returns.kind === 'matrix') {
    const rangeIndex = entry.params.findIndex((p) => p.type === 'range');
    const rangeArg = ast.args[rangeIndex];
    if (!rangeArg) return ArraySize.scalar();
    const shape = sizeOf(rangeArg);
    if (entry.name === 'SJEKK') {
      const view = ast.args[1];
      const isList = view?.type === 'STRING' && typeof view.value === 'string' && view.value.trim().toLowerCase() === 'liste';
      if (!isList) return ArraySize.scalar();
      return new ArraySize(SJEKK_LIST_WIDTH, Math.max(1, (shape.height - 1) * SJEKK_ROWS_PER_REGISTER_ROW));
    }
    return shape.width === 1 && shape.height === 1 ? ArraySize.scalar() : new ArraySize(shape.width, shape.height);
  }
  let width = 1;
  let height = 1;
  entry.params.forEach((p, i) => {
    const arg = ast.args[i];
    if (!arg || p.type === 'range') return;
    if (arg.type === 'STRING' || arg.type === 'NUMBER' || arg.type === 'CELL_REFERENCE') return;
    const s = sizeOf(arg);
    width = Math.max(width, s.width);
    height = Math.max(height, s.height);
  });
  return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
}

/** Fits a matrix into the size the engine reserved: pads with blanks, and says so when something did not fit. */
function fitMatrix(entry: CatalogEntry, matrix: CellResult[][], size: ArraySize): SimpleRangeValue | CellError {
  const rows = matrix.length;
  const cols = rows ? Math.max(...matrix.map((r) => r.length)) : 0;
  const truncated = rows > size.height || cols > size.width;
  const out: (number | string | boolean | CellError | typeof EmptyValue)[][] = [];
  for (let r = 0; r < size.height; r++) {
    const line: (number | string | boolean | CellError | typeof EmptyValue)[] = [];
    for (let c = 0; c < size.width; c++) {
      const v = matrix[r]?.[c];
      line.push(v === undefined ? EmptyValue : toEngineScalar(v));
    }
    out.push(line);
  }
  if (truncated && out.length > 0) {
    const last = out[out.length - 1]!;
    const hidden = rows - size.height + 1;
    last[0] = `… ${hidden} rader til: formelen har ikke plass. Bruk DH.${entry.name}(…;"antall") eller et større område.`;
    for (let c = 1; c < last.length; c++) last[c] = EmptyValue;
  }
  return SimpleRangeValue.onlyValues(out as never);
}

/**
 * The DH function plugin. Methods are generated, one per catalog entry (`dhKOSTNAD`, `dhKOSTNADSize`, …);
 * FunctionRegistry checks at registration that each declared method exists.
 */
export class DhFunctionPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = buildImplementedFunctions();

  /** Exposes the engine's size predictor to predictSize. */
  sizeOf(ast: AstNode, state: EngineState): ArraySize {
    return this.arraySizeForAst(ast as never, state);
  }

  /** Runs one entry: the engine evaluates and checks the arguments, the core computes. */
  run(index: number, ast: ProcedureNode, state: EngineState): unknown {
    const entry = CATALOG[index]!;
    const metadata = DhFunctionPlugin.implementedFunctions[engineFunctionId(entry)]!;
    return this.runFunction(ast.args as never, state, metadata, ((...args: unknown[]) => this.invoke(index, entry, args, ast, state)) as never);
  }

  private invoke(index: number, entry: CatalogEntry, args: unknown[], ast: ProcedureNode, state: EngineState): unknown {
    // Fast path: every argument a plain scalar → the result is a pure function of them and the model.
    let key: string | undefined = String(index);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const t = typeof a;
      if (t === 'string') key += '\u0001s' + (a as string);
      else if (t === 'number') key += '\u0001n' + (a as number);
      else if (t === 'boolean') key += '\u0001b' + (a as boolean);
      else if (a === undefined) key += '\u0001u';
      else {
        key = undefined;
        break;
      }
    }
    let result: CellResult | undefined = key === undefined ? undefined : memo.get(key);
    if (result === undefined) {
      const values = key === undefined ? args.map(toCoreValue) : args;
      result = callFunction(entry, getPreviewModel(), values);
      if (key !== undefined && memo.size < 100_000) memo.set(key, result);
    }
    if (typeof result === 'number') return result;
    if (Array.isArray(result)) {
      const size = predictSize(this, entry, ast, state);
      if (size.isScalar()) {
        const first = result[0]?.[0];
        const single = result.length === 1 && result[0]!.length === 1;
        return single && first !== undefined && !Array.isArray(first) ? toEngineScalar(first) : toEngineScalar(result);
      }
      return fitMatrix(entry, result, size);
    }
    return toEngineScalar(result);
  }
}

CATALOG.forEach((entry, index) => {
  const proto = DhFunctionPlugin.prototype as unknown as Record<string, unknown>;
  proto[methodName(entry)] = function (this: DhFunctionPlugin, ast: ProcedureNode, state: EngineState) {
    return this.run(index, ast, state);
  };
  proto[sizeMethodName(entry)] = function (this: DhFunctionPlugin, ast: ProcedureNode, state: EngineState) {
    return predictSize(this, entry, ast, state);
  };
});

/** Function names per language: DH.KOSTNAD stays DH.KOSTNAD in nbNO (and enGB). */
export function dhTranslations(): Record<string, Record<string, string>> {
  const names = Object.fromEntries(CATALOG.map((e) => [engineFunctionId(e), engineFunctionId(e)]));
  return { nbNO: names, enGB: names, enUS: names };
}

let registered = false;

/** Registers the nbNO language and the DH plugin once per process/page. Safe to call repeatedly. */
export function registerDhFunctions(): void {
  if (registered) return;
  if (!HyperFormula.getRegisteredLanguagesCodes().includes('nbNO')) HyperFormula.registerLanguage('nbNO', nbNO);
  HyperFormula.registerFunctionPlugin(DhFunctionPlugin, dhTranslations());
  registered = true;
}

/** A HyperFormula instance with the DH functions and the nb-NO configuration. */
export function createEngine(sheets: Record<string, (string | number | boolean | null)[][]> = {}, extra: Partial<ConfigParams> = {}): HyperFormula {
  registerDhFunctions();
  const config = { ...NB_NO_CONFIG, ...extra };
  return Object.keys(sheets).length ? HyperFormula.buildFromSheets(sheets, config) : HyperFormula.buildEmpty(config);
}
