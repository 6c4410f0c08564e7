import { allocate, budgetGap } from '../allocation/allocate.js';
import type { DatasetContext } from '../dataset/context.js';
import { a1, type Finding, type Severity } from '../findings/finding.js';
import { Dec, sum, ZERO } from '../money/kroner.js';
import { cellText, type CellValue } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';
import { reportable } from './columns.js';
import { kr, RULES } from './findings.js';
import type { SheetCells } from './locate.js';
import { readCell } from './numbers.js';
import { NEVER_STOP, type Tick } from '../util/stop.js';

/** One labelled amount of a budget table. */
export interface BudgetLineCell {
  readonly label: string;
  readonly amount: Dec;
  /** Index into the sheet's cells. */
  readonly row: number;
  readonly column: number;
}

export interface LocatedBudget {
  readonly sheet: string;
  readonly originRow: number;
  readonly originColumn: number;
  readonly expenses: readonly BudgetLineCell[];
  readonly expensesTotal?: BudgetLineCell;
  readonly income: readonly BudgetLineCell[];
  readonly incomeTotal?: BudgetLineCell;
  readonly kontroll?: BudgetLineCell;
  /** The income line the kommuner's contributions must cover ("Refusjon fra kommuner …"). */
  readonly refund?: BudgetLineCell;
  readonly context: string;
  readonly startRow: number;
  readonly endRow: number;
}

export interface BudgetReconciliation {
  readonly budget: LocatedBudget;
  readonly findings: Finding[];
  readonly year?: number;
}

const EXPENSES = /^(utgifter|driftsutgifter|kostnader)$/;
const EXPENSES_TOTAL = /^(totale? (utgifter|kostnader)|sum (utgifter|kostnader)|(utgifter|kostnader) (totalt|i alt|sum)|sum driftsutgifter)$/;
const INCOME = /^(inntekter|finansiering|driftsinntekter)$/;
const INCOME_TOTAL = /^(totalt?|sum|i alt|totale? inntekter|sum inntekter|inntekter (totalt|i alt|sum)|sum finansiering|finansiering totalt)$/;
const KONTROLL = /^(kontroll|differanse|balanse|avvik|resultat|netto)$/;
const REFUND = /refusjon|bidrag fra kommun|kommunenes bidrag|fra kommunene|fra deltakerkommun|kommunale bidrag|oppgavefelles/;

function labelAndAmount(row: readonly CellValue[]): { label: string; labelColumn: number; amount?: Dec; amountColumn?: number } | undefined {
  let labelColumn = -1;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === 'string' && /[a-zæøå]/i.test(v) && readCell(v).kind !== 'number') {
      labelColumn = c;
      break;
    }
  }
  if (labelColumn < 0) return undefined;
  for (let c = labelColumn + 1; c < row.length; c++) {
    const r = readCell(row[c]);
    if (r.kind === 'number') return { label: cellText(row[labelColumn]), labelColumn, amount: r.number.value, amountColumn: c };
  }
  return { label: cellText(row[labelColumn]), labelColumn };
}

