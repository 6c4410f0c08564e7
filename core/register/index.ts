// System-register (systemoversikt) checks, SPEC §5. One pass over the rows: the reader classifies and parses each
// cell once (reader.ts), and every rule in checks/ (one rule per file, rule id = file name) looks at the row's facts.
import type { DatasetContext } from '../dataset/context.js';
import type { Finding } from '../findings/finding.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import { parseDate } from '../util/cells.js';
import { todayInvalid } from './checks/dato-ugyldig.js';
import { REGISTER_RULES } from './checks/index.js';
import { InternalErrors } from './checks/intern-feil.js';
import { headerMissing } from './checks/overskrift-mangler.js';
import { findRegisterHeader, type RegisterHeader } from './fields.js';
import { RegisterReader, RowFacts } from './reader.js';
import { RuleContext, type RegisterRule, type RuleRun } from './rule.js';
import { isoToDay } from './values.js';

export interface RegisterCheckOptions {
  /** Sheet name findings point at. */
  readonly sheet?: string;
  /** 1-based sheet row/column of cells[0][0], so findings carry real addresses. Default 1/1. */
  readonly originRow?: number;
  readonly originColumn?: number;
  /** ISO date used as "today" for contract deadlines. */
  readonly today: string;
  /** Active dataset, for kommune lookups (ambiguity resolved among its members). */
  readonly data?: DatasetContext;
  /** Kommune registry to use when there is no dataset (default: the built-in list). */
  readonly registry?: KommuneRegistry;
  /**
   * Called with the fraction done (0 … 1), at most about 100 times per run. Throwing from it aborts the check
   * (that is how a host cancels); nothing else makes checkRegister throw.
   */
  readonly onProgress?: (fraction: number) => void;
  /** The rules to run (default: all of REGISTER_RULES), e.g. a subset for a quick check or an extra local rule. */
  readonly rules?: readonly RegisterRule[];
}

/** The row hooks to call for one combination of row flags. */
interface RowPlan {
  readonly hooks: readonly ((facts: RowFacts) => void)[];
  readonly ids: readonly string[];
}

/** How many times per run onProgress is called at most (besides the final 1). */
const PROGRESS_STEPS = 100;

function origin(value: number | undefined): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1;
}

function todayOf(today: unknown): number {
  if (typeof today !== 'string') return NaN;
  const parsed = parseDate(today);
  return parsed.ok ? isoToDay(parsed.value) : NaN;
}

/** Column number (1-based) of an A1 address, for ordering findings within a row. */
function columnOf(cell: string): number {
  let n = 0;
  for (let i = 0; i < cell.length; i++) {
    const ch = cell.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    n = n * 26 + (ch - 64);
  }
  return n;
}

/** Orders each row's findings by column (rules report in rule order); rows stay in order. */
function sortWithinRows(findings: Finding[]): Finding[] {
  let start = 0;
  while (start < findings.length) {
    let end = start + 1;
    while (end < findings.length && findings[end]!.row === findings[start]!.row) end++;
    if (end - start > 1) {
      const run = findings.slice(start, end).sort((a, b) => columnOf(a.cell) - columnOf(b.cell));
      for (let i = 0; i < run.length; i++) findings[start + i] = run[i]!;
    }
    start = end;
  }
  return findings;
}

/** Merges end-of-run findings (few, any row) into the row-ordered findings, keeping both orders stable. */
function mergeByRow(rowOrdered: Finding[], late: Finding[]): Finding[] {
  if (late.length === 0) return rowOrdered;
  late.sort((a, b) => a.row - b.row);
  const out: Finding[] = [];
  let j = 0;
  // Indexed: this runs once per check, before the JIT has looked at it, where for…of pays an object per finding.
  for (let i = 0; i < rowOrdered.length; i++) {
    const f = rowOrdered[i]!;
    while (j < late.length && late[j]!.row < f.row) out.push(late[j++]!);
    out.push(f);
  }
  while (j < late.length) out.push(late[j++]!);
  return out;
}

/** A register check that can be advanced row by row, so a host can pause between slices (see checkRegisterInSlices). */
interface RegisterRun {
  /** Checks rows up to (not including) `limit`; returns true when every row is done. */
  advance(limit: number): boolean;
  /** Runs the end-of-register rules and returns all findings top-down by row. */
  finish(): Finding[];
  readonly firstRow: number;
  readonly rowCount: number;
}

