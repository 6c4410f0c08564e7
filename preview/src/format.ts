// How the preview grid shows a cell: nb-NO numbers ("752 197,48"), dates (31.12.2026), SANN/USANN,
// and the engine's localised error values (#I/T, #VERDI!) with their Norwegian message as a tooltip.
import { CATALOG, Dec, excelSerialToIso, formatDate, formatNumber } from '../../core/index.js';

/** A column or cell display format. 'general' picks decimals from the value itself. */
export type CellFormat = 'general' | 'kroner' | 'integer' | 'percent' | 'percentValue' | 'date' | 'text';

export interface DisplayedCell {
  readonly text: string;
  readonly kind: 'empty' | 'number' | 'text' | 'boolean' | 'error';
  /** The error's Norwegian message, for the tooltip. */
  readonly title?: string;
}

/** An engine error value as the grid reads it (HyperFormula's DetailedCellError has this shape). */
export interface ErrorLike {
  readonly value: string;
  readonly message?: string;
  readonly type?: string;
}

export function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as ErrorLike).value === 'string' && 'type' in value;
}

const FORMAT_BY_FUNCTION = new Map<string, CellFormat>(
  CATALOG.map((e) => [e.name, e.returns.format === 'kroner' ? 'kroner' : e.returns.format === 'percent' ? 'percent' : e.returns.format === 'integer' ? 'integer' : 'general']),
);

/** The display format a formula implies by its outermost DH function (=DH.KOSTNAD(…) → kroner). */
export function formatOfFormula(formula: string | undefined): CellFormat | undefined {
  if (!formula) return undefined;
  const m = /^=\s*DH[._]([A-ZÆØÅ]+)\s*\(/i.exec(formula);
  return m ? FORMAT_BY_FUNCTION.get(m[1]!.toUpperCase()) : undefined;
}

/** Decimals a general number needs (at most 10), so 0,1529 shows as such and 25 899 without decimals. */
function generalDecimals(value: number): number {
  if (Number.isInteger(value)) return 0;
  const text = new Dec(String(value)).toDecimalPlaces(10).toString();
  const fraction = text.split('.')[1];
  return fraction ? fraction.length : 0;
}

export function formatNumberCell(value: number, format: CellFormat): string {
  if (!Number.isFinite(value)) return '#NUM!';
  switch (format) {
    case 'kroner':
      return formatNumber(value, 2);
    case 'integer':
      return formatNumber(Math.round(value), 0);
    case 'percent':
      return formatNumber(new Dec(String(value)).times(100), 2) + ' %';
    case 'percentValue':
      return formatNumber(value, 2) + ' %';
    case 'date':
      return value >= 1 ? formatDate(excelSerialToIso(Math.floor(value))) : formatNumber(value, generalDecimals(value));
    default:
      return formatNumber(value, generalDecimals(value));
  }
}

/** Formats one engine value for the grid. */
export function displayCell(value: unknown, format: CellFormat = 'general'): DisplayedCell {
  if (value === null || value === undefined || value === '') return { text: '', kind: 'empty' };
  if (typeof value === 'number') {
    return format === 'text' ? { text: String(value).replace('.', ','), kind: 'text' } : { text: formatNumberCell(value, format), kind: 'number' };
  }
  if (typeof value === 'boolean') return { text: value ? 'SANN' : 'USANN', kind: 'boolean' };
  if (typeof value === 'string') return { text: value, kind: 'text' };
  if (isErrorLike(value)) return { text: value.value, kind: 'error', ...(value.message ? { title: value.message } : {}) };
  return { text: String(value), kind: 'text' };
}
