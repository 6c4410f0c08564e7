import { describe, expect, it } from 'vitest';
import { AKSON_THRESHOLD, Dec, HELGELAND_2026, meetsThreshold, populationShare } from '../../core/index.js';

describe('coverage (Akson 55 % rule)', () => {
  const total = HELGELAND_2026.members.reduce((a, m) => a + m.population, 0);
  const pop = (name: string) => HELGELAND_2026.members.find((m) => m.name === name)!.population;

  it('Rana + Vefsn + Alstahaug + Brønnøy hold 65,6 % of Helgeland and pass 55 %', () => {
    const share = populationShare([pop('Rana'), pop('Vefsn'), pop('Alstahaug'), pop('Brønnøy')], total);
    expect(share.toDecimalPlaces(4).toString()).toBe(new Dec(25899 + 13491 + 7485 + 7858).dividedBy(83979).toDecimalPlaces(4).toString());
    expect(meetsThreshold(share)).toBe(true);
  });

  it('Rana alone (30,8 %) does not', () => {
    expect(meetsThreshold(populationShare([pop('Rana')], total))).toBe(false);
  });

  it('exactly at the threshold counts as met', () => {
    expect(meetsThreshold(new Dec('0.55'))).toBe(true);
    expect(AKSON_THRESHOLD.toString()).toBe('0.55');
  });

  it('an empty population gives zero, not a division error', () => {
    expect(populationShare([], 0).toString()).toBe('0');
  });
});
