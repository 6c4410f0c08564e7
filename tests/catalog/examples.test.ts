// Every example the catalog documents (README, Excel tooltips, Sheets JSDoc) is evaluated through the catalog:
// a wrong printed result fails here instead of reaching users.
import { describe, expect, it } from 'vitest';
import { CATALOG, callFunction, createFunctionContext, excelSerialToIso, formatDate, HELGELAND_2026, isDhError, type CatalogEntry } from '../../core/index.js';

const ctx = createFunctionContext(HELGELAND_2026, '2026-11-21');

/**
 * Arguments of an nb-NO formula with only literals (=DH.X("Rana";2026;0,04;;SANN)); an empty argument is omitted
 * (undefined). Undefined when the formula refers to cells.
 */
function literalArgs(formula: string): unknown[] | undefined {
  const inner = /^=DH\.[A-Z]+\((.*)\)$/.exec(formula)?.[1];
  if (inner === undefined) return undefined;
  const args: unknown[] = [];
  // Split on the semicolons outside quotes.
  for (const part of inner.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
    const text = part.trim();
    if (text === '') args.push(undefined);
    else if (/^".*"$/.test(text)) args.push(text.slice(1, -1));
    else if (/^-?\d+(,\d+)?$/.test(text)) args.push(Number(text.replace(',', '.')));
    else if (/^(SANN|USANN)(\(\))?$/.test(text)) args.push(text.startsWith('SANN'));
    else return undefined;
  }
  return args;
}

/** The number an example prints first ("752 197,48", "0,1533 (15,33 %)", "2,5") and how many decimals it shows. */
function printedNumber(result: string): { value: number; decimals: number } | undefined {
  const m = /^([-\u2212]?\d[\d \u00a0]*)(?:,(\d+))?(?=$|\s\()/.exec(result);
  if (!m) return undefined;
  const whole = m[1]!.replace(/[\s\u00a0]/g, '').replace('\u2212', '-');
  return { value: Number(`${whole}.${m[2] ?? '0'}`), decimals: m[2]?.length ?? 0 };
}

const examples = CATALOG.flatMap((entry) => entry.examples.map((example) => [example.formula, entry, example.result] as [string, CatalogEntry, string]));
const literal = examples.filter(([formula]) => literalArgs(formula) !== undefined);

describe('catalog examples', () => {
  it('only examples that refer to cells or tables are left out', () => {
    for (const [formula] of examples) {
      if (literalArgs(formula) === undefined) expect(formula, formula).toMatch(/[A-Z]+\d+:[A-Z]+\d+|\[/);
    }
    expect(literal.length).toBeGreaterThanOrEqual(9);
  });

  it.each(literal)('%s gives the result it prints', (formula, entry, printed) => {
    const value = callFunction(entry, ctx, literalArgs(formula)!);
    expect(isDhError(value), `${formula}: ${JSON.stringify(value)}`).toBe(false);
    if (entry.returns.kind === 'text') {
      expect(value).toBe(printed);
      return;
    }
    if (entry.returns.format === 'date') {
      // A date is returned as a serial and printed as dd.mm.åååå.
      expect(typeof value).toBe('number');
      expect(formatDate(excelSerialToIso(value as number))).toBe(printed.split(' ')[0]);
      return;
    }
    if (entry.returns.kind === 'matrix') {
      // A spilled table is described in words; the word it says the table ends in must be its last row's label.
      expect(Array.isArray(value)).toBe(true);
      const rows = value as unknown[][];
      expect(printed).toMatch(new RegExp(`ender i ${String(rows.at(-1)![0])}$`));
      return;
    }
    const shown = printedNumber(printed);
    expect(shown, `«${printed}» starts with a number`).toBeDefined();
    expect(typeof value).toBe('number');
    const factor = 10 ** shown!.decimals;
    expect(Math.round((value as number) * factor) / factor).toBe(shown!.value);
  });
});
