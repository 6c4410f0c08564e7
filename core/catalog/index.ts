export * from './types.js';
export { CATALOG } from './functions.js';
export { callFunction, createFunctionContext } from './runner.js';
export { coerceArg, isMatrix } from './coerce.js';
