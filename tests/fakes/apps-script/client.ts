// google.script.run as the sidebar sees it, connected to a loaded Code.js: each call is one server
// execution, arguments and results travel as JSON-like values (Date, functions and other types are
// refused, as HtmlService documents), and handlers run asynchronously.
import type { AppsScriptRuntime } from './index.js';

export interface FakeScriptRunLog {
  readonly calls: { name: string; args: unknown[] }[];
}

function assertTransferable(value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (Object.prototype.toString.call(value) === '[object Date]') throw new Error(`google.script.run kan ikke overføre Date (${path}).`);
  if (t === 'function' || t === 'symbol' || t === 'bigint') throw new Error(`google.script.run kan ikke overføre ${t} (${path}).`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertTransferable(v, `${path}[${i}]`));
    return;
  }
  if (t === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) assertTransferable(v, `${path}.${k}`);
  }
}

const clone = (value: unknown) => (value === undefined ? null : JSON.parse(JSON.stringify(value)));

export interface FakeScriptRunOptions {
  /**
   * Calls made while another is waiting to run are concurrent executions, as on Apps Script's servers: the later
   * ones overtake the first at its next spreadsheet write unless it holds the document lock (see lock.ts).
   */
  readonly interleave?: boolean;
}

/** Returns a `() => google.script.run` for createGsheetsHost({ run }). */
export function fakeScriptRun(runtime: AppsScriptRuntime, log: FakeScriptRunLog = { calls: [] }, options: FakeScriptRunOptions = {}): () => any {
  const queued: (() => void)[] = [];
  const schedule = (task: () => void) => {
    if (!options.interleave) {
      setTimeout(task, 0);
      return;
    }
    queued.push(task);
    setTimeout(() => {
      const first = queued.shift();
      if (!first) return;
      // Everything issued alongside it runs concurrently with it.
      runtime.fake.locks.waiting.push(...queued.splice(0));
      first();
    }, 0);
  };
  const make = (onSuccess?: (v: unknown) => void, onFailure?: (e: unknown) => void): any =>
    new Proxy(
      {},
      {
        get(_target, prop: string | symbol) {
          if (prop === 'withSuccessHandler') return (handler: (v: unknown) => void) => make(handler, onFailure);
          if (prop === 'withFailureHandler') return (handler: (e: unknown) => void) => make(onSuccess, handler);
          if (typeof prop !== 'string') return undefined;
          return (...args: unknown[]) => {
            schedule(() => {
              let result: unknown;
              try {
                args.forEach((a, i) => assertTransferable(a, `argument ${i + 1}`));
                const sent = args.map(clone);
                log.calls.push({ name: prop, args: sent });
                result = runtime.execute((g) => {
                  if (prop.endsWith('_') || typeof g[prop] !== 'function') throw new Error(`Script function not found: ${prop}`);
                  return g[prop](...sent);
                });
                assertTransferable(result, 'returverdi');
              } catch (error) {
                const e = error as { name?: string; message?: string };
                const failure = new Error(`${e?.name ?? 'Error'}: ${e?.message ?? String(error)}`);
                setTimeout(() => onFailure?.(failure), 0);
                return;
              }
              const value = clone(result);
              setTimeout(() => onSuccess?.(value), 0);
            });
          };
        },
      },
    );
  return () => make();
}
