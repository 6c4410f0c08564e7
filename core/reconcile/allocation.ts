import { allocate, budgetGap, type Allocation } from '../allocation/allocate.js';
import type { DatasetContext } from '../dataset/context.js';
import type { KommuneRegistry } from '../kommuner/registry.js';
import type { Finding } from '../findings/finding.js';
import { Dec, roundOre, sum, ZERO } from '../money/kroner.js';
import { normalizeKey } from '../util/text.js';
import { Column, deviates, readColumns, representable, reportable } from './columns.js';
import { consensus, observedTolerance, simplestIn, theilSen, type Interval } from './consensus.js';
import { FindingSink, kr, num, rate as rateText, RULES } from './findings.js';
import { resolveRows, type RowKommune } from './kommuner.js';
import type { LocatedTable } from './locate.js';
import { halfUnit, readCell, unit } from './numbers.js';
import { checkShares } from './shares.js';
import { checkKontrollRow, checkSumRow } from './sums.js';

export interface BudgetLine {
  readonly amount: Dec;
  /** Where the line is printed, e.g. "Budsjett!C12 «Refusjon fra kommuner …»". */
  readonly label: string;
}

export interface AllocationReconcileOptions {
  /** The active dataset: when the table's year has a key and its kommuner are members, the table is checked against it. */
  readonly data?: DatasetContext;
  /** The budget year the table is for; otherwise read from the title, sheet name or population basis. */
  readonly year?: number;
  /** The budget line the allocation should cover, when not given by the dataset's key. */
  readonly budgetLine?: BudgetLine;
  /** Kommune registry for a table that is not the dataset's own (reconcileSheets passes `data` only for those). */
  readonly registry?: KommuneRegistry;
}

/** The key a table was checked against: fixed amount per member + rate per inhabitant (per row). */
export interface CheckedKey {
  readonly source: 'dataset' | 'table';
  readonly fixed?: Dec;
  readonly rate?: Dec;
  /** Expected total per row (sheet-independent row index → kr). */
  readonly expectedTotals: ReadonlyMap<number, Dec>;
  /** True when the rows reproduce the key exactly (no hidden decimals). */
  readonly exact: boolean;
}

export interface AllocationReconciliation {
  readonly table: LocatedTable;
  readonly findings: Finding[];
  readonly year?: number;
  readonly key?: CheckedKey;
  /** Σ of the printed totals. */
  readonly sumOfRows?: Dec;
  /** The printed Sum row total. */
  readonly printedSum?: Dec;
  /** Σ of the key's totals over the table's rows. */
  readonly keySum?: Dec;
}

const YEAR = /\b(19[5-9]\d|20\d\d|21\d\d)\b/g;

/** The budget year of a table: given, else a year in the title/sheet name with a key, else the population basis. */
export function detectYear(table: LocatedTable, data?: DatasetContext, given?: number): number | undefined {
  if (given !== undefined) return given;
  const popHeader = table.columns.population !== undefined ? table.headers[table.columns.population] ?? '' : '';
  const context = table.context.replace(popHeader, ' ');
  const years = [...context.matchAll(YEAR)].map((m) => Number(m[1]));
  const keyYears = new Set(data?.dataset.keys.map((k) => k.year) ?? []);
  const withKey = years.find((y) => keyYears.has(y));
  if (withKey !== undefined) return withKey;
  if (years.length) return years[0];
  if (data && popHeader) {
    const h = normalizeKey(popHeader);
    const byBasis = data.dataset.keys.find((k) => k.populationBasis && h.includes(normalizeKey(k.populationBasis)));
    if (byBasis) return byBasis.year;
  }
  return undefined;
}

interface Expectation {
  fixed?: Dec;
  byPop?: Dec;
  total?: Dec;
}

