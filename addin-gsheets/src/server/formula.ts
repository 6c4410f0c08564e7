// Reading back the formulas the add-in writes (=DH_KOSTNAD("1833",2026)): while Sheets is still computing
// a custom function, getValues returns a placeholder ("Loading…"/"Laster inn…" or an error). The sidebar
// must compare real values (a refresh is idempotent only if it does), so such cells are computed here, the
// same way Sheets will.
import type { CellValue } from '../../../core/index.js';
import { callCatalog } from './functions.js';

const PLACEHOLDER = /^(loading|laster)|^#(N\/A|ERROR!|FEIL!|I\/T)/i;

export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDER.test(value.trim());
}

/** "=DH_NAME(literal, …)" → [NAME, args]; undefined for any other formula. */
export function parseDhFormula(formula: string): [string, (string | number)[]] | undefined {
  const m = /^=\s*DH_([A-Z0-9_]+)\((.*)\)\s*$/s.exec(formula);
  if (!m) return undefined;
  const args: (string | number)[] = [];
  const s = m[2]!.trim();
  let i = 0;
  while (i < s.length) {
    while (s[i] === ' ') i++;
    if (s[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= s.length) return undefined;
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += s[i++];
      }
      args.push(text);
    } else {
      const n = /^-?\d+(\.\d+)?/.exec(s.slice(i));
      if (!n) return undefined;
      args.push(Number(n[0]));
      i += n[0].length;
    }
    while (s[i] === ' ') i++;
    if (i < s.length) {
      if (s[i] !== ',' && s[i] !== ';') return undefined;
      i++;
    }
  }
  return [m[1]!, args];
}

/** The value a DH_ formula cell will show, or `fallback` when it cannot be computed here. */
export function computeDhFormula(formula: string, fallback: CellValue): CellValue {
  const parsed = parseDhFormula(formula);
  if (!parsed) return fallback;
  try {
    const value = callCatalog(parsed[0], parsed[1]);
    return Array.isArray(value) ? ((value[0] as CellValue[] | undefined)?.[0] ?? fallback) : (value as CellValue);
  } catch {
    return fallback;
  }
}
