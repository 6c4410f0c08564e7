// What a cell's style says about its number: a date (the number is a serial date) or a percentage.
import { parseAttrs, parseXml } from './sax.js';

export const NumberKind = { Plain: 0, Date: 1, Percent: 2 } as const;
export type NumberKind = (typeof NumberKind)[keyof typeof NumberKind];

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, plus the East-Asian ids Excel maps to dates). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_PERCENT = new Set([9, 10]);

/** Classifies a format code the way exceljs does: quoted text, escapes and [colour] sections do not count. */
export function formatKind(code: string): NumberKind {
  const bare = code.replace(/"[^"]*"|\\.|_.|\*./g, '');
  if (/%/.test(bare)) return NumberKind.Percent;
  const noBrackets = bare.replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  if (/general/i.test(noBrackets)) return NumberKind.Plain;
  return /[dmyhs]/i.test(noBrackets.split(';')[0] ?? '') ? NumberKind.Date : NumberKind.Plain;
}

/** One NumberKind per cell style index (cellXfs). */
export function readStyles(bytes: Uint8Array | undefined): NumberKind[] {
  if (!bytes) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  parseXml(bytes, {
    open(name, attrs) {
      if (name === 'numFmt') {
        const a = parseAttrs(attrs);
        custom.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(parseAttrs(attrs).numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfs.map((id) => {
    const code = custom.get(id);
    if (code !== undefined) return formatKind(code);
    if (BUILTIN_DATES.has(id)) return NumberKind.Date;
    if (BUILTIN_PERCENT.has(id)) return NumberKind.Percent;
    return NumberKind.Plain;
  });
}