/** Finds budget tables (Utgifter … Totale utgifter, Inntekter … Totalt, Kontroll) on a sheet by their labels. */
export function locateBudgets(sheet: SheetCells, tick: Tick = NEVER_STOP): LocatedBudget[] {
  const cells = sheet.cells;
  const found: LocatedBudget[] = [];
  let r = 0;
  while (r < cells.length) {
    tick();
    // Cheap test first: a budget starts at a row whose first text is "Utgifter" (most rows are not).
    const firstText = (cells[r] ?? []).find((v) => typeof v === 'string' && /[a-zæøå]/i.test(v));
    if (typeof firstText !== 'string' || !EXPENSES.test(normalizeKey(firstText))) {
      r++;
      continue;
    }
    const first = labelAndAmount(cells[r] ?? []);
    const key = first ? normalizeKey(first.label) : '';
    if (!first || !(EXPENSES.test(key) && first.amount === undefined)) {
      r++;
      continue;
    }
    const start = r;
    const expenses: BudgetLineCell[] = [];
    const income: BudgetLineCell[] = [];
    let expensesTotal: BudgetLineCell | undefined;
    let incomeTotal: BudgetLineCell | undefined;
    let kontroll: BudgetLineCell | undefined;
    let section: 'expenses' | 'income' | 'after' = 'expenses';
    let blank = 0;
    let k = r + 1;
    for (; k < cells.length; k++) {
      const line = labelAndAmount(cells[k] ?? []);
      if (!line) {
        if (++blank >= 3) break;
        continue;
      }
      blank = 0;
      const label = normalizeKey(line.label);
      const cell = line.amount !== undefined ? { label: line.label, amount: line.amount, row: k, column: line.amountColumn! } : undefined;
      if (KONTROLL.test(label) && cell) {
        kontroll = cell;
        k++;
        break;
      }
      if (section === 'expenses') {
        if (EXPENSES_TOTAL.test(label) && cell) {
          expensesTotal = cell;
          section = 'after';
        } else if (INCOME.test(label) && !cell) section = 'income';
        else if (cell) expenses.push(cell);
        else break;
      } else if (section === 'after') {
        if (INCOME.test(label) && !cell) section = 'income';
        else break;
      } else {
        if (INCOME_TOTAL.test(label) && cell) {
          incomeTotal = cell;
          section = 'after';
          // Kontroll may follow; anything else ends the table.
          const next = labelAndAmount(cells[k + 1] ?? []);
          if (!next || !KONTROLL.test(normalizeKey(next.label))) {
            k++;
            break;
          }
        } else if (cell) income.push(cell);
        else break;
      }
    }
    if (expenses.length + income.length > 0 && (expensesTotal || incomeTotal || kontroll)) {
      const context: string[] = [sheet.sheet];
      for (let t = Math.max(0, start - 6); t < start; t++) for (const v of cells[t] ?? []) if (typeof v === 'string' && v.trim()) context.push(v.trim());
      const refund = income.find((line) => REFUND.test(normalizeKey(line.label)));
      found.push({
        sheet: sheet.sheet,
        originRow: sheet.originRow ?? 1,
        originColumn: sheet.originColumn ?? 1,
        expenses,
        ...(expensesTotal ? { expensesTotal } : {}),
        income,
        ...(incomeTotal ? { incomeTotal } : {}),
        ...(kontroll ? { kontroll } : {}),
        ...(refund ? { refund } : {}),
        context: context.join(' \n '),
        startRow: start,
        endRow: k,
      });
    }
    r = Math.max(k, r + 1);
  }
  return found;
}

export interface BudgetReconcileOptions {
  readonly data?: DatasetContext;
  readonly year?: number;
  /**
   * Compare the refund line with the dataset's allocation key. Default true; off when an allocation table
   * checked against the key already reports the same difference.
   */
  readonly compareWithKey?: boolean;
}

/**
 * Reconciles a budget table: Σ utgifter = Totale utgifter, Σ inntekter = Totalt, and the printed
 * Kontroll = inntekter − utgifter. A budget's lines are adopted amounts, exact as printed, so the totals
 * must match to the øre. With a dataset, the refund line is compared with the allocation key.
 */
