// DH.OPPSIGELSE: notice arithmetic for the economist and the archive lead, in both directions, with the notice rule
// as an argument (core/arkivplan/notice.ts says what the two rules mean). Returns an Excel date serial.
import { effectiveEnd, lastNoticeDay, type NoticeRule } from '../arkivplan/notice.js';
import { dhError } from '../result.js';
import { isoToExcelSerial } from '../util/cells.js';
import { normalizeKey } from '../util/text.js';
import type { Dec } from '../money/kroner.js';
import type { CatalogEntry, CellResult } from './types.js';

function ruleOf(text: string | undefined): NoticeRule | undefined {
  const t = normalizeKey(text ?? '');
  if (t === '' || /^fra (dato|dagen|oppsigelsesdato|vedtaksdato)$/.test(t) || t === 'dato') return 'fra-dato';
  if (/^fra (manedsslutt|manedens slutt|utgangen av maneden|mndslutt)$/.test(t) || t === 'manedsslutt') return 'fra-manedsslutt';
  return undefined;
}

function directionOf(text: string | undefined): 'opphor' | 'frist' | undefined {
  const t = normalizeKey(text ?? '');
  if (t === '' || /^(opphor|slutt|sluttdato|tidligst opphor)$/.test(t)) return 'opphor';
  if (/^(frist|siste dag|oppsigelsesfrist|senest)$/.test(t)) return 'frist';
  return undefined;
}

export const OPPSIGELSE: CatalogEntry = {
  name: 'OPPSIGELSE',
  description:
    'Oppsigelse av en avtale: med "opphør" (standard) er dato dagen oppsigelsen gis, og svaret er første dag uten avtale; med "frist" er dato dagen avtalen skal være ute, og svaret er siste dag oppsigelsen kan gis. Regel "fra dato" (standard: 16.10.2025 + 3 mnd = 16.01.2026) eller "fra månedsslutt" (fristen løper fra utgangen av måneden). Formater cellen som dato.',
  params: [
    { name: 'dato', type: 'date', description: 'Oppsigelsesdato (f.eks. vedtaksdato 16.10.2025), eller med "frist" datoen avtalen skal være ute.' },
    { name: 'oppsigelsestid_mnd', type: 'number', description: 'Oppsigelsestid i hele måneder, f.eks. 3.' },
    { name: 'hva', type: 'text', optional: true, description: '"opphør" (standard) eller "frist".' },
    { name: 'regel', type: 'text', optional: true, description: '"fra dato" (standard) eller "fra månedsslutt".' },
  ],
  returns: { kind: 'number', format: 'date', description: 'En dato (serienummer; formater som dato).' },
  examples: [
    { formula: '=DH.OPPSIGELSE("16.10.2025";3)', result: '16.01.2026' },
    { formula: '=DH.OPPSIGELSE("01.01.2026";3;"frist")', result: '01.10.2025' },
  ],
  implementation(_ctx, date: string, months: Dec, what?: string, rule?: string): CellResult {
    if (!months.isInteger() || months.isNegative() || months.greaterThan(120)) {
      return dhError(`Oppsigelsestiden må være et helt antall måneder mellom 0 og 120, ikke ${months.toString().replace('.', ',')}.`);
    }
    const direction = directionOf(what);
    if (!direction) return dhError(`«${what}» er ikke "opphør" eller "frist".`);
    const r = ruleOf(rule);
    if (!r) return dhError(`«${rule}» er ikke en regel: bruk "fra dato" eller "fra månedsslutt".`);
    const n = months.toNumber();
    return isoToExcelSerial(direction === 'opphor' ? effectiveEnd(date, n, r) : lastNoticeDay(date, n, r));
  },
};