/** Reconciles one located allocation table (Kommune | Innbyggere | [Fast] | [Fordelt etter innbyggertall] | Totalt). */
export function reconcileAllocationTable(givenTable: LocatedTable, options: AllocationReconcileOptions = {}): AllocationReconciliation {
  const table = withAmountShareAsByPopulation(givenTable);
  const sink = new FindingSink(table);
  const data = options.data;
  const kommuner = resolveRows(table, sink, data, options.registry);
  const cols = readColumns(table, sink, ['population', 'share', 'fixed', 'byPopulation', 'total']);
  // A table of frozen percentages beside amounts may print no population.
  const pop = cols.population;
  const fixedCol = cols.fixed;
  const byPopCol = cols.byPopulation;
  const totalCol = cols.total;
  const rows = table.dataRows;
  const popOf = (r: number): Dec | undefined => {
    const v = pop?.value(r);
    return v !== undefined && v.isInteger() && !v.isNegative() ? v : undefined;
  };
  for (const r of pop ? rows : []) {
    const v = pop!.value(r);
    if (v !== undefined && (!v.isInteger() || v.isNegative())) {
      sink.add(r, pop!.index, RULES.number, 'error', `Innbyggertallet ${num(v, 2)} for ${kommuner.get(r)?.name} er ikke et helt, positivt tall.`, undefined, num(v, 2));
    } else if (v === undefined && !pop!.isInvalid(r)) {
      sink.add(r, pop!.index, RULES.number, 'warning', `Innbyggertall mangler for ${kommuner.get(r)?.name}; raden kan ikke kontrolleres mot nøkkelen.`);
    }
  }

  const year = detectYear(table, data, options.year);
  let allocation: Allocation | undefined;
  if (data && year !== undefined) {
    const resolved = [...kommuner.values()].filter((k) => k.kommune);
    const members = resolved.filter((k) => k.member);
    if (members.length * 2 >= resolved.length && members.length > 0) {
      const result = allocate(data.dataset, year);
      if (result.ok) allocation = result.value;
      else sink.add(table.headerRow, table.kommuneColumn, RULES.note, 'info', `${result.error.message} Tabellen kontrolleres mot nøkkelen som kan utledes av den selv.`);
    }
  }

  // Population against the dataset.
  if (data && pop) {
    for (const r of rows) {
      const k = kommuner.get(r);
      const member = k?.kommune ? data.member(k.kommune.kommunenr) : undefined;
      const printed = popOf(r);
      if (!member || printed === undefined || printed.equals(member.population)) continue;
      const basis = allocation?.key.source.populationBasis ?? member.referenceDate ?? '';
      sink.add(
        r,
        pop.index,
        RULES.population,
        'warning',
        `${member.name}: tabellen har ${num(printed)} innbyggere, men ${data.dataset.name} har ${num(member.population)}${basis ? ` (${basis})` : ''}. Kontroller innbyggertallet.`,
        num(member.population),
        num(printed),
      );
    }
  }

  const expectations = new Map<number, Expectation>();
  const flagged = new Set<string>(); // `${row}:${column}`
  const flag = (r: number, c: number) => flagged.add(`${r}:${c}`);
  const isFlagged = (r: number, c?: number) => c !== undefined && flagged.has(`${r}:${c}`);
  let key: CheckedKey | undefined;
  let describe = '';

  if (allocation) {
    const byNr = new Map(allocation.rows.map((row) => [row.kommunenr, row]));
    const k = allocation.key;
    for (const r of rows) {
      const kommune = kommuner.get(r)?.kommune;
      const engine = kommune ? byNr.get(kommune.kommunenr) : undefined;
      if (!engine) continue;
      if (k.mode === 'fixedPlusRate') {
        const p = popOf(r) ?? new Dec(engine.population);
        const fixed = roundOre(k.fixedAmount);
        const byPop = roundOre(k.ratePerInhabitant.times(p));
        expectations.set(r, { fixed, byPop, total: fixed.plus(byPop) });
      } else {
        expectations.set(r, { fixed: engine.fixed, byPop: engine.byPopulation, total: engine.total });
      }
    }
    const splitKey = k.mode === 'totalSplit';
    describe =
      k.mode === 'fixedPlusRate'
        ? `fordelingsnøkkelen for ${year} i ${data!.dataset.name}: ${kr(k.fixedAmount)} fast + ${rateText(k.ratePerInhabitant)} pr innbygger`
        : `fordelingsnøkkelen for ${year} i ${data!.dataset.name}: ${kr(k.totalToAllocate)} fordelt ${num(k.equalShare.times(100), 1)} % likt og resten etter innbyggertall`;
    for (const r of rows) {
      const e = expectations.get(r);
      if (!e) continue;
      const name = kommuner.get(r)!.name;
      const p = popOf(r);
      const checks: [Column | undefined, Dec | undefined, string, number][] = [
        [fixedCol, e.fixed, `fast andel etter nøkkelen er ${kr(e.fixed ?? ZERO)}`, 1],
        [byPopCol, e.byPop, k.mode === 'fixedPlusRate' && p ? `${num(p)} innbyggere × ${rateText(k.ratePerInhabitant)} = ${kr(e.byPop ?? ZERO)}` : `nøkkelen gir ${kr(e.byPop ?? ZERO)}`, 1],
        [
          totalCol,
          e.total,
          k.mode === 'fixedPlusRate' && p ? `${kr(e.fixed!)} fast + ${num(p)} innbyggere × ${rateText(k.ratePerInhabitant)} = ${kr(e.total ?? ZERO)}` : `nøkkelen gir ${kr(e.total ?? ZERO)}`,
          2,
        ],
      ];
      for (const [col, expected, why, units] of checks) {
        const actual = col?.get(r);
        if (!col || !actual || expected === undefined) continue;
        const tol = splitKey ? unit(actual.decimals).times(units) : representable(expected, actual.decimals) ? ZERO : halfUnit(actual.decimals);
        if (!deviates(actual.value, expected, tol)) continue;
        flag(r, col.index);
        sink.add(
          r,
          col.index,
          RULES.deviation,
          'error',
          `${name}: «${sink.header(col.index)}» er ${kr(actual.value, actual.decimals)}, men ${why}${copyNote(table, col, r, kommuner)}.`,
          kr(expected, Math.min(actual.decimals, 2)),
          kr(actual.value, actual.decimals),
        );
      }
    }
    // Exact when every printed figure is the key's own (not a rounding of it): sums must then match to the øre.
    const exact = !splitKey && [fixedCol, byPopCol, totalCol].every((col, i) => col === undefined || printsExactly(col, rows, isFlagged, (r) => pickExpectation(expectations.get(r), i)));
    key = {
      source: 'dataset',
      ...(k.mode === 'fixedPlusRate' ? { fixed: k.fixedAmount, rate: k.ratePerInhabitant } : {}),
      expectedTotals: new Map([...expectations].filter(([, e]) => e.total !== undefined).map(([r, e]) => [r, e.total!])),
      exact,
    };
  } else {
    const inferred = inferKey(table, sink, kommuner, rows, popOf, fixedCol, byPopCol, totalCol, flag, isFlagged);
    if (inferred) {
      key = inferred.key;
      describe = inferred.describe;
      for (const r of rows) {
        const p = popOf(r);
        if (p === undefined) continue;
        const byPop = inferred.key.rate!.times(p);
        expectations.set(r, { fixed: inferred.key.fixed!, byPop, total: inferred.key.fixed!.plus(byPop) });
      }
    }
  }

  if (key) {
    sink.add(table.headerRow, table.kommuneColumn, RULES.note, 'info', `Tabellen er kontrollert mot ${describe}.`);
  }

  // A figure within a unit of the key in a whole-kroner column could be split rounding — unless the Sum
  // row agrees with the key and this one row is exactly what keeps the rows from adding up to it.
  if (table.sumRow !== undefined && rows.every((r) => expectations.has(r))) {
    const columnsToBlame: [Column | undefined, (e: Expectation) => Dec | undefined][] = [
      [fixedCol, (e) => e.fixed],
      [byPopCol, (e) => e.byPop],
      [totalCol, (e) => e.total],
    ];
    for (const [col, pick] of columnsToBlame) {
      const printedSum = col?.value(table.sumRow);
      if (!col || printedSum === undefined) continue;
      const expectedOf = (r: number) => pick(expectations.get(r)!);
      if (rows.some((r) => expectedOf(r) === undefined || col.value(r) === undefined)) continue;
      const keySum = sum(rows.map((r) => expectedOf(r)!));
      const rowSum = sum(rows.map((r) => col.value(r)!));
      if (reportable(printedSum.minus(keySum)) || !reportable(rowSum.minus(printedSum))) continue;
      const suspects = rows.filter((r) => !isFlagged(r, col.index) && reportable(col.value(r)!.minus(expectedOf(r)!)));
      if (suspects.length !== 1) continue;
      const r = suspects[0]!;
      const actual = col.get(r)!;
      const expected = expectedOf(r)!;
      if (reportable(actual.value.minus(expected).minus(rowSum.minus(printedSum)))) continue;
      flag(r, col.index);
      sink.add(
        r,
        col.index,
        RULES.deviation,
        'error',
        `${kommuner.get(r)?.name}: «${sink.header(col.index)}» er ${kr(actual.value, actual.decimals)}, men ${describe || 'nøkkelen'} gir ${kr(expected)}; sum-raden (${kr(printedSum, actual.decimals)}) stemmer med nøkkelen, og denne raden er det eneste avviket.`,
        kr(expected, Math.min(actual.decimals, 2)),
        kr(actual.value, actual.decimals),
      );
    }
  }

  // Rows that still have fixed + byPop + total printed: the row must add up.
  if (fixedCol && byPopCol && totalCol) {
    for (const r of rows) {
      if (isFlagged(r, fixedCol.index) || isFlagged(r, byPopCol.index) || isFlagged(r, totalCol.index)) continue;
      const f = fixedCol.value(r);
      const p = byPopCol.value(r);
      const t = totalCol.get(r);
      if (f === undefined || p === undefined || !t) continue;
      const tol = key?.exact ? ZERO : fixedCol.half(r).plus(byPopCol.half(r)).plus(totalCol.half(r));
      if (!deviates(t.value, f.plus(p), tol)) continue;
      flag(r, totalCol.index);
      sink.add(
        r,
        totalCol.index,
        RULES.deviation,
        'error',
        `${kommuner.get(r)!.name}: «${sink.header(totalCol.index)}» er ${kr(t.value, t.decimals)}, men ${kr(f)} + ${kr(p)} = ${kr(f.plus(p))}.`,
        kr(f.plus(p), t.decimals),
        kr(t.value, t.decimals),
      );
    }
  }

  if (cols.share) {
    const keyTotal = key ? (r: number) => expectations.get(r)?.total ?? key!.expectedTotals.get(r) : undefined;
    const shares = checkShares({ table, sink, share: cols.share, rows, popOf, ...(totalCol ? { totalCol } : {}), kommuner, ...(keyTotal ? { expectedTotal: keyTotal, describe } : {}), isFlagged });
    // Shares of the whole table add up to 100 % by the key: a Sum row that says so is right even when a row is not.
    checkSumRow(table, sink, cols.share, { rowsExact: false, ...(shares ? { keySum: shares.whole } : {}) });
  }

  // Members of the dataset that the table leaves out.
  if (allocation) {
    const present = new Set([...kommuner.values()].map((k) => k.kommune?.kommunenr).filter(Boolean));
    for (const row of allocation.rows) {
      if (present.has(row.kommunenr)) continue;
      sink.add(
        table.headerRow,
        table.kommuneColumn,
        RULES.members,
        'warning',
        `${row.name} (${row.kommunenr}) er medlem i ${data!.dataset.name}, men mangler i tabellen (skal betale ${kr(row.total)} i ${year}).`,
        kr(row.total),
      );
    }
  }

  // Sum row.
  const rowsExact = key?.exact ?? false;
  const complete = rows.every((r) => expectations.has(r));
  const keySumOf = (pick: (e: Expectation) => Dec | undefined): Dec | undefined => {
    if (!complete || rows.length === 0) return undefined;
    const values = rows.map((r) => pick(expectations.get(r)!));
    return values.every((v) => v !== undefined) ? sum(values as Dec[]) : undefined;
  };
  if (pop) checkSumRow(table, sink, pop, { rowsExact: true });
  const fixedKeySum = keySumOf((e) => e.fixed);
  const byPopKeySum = keySumOf((e) => e.byPop);
  const keySum = keySumOf((e) => e.total);
  if (fixedCol) checkSumRow(table, sink, fixedCol, { rowsExact, ...(fixedKeySum ? { keySum: fixedKeySum } : {}) });
  if (byPopCol) checkSumRow(table, sink, byPopCol, { rowsExact, ...(byPopKeySum ? { keySum: byPopKeySum } : {}) });
  let result: AllocationReconciliation = { table, findings: sink.findings, ...(year !== undefined ? { year } : {}), ...(key ? { key } : {}) };
  if (totalCol) {
    const totals = checkSumRow(table, sink, totalCol, { rowsExact, ...(keySum ? { keySum } : {}) });
    checkKontrollRow(table, sink, totalCol, totals);
    const sumRow = table.sumRow;
    if (keySum !== undefined && totals.printed !== undefined && sumRow !== undefined) {
      // Rows that are the key rounded to what they print are each off by up to half a unit; a key the rows
      // only follow within rounding (a split, or a key inferred from the rows) by up to two units per row.
      const roundingOnly = key?.source === 'dataset' && allocation?.key.mode === 'fixedPlusRate';
      const perRow = (r: number) => (roundingOnly ? totalCol.half(r) : totalCol.unit(r).times(2));
      const keyTol = rowsExact ? ZERO : rows.reduce((acc, r) => acc.plus(perRow(r)), totalCol.half(sumRow));
      const matchesKey = !deviates(totals.printed, keySum, keyTol);
      const rowsMatchKey = !deviates(totals.rows, keySum, keyTol);
      // A Sum row that is the rows as printed, off the key only by the rows already reported, is not reported again.
      const reported = rows.filter((r) => isFlagged(r, totalCol.index) && totalCol.value(r) !== undefined && expectations.get(r)?.total !== undefined);
      const explained = reported.length > 0 && !deviates(totals.printed, keySum.plus(sum(reported.map((r) => totalCol.value(r)!.minus(expectations.get(r)!.total!)))), keyTol);
      const d = totalCol.decimalsAt(sumRow);
      if (!matchesKey && !rowsMatchKey && !explained) {
        sink.add(
          sumRow,
          totalCol.index,
          RULES.sumKey,
          'error',
          `Sum-raden i «${sink.header(totalCol.index)}» er ${kr(totals.printed, d)}, men ${describe} gir ${kr(keySum, d)} for radene i tabellen (avvik ${kr(totals.printed.minus(keySum), d)}).`,
          kr(keySum, d),
          kr(totals.printed, d),
        );
      }
    }
    result = { ...result, sumOfRows: totals.rows, ...(totals.printed !== undefined ? { printedSum: totals.printed } : {}), ...(keySum !== undefined ? { keySum } : {}) };

    // The budget line the allocation should cover.
    const budgeted = allocation?.key.source.budgetedTotal;
    const anchorRow = sumRow ?? rows[rows.length - 1]!;
    if (allocation && budgeted !== undefined && reportable(allocation.sum.minus(budgeted))) {
      const printedNote = totals.printed !== undefined && reportable(totals.printed.minus(allocation.sum)) ? ` (sum-raden i tabellen viser ${kr(totals.printed)})` : '';
      sink.add(
        anchorRow,
        totalCol.index,
        RULES.budgetLine,
        'warning',
        `Fordelingen etter nøkkelen for ${year} gir ${kr(allocation.sum)}${printedNote}, men budsjettlinjen «Refusjon fra kommuner» er ${kr(budgeted)}: avvik ${kr(budgetGap(allocation.sum, budgeted))}. Nøkkelen og budsjettet må stemme overens.`,
        kr(budgeted),
        kr(allocation.sum),
      );
    } else if (!allocation && options.budgetLine) {
      const covered = totals.printed ?? totals.rows;
      if (reportable(covered.minus(options.budgetLine.amount))) {
        sink.add(
          anchorRow,
          totalCol.index,
          RULES.budgetLine,
          'warning',
          `Fordelingen summerer til ${kr(covered)}, men budsjettlinjen ${options.budgetLine.label} er ${kr(options.budgetLine.amount)}: avvik ${kr(budgetGap(covered, options.budgetLine.amount))}.`,
          kr(options.budgetLine.amount),
          kr(covered),
        );
      }
    }
  }
  return result;
}

