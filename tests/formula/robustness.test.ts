// Inputs users actually type, through HyperFormula with nb-NO syntax (the same path as the preview and Excel's
// argument handling): text numbers, blank years, bare rates, duplicate and error cells in kommune ranges.
import { afterEach, describe, expect, it } from 'vitest';
import { DetailedCellError } from 'hyperformula';
import { disposeScratchEngine, evaluateBelow as evaluate } from './helpers.js';

afterEach(disposeScratchEngine);

function errorOf(value: unknown): { type: string; message: string } {
  expect(value).toBeInstanceOf(DetailedCellError);
  const error = value as DetailedCellError;
  return { type: error.type, message: error.message };
}

describe('numbers typed as text', () => {
  it('"0.125" is 0,125 and "1.234" is still 1 234', () => {
    expect(evaluate('=DH.TIDSVERDI(1;60;"0.125")')).toBe(0.13);
    expect(evaluate('=DH.TIDSVERDI(1;60;"1.234")')).toBe(1234);
    expect(evaluate('=DH.TIDSVERDI(1;60;"1.234,50")')).toBe(1234.5);
  });
});

describe('DH.NNV and DH.TILBAKEBETALING read one cell per year', () => {
  it('a blank cell inside the cash flow is 0 that year', () => {
    expect(evaluate('=DH.NNV(A1:A4)', [[-100], [null], [52], [54.08]])).toBe(-3.85);
    expect(evaluate('=DH.NNV(A1:A5)', [[-100], [52], [54.08], [null], [null]])).toBe(0);
  });
  it('a blank year earns nothing in TILBAKEBETALING', () => {
    expect(evaluate('=DH.TILBAKEBETALING(500000;A1:A3)', [[100000], [null], [400000]])).toBe(3);
  });
  it('a bare rate of 4 is an error asking for 4 % or 0,04; 4 % and 0,04 work', () => {
    const error = errorOf(evaluate('=DH.NNV(A1:A3;4)', [[-100], [52], [54.08]]));
    expect(error.type).toBe('VALUE');
    expect(error.message).toBe('Renten 4 betyr 400 %: skriv 4 % eller 0,04.');
    expect(evaluate('=DH.NNV(A1:A3;4%)', [[-100], [52], [54.08]])).toBe(0);
    expect(evaluate('=DH.NNV(A1:A3;"4 %")', [[-100], [52], [54.08]])).toBe(0);
    expect(evaluate('=DH.NNV(A1:A3;0,04)', [[-100], [52], [54.08]])).toBe(0);
  });
});

describe('kommune ranges', () => {
  it('DH.FORDEL with Rana twice (name and number) is an error naming Rana', () => {
    const error = errorOf(evaluate('=DH.FORDEL(100000;A1:A3)', [['Rana'], ['1833'], ['Vefsn']]));
    expect(error.type).toBe('VALUE');
    expect(error.message).toBe('Rana (1833) står to ganger i området («Rana» i rad 1 og «1833» i rad 2): fjern den ene, så får hver kommune én del.');
  });
  it('an #N/A cell in the range is named as #N/A, not as a missing kommune', () => {
    const message = 'Kommunen i rad 2 i området er feilverdien #N/A: rett cellen eller ta den ut av området.';
    expect(errorOf(evaluate('=DH.FORDEL(100;A1:A3)', [['Rana'], ['=NA()'], ['Vefsn']])).message).toBe(message);
    expect(errorOf(evaluate('=DH.DEKNING(A1:A2)', [['Rana'], ['=NA()']])).message).toBe(message);
  });
});

describe('kommune numbers', () => {
  it.each([['1833,5', '1833,5'], ['0', '0'], ['-1833', '-1833']])('DH.KOSTNAD(%s;2026) says the number is not a kommunenummer', (typed, shown) => {
    const error = errorOf(evaluate(`=DH.KOSTNAD(${typed};2026)`));
    expect(error.message).toBe(`${shown} er ikke et kommunenummer: skriv kommunenummeret med fire sifre (f.eks. 1833) eller kommunenavnet.`);
  });
});

describe('projects', () => {
  it('a project in a year without its figures is #N/A naming the years it has', () => {
    expect(evaluate('=DH.KOSTNAD("Rana";2026;"RPA")')).toBe(222000);
    const error = errorOf(evaluate('=DH.KOSTNAD("Rana";2031;"RPA")'));
    expect(error.type).toBe('NA');
    expect(error.message).toBe('Prosjektet «RPA vedtatt pr epost» har ingen kostnad for 2031 i Digitale Helgeland 2026 (har 2026).');
  });
});
