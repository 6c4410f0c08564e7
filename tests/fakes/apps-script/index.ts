// The Apps Script environment the DH add-on runs in, faked for Node: SpreadsheetApp (one active
// spreadsheet), CacheService, PropertiesService, Utilities, HtmlService, Session and Logger, plus a runtime
// that loads the BUILT dist/gsheets/Code.js into a `vm` context the way Apps Script does: every execution
// starts from fresh globals (the script's top level runs again), while the spreadsheet, the cache and the
// properties persist between executions.
//
// Instrumentation for tests: every API call is counted by name ("Range.getValues"), failures can be
// injected into any call, and custom-function mode forbids writes as Sheets does.
import { Script, createContext } from 'node:vm';
import { AppsScriptException, MESSAGES } from './errors.js';
import { CacheStore, FakeCache, FakeHtmlOutput, FakeProperties, FakeUi, PropertyStore, formatDate } from './services.js';
import { FakeSpreadsheet, type FakeSheet, type Value } from './spreadsheet.js';
import { FakeLock, LockState } from './lock.js';
import { referenceValue } from './references.js';

export { AppsScriptException, MESSAGES } from './errors.js';
export * from './services.js';
export * from './spreadsheet.js';
export { fakeScriptRun } from './client.js';
export { FakeLock, LockState } from './lock.js';

export interface FailureRule {
  /** Call name, e.g. "Range.setFormulas", or a pattern. */
  readonly op: string | RegExp;
  /** Only calls on this sheet. */
  readonly sheet?: string | RegExp;
  /** Let this many matching calls succeed first. */
  readonly skip?: number;
  /** How many matching calls fail (default 1). */
  readonly times?: number;
  readonly message?: string;
}

export interface RecordInfo {
  readonly write?: boolean;
  readonly sheet?: string;
  readonly cache?: boolean;
  readonly properties?: boolean;
}

export type ExecutionMode = 'normal' | 'customFunction';

export class AppsScriptFake {
  readonly counts = new Map<string, number>();
  readonly spreadsheet: FakeSpreadsheet;
  readonly cacheStore = new CacheStore();
  readonly documentProperties = new PropertyStore();
  readonly ui = new FakeUi();
  readonly logs: string[] = [];
  mode: ExecutionMode = 'normal';
  clock = Date.parse('2026-11-21T09:00:00Z');
  /** Computes a formula cell's value; undefined → "#NAME?" (an unknown function, as in Sheets). */
  evaluator: ((formula: string, sheet: FakeSheet) => Value | undefined) | undefined;
  private failures: { rule: FailureRule; seen: number; failed: number }[] = [];
  /** LockService state and executions waiting to interleave (lock.ts). */
  readonly locks = new LockState();

  constructor(
    readonly files: Readonly<Record<string, string>> = {},
    timeZone = 'Europe/Oslo',
  ) {
    this.spreadsheet = new FakeSpreadsheet(this, timeZone);
  }

  now(): number {
    return this.clock;
  }

  /** Counts a call, applies custom-function restrictions and injected failures. */
  record(op: string, info: RecordInfo = {}): void {
    this.counts.set(op, (this.counts.get(op) ?? 0) + 1);
    if (this.mode === 'customFunction' && info.write && !info.cache && !info.properties) {
      throw new AppsScriptException(MESSAGES.permission(op.split('.').pop()!));
    }
    if (info.write && !info.cache && !info.properties && this.mode === 'normal') this.locks.onWrite();
    for (const f of this.failures) {
      const opMatches = typeof f.rule.op === 'string' ? f.rule.op === op : f.rule.op.test(op);
      const sheetMatches = f.rule.sheet === undefined || (info.sheet !== undefined && (typeof f.rule.sheet === 'string' ? f.rule.sheet === info.sheet : f.rule.sheet.test(info.sheet)));
      if (!opMatches || !sheetMatches) continue;
      f.seen++;
      if (f.seen > (f.rule.skip ?? 0) && f.failed < (f.rule.times ?? 1)) {
        f.failed++;
        throw new AppsScriptException(f.rule.message ?? MESSAGES.serviceError);
      }
    }
  }

  count(op: string | RegExp): number {
    let n = 0;
    for (const [k, v] of this.counts) if (typeof op === 'string' ? k === op : op.test(k)) n += v;
    return n;
  }

  resetCounts(): void {
    this.counts.clear();
  }

  failOn(rule: FailureRule): void {
    this.failures.push({ rule, seen: 0, failed: 0 });
  }

  clearFailures(): void {
    this.failures = [];
  }

  evaluate(formula: string, sheet: FakeSheet): Value {
    const v = this.evaluator?.(formula, sheet) ?? referenceValue(this.spreadsheet, formula);
    return v === undefined ? '#NAME?' : v;
  }