/**
 * KOSTRA-style key figures: a «kostnad pr innbygger» column that is the total divided by the population, and
 * differs from row to row (an allocation's rate per inhabitant is the same on every row). Such a table shares an
 * allocation table's headers but allocates nothing, so it is not reconciled as one.
 */
export function isPerInhabitantFigures(table: LocatedTable): boolean {
  const perCol = table.columns.byPopulation;
  const totalCol = table.columns.total;
  const popCol = table.columns.population;
  if (perCol === undefined || totalCol === undefined || popCol === undefined) return false;
  if (!/\b(pr|per) innbygger\b/.test(normalizeKey(table.headers[perCol] ?? ''))) return false;
  const number = (r: number, c: number) => {
    const reading = readCell(table.cells[r]?.[c]);
    return reading.kind === 'number' ? reading.number.value : undefined;
  };
  let rows = 0;
  let fits = 0;
  const ratios: Dec[] = [];
  for (const r of table.dataRows) {
    const per = number(r, perCol);
    const total = number(r, totalCol);
    const pop = number(r, popCol);
    if (per === undefined || total === undefined || pop === undefined || !pop.greaterThan(0)) continue;
    rows++;
    ratios.push(per);
    // The ratio is printed rounded: allow half a unit of it per inhabitant, and 0,5 % besides.
    const slack = pop.times('0.5').plus(total.abs().times('0.005'));
    if (per.times(pop).minus(total).abs().lessThanOrEqualTo(slack)) fits++;
  }
  if (rows < 2 || fits * 5 < rows * 4) return false;
  const smallest = ratios.reduce((a, b) => (a.lessThan(b) ? a : b));
  const largest = ratios.reduce((a, b) => (a.greaterThan(b) ? a : b));
  return largest.minus(smallest).greaterThan(largest.abs().times('0.01'));
}