function startRun(cells: readonly (readonly unknown[])[], givenOptions: RegisterCheckOptions): RegisterRun | Finding[] {
  const options: Partial<RegisterCheckOptions> = givenOptions ?? {};
  const sheet = typeof options.sheet === 'string' ? options.sheet : '';
  const originRow = origin(options.originRow);
  const originColumn = origin(options.originColumn);
  const rows: readonly (readonly unknown[])[] = Array.isArray(cells) ? cells : [];
  const header = findRegisterHeader(rows);
  if (!header) return [headerMissing(sheet, originRow, originColumn)];

  const today = todayOf(options.today);
  const reader = new RegisterReader(rows, header, { registry: options.data?.registry ?? options.registry, scope: options.data?.memberNumbers, sheet, today });
  const ctx = new RuleContext(reader, sheet, originRow, originColumn, today, options.data);
  const internal = new InternalErrors(ctx);
  if (!(today === today)) ctx.findings.push(todayInvalid(sheet, originRow, originColumn, options.today));

  const rules: RegisterRule[] = [];
  const runs: RuleRun[] = [];
  for (const rule of options.rules ?? REGISTER_RULES) {
    try {
      const run = rule.start(ctx);
      if (run) {
        rules.push(rule);
        runs.push(run);
      }
    } catch (error) {
      internal.report(rule.id, header.row, error);
    }
  }
  // Row hooks and the row flags each needs (0 = every row). For each combination of flags a row can have, the
  // hooks to call are worked out once, so a clean row only meets the few rules that look at every row.
  const hookRuns = runs.filter((run) => run.row !== undefined);
  const hookMasks = hookRuns.map((run) => run.when ?? 0);
  const hookIds = hookRuns.map((run) => rules[runs.indexOf(run)]!.id);
  const endIds = rules.map((rule) => rule.id);
  const plans: (RowPlan | undefined)[] = [];
  const planFor = (flags: number): RowPlan => {
    const picked = hookRuns.map((_, i) => i).filter((i) => hookMasks[i] === 0 || (flags & hookMasks[i]!) !== 0);
    return { hooks: picked.map((i) => hookRuns[i]!.row!), ids: picked.map((i) => hookIds[i]!) };
  };

  const facts = new RowFacts();
  const first = reader.firstDataRow;
  const total = rows.length - first;
  const onProgress = options.onProgress;
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS));
  let countdown = step;
  let next = first;

  return {
    firstRow: first,
    rowCount: rows.length,
    advance(limit: number): boolean {
      const stop = Math.min(limit, rows.length);
      for (let r = next; r < stop; r++) {
        if (onProgress !== undefined && --countdown === 0) {
          countdown = step;
          onProgress((r - first) / total);
        }
        let filled: boolean;
        try {
          filled = reader.read(r, facts);
        } catch (error) {
          internal.report('lesing av raden', r, error);
          continue;
        }
        if (!filled) continue;
        const flags = facts.flags;
        let plan = plans[flags];
        if (plan === undefined) plans[flags] = plan = planFor(flags);
        const hooks = plan.hooks;
        // One try per row; a rule that throws is reported and the row's remaining rules still run.
        for (let i = 0; i < hooks.length; i++) {
          try {
            for (; i < hooks.length; i++) hooks[i]!(facts);
          } catch (error) {
            internal.report(plan.ids[i]!, r, error);
          }
        }
      }
      next = Math.max(next, stop);
      return next >= rows.length;
    },
    finish(): Finding[] {
      const rowOrdered = ctx.findings.splice(0, ctx.findings.length);
      for (let i = 0; i < runs.length; i++) {
        const end = runs[i]!.end;
        if (!end) continue;
        try {
          end();
        } catch (error) {
          internal.report(endIds[i]!, header.row, error);
        }
      }
      onProgress?.(1);
      return sortWithinRows(mergeByRow(rowOrdered, ctx.findings));
    },
  };
}

/**
 * Checks a system register (SPEC §5). `cells` is the range as the host read it, header row included (title rows
 * above it are fine). Returns the findings top-down by row; an empty row gives none. Never throws on any cell value.
 */
export function checkRegister(cells: readonly (readonly unknown[])[], givenOptions: RegisterCheckOptions): Finding[] {
  const run = startRun(cells, givenOptions);
  if (Array.isArray(run)) return run;
  run.advance(run.rowCount);
  return run.finish();
}

/**
 * The same check, `sliceRows` rows at a time with `pause()` awaited between slices, so a task pane can repaint
 * its progress bar and stay responsive on a 100 000-row register. Same findings as checkRegister. `pause` comes
 * from the host (e.g. a zero-delay timer): core itself knows no event loop.
 */
export async function checkRegisterInSlices(
  cells: readonly (readonly unknown[])[],
  options: RegisterCheckOptions,
  pause: () => Promise<void>,
  sliceRows = 5_000,
): Promise<Finding[]> {
  const run = startRun(cells, options);
  if (Array.isArray(run)) return run;
  const slice = Math.max(1, Math.floor(sliceRows));
  for (let limit = run.firstRow + slice; !run.advance(limit); limit += slice) await pause();
  return run.finish();
}

/**
 * How many rows of the register the check reads as systems: the rows under the header (and under a sub-header row),
 * less blank rows, repeated header rows and sum rows ("Sum", "Totalt", an Excel table's totals row). For a host's
 * "N rader" line. `header` defaults to findRegisterHeader(cells); 0 when there is no header.
 */
export function registerDataRowCount(cells: readonly (readonly unknown[])[], header?: RegisterHeader): number {
  const rows: readonly (readonly unknown[])[] = Array.isArray(cells) ? cells : [];
  const found = header ?? findRegisterHeader(rows);
  if (!found) return 0;
  const reader = new RegisterReader(rows, found);
  let count = 0;
  for (let r = reader.firstDataRow; r < rows.length; r++) if (reader.isDataRow(r)) count++;
  return count;
}

export { findRegisterHeader, fieldForHeader, REGISTER_COLUMNS, FIELD_LABEL, HEADER_SCAN_ROWS } from './fields.js';
export type { RegisterField, RegisterHeader } from './fields.js';
export { REGISTER_RULES } from './checks/index.js';
export type { RegisterRule } from './rule.js';
export { commonSystems, type CommonSystem, type CommonSystemsOptions } from './common-systems.js';
export { supplierKey } from './suppliers.js';
export { CRITICAL_SYSTEM_TYPES } from './data/critical-systems.js';
