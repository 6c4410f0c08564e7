// DH_Arkivplanstatus: the board's arkivplan table with the notice arithmetic beside it, refreshed with the other
// owned tables (core/board). Dates are written dd.mm.åååå, money as numbers with two decimals.
import { formatDate } from '../money/format.js';
import { toCellNumber } from '../money/kroner.js';
import type { OwnedCell, OwnedTable } from '../workbook/table.js';
import type { ArkivplanInputs } from './model.js';
import { arkivplanStatus } from './status.js';

export const ARKIVPLANSTATUS = 'DH_Arkivplanstatus';

export function arkivplanstatusTable(inputs: ArkivplanInputs): OwnedTable {
  const status = arkivplanStatus(inputs.rows, inputs.decision);
  const effectFrom = inputs.decision.effectFrom;
  const rows: OwnedCell[][] = status.rows.map((s) => [
    s.row.kommunenr,
    s.row.kommune,
    s.row.solution ?? '',
    s.row.monthlyCost ? toCellNumber(s.row.monthlyCost) : 0,
    s.row.agreement ?? '',
    s.noticeMonths ?? '',
    s.noticeFrom ? formatDate(s.noticeFrom) : '',
    s.effectiveEnd ? formatDate(s.effectiveEnd) : '',
    toCellNumber(s.monthlySaving),
    toCellNumber(s.yearlySaving),
    toCellNumber(s.budgetYearSaving),
    s.lateForDecision && effectFrom ? `Tidligst opphør ${formatDate(s.effectiveEnd!)} er etter vedtakets effekt fra ${formatDate(effectFrom)}` : s.state === 'sies opp' ? 'Sies opp fra vedtaksdato' : s.state === 'oppsagt' ? 'Oppsagt' : '',
  ]);
  return {
    name: ARKIVPLANSTATUS,
    headers: ['Kommunenr', 'Kommune', 'Løsning i dag', 'Kostnad pr mnd', 'Type avtale', 'Oppsigelsestid (mnd)', 'Oppsigelse fra', 'Tidligst opphør', 'Besparelse pr mnd', 'Besparelse pr år', `Besparelse i ${status.budgetYear}`, 'Merknad'],
    rows,
    totals: ['SUM', '', '', toCellNumber(status.monthlyCost), '', '', '', '', toCellNumber(status.monthlySaving), toCellNumber(status.yearlySaving), toCellNumber(status.budgetYearSaving), ''],
  };
}