/**
 * «Andel innbyggere» / «Andel etter innbyggertall» is usually the part paid by population, in kroner, not a
 * percentage: a share column whose figures cannot be shares (one above 100, or together above 100) is read
 * as the by-population column when the table has none.
 */
function withAmountShareAsByPopulation(table: LocatedTable): LocatedTable {
  const c = table.columns.share;
  if (c === undefined || table.columns.byPopulation !== undefined) return table;
  let total = ZERO;
  let largest = ZERO;
  for (const r of table.dataRows) {
    const reading = readCell(table.cells[r]?.[c]);
    if (reading.kind !== 'number') continue;
    const v = reading.number.value.abs();
    total = total.plus(v);
    if (v.greaterThan(largest)) largest = v;
  }
  // A header that says percent is percent; otherwise shares add up to about 100 even with a mistyped one.
  if (/%|prosent/.test(table.headers[c] ?? '') || (!largest.greaterThan(100) && !total.greaterThan(110))) return table;
  const { share: _share, ...columns } = table.columns;
  return { ...table, columns: { ...columns, byPopulation: c } };
}

/** The expectation for the fixed (0), by-population (1) or total (2) column. */
function pickExpectation(e: Expectation | undefined, column: number): Dec | undefined {
  if (e === undefined) return undefined;
  return column === 0 ? e.fixed : column === 1 ? e.byPop : e.total;
}

