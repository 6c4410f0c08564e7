// Entry of dist/excel/functions.js (SPEC §7): registers every catalog function with
// CustomFunctions.associate as soon as the script is loaded. It needs neither the DOM nor the Excel API,
// so it works in the shared runtime before the task pane has rendered anything.
import { CATALOG, excelId } from '../../../core/index.js';
import { customFunctionsApi, getModelStore } from './adapter.js';
import { GENERATED_FUNCTIONS } from './functions.generated.js';

/** Associates every catalog entry; returns the ids registered (the rest are reported, never silently dropped). */
export function registerFunctions(): string[] {
  const api = customFunctionsApi();
  if (!api) return [];
  const registered: string[] = [];
  for (const entry of CATALOG) {
    const id = excelId(entry).toUpperCase();
    const fn = GENERATED_FUNCTIONS[id];
    if (typeof fn !== 'function') {
      console.error(`DH: ${id} mangler i functions.generated.ts – kjør npm run build.`);
      continue;
    }
    api.associate(id, fn);
    registered.push(id);
  }
  return registered;
}

// Create the shared model store up front, so the task pane and the functions see the same object.
getModelStore();
if (typeof CustomFunctions !== 'undefined') registerFunctions();

declare const CustomFunctions: unknown;
