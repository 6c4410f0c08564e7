// The model the custom functions compute with, in a store on globalThis that the task pane (same shared runtime)
// replaces when the workbook's DH_* input tables change. Its own module so the task pane can reach the store
// without bundling the whole function catalog a second time (functions.js carries it).
import { createFunctionContext, HELGELAND_2026, type FunctionContext } from '../../../core/index.js';

/** The global the task pane and the functions share (both bundles are loaded into one runtime). */
export const MODEL_STORE_KEY = '__DH_EXCEL_MODEL';

export interface ModelStore {
  /** The context every custom function computes in. */
  context: FunctionContext;
  /** Bumped by every setModel, so callers can tell a reload happened. */
  version: number;
  /** Where the model came from, for the panel: «Digitale Helgeland 2026» or «Arbeidsboken (DH_Kommuner, …)». */
  source: string;
  /**
   * A fixed "today" (tests, reproducible runs). Unset, "today" is the user's local date at each call: the
   * shared runtime lives as long as the workbook is open, often for days, so a date read once at load goes stale.
   */
  pinnedToday?: string;
  /**
   * Set by the task pane while it reads the workbook's input tables at startup: until it settles, calls
   * wait for it (a custom function may return a promise), so the first calculation after the workbook
   * opens uses DH_Kommuner, not the embedded data.
   */
  loading?: Promise<void>;
}

/** Today's date in the user's own time zone as yyyy-mm-dd (toISOString would give UTC's date near midnight). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function storeHolder(): Record<string, ModelStore | undefined> {
  return globalThis as unknown as Record<string, ModelStore | undefined>;
}

/** The shared store, created with the embedded default dataset on first use. */
export function getModelStore(): ModelStore {
  const holder = storeHolder();
  let store = holder[MODEL_STORE_KEY];
  if (!store || typeof store !== 'object' || !store.context) {
    store = { context: createFunctionContext(HELGELAND_2026, localToday()), version: 0, source: HELGELAND_2026.name };
    holder[MODEL_STORE_KEY] = store;
  }
  return store;
}

/** The model the functions compute with now, with today's date at `now` unless the store pins one. */
export function getModel(now: Date = new Date()): FunctionContext {
  const store = getModelStore();
  const today = store.pinnedToday ?? localToday(now);
  const current = store.context;
  if (current.today === today) return current;
  // Same data and allocations, new date: nothing is re-read or re-allocated when the day changes.
  store.context = { data: current.data, today, allocation: (year: number) => current.allocation(year) };
  return store.context;
}

/**
 * Replaces the model (e.g. after DH_Kommuner changed); the caller then asks Excel to recalculate.
 * `pinnedToday` fixes the date (tests); without it the functions follow the calendar.
 */
export function setModel(context: FunctionContext, source: string = context.data.dataset.name, pinnedToday?: string): ModelStore {
  const store = getModelStore();
  store.context = context;
  store.version += 1;
  store.source = source;
  store.pinnedToday = pinnedToday;
  return store;
}

/** Back to the embedded default dataset. */
export function resetModel(today?: string): ModelStore {
  return setModel(createFunctionContext(HELGELAND_2026, today ?? localToday()), HELGELAND_2026.name, today);
}
