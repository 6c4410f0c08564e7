// The relation finder (kontroll of any numeric table): finds the arithmetic most rows of a block obey — sum rows
// and sub-totals, sum and difference columns, products and quotients times a constant, shares, a fixed part plus a
// rate (with caps), constant columns — and reports each cell that breaks one, once, with expected and actual and
// the likely cause. Where the workbook has formulas they are read too (formulas.ts). Pure: decimal.js only.
import { a1, type Finding, type Severity } from '../findings/finding.js';
import { Dec } from '../money/kroner.js';
import { layBlame, columnEvent, sumEvent, exactAt, type Blame, type Event } from './breaks.js';
import { causeText } from './causes.js';
import { columnName, columnWord, findBlocks, sheetColumn, sheetRow, type Block, type SheetGrid } from './blocks.js';
import { disagrees, evaluate, sumRange, toR1C1 } from './formulas.js';
import { cellDecimals, matrixOf, type Matrix } from './matrix.js';
import { predict, predictExact, tolerance, type ColumnRelation } from './relation.js';
import { findColumnRelations, type Verdict } from './search.js';
import { findSumRows, sumCellTolerance, type SumRow } from './sums.js';
import { figure, relationSentence, rowName, rowsWords } from './words.js';
import { NEVER_STOP, type Tick } from '../util/stop.js';

export { findBlocks, type Block, type SheetGrid } from './blocks.js';
export { isTransposition, causeOf, type Cause } from './causes.js';
export { toR1C1, evaluate, sumRange } from './formulas.js';
export { relationWords, relationSentence } from './words.js';
export type { ColumnRelation } from './relation.js';
export type { Verdict } from './search.js';
export type { SumRow } from './sums.js';
export { checkWorkbookRelations, isClaimed, blockRange, type BlockStatus, type WorkbookRelations } from './workbook.js';

/** Rule ids of the relation finder's findings. */
export const RELATION_RULES = {
  /** A sum row or sum column that does not add up. */
  sum: 'tabell.sum',
  /** A column that is a difference of others (a − b), broken in a row. */
  difference: 'tabell.differanse',
  /** A product/quotient of columns times a constant, broken in a row. */
  product: 'tabell.produkt',
  /** A share column (value ÷ its column's sum), broken in a row. */
  share: 'tabell.andel',
  /** A fixed part plus a rate × a column (a proportional split), broken in a row. */
  split: 'tabell.fordeling',
  /** A constant column with a different figure in a row. */
  constant: 'tabell.konstant',
  /** A figure copied from the row above or below where a relation gives another. */
  copy: 'tabell.kopi',
  /** A formula that breaks its column's pattern, or a typed figure among formulas. */
  formula: 'tabell.formel-avvik',
  /** A SUM whose range leaves out adjacent rows of its block. */
  range: 'tabell.formel-omrade',
  /** A stored result that disagrees with its formula: uncomputable, not guessed. */
  stale: 'tabell.uberegnelig',
  /** A block read with no relation found. */
  none: 'tabell.ingen-sammenheng',
} as const;

export interface BlockCheck {
  readonly block: Block;
  readonly sums: readonly SumRow[];
  readonly relations: readonly Verdict[];
  /** Columns whose formulas follow one pattern (checked by formula). */
  readonly formulaColumns: number;
  readonly findings: Finding[];
  /** True when something was checked: a relation, a sum row or a formula pattern. */
  readonly related: boolean;
}

export interface SheetCheck {
  readonly sheet: string;
  readonly blocks: readonly BlockCheck[];
  readonly findings: Finding[];
}

function ruleOf(rel: ColumnRelation): string {
  switch (rel.kind) {
    case 'constant':
      return RELATION_RULES.constant;
    case 'linear':
      return rel.terms.some((t) => t.sign === -1) ? RELATION_RULES.difference : RELATION_RULES.sum;
    case 'product':
      return rel.shareOf !== undefined ? RELATION_RULES.share : RELATION_RULES.product;
    case 'affine':
      return RELATION_RULES.split;
  }
}

