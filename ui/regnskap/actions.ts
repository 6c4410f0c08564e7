// «Kommunens regnskap» (Hva får vi igjen): one kommune's payments and documented returns for the year, each figure
// with where it comes from, so a board member can check it against the tables.
import { formatKroner, kommuneBalance, NET_SIGN_TEXT, type Balance, type Dataset } from '../../core/index.js';
import { type ActionResult, failure, reasonOf, success } from '../result.js';

export interface BalanceLineView {
  readonly label: string;
  readonly amount: string;
  readonly source: string;
}

export interface BalanceView {
  readonly kommune: string;
  readonly pays: readonly BalanceLineView[];
  readonly getsBack: readonly BalanceLineView[];
  readonly totalPays: string;
  readonly totalGetsBack: string;
  readonly net: string;
  /** «betaler mer enn den får igjen» / «får mer igjen enn den betaler». */
  readonly netText: string;
  readonly budgetFreed: string;
  readonly notes: readonly string[];
  readonly signText: string;
  readonly balance: Balance;
}

const lineView = (l: Balance['pays'][number]): BalanceLineView => ({
  label: l.label,
  amount: formatKroner(l.amount),
  source: `${l.source}${l.releasesBudget === false ? ' · frigjør ikke budsjett' : l.releasesBudget ? ' · frigjør budsjett' : ''}`,
});

export function balanceView(dataset: Dataset, year: number, kommunenr: string): ActionResult<BalanceView> {
  let result: ReturnType<typeof kommuneBalance>;
  try {
    result = kommuneBalance(dataset, year, kommunenr);
  } catch (error) {
    return failure(`Regnskapet kunne ikke beregnes: ${reasonOf(error)}.`);
  }
  if (!result.ok) return failure(result.error.message);
  const b = result.value;
  return success(
    {
      kommune: b.name,
      pays: b.pays.map(lineView),
      getsBack: b.getsBack.map(lineView),
      totalPays: formatKroner(b.totalPays),
      totalGetsBack: formatKroner(b.totalGetsBack),
      net: formatKroner(b.net),
      netText: b.net.isZero() ? 'går i null' : b.net.isPositive() ? 'betaler mer enn den dokumentert får igjen' : 'får dokumentert mer igjen enn den betaler',
      budgetFreed: formatKroner(b.budgetFreed),
      notes: b.notes,
      signText: NET_SIGN_TEXT,
      balance: b,
    },
    '',
  );
}
