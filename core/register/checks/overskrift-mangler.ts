import { a1, type Finding } from '../../findings/finding.js';
import { HEADER_SCAN_ROWS } from '../fields.js';

export const ID = 'register.overskrift-mangler';

/**
 * No header row found in the first rows of the range: nothing can be checked. Reported once, at the range's first
 * cell, with the template's headers as the expected value.
 */
export function headerMissing(sheet: string, originRow: number, originColumn: number): Finding {
  return {
    rule: ID,
    severity: 'error',
    sheet,
    cell: a1(originRow, originColumn),
    row: originRow,
    column: '',
    message:
      `Fant ingen overskriftsrad for et systemregister i de første ${HEADER_SCAN_ROWS} radene. ` +
      'Overskriftsraden må ha kolonnen System (eller Systemnavn) og minst to andre kolonner fra malen, f.eks. Kommune, Leverandør og Systemeier.',
    expected: 'Kommune | Kommunenr | System | Leverandør | … | Status',
  };
}