/** True when every figure in the column that is not already reported equals its expected value exactly. */
function printsExactly(col: Column, rows: readonly number[], isFlagged: (r: number, c?: number) => boolean, expectedOf: (r: number) => Dec | undefined): boolean {
  return rows.every((r) => {
    const actual = col.value(r);
    const expected = expectedOf(r);
    return actual === undefined || expected === undefined || isFlagged(r, col.index) || actual.equals(expected);
  });
}

/** "– samme tall som Rødøy": a by-population or total figure identical to another row's is probably copied. */
function copyNote(table: LocatedTable, col: Column, r: number, kommuner: ReadonlyMap<number, RowKommune>): string {
  // The fixed part is the same on every row by design: equal figures there say nothing.
  if (col.role === 'fixed') return '';
  const v = col.value(r);
  if (v === undefined || v.isZero()) return '';
  const other = table.dataRows.find((o) => o !== r && col.value(o)?.equals(v));
  return other === undefined ? '' : ` – samme tall som ${kommuner.get(other)?.name ?? 'en annen rad'}, ser ut som en kopiert verdi`;
}

/**
 * Infers the key from the table itself (for boards we have no dataset for): the rate per inhabitant
 * most rows agree on, the fixed part most rows agree on, or — with only a total column — a robust
 * straight line total = fixed + rate × innbyggere. Rows that do not fit within their rounding are flagged
 * at the cell that is out of line.
 */
