// Formulas where the workbook has them. Three findings, as Excel's own error checking and ExceLint read a sheet:
//   - a formula whose R1C1 form (references relative to its own cell) differs from the one most of its column
//     holds, or a typed figure where the column otherwise holds formulas (tabell.formel-avvik);
//   - a SUM whose range leaves out adjacent rows of the same block (tabell.formel-område);
//   - a stored result that disagrees with what the formula gives from its inputs: the file was not recalculated,
//     so the cell is reported as uncomputable (tabell.uberegnelig) and not used as evidence, never guessed at.
import { a1, columnLetter } from '../findings/finding.js';
import { parseNumber, type CellValue } from '../util/cells.js';

interface Ref {
  readonly row: number;
  readonly column: number;
}

// A1 references outside quoted text; a name followed by «(» is a function (LOG10(), not a reference).
const REF = /(^|[^A-Za-z0-9_.!'"$])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(])/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits a formula into quoted strings (kept as they are) and the rest. */
function outsideStrings(formula: string, change: (text: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('');
}

/**
 * The formula in R1C1 form relative to its own cell (1-based sheet row and column): =C7*D7 in E7 becomes
 * RC[-2]*RC[-1]; absolute parts stay absolute ($B$2 → R2C2). Two cells whose formulas do the same job have
 * the same R1C1 text.
 */
export function toR1C1(formula: string, row: number, column: number): string {
  const f = formula.replace(/^=/, '').toUpperCase();
  return outsideStrings(f, (text) =>
    text.replace(REF, (_m, pre: string, absC: string, col: string, absR: string, r: string) => {
      const c = columnNumber(col);
      const rr = Number(r);
      const rowPart = absR ? `R${rr}` : rr === row ? 'R' : `R[${rr - row}]`;
      const colPart = absC ? `C${c}` : c === column ? 'C' : `C[${c - column}]`;
      return `${pre}${rowPart}${colPart}`;
    }),
  );
}

function parseRef(text: string): Ref | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(text.toUpperCase());
  return m ? { column: columnNumber(m[1]!), row: Number(m[2]) } : undefined;
}

/** A formula that is one SUM over a range in one column: its first and last row. */
export function sumRange(formula: string): { column: number; from: number; to: number } | undefined {
  const m = /^=?\s*(?:SUM|SUMMER)\(\s*(\$?[A-Z]{1,3}\$?\d+)\s*:\s*(\$?[A-Z]{1,3}\$?\d+)\s*\)\s*$/i.exec(formula);
  if (!m) return undefined;
  const a = parseRef(m[1]!);
  const b = parseRef(m[2]!);
  if (!a || !b || a.column !== b.column) return undefined;
  return { column: a.column, from: Math.min(a.row, b.row), to: Math.max(a.row, b.row) };
}

type Lookup = (row: number, column: number) => CellValue;

/**
 * Evaluates a formula of references, numbers, + − × ÷ ^, brackets and SUM/SUMMER over ranges, as the sheet would.
 * Anything else (other functions, other sheets, names, text) is not evaluated: undefined.
 */
export function evaluate(formula: string, cell: Lookup): number | undefined {
  const src = formula.replace(/^=/, '').replace(/\s+/g, '');
  if (/[!"'&<>=]/.test(src)) return undefined;
  let pos = 0;
  const numberOf = (r: Ref): number | undefined => {
    const v = cell(r.row, r.column);
    if (v === null || v === undefined || v === '') return 0;
    if (typeof v === 'number') return v;
    const p = parseNumber(v);
    return p.ok ? p.value.toNumber() : undefined;
  };
  const refAt = (): Ref | undefined => {
    const m = /^\$?[A-Z]{1,3}\$?\d{1,7}/i.exec(src.slice(pos));
    if (!m) return undefined;
    pos += m[0].length;
    return parseRef(m[0]);
  };
  const expr = (): number | undefined => {
    let v = term();
    while (v !== undefined && (src[pos] === '+' || src[pos] === '-')) {
      const op = src[pos++];
      const w = term();
      if (w === undefined) return undefined;
      v = op === '+' ? v + w : v - w;
    }
    return v;
  };
  const term = (): number | undefined => {
    let v = power();
    while (v !== undefined && (src[pos] === '*' || src[pos] === '/')) {
      const op = src[pos++];
      const w = power();
      if (w === undefined) return undefined;
      v = op === '*' ? v * w : v / w;
    }
    return v;
  };
  const power = (): number | undefined => {
    const v = unary();
    if (v !== undefined && src[pos] === '^') {
      pos++;
      const w = unary();
      return w === undefined ? undefined : v ** w;
    }
    return v;
  };
  const unary = (): number | undefined => {
    if (src[pos] === '-') {
      pos++;
      const v = unary();
      return v === undefined ? undefined : -v;
    }
    if (src[pos] === '+') {
      pos++;
      return unary();
    }
    return atom();
  };
  const atom = (): number | undefined => {
    if (src[pos] === '(') {
      pos++;
      const v = expr();
      if (src[pos] !== ')') return undefined;
      pos++;
      return v;
    }
    const fn = /^(SUM|SUMMER)\(/i.exec(src.slice(pos));
    if (fn) {
      pos += fn[0].length;
      let total = 0;
      for (;;) {
        const start = pos;
        const a = refAt();
        if (a && src[pos] === ':') {
          pos++;
          const b = refAt();
          if (!b) return undefined;
          for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++)
            for (let c = Math.min(a.column, b.column); c <= Math.max(a.column, b.column); c++) {
              const v = numberOf({ row: r, column: c });
              if (v === undefined) return undefined;
              total += v;
            }
        } else {
          pos = start;
          const v = expr();
          if (v === undefined) return undefined;
          total += v;
        }
        if (src[pos] === ',' || src[pos] === ';') {
          pos++;
          continue;
        }
        if (src[pos] !== ')') return undefined;
        pos++;
        return total;
      }
    }
    const num = /^\d+(?:\.\d+)?(?:E[+-]?\d+)?/i.exec(src.slice(pos));
    if (num) {
      pos += num[0].length;
      return Number(num[0]);
    }
    const r = refAt();
    return r ? numberOf(r) : undefined;
  };
  const v = expr();
  return v !== undefined && pos === src.length && Number.isFinite(v) ? v : undefined;
}

/** True when a stored result differs from what its formula gives beyond float noise. */
export function disagrees(stored: number, computed: number): boolean {
  return Math.abs(stored - computed) > 1e-9 * Math.max(1, Math.abs(stored), Math.abs(computed));
}

/** «E7» for a 1-based sheet position. */
export function address(row: number, column: number): string {
  return a1(row, column);
}

export { columnLetter };