  /** The global object of one execution: the services Apps Script provides, and nothing a browser or Node adds. */
  globals(): Record<string, unknown> {
    const ss = this.spreadsheet;
    const fake = this;
    const SpreadsheetApp = {
      getActive: () => (fake.record('SpreadsheetApp.getActive'), ss),
      getActiveSpreadsheet: () => (fake.record('SpreadsheetApp.getActiveSpreadsheet'), ss),
      getActiveSheet: () => (fake.record('SpreadsheetApp.getActiveSheet'), ss.active),
      flush: () => fake.record('SpreadsheetApp.flush'),
      getUi: () => {
        fake.record('SpreadsheetApp.getUi');
        if (fake.mode === 'customFunction') throw new AppsScriptException(MESSAGES.uiContext);
        return fake.ui;
      },
    };
    const cache = new FakeCache(fake, this.cacheStore);
    const CacheService = {
      getDocumentCache: () => (fake.record('CacheService.getDocumentCache'), cache),
      getScriptCache: () => (fake.record('CacheService.getScriptCache'), cache),
      getUserCache: () => (fake.record('CacheService.getUserCache'), cache),
    };
    const properties = new FakeProperties(fake, this.documentProperties);
    const PropertiesService = {
      getDocumentProperties: () => (fake.record('PropertiesService.getDocumentProperties'), properties),
    };
    const Utilities = {
      formatDate: (date: Date, timeZone: string, pattern: string) => (fake.record('Utilities.formatDate'), formatDate(date, timeZone, pattern)),
    };
    const HtmlService = {
      createHtmlOutputFromFile: (filename: string) => {
        fake.record('HtmlService.createHtmlOutputFromFile');
        const content = fake.files[`${filename}.html`] ?? fake.files[filename];
        if (content === undefined) throw new AppsScriptException(MESSAGES.noHtmlFile(filename));
        return new FakeHtmlOutput(content);
      },
      createHtmlOutput: (html = '') => new FakeHtmlOutput(html),
    };
    const Session = { getScriptTimeZone: () => 'Europe/Oslo' };
    const Logger = { log: (...args: unknown[]) => void fake.logs.push(args.map(String).join(' ')) };
    const LockService = {
      getDocumentLock: () => (fake.record('LockService.getDocumentLock'), new FakeLock(fake.locks)),
      getScriptLock: () => (fake.record('LockService.getScriptLock'), new FakeLock(fake.locks)),
    };
    return { SpreadsheetApp, CacheService, PropertiesService, Utilities, HtmlService, Session, Logger, LockService, console, Date };
  }
}

/** Globals of one execution of Code.js: its top-level functions and __DH. */
export type CodeGlobals = Record<string, any>;

/** Loads the built Code.js; each execution runs the whole file in a fresh context, like Apps Script. */
export class AppsScriptRuntime {
  private readonly script: Script;
  executions = 0;

  constructor(
    readonly fake: AppsScriptFake,
    code: string,
  ) {
    this.script = new Script(code, { filename: 'Code.js' });
    fake.evaluator = (formula) => this.evaluateFormula(formula);
  }

  newExecution(): CodeGlobals {
    this.executions++;
    const context = createContext(this.fake.globals());
    this.script.runInContext(context);
    return context as CodeGlobals;
  }

  /** Runs `fn` as one execution in `mode`; the previous mode is restored afterwards. */
  execute<T>(fn: (g: CodeGlobals) => T, mode: ExecutionMode = 'normal'): T {
    const previous = this.fake.mode;
    this.fake.mode = mode;
    const id = mode === 'normal' ? this.fake.locks.begin() : undefined;
    try {
      return fn(this.newExecution());
    } finally {
      this.fake.mode = previous;
      if (id !== undefined) this.fake.locks.end(id);
    }
  }

  /** What Sheets does for a cell =NAME(args): a custom-function execution. */
  customFunction(name: string, ...args: unknown[]): unknown {
    return this.execute((g) => {
      if (typeof g[name] !== 'function') throw new AppsScriptException(`Unknown function: ${name}`);
      return g[name](...args);
    }, 'customFunction');
  }

  /** Evaluates "=DH_X(arg, …)" with literal arguments, as Sheets shows it (errors as #ERROR!). */
  evaluateFormula(formula: string): Value | undefined {
    const m = /^=\s*([A-Za-z_][A-Za-z0-9_]*)\((.*)\)\s*$/s.exec(formula);
    if (!m) return undefined;
    const args = parseArgs(m[2]!);
    if (!args) return undefined;
    const missing = Symbol('missing');
    try {
      const result = this.execute((g) => (typeof g[m[1]!] === 'function' ? g[m[1]!](...args) : missing), 'customFunction');
      if (result === missing) return undefined;
      const top = Array.isArray(result) ? (result[0] as unknown[] | undefined)?.[0] : result;
      return (top ?? '') as Value;
    } catch {
      return '#ERROR!';
    }
  }
}

/** Literal formula arguments: "text" (with "" escapes) and numbers, separated by commas. */
function parseArgs(text: string): (string | number)[] | undefined {
  const args: (string | number)[] = [];
  let i = 0;
  const s = text.trim();
  if (s === '') return args;
  while (i < s.length) {
    while (s[i] === ' ') i++;
    if (s[i] === '"') {
      let out = '';
      i++;
      for (;;) {
        if (i >= s.length) return undefined;
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            out += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += s[i++];
      }
      args.push(out);
    } else {
      const m = /^-?\d+(\.\d+)?/.exec(s.slice(i));
      if (!m) return undefined;
      args.push(Number(m[0]));
      i += m[0].length;
    }
    while (s[i] === ' ') i++;
    if (i < s.length) {
      if (s[i] !== ',') return undefined;
      i++;
    }
  }
  return args;
}