interface FindingDraft {
  readonly row: number;
  readonly column: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

function toFinding(block: Block, d: FindingDraft): Finding {
  const row = sheetRow(block, d.row);
  return {
    rule: d.rule,
    severity: d.severity,
    sheet: block.sheet,
    cell: a1(row, block.originColumn + block.columns[d.column]!),
    row,
    column: block.headers[d.column] || sheetColumn(block, d.column),
    message: d.message,
    ...(d.expected !== undefined ? { expected: d.expected } : {}),
    ...(d.actual !== undefined ? { actual: d.actual } : {}),
  };
}

function blameDraft(block: Block, m: Matrix, blame: Blame): FindingDraft {
  const { suspect: s, event: e } = blame;
  const d = cellDecimals(m, s.column, s.row);
  const because = s.cause ? ` (${causeText(s.cause, (r) => rowName(block, r))})` : '';
  const expected = figure(s.corrected, d);
  const actual = figure(s.actual, d);
  if (e.kind === 'column') {
    const v = e.verdict;
    const rule = s.cause?.kind === 'copied' ? RELATION_RULES.copy : ruleOf(v.relation);
    const holds = `${relationSentence(block, v.relation)} i ${v.hits} av ${v.rows} rader`;
    const message = s.isTarget
      ? `${holds}; ${rowName(block, s.row)} gir ${actual}, men sammenhengen gir ${expected}${because}.`
      : `${columnWord(block, s.column)} i ${rowName(block, s.row)} er ${actual}, men ${lowerFirstWord(holds)}, og raden stemmer med ${columnWord(block, s.column)} = ${expected}${because}.`;
    return { row: s.row, column: s.column, rule, severity: 'warning', message, expected, actual };
  }
  const sum = e.sum;
  const range = rowsWords(block, sum.parts);
  const of = sum.present > 1 ? ` i ${sum.matching} av ${sum.present} kolonner` : '';
  const rule = s.cause?.kind === 'copied' ? RELATION_RULES.copy : RELATION_RULES.sum;
  const severity: Severity = sum.labelled ? 'error' : 'warning';
  const message = s.isTarget
    ? `${capitalise(rowName(block, sum.row))} er summen av ${range}${of}; i kolonne ${columnName(block, s.column)} står ${actual}, men radene summerer til ${expected}${because}.`
    : `Kolonne ${columnName(block, s.column)} i ${rowName(block, s.row)} er ${actual}, men summen i ${rowName(block, sum.row)} stemmer med ${expected} her${because}.`;
  return { row: s.row, column: s.column, rule, severity, message, expected, actual };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function lowerFirstWord(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Formula text of a block cell, when the grid carries formulas. */
type FormulaAt = (i: number, j: number) => string | undefined;

interface FormulaCheck {
  readonly untrusted: Set<string>;
  readonly drafts: FindingDraft[];
  readonly patternColumns: number;
}

/** Stored results that disagree with their formulas, and formulas that break their column's or sum row's pattern. */
function checkFormulas(block: Block, grid: SheetGrid, formulaAt: FormulaAt): FormulaCheck {
  const untrusted = new Set<string>();
  const drafts: FindingDraft[] = [];
  const lookup = (row: number, column: number) => grid.cells[row - (grid.originRow ?? 1)]?.[column - (grid.originColumn ?? 1)];
  for (let i = 0; i < block.rows.length; i++)
    for (let j = 0; j < block.columns.length; j++) {
      const f = formulaAt(i, j);
      const fig = block.figures[i]![j];
      if (!f || !fig || typeof fig.raw !== 'number') continue;
      const computed = evaluate(f, lookup);
      if (computed === undefined || !disagrees(fig.raw, computed)) continue;
      untrusted.add(`${i}:${j}`);
      const d = Math.max(fig.decimals, 0);
      drafts.push({
        row: i,
        column: j,
        rule: RELATION_RULES.stale,
        severity: 'warning',
        message: `Lagret resultat i ${a1(sheetRow(block, i), block.originColumn + block.columns[j]!)} er ${figure(new Dec(String(fig.raw)), d)}, men formelen =${f} gir ${figure(new Dec(String(computed)), Math.max(d, 2))} med tallene som står i arket: arbeidsboken er ikke regnet ut på nytt, så cellen kan ikke kontrolleres. Åpne og lagre den i Excel, og kontroller på nytt.`,
        expected: figure(new Dec(String(computed)), Math.max(d, 2)),
        actual: figure(new Dec(String(fig.raw)), d),
      });
    }
  return { untrusted, drafts, patternColumns: 0 };
}

/** The R1C1 pattern most cells of a group share, when at least 3 cells and two thirds of the group do. */
function majorityPattern(patterns: readonly (string | undefined)[]): { pattern: string; count: number } | undefined {
  const counts = new Map<string, number>();
  for (const p of patterns) if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: { pattern: string; count: number } | undefined;
  for (const [pattern, count] of counts) if (!best || count > best.count) best = { pattern, count };
  if (!best || best.count < 3 || best.count * 3 < patterns.length * 2) return undefined;
  return best;
}

function patternDrafts(block: Block, formulaAt: FormulaAt, sums: readonly SumRow[], m: Matrix, reported: Set<string>): { drafts: FindingDraft[]; columns: number } {
  const drafts: FindingDraft[] = [];
  const sumRows = new Set(sums.map((s) => s.row));
  const at = (i: number, j: number) => a1(sheetRow(block, i), block.originColumn + block.columns[j]!);
  let columns = 0;
  // Down each column over the detail rows, as Excel compares a formula with its neighbours.
  for (let j = 0; j < block.columns.length; j++) {
    const cells: { i: number; pattern: string | undefined; formula: string | undefined }[] = [];
    for (let i = 0; i < block.rows.length; i++) {
      if (sumRows.has(i) || !block.figures[i]![j]) continue;
      const f = formulaAt(i, j);
      cells.push({ i, formula: f, pattern: f ? toR1C1(f, sheetRow(block, i), block.originColumn + block.columns[j]!) : undefined });
    }
    const major = majorityPattern(cells.map((c) => c.pattern));
    if (!major) continue;
    columns++;
    const example = cells.find((c) => c.pattern === major.pattern)!;
    for (const c of cells) {
      if (c.pattern === major.pattern || reported.has(`${c.i}:${j}`)) continue;
      reported.add(`${c.i}:${j}`);
      const what = c.formula ? `Formelen i ${at(c.i, j)} (=${c.formula}) følger ikke mønsteret i kolonnen` : `${at(c.i, j)} har et innskrevet tall der kolonnen ellers regnes ut med formel`;
      drafts.push({
        row: c.i,
        column: j,
        rule: RELATION_RULES.formula,
        severity: 'warning',
        message: `${what}: ${major.count} av ${cells.length} rader har samme formel som ${at(example.i, j)} (=${example.formula}).`,
        expected: `=${example.formula}`,
        actual: c.formula ? `=${c.formula}` : figure(new Dec(String(block.figures[c.i]![j]!.num)), cellDecimals(m, j, c.i)),
      });
    }
  }
  // Across each sum row: the same SUM in every column.
  for (const s of sums) {
    const cells: { j: number; pattern: string | undefined; formula: string | undefined }[] = [];
    for (let j = 0; j < block.columns.length; j++) {
      if (!block.figures[s.row]![j]) continue;
      const f = formulaAt(s.row, j);
      cells.push({ j, formula: f, pattern: f ? toR1C1(f, sheetRow(block, s.row), block.originColumn + block.columns[j]!) : undefined });
    }
    const major = majorityPattern(cells.map((c) => c.pattern));
    if (!major) continue;
    const example = cells.find((c) => c.pattern === major.pattern)!;
    for (const c of cells) {
      if (c.pattern === major.pattern || reported.has(`${s.row}:${c.j}`)) continue;
      reported.add(`${s.row}:${c.j}`);
      const what = c.formula ? `Formelen i ${at(s.row, c.j)} (=${c.formula}) følger ikke mønsteret i summeraden` : `${at(s.row, c.j)} har et innskrevet tall der summeraden ellers regnes ut med formel`;
      drafts.push({
        row: s.row,
        column: c.j,
        rule: RELATION_RULES.formula,
        severity: 'warning',
        message: `${what}: ${major.count} av ${cells.length} kolonner har samme formel som ${at(s.row, example.j)} (=${example.formula}).`,
        expected: `=${example.formula}`,
        actual: c.formula ? `=${c.formula}` : figure(new Dec(String(block.figures[s.row]![c.j]!.num)), cellDecimals(m, c.j, s.row)),
      });
    }
  }
  return { drafts, columns };
}

/** SUMs whose range stops short of adjacent figure rows of the block (not counting sum rows and headers). */
function rangeDrafts(block: Block, formulaAt: FormulaAt, sums: readonly SumRow[], reported: Set<string>): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  const sumRows = new Set(sums.map((s) => s.row));
  const indexOfSheetRow = new Map(block.rows.map((r, i) => [block.originRow + r, i]));
  for (let i = 0; i < block.rows.length; i++)
    for (let j = 0; j < block.columns.length; j++) {
      const f = formulaAt(i, j);
      const range = f ? sumRange(f) : undefined;
      if (!range || range.column !== block.originColumn + block.columns[j]!) continue;
      const here = sheetRow(block, i);
      if (range.to >= here) continue;
      const left: number[] = [];
      const isPart = (row: number) => {
        const k = indexOfSheetRow.get(row);
        return k !== undefined && k < i && !sumRows.has(k) && block.figures[k]![j] !== undefined;
      };
      for (let r = range.from - 1; isPart(r); r--) left.unshift(r);
      for (let r = range.to + 1; r < here && isPart(r); r++) left.push(r);
      if (left.length === 0 || reported.has(`${i}:${j}`)) continue;
      reported.add(`${i}:${j}`);
      const cell = a1(here, range.column);
      drafts.push({
        row: i,
        column: j,
        rule: RELATION_RULES.range,
        severity: 'error',
        message: `Formelen i ${cell} (=${f}) summerer rad ${range.from}–${range.to}, men ${left.length === 1 ? `rad ${left[0]}` : `rad ${left[0]}–${left[left.length - 1]}`} i samme tabell er ikke med.`,
      });
    }
  return drafts;
}

/** Checks one block: its sum rows, the relations of its columns and, where present, its formulas. */
export function checkBlock(block: Block, grid?: SheetGrid, tick: Tick = NEVER_STOP): BlockCheck {
  // A block of half a million rows takes seconds: the caller may stop between the passes (core/util/stop.ts).
  tick();
  const formulas = grid?.formulas;
  const formulaAt: FormulaAt = (i, j) => {
    const f = formulas?.[block.rows[i]!]?.[block.columns[j]!];
    return f ? f.replace(/^=/, '') : undefined;
  };
  const formulaCheck = formulas && grid ? checkFormulas(block, grid, formulaAt) : { untrusted: new Set<string>(), drafts: [], patternColumns: 0 };
  tick();
  const m = matrixOf(block, formulaCheck.untrusted);
  tick();
  const sums = findSumRows(m, block.labels);
  tick();
  const sumRows = new Set(sums.map((s) => s.row));
  const detail: number[] = [];
  for (let i = 0; i < m.rows; i++) if (!sumRows.has(i)) detail.push(i);
  const exactSum = (j: number) => {
    let s = new Dec(0);
    for (const i of detail) {
      const v = exactAt(block, m, j, i);
      if (v) s = s.plus(v);
    }
    return s;
  };
  const verdicts = findColumnRelations(m, detail, exactSum);
  tick();
  const events: Event[] = [];
  const valueOf = (j: number, i: number) => m.values[j]![i]!;
  for (const v of verdicts) {
    for (const i of detail) {
      tick();
      const t = m.values[v.relation.target]![i]!;
      if (Number.isNaN(t)) continue;
      const pred = predict(v.relation, valueOf, i);
      if (!Number.isFinite(pred)) continue;
      const tol = tolerance(v.relation, m, i, pred, valueOf);
      if (Math.abs(t - pred) <= tol) continue;
      const expected = predictExact(v.relation, (j, r) => exactAt(block, m, j, r), i);
      const actual = exactAt(block, m, v.relation.target, i);
      if (!expected || !actual || actual.minus(expected).abs().lessThanOrEqualTo(tol)) continue;
      events.push(columnEvent(block, m, v, i, expected, actual, tol));
    }
  }
  for (const s of sums) {
    for (let j = 0; j < m.columns; j++) {
      const actual = exactAt(block, m, j, s.row);
      if (!actual) continue;
      let expected = new Dec(0);
      let parts = 0;
      for (const p of s.parts) {
        const v = exactAt(block, m, j, p);
        if (v) {
          expected = expected.plus(v);
          parts++;
        }
      }
      if (parts === 0) continue;
      const tol = sumCellTolerance(m, j, s.row, s.parts);
      if (actual.minus(expected).abs().lessThanOrEqualTo(tol)) continue;
      // A sum row may print a column's average or its rate (Timesats) rather than its sum.
      const mean = expected.dividedBy(parts);
      if (actual.minus(mean).abs().lessThanOrEqualTo(tol)) continue;
      events.push(sumEvent(block, m, s, j, expected, actual, tol));
    }
  }
  tick();
  const reported = new Set<string>();
  const drafts: FindingDraft[] = [...formulaCheck.drafts];
  for (const d of formulaCheck.drafts) reported.add(`${d.row}:${d.column}`);
  let patternColumns = 0;
  if (formulas) {
    const p = patternDrafts(block, formulaAt, sums, m, reported);
    // Pushed one by one: a block of many rows can have more drafts than a spread's arguments fit on the stack.
    for (const d of p.drafts) drafts.push(d);
    for (const d of rangeDrafts(block, formulaAt, sums, reported)) drafts.push(d);
    patternColumns = p.columns;
  }
  for (const blame of layBlame(events, reported)) {
    const k = `${blame.suspect.row}:${blame.suspect.column}`;
    if (reported.has(k)) continue;
    reported.add(k);
    drafts.push(blameDraft(block, m, blame));
  }
  const related = verdicts.length > 0 || sums.length > 0 || patternColumns > 0;
  const findings = drafts.map((d) => toFinding(block, d));
  if (!related) findings.push(noRelation(block));
  return { block, sums, relations: verdicts, formulaColumns: patternColumns, findings, related };
}

/** The info a block gets when nothing in it could be related: it was read, not skipped. */
function noRelation(block: Block): Finding {
  const top = sheetRow(block, 0);
  const bottom = sheetRow(block, block.rows.length - 1);
  const left = block.originColumn + block.columns[0]!;
  const right = block.originColumn + block.columns[block.columns.length - 1]!;
  const rows = block.rows.length;
  return {
    rule: RELATION_RULES.none,
    severity: 'info',
    sheet: block.sheet,
    cell: a1(top, left),
    row: top,
    column: block.headers[0] || sheetColumn(block, 0),
    message: `Tabellen i ${a1(top, left)}:${a1(bottom, right)} (${rows} ${rows === 1 ? 'rad' : 'rader'}, ${block.columns.length} ${block.columns.length === 1 ? 'tallkolonne' : 'tallkolonner'}) er lest, ingen sammenhenger funnet: ingen rad er summen av radene over, og ingen kolonne er en sum, et produkt, en andel eller en konstant for de fleste radene.`,
  };
}

export interface SheetOptions {
  /** Blocks a known kind (allocation, RPA, DUO, budget, register) has already checked: the finder leaves them. */
  readonly claimed?: (block: Block) => boolean;
}

/** Runs the finder on every numeric block of a sheet that no known kind claimed. */
export function checkSheet(grid: SheetGrid, options: SheetOptions = {}): SheetCheck {
  const blocks = findBlocks(grid).filter((b) => !options.claimed?.(b));
  const checks = blocks.map((b) => checkBlock(b, grid));
  return { sheet: grid.sheet, blocks: checks, findings: checks.flatMap((c) => c.findings) };
}
