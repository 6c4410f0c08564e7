import type { Finding } from '../core/findings/finding.js';
import { formatNumber } from '../core/money/format.js';

const SEVERITY_LABEL = { error: 'feil', warning: 'advarsel', info: 'info' } as const;

/** "Ark!Celle  [feil] melding (forventet X, faktisk Y)" — one line per finding. */
export function findingLine(f: Finding): string {
  const values: string[] = [];
  if (f.expected !== undefined) values.push(`forventet ${f.expected}`);
  if (f.actual !== undefined) values.push(`faktisk ${f.actual}`);
  const where = f.sheet ? `${f.sheet}!${f.cell}` : f.cell;
  return `${where}  [${SEVERITY_LABEL[f.severity]}] ${oneLine(f.message)}${values.length ? ` (${values.join(', ')})` : ''}`;
}

/** The finding as `dh kontroll --json` prints it (SPEC §7): every key present, null when not relevant. */
export function findingJson(f: Finding): Record<string, string | number | null> {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    row: f.row,
    column: f.column,
    message: f.message,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
  };
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** Left/right-aligned text columns; `right` marks numeric columns. */
export function textTable(rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.max(widths[c] ?? 0, [...cell].length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => {
          const pad = ' '.repeat(Math.max(0, widths[c]! - [...cell].length));
          return right[c] ? pad + cell : cell + pad;
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** "1 feil", "2 advarsler", "20 000 rader" (nb-NO digit grouping). */
export function countText(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}
