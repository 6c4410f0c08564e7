import { afterEach, describe, expect, it } from 'vitest';
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { CATALOG, excelFormulaName } from '../../core/index.js';
import { createEngine, DhFunctionPlugin } from '../../preview/src/hyperformula-plugin.js';
import { disposeScratchEngine, evaluateBelow as evaluate } from './helpers.js';

let hf: HyperFormula | undefined;
afterEach(() => {
  hf?.destroy();
  hf = undefined;
  disposeScratchEngine();
});

describe('DH errors are the engine’s own error values, with the Norwegian message', () => {
  it('an unknown kommune is #N/A (#I/T in nb-NO) with «mente du Rana?»', () => {
    const value = evaluate('=DH.KOSTNAD("Ranna";2026)');
    expect(value).toBeInstanceOf(DetailedCellError);
    const error = value as DetailedCellError;
    expect(error.type).toBe('NA');
    expect(error.value).toBe('#I/T');
    expect(error.message).toContain('mente du Rana?');
  });

  it('text "abc" as the year is #VALUE! (#VERDI!) saying what a year looks like', () => {
    const error = evaluate('=DH.KOSTNAD("Rana";"abc")') as DetailedCellError;
    expect(error.type).toBe('VALUE');
    expect(error.value).toBe('#VERDI!');
    expect(error.message).toMatch(/«abc» er ikke et gyldig år/);
  });

  it('a year without a key is #N/A naming the years that have one', () => {
    const error = evaluate('=DH.KOSTNAD("Rana";2031)') as DetailedCellError;
    expect(error.type).toBe('NA');
    expect(error.message).toContain('2026');
  });

  it('a missing required argument is an error, not a crash', () => {
    const error = evaluate('=DH.KOSTNAD()') as DetailedCellError;
    expect(error).toBeInstanceOf(DetailedCellError);
  });

  it('an error in an argument cell propagates as that error', () => {
    const error = evaluate('=DH.KOSTNAD(A1;2026)', [['=1/0']]) as DetailedCellError;
    expect(error.type).toBe('DIV_BY_ZERO');
  });

  it('an ambiguous or non-member kommune explains itself', () => {
    const error = evaluate('=DH.KOSTNAD(1515;2026)') as DetailedCellError;
    expect(error).toBeInstanceOf(DetailedCellError);
    expect(error.message).toMatch(/Herøy|1515/);
  });
});

describe('nb-NO formula syntax', () => {
  it('parses ; between arguments and a decimal comma', () => {
    expect(evaluate('=DH.KOSTNAD("Rana";2026)')).toBe(752197.48);
    expect(evaluate('=DH.TIDSVERDI(12000;3;685)')).toBe(411000);
    expect(evaluate('=DH.TIDSVERDI(10;1,5;600)')).toBe(150);
    expect(evaluate('=DH.NNV(A1:A3;0,04)', [[-100], [52], [54.08]])).toBe(0);
  });

  it('does not take the en-US comma as an argument separator', () => {
    const value = evaluate('=DH.KOSTNAD("Rana",2026)');
    expect(value).toBeInstanceOf(DetailedCellError);
  });

  it('mixes with native Norwegian functions (SUMMER, AVRUND)', () => {
    expect(evaluate('=AVRUND(DH.KOSTNAD("Rana";2026)+DH.KOSTNAD("Vefsn";2026);0)')).toBe(1219011);
  });
});

describe('registration is generated from the catalog', () => {
  it('registers every catalog entry as DH.<NAME> and nothing else', () => {
    const ids = Object.keys(DhFunctionPlugin.implementedFunctions).sort();
    expect(ids).toEqual(CATALOG.map(excelFormulaName).sort());
    hf = createEngine();
    const names = hf.getRegisteredFunctionNames();
    for (const entry of CATALOG) expect(names).toContain(excelFormulaName(entry));
  });

  it('declares range parameters as RANGE and optional parameters as optional', () => {
    for (const entry of CATALOG) {
      const meta = DhFunctionPlugin.implementedFunctions[excelFormulaName(entry)]!;
      entry.params.forEach((p, i) => {
        expect(meta.parameters![i]!.argumentType === 'RANGE', `${entry.name}.${p.name}`).toBe(p.type === 'range');
        expect(meta.parameters![i]!.optionalArg === true, `${entry.name}.${p.name}`).toBe(p.optional === true);
      });
    }
  });

  it('evaluates every catalog example without #NAME? or a parse error', () => {
    for (const entry of CATALOG) {
      for (const example of entry.examples) {
        if (/\[|\bA\d+:[A-Z]+\d+|\bB\d+:/.test(example.formula)) continue; // structured refs / ranges need a sheet: covered elsewhere
        const value = evaluate(example.formula);
        if (value instanceof DetailedCellError) expect(['NAME', 'ERROR'], `${example.formula}: ${value.message}`).not.toContain(value.type);
      }
    }
  });
});