export function reconcileBudget(budget: LocatedBudget, options: BudgetReconcileOptions = {}): BudgetReconciliation {
  const findings: Finding[] = [];
  const add = (line: BudgetLineCell, rule: string, severity: Severity, message: string, expected?: Dec, actual?: Dec) => {
    const row = budget.originRow + line.row;
    findings.push({
      rule,
      severity,
      sheet: budget.sheet,
      cell: a1(row, budget.originColumn + line.column),
      row,
      column: line.label,
      message,
      ...(expected !== undefined ? { expected: kr(expected) } : {}),
      ...(actual !== undefined ? { actual: kr(actual) } : {}),
    });
  };
  const expenses = sum(budget.expenses.map((l) => l.amount));
  const income = sum(budget.income.map((l) => l.amount));
  if (budget.expensesTotal && reportable(budget.expensesTotal.amount.minus(expenses))) {
    add(
      budget.expensesTotal,
      RULES.budget,
      'error',
      `«${budget.expensesTotal.label}» er ${kr(budget.expensesTotal.amount)}, men utgiftslinjene summerer til ${kr(expenses)}.`,
      expenses,
      budget.expensesTotal.amount,
    );
  }
  if (budget.incomeTotal && reportable(budget.incomeTotal.amount.minus(income))) {
    add(budget.incomeTotal, RULES.budget, 'error', `«${budget.incomeTotal.label}» (inntekter) er ${kr(budget.incomeTotal.amount)}, men inntektslinjene summerer til ${kr(income)}.`, income, budget.incomeTotal.amount);
  }
  const totalExpenses = budget.expensesTotal?.amount ?? expenses;
  const totalIncome = budget.incomeTotal?.amount ?? income;
  const balance = totalIncome.minus(totalExpenses);
  if (budget.kontroll) {
    const printed = budget.kontroll.amount;
    // Either sign convention: inntekter − utgifter (the board's) or utgifter − inntekter.
    const expected = !reportable(printed.plus(balance)) && reportable(printed.minus(balance)) ? balance.negated() : balance;
    const conventionText = expected === balance ? 'inntekter − utgifter' : 'utgifter − inntekter';
    if (reportable(printed.minus(expected))) {
      add(
        budget.kontroll,
        RULES.budget,
        'error',
        `«${budget.kontroll.label}» er ${kr(printed)}, men ${conventionText} = ${kr(totalIncome)} − ${kr(totalExpenses)} = ${kr(expected)}. Kontrollfeltet regner ikke med tallene som står i tabellen.`,
        expected,
        printed,
      );
    }
  }
  if (reportable(balance)) {
    const at = budget.kontroll ?? budget.incomeTotal ?? budget.expensesTotal;
    if (at) {
      add(
        at,
        RULES.budget,
        'warning',
        `Budsjettet går ikke i balanse: inntekter ${kr(totalIncome)} − utgifter ${kr(totalExpenses)} = ${kr(balance)}. Med største rest-fordeling skal kontrollen være 0,00 kr.`,
        ZERO,
        balance,
      );
    }
  }

  // The refund line against the dataset's key.
  const data = options.data;
  let year = options.year;
  if (year === undefined) {
    const years = [...budget.context.matchAll(/\b(20\d\d)\b/g)].map((m) => Number(m[1]));
    year = years.find((y) => data?.dataset.keys.some((k) => k.year === y)) ?? years[0];
    if (year === undefined && budget.refund && data) {
      year = data.dataset.keys.find((k) => k.budgetedTotal && !reportable(k.budgetedTotal.minus(budget.refund!.amount)))?.year;
    }
  }
  if (data && budget.refund && year !== undefined) {
    const key = data.dataset.keys.find((k) => k.year === year);
    if (key?.budgetedTotal && reportable(key.budgetedTotal.minus(budget.refund.amount))) {
      add(
        budget.refund,
        RULES.budgetLine,
        'warning',
        `«${budget.refund.label}» er ${kr(budget.refund.amount)}, men ${data.dataset.name} har ${kr(key.budgetedTotal)} som budsjettert sum for ${year}.`,
        key.budgetedTotal,
        budget.refund.amount,
      );
    }
    const allocation = allocate(data.dataset, year);
    if (options.compareWithKey !== false && allocation.ok && reportable(allocation.value.sum.minus(budget.refund.amount))) {
      add(
        budget.refund,
        RULES.budgetLine,
        'warning',
        `«${budget.refund.label}» er ${kr(budget.refund.amount)}, men fordelingsnøkkelen for ${year} gir kommunene til sammen ${kr(allocation.value.sum)}: avvik ${kr(budgetGap(allocation.value.sum, budget.refund.amount))}.`,
        allocation.value.sum,
        budget.refund.amount,
      );
    }
  }
  return { budget, findings, ...(year !== undefined ? { year } : {}) };
}