function inferKey(
  table: LocatedTable,
  sink: FindingSink,
  kommuner: ReadonlyMap<number, RowKommune>,
  rows: readonly number[],
  popOf: (r: number) => Dec | undefined,
  fixedCol: Column | undefined,
  byPopCol: Column | undefined,
  totalCol: Column | undefined,
  flag: (r: number, c: number) => void,
  isFlagged: (r: number, c?: number) => boolean,
): { key: CheckedKey; describe: string } | undefined {
  const name = (r: number) => kommuner.get(r)?.name ?? `rad ${table.originRow + r}`;
  const report = (r: number, col: Column, expected: Dec, why: string) => {
    const actual = col.get(r)!;
    flag(r, col.index);
    sink.add(
      r,
      col.index,
      RULES.deviation,
      'error',
      `${name(r)}: «${sink.header(col.index)}» er ${kr(actual.value, actual.decimals)}, men ${why}${copyNote(table, col, r, kommuner)}.`,
      kr(expected, Math.min(actual.decimals, 2)),
      kr(actual.value, actual.decimals),
    );
  };
  let rate: Dec | undefined;
  let fixed: Dec | undefined;

  const rateFrom = (values: Map<number, { value: Dec; width: Dec }>) => {
    const intervals: Interval[] = [];
    for (const [r, { value, width }] of values) {
      const p = popOf(r);
      if (!p || p.isZero()) continue;
      intervals.push({ lo: value.minus(width).dividedBy(p), hi: value.plus(width).dividedBy(p), id: r, at: value.dividedBy(p) });
    }
    return consensus(intervals);
  };
  const fixedFrom = (values: Map<number, { value: Dec; width: Dec }>) =>
    consensus([...values].map(([r, { value, width }]) => ({ lo: value.minus(width), hi: value.plus(width), id: r, at: value })));

  if (byPopCol) {
    const values = new Map<number, { value: Dec; width: Dec }>();
    for (const r of rows) {
      const p = byPopCol.value(r);
      if (p !== undefined && popOf(r) !== undefined) values.set(r, { value: p, width: byPopCol.unit(r) });
    }
    const c = rateFrom(values);
    if (c) {
      rate = c.value;
      const members = new Set(c.members);
      for (const r of values.keys()) {
        const expected = rate.times(popOf(r)!);
        if (!deviates(byPopCol.value(r)!, expected, members.has(r) ? byPopCol.unit(r) : byPopCol.half(r))) continue;
        report(r, byPopCol, expected, `${num(popOf(r)!)} innbyggere × ${rateText(rate)} (satsen de andre radene bruker) = ${kr(expected)}`);
      }
    }
  }
  if (fixedCol) {
    const values = new Map<number, { value: Dec; width: Dec }>();
    for (const r of rows) {
      const f = fixedCol.value(r);
      if (f !== undefined) values.set(r, { value: f, width: fixedCol.unit(r) });
    }
    const c = fixedFrom(values);
    if (c) {
      fixed = c.value;
      const members = new Set(c.members);
      for (const r of values.keys()) if (!members.has(r)) report(r, fixedCol, fixed, `de andre radene har ${kr(fixed)} i fast andel`);
    }
  }
  if (totalCol && byPopCol && !fixedCol && rate !== undefined) {
    // The board's layout: Totalt = fast andel (not printed) + fordelt etter innbyggertall.
    const values = new Map<number, { value: Dec; width: Dec }>();
    for (const r of rows) {
      const t = totalCol.value(r);
      const p = byPopCol.value(r);
      if (t !== undefined && p !== undefined && !isFlagged(r, byPopCol.index)) values.set(r, { value: t.minus(p), width: totalCol.unit(r).plus(byPopCol.unit(r)) });
    }
    const c = fixedFrom(values);
    if (c) fixed = c.value;
  }
  if (totalCol && fixedCol && !byPopCol && fixed !== undefined) {
    const values = new Map<number, { value: Dec; width: Dec }>();
    for (const r of rows) {
      const t = totalCol.value(r);
      const f = fixedCol.value(r);
      if (t !== undefined && f !== undefined && !isFlagged(r, fixedCol.index)) values.set(r, { value: t.minus(f), width: totalCol.unit(r).plus(fixedCol.unit(r)) });
    }
    const c = rateFrom(values);
    if (c) rate = c.value;
  }
  if (totalCol && !fixedCol && !byPopCol) {
    const points = rows
      .filter((r) => totalCol.value(r) !== undefined && popOf(r) !== undefined)
      .map((r) => ({ x: popOf(r)!, y: totalCol.value(r)!, r }));
    const line = theilSen(points);
    if (line && points.length >= 3) {
      const xs = points.map((p) => p.x);
      const span = xs.reduce((a, b) => (a.greaterThan(b) ? a : b)).minus(xs.reduce((a, b) => (a.lessThan(b) ? a : b)));
      const width = totalCol.unit(points[0]!.r).times(2);
      rate = span.isZero() ? line.slope : simplestIn(line.slope.minus(width.dividedBy(span)), line.slope.plus(width.dividedBy(span)));
      const c = consensus(
        points.map((p) => ({ lo: p.y.minus(rate!.times(p.x)).minus(width), hi: p.y.minus(rate!.times(p.x)).plus(width), id: p.r, at: p.y.minus(rate!.times(p.x)) })),
      );
      if (c) fixed = c.value;
    }
  }
  if (fixed === undefined || rate === undefined) {
    if (rows.length >= 3 && totalCol) {
      sink.add(table.headerRow, table.kommuneColumn, RULES.note, 'info', 'Fant ingen felles nøkkel (fast beløp + sats pr innbygger) som flertallet av radene følger; bare summene er kontrollert.');
    }
    return undefined;
  }

  // Totals against the key, for every row whose total was not explained above.
  const expectedTotals = new Map<number, Dec>();
  const residuals: Dec[] = [];
  let exact = true;
  for (const r of rows) {
    const p = popOf(r);
    if (p === undefined) continue;
    const expectedByPop = rate.times(p);
    const expected = fixed.plus(expectedByPop);
    expectedTotals.set(r, roundOre(expected));
    if (fixedCol && !isFlagged(r, fixedCol.index) && !fixedCol.value(r)!.equals(fixed)) exact = false;
    if (byPopCol && !isFlagged(r, byPopCol.index) && byPopCol.value(r) !== undefined && !byPopCol.value(r)!.equals(expectedByPop)) exact = false;
    const t = totalCol?.get(r);
    if (!totalCol || !t || isFlagged(r, totalCol.index)) continue;
    const residual = t.value.minus(expected);
    const tol = totalCol.unit(r).times(2);
    if (deviates(t.value, expected, tol)) {
      const why = `${kr(fixed)} fast + ${num(p)} innbyggere × ${rateText(rate)} (nøkkelen de andre radene følger) = ${kr(expected)}`;
      report(r, totalCol, expected, why);
      continue;
    }
    residuals.push(residual);
    if (!residual.isZero()) exact = false;
  }
  const tol = observedTolerance(residuals, halfUnit(totalCol?.decimals ?? 2), unit(totalCol?.decimals ?? 2));
  if (!tol.isZero()) exact = false;
  return {
    key: { source: 'table', fixed, rate, expectedTotals, exact },
    describe: `nøkkelen utledet av tabellen selv: ${kr(fixed)} fast + ${rateText(rate)} pr innbygger`,
  };
}
