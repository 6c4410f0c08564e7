// Relations and figures in Norwegian words, for findings: «Kolonne E (Verdi) er Antall × Minutter ÷ 60 × Timesats».
import { formatNumber } from '../money/format.js';
import { Dec } from '../money/kroner.js';
import { columnName, columnWord, sheetColumn, sheetRow, type Block } from './blocks.js';
import type { ColumnRelation } from './relation.js';
import { wholeInverse } from './search.js';

/** A figure as nb-NO prints it, at the given decimals («1 234,50», «−12 000»). */
export function figure(value: Dec, decimals: number): string {
  const d = Math.max(0, Math.min(decimals, 10));
  // Beyond øre a stored float's decimals are not printed precision: show the digits it has, not trailing zeros.
  return formatNumber(value, d <= 2 ? d : Math.max(2, Math.min(d, value.toDecimalPlaces(d, Dec.ROUND_HALF_UP).decimalPlaces())));
}

/** A constant as a person would write it: 12, 0,5, 1,25; long fractions cut at six decimals. */
function constant(value: Dec): string {
  const d = Math.min(value.decimalPlaces(), 6);
  return formatNumber(value, d);
}

function factorWords(k: Dec): string {
  if (k.equals(1)) return '';
  if (k.isInteger()) return ` × ${constant(k)}`;
  const inv = wholeInverse(k);
  if (inv !== undefined) return ` ÷ ${formatNumber(inv, 0)}`;
  return ` × ${constant(k)}`;
}

/** The right-hand side of a relation in words. */
export function relationWords(block: Block, rel: ColumnRelation): string {
  switch (rel.kind) {
    case 'constant':
      return `${figure(rel.value, rel.value.decimalPlaces())} i hver rad`;
    case 'linear': {
      const cols = rel.terms.map((t) => t.column);
      const run = rel.terms.length > 3 && rel.terms.every((t) => t.sign === 1) && cols.every((c, i) => i === 0 || c === cols[i - 1]! + 1);
      if (run) return `summen av kolonne ${sheetColumn(block, cols[0]!)}–${sheetColumn(block, cols[cols.length - 1]!)}`;
      return rel.terms.map((t, i) => (i === 0 ? (t.sign === 1 ? '' : '−') : t.sign === 1 ? ' + ' : ' − ') + columnWord(block, t.column)).join('');
    }
    case 'product': {
      if (rel.shareOf !== undefined) {
        const w = columnWord(block, rel.shareOf);
        return `${w} ÷ summen av ${w}${rel.percent ? ' × 100' : ''} (andel)`;
      }
      const parts = rel.terms.map((t, i) => (i === 0 ? (t.sign === 1 ? '' : '1 ÷ ') : t.sign === 1 ? ' × ' : ' ÷ ') + columnWord(block, t.column));
      return parts.join('') + factorWords(rel.k);
    }
    case 'affine': {
      const limits = [rel.cap ? `høyst ${constant(rel.cap)}` : '', rel.floor ? `minst ${constant(rel.floor)}` : ''].filter(Boolean);
      return `${constant(rel.a)} + ${constant(rel.b)} × ${columnWord(block, rel.x)}${limits.length ? ` (${limits.join(', ')})` : ''}`;
    }
  }
}

/** «Kolonne E (Verdi kr) er Antall × Minutter ÷ 60» */
export function relationSentence(block: Block, rel: ColumnRelation): string {
  return `Kolonne ${columnName(block, rel.target)} er ${relationWords(block, rel)}`;
}

/** «rad 7» or «rad 7 (Rana)». */
export function rowName(block: Block, i: number): string {
  const label = block.labels[i];
  return label ? `rad ${sheetRow(block, i)} (${label})` : `rad ${sheetRow(block, i)}`;
}

/** «rad 8–13» for a run of block rows, or a list when they are not adjacent. */
export function rowsWords(block: Block, rows: readonly number[]): string {
  const sheetRows = rows.map((i) => sheetRow(block, i));
  if (sheetRows.length === 1) return `rad ${sheetRows[0]}`;
  const first = sheetRows[0]!;
  const last = sheetRows[sheetRows.length - 1]!;
  if (rows.every((r, k) => k === 0 || r === rows[k - 1]! + 1)) return `rad ${first}–${last}`;
  return sheetRows.length <= 6 ? `rad ${sheetRows.join(', ')}` : `${sheetRows.length} rader mellom rad ${first} og ${last}`;
}
