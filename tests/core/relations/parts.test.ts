// The relation finder's parts: figures read from nb-NO text, slip causes, R1C1 forms and the formula evaluator.
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../core/money/kroner.js';
import { causeOf, evaluate, isTransposition, sumRange, toR1C1 } from '../../../core/relations/index.js';
import { figureOf } from '../../../core/relations/figures.js';

describe('tall som tekst', () => {
  it.each([
    ['3.300.000,-', 3300000, 0],
    ['kr 412 500', 412500, 0],
    ['1 234,5', 1234.5, 1],
    ['-12 000', -12000, 0],
    ['3.500,00', 3500, 2],
    ['10,37 %', 0.1037, 4],
  ])('«%s» er %d med %d desimaler', (text, value, decimals) => {
    const f = figureOf(text)!;
    expect(f.num).toBeCloseTo(value, 10);
    expect(f.decimals).toBe(decimals);
  });
  it('tekst uten tall, datoer og feilverdier er ikke tall', () => {
    expect(figureOf('Sum')).toBeUndefined();
    expect(figureOf('#REF!')).toBeUndefined();
    expect(figureOf('Omsetning < 1.000.000,-')).toBeUndefined();
  });
});

describe('årsaker', () => {
  const d = (x: number | string) => new Dec(x);
  it('to sifre byttet om', () => {
    expect(isTransposition(d(8069436), d(8096436), 0)).toBe(true);
    expect(isTransposition(d(8069436), d(8096437), 0)).toBe(false);
    expect(isTransposition(d('10.37'), d('10.73'), 2)).toBe(true);
  });
  it('faktor, fortegn og kopi', () => {
    expect(causeOf({ actual: d(13806400), expected: d(138064), tolerance: d('0.5'), decimals: 0 })).toEqual({ kind: 'factor', factor: 100 });
    expect(causeOf({ actual: d(-6370), expected: d(6370), tolerance: d('0.5'), decimals: 0 })).toEqual({ kind: 'sign' });
    expect(causeOf({ actual: d(500), expected: d(800), tolerance: d('0.5'), decimals: 0, above: d(500), below: d(900) })).toEqual({ kind: 'copied', from: 'above' });
    // Both neighbours the same figure: the column's own value, not a copy.
    expect(causeOf({ actual: d(500), expected: d(800), tolerance: d('0.5'), decimals: 0, above: d(500), below: d(500) })).toBeUndefined();
  });
});

describe('formler', () => {
  it('R1C1 som Excel sammenligner formler', () => {
    expect(toR1C1('=C7*D7', 7, 5)).toBe('RC[-2]*RC[-1]');
    expect(toR1C1('C8*D8', 8, 5)).toBe('RC[-2]*RC[-1]');
    expect(toR1C1('D6*E5', 5, 6)).toBe('R[1]C[-2]*RC[-1]');
    expect(toR1C1('SUM(B2:B9)*$B$1', 10, 2)).toBe('SUM(R[-8]C:R[-1]C)*R1C2');
    expect(toR1C1('LOG10(A1)&"B2"', 1, 1)).toBe('LOG10(RC)&"B2"');
  });
  it('SUM-område og utregning', () => {
    expect(sumRange('SUM(D3:D9)')).toEqual({ column: 4, from: 3, to: 9 });
    expect(sumRange('SUM(D3:E9)')).toBeUndefined();
    const cells: Record<string, number | string> = { '1:1': 2, '2:1': 3, '3:1': '1 000', '1:2': 4 };
    const lookup = (r: number, c: number) => cells[`${r}:${c}`] ?? null;
    expect(evaluate('A1*B1+SUM(A1:A3)/5', lookup)).toBeCloseTo(8 + 1005 / 5, 10);
    // As in Excel, negation binds before ^: =-(2-4)^2 is 4.
    expect(evaluate('-(A1-B1)^2', lookup)).toBe(4);
    expect(evaluate('VLOOKUP(A1,B1:C2,2)', lookup)).toBeUndefined();
    expect(evaluate('Ark2!A1', lookup)).toBeUndefined();
  });
});
