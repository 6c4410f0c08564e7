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
import { FakeLock, LockState } from './lock.js';
import { referenceValue } from './references.js';
import { installRecalc } from './recalc.js';
import { FakeSpreadsheet, type FakeSheet, type FormulaCell, type Value } from './spreadsheet.js';

export { AppsScriptException, MESSAGES } from './errors.js';
export * from './services.js';
export * from './spreadsheet.js';
export { fakeScriptRun } from './client.js';
export { FakeLock, LockState } from './lock.js';
export { installRecalc, parseCall, userEdit } from './recalc.js';

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

/**
 * How an execution was started. Limits (developers.google.com): a custom function "must return within 30
 * seconds" and may only read the spreadsheet and properties ("Custom Functions in Google Sheets" → Using Apps
 * Script services: Properties read only, Cache full); simple triggers such as onOpen/onEdit "cannot run for
 * longer than 30 seconds" ("Simple Triggers" → Restrictions); anything else — google.script.run from the
 * sidebar, a menu item — has the 6-minute script runtime ("Quotas for Google Services").
 */
export type ExecutionMode = 'normal' | 'customFunction' | 'simpleTrigger';

export const EXECUTION_LIMIT_MS: Readonly<Record<ExecutionMode, number>> = { customFunction: 30_000, simpleTrigger: 30_000, normal: 360_000 };
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

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
  evaluator: ((formula: string, sheet: FakeSheet, cell?: FormulaCell) => Value | undefined) | undefined;
  /** Simulated duration of one service call, added to the clock (tests raise it to model a slow spreadsheet). */
  serviceLatencyMs = 0;
  /** The running execution's start (fake clock and real time) and limit, checked at every service call. */
  private running: { clock: number; real: number; limit: number } | undefined;
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
    this.clock += this.serviceLatencyMs;
    this.checkTime();
    // Custom functions may write the cache but not the spreadsheet or the properties (read only).
    if (this.mode === 'customFunction' && info.write && !info.cache) {
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

  /** Starts timing an execution in `mode`; returns what endExecution needs to restore. */
  beginExecution(mode: ExecutionMode): { mode: ExecutionMode; running: AppsScriptFake['running'] } {
    const saved = { mode: this.mode, running: this.running };
    this.mode = mode;
    this.running = { clock: this.clock, real: performance.now(), limit: EXECUTION_LIMIT_MS[mode] };
    return saved;
  }

  endExecution(saved: { mode: ExecutionMode; running: AppsScriptFake['running'] }): void {
    this.mode = saved.mode;
    this.running = saved.running;
  }

  /** Milliseconds the running execution has taken: simulated service time plus real time. */
  elapsed(): number {
    return this.running ? this.clock - this.running.clock + (performance.now() - this.running.real) : 0;
  }

  /** Apps Script stops an execution at its limit: the next service call (or the return) fails. */
  checkTime(): void {
    if (this.running && this.elapsed() > this.running.limit) throw new AppsScriptException(TIME_LIMIT_MESSAGE);
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

  evaluate(formula: string, sheet: FakeSheet, cell?: FormulaCell): Value {
    const v = this.evaluator?.(formula, sheet, cell) ?? referenceValue(this.spreadsheet, formula);
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
  /** Formula reads answered from Sheets' cached result (arguments unchanged), not by running the function. */
  cachedReads = 0;

  constructor(
    readonly fake: AppsScriptFake,
    code: string,
  ) {
    this.script = new Script(code, { filename: 'Code.js' });
    // Formula cells keep their result until their arguments change, as in Sheets (recalc.ts).
    installRecalc(this);
  }

  newExecution(): CodeGlobals {
    this.executions++;
    const context = createContext(this.fake.globals());
    this.script.runInContext(context);
    return context as CodeGlobals;
  }

  /** Runs `fn` as one execution in `mode`; the previous mode is restored afterwards. */
  execute<T>(fn: (g: CodeGlobals) => T, mode: ExecutionMode = 'normal'): T {
    const saved = this.fake.beginExecution(mode);
    const id = mode === 'normal' ? this.fake.locks.begin() : undefined;
    try {
      const result = fn(this.newExecution());
      this.fake.checkTime();
      return result;
    } finally {
      this.fake.endExecution(saved);
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
