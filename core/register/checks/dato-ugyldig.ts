import { a1, type Finding } from '../../findings/finding.js';

export const ID = 'register.dato-ugyldig';

/** The check's "today" is not a date: the date rules (avtale-utlopt, oppsigelsesfrist) could not run. */
export function todayInvalid(sheet: string, originRow: number, originColumn: number, today: unknown): Finding {
  const shown = typeof today === 'string' ? today.slice(0, 40) : String(typeof today);
  return {
    rule: ID,
    severity: 'error',
    sheet,
    cell: a1(originRow, originColumn),
    row: originRow,
    column: '',
    message: `Kontrolldatoen «${shown}» er ikke en gyldig dato (bruk ÅÅÅÅ-MM-DD). Avtale- og oppsigelsesfrister er ikke kontrollert.`,
    expected: 'ÅÅÅÅ-MM-DD',
    actual: shown,
  };
}
