import { describe, expect, it } from 'vitest';
import { Dec, evaluateGevinst, gevinstTemplate, netBenefit, netPresentValue, paybackYears, releasesBudget, splitPooledSaving, sum, tableFromValues, timeValue, displayValue } from '../../core/index.js';

describe('time value and net benefit', () => {
  it('DUO: 12 000 e-poster × 3 min ÷ 60 × 685 kr = 411 000 kr (the board printed 417 000)', () => {
    expect(timeValue(new Dec(12000), new Dec(3), new Dec(685)).toFixed(2)).toBe('411000.00');
  });
  it('RPA Alstahaug: 1 165 håndteringer × 5 min à 695 kr/t − 12 500 kr, × 12 = 659 675 kr per year', () => {
    expect(netBenefit(new Dec(12500), new Dec(1165), new Dec(5), new Dec(695), new Dec(12)).toFixed(2)).toBe('659675.00');
  });
  it('negative net benefit when cost exceeds the time value (Dønna)', () => {
    expect(netBenefit(new Dec(9000), new Dec(84), new Dec(5), new Dec(695)).toFixed(2)).toBe('-4135.00');
  });
});

describe('NPV (R-109, year 0 undiscounted)', () => {
  it('discounts at 4 % by default', () => {
    const r = netPresentValue([new Dec(-1000), new Dec(1040)]);
    expect(r.ok && r.value.toFixed(2)).toBe('0.00');
  });
  it('uses the given rate', () => {
    const r = netPresentValue([new Dec(0), new Dec(110), new Dec(121)], new Dec('0.1'));
    expect(r.ok && r.value.toFixed(2)).toBe('200.00');
  });
  it('rejects a rate of −100 % or less', () => {
    expect(netPresentValue([new Dec(1)], new Dec(-1)).ok).toBe(false);
  });
});

describe('payback', () => {
  it('interpolates within the year', () => {
    const r = paybackYears(new Dec(500000), [new Dec(200000)]);
    expect(r.ok && r.value.toString()).toBe('2.5');
  });
  it('uses a varying series as given', () => {
    const r = paybackYears(new Dec(300), [new Dec(100), new Dec(100), new Dec(200)]);
    expect(r.ok && r.value.toString()).toBe('2.5');
  });
  it('says so when it never pays back', () => {
    const r = paybackYears(new Dec(300), [new Dec(0)]);
    expect(!r.ok && r.error.message).toBe('Investeringen tjenes ikke inn på 40 år.');
  });
});

describe('pooled saving (DUO)', () => {
  it('splits 417 000 kr by cost and sums exactly', () => {
    const costs = ['20799', '8473', '17987'].map((c) => new Dec(c));
    const parts = splitPooledSaving(new Dec(417000), costs);
    expect(sum(parts).toFixed(2)).toBe('417000.00');
  });
});

describe('benefit types', () => {
  it('only avoided cost releases budget', () => {
    expect(releasesBudget('unngått kostnad')).toBe(true);
    expect(releasesBudget('spart tid')).toBe(false);
  });
});

describe('gevinstrealiseringsplan', () => {
  it('evaluates the template without findings and computes net, NPV and payback', () => {
    const t = gevinstTemplate();
    const table = tableFromValues('DH_Gevinst', [t.headers as string[], ...t.rows.map((r) => r.map((c) => displayValue(c)))]);
    const result = evaluateGevinst(table);
    expect(result.findings).toEqual([]);
    expect(result.rows).toHaveLength(3);
    // Sak 42-25's avoided commercial cost: 8 000 kr per month (the low end), a whole year, freeing no budget.
    const avoided = result.rows[2]!;
    expect([avoided.type, avoided.releasesBudget, avoided.netAnnual.toFixed(2)]).toEqual(['unngått kostnad', false, '96000.00']);
    const duo = result.rows[0]!;
    expect(duo.netAnnual.toFixed(2)).toBe(new Dec('486587.73').minus(249588).toFixed(2));
    expect(duo.paybackYears!.toString()).toBe('0');
    expect(result.totalNetAnnual.equals(sum(result.rows.map((r) => r.netAnnual)))).toBe(true);
  });
  it('reports bad values at their cell', () => {
    const table = tableFromValues('DH_Gevinst', [
      ['Gevinst', 'Type', 'Indikator', 'Ansvarlig', 'Årlig gevinst', 'År', 'Frist'],
      ['Ny løsning', 'trylling', '', 'Ola', 'mye', 99, '31.02.2026'],
    ], { sheet: 'Gevinst', row: 3, column: 2 });
    const result = evaluateGevinst(table, undefined, '2026-06-01');
    const byRule = Object.fromEntries(result.findings.map((f) => [f.rule, f.cell]));
    expect(byRule['gevinst.ukjent-type']).toBe('C4');
    expect(byRule['gevinst.ugyldig-tall']).toBe('F4');
    expect(byRule['gevinst.ugyldig-levetid']).toBe('G4');
    expect(byRule['gevinst.ugyldig-dato']).toBe('H4');
    expect(byRule['gevinst.mangler-felt']).toBe('D4');
  });
});
