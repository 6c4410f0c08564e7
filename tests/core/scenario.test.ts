import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, Dec, HELGELAND_2026, sum, type Dataset } from '../../core/index.js';
import { runScenario, scenarioDataset, type ScenarioChanges } from '../../core/scenario/scenario.js';

const RANA = '1833';

function run(changes: ScenarioChanges, dataset: Dataset = HELGELAND_2026, year = 2026) {
  const result = runScenario(dataset, year, changes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('scenario: a member leaves (Sak 40-25, Rana on utmelding)', () => {
  it('same key: the 18 others pay exactly what they pay today, Rana pays 0 and the total falls by its share', () => {
    const s = run({ without: [RANA] });
    const today = allocate(HELGELAND_2026, 2026);
    if (!today.ok) throw new Error(today.error.message);
    const rana = s.rows.find((r) => r.kommunenr === RANA)!;
    expect(rana.status).toBe('utmeldt');
    expect(rana.scenario.isZero()).toBe(true);
    expect(rana.today.toFixed(2)).toBe('752197.48');
    for (const row of s.rows.filter((r) => r.kommunenr !== RANA)) {
      const expected = new Dec('156520.48').plus(new Dec(row.population).times(23));
      expect(row.scenario.toFixed(2), row.name).toBe(expected.toFixed(2));
      expect(row.difference.isZero()).toBe(true);
    }
    expect(s.sumScenario.toFixed(2)).toBe(today.value.sum.minus('752197.48').toFixed(2));
  });

  it('same total: the sum stays 4 905 406,12 to the øre and every other kommune pays more', () => {
    const s = run({ without: [RANA], mode: 'sameTotal' });
    expect(s.sumScenario.toFixed(2)).toBe('4905406.12');
    expect(sum(s.rows.map((r) => r.scenario)).toFixed(2)).toBe('4905406.12');
    for (const row of s.rows.filter((r) => r.kommunenr !== RANA)) expect(row.difference.greaterThan(0), row.name).toBe(true);
    // Both key figures are scaled by one factor: the factor is the ratio of the total to the remaining key's sum.
    const remaining = s.rows.filter((r) => r.kommunenr !== RANA).reduce((acc, r) => acc.plus(new Dec('156520.48').plus(new Dec(r.population).times(23))), new Dec(0));
    expect(s.factor!.toFixed(10)).toBe(new Dec('4905406.12').dividedBy(remaining).toFixed(10));
    expect(s.method).toMatch(/skalert med faktoren/);
  });
});

describe('scenario: key figures and validation', () => {
  it('a changed rate moves every row by rate difference × population', () => {
    const s = run({ ratePerInhabitant: new Dec(25) });
    for (const row of s.rows) expect(row.difference.toFixed(2), row.name).toBe(new Dec(row.population).times(2).toFixed(2));
  });

  it('andel likt turns the key into a total to split, keeping today’s total', () => {
    const s = run({ equalShare: new Dec('0.4') });
    expect(s.key.mode).toBe('totalSplit');
    expect(s.sumScenario.toFixed(2)).toBe('4905406.12');
  });

  it('refuses contradictions with a Norwegian message', () => {
    const both = runScenario(HELGELAND_2026, 2026, { without: [RANA], add: [{ kommunenr: RANA, name: 'Rana', population: 1 }] });
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.error.message).toMatch(/både tatt ut og lagt til/);
    const forms = runScenario(HELGELAND_2026, 2026, { fixedAmount: new Dec(1), equalShare: new Dec('0.5') });
    expect(forms.ok).toBe(false);
    const share = runScenario(HELGELAND_2026, 2026, { equalShare: new Dec('1.5') });
    expect(share.ok).toBe(false);
    if (!share.ok) expect(share.error.message).toMatch(/mellom 0 og 100 %/);
    const stranger = runScenario(HELGELAND_2026, 2026, { without: ['0301'] });
    expect(stranger.ok).toBe(false);
  });
});

/** Kommunenummer outside Helgeland for joining kommuner (Bodø, Saltdal, Fauske, Steigen). */
const OUTSIDE = [['1804', 'Bodø'], ['1840', 'Saltdal'], ['1841', 'Fauske'], ['1848', 'Steigen']] as const;

const changesArb = fc.record({
  without: fc.subarray(HELGELAND_2026.members.map((m) => m.kommunenr), { maxLength: 18 }),
  add: fc.subarray([...OUTSIDE]).chain((picked) => fc.tuple(...picked.map(([nr, name]) => fc.integer({ min: 0, max: 60000 }).map((population) => ({ kommunenr: nr, name, population }))))),
  fixedAmount: fc.option(fc.integer({ min: 0, max: 50_000_000 }).map((ore) => new Dec(ore).dividedBy(100)), { nil: undefined }),
  ratePerInhabitant: fc.option(fc.integer({ min: 0, max: 20_000 }).map((ore) => new Dec(ore).dividedBy(100)), { nil: undefined }),
  mode: fc.constantFrom('sameKey' as const, 'sameTotal' as const),
});

describe('scenario properties', () => {
  it('sums are exact to the øre, no part is negative, and a kommune left out pays 0', () => {
    fc.assert(
      fc.property(changesArb, (changes) => {
        const result = runScenario(HELGELAND_2026, 2026, changes);
        if (!result.ok) return; // only "everyone left out" or an all-zero key may refuse
        const s = result.value;
        expect(s.sumScenario.equals(sum(s.rows.map((r) => r.scenario)))).toBe(true);
        expect(s.rows.every((r) => !r.scenario.isNegative())).toBe(true);
        expect(s.rows.every((r) => r.scenario.times(100).isInteger())).toBe(true);
        for (const nr of changes.without) expect(s.rows.find((r) => r.kommunenr === nr)!.scenario.isZero()).toBe(true);
        if (changes.mode === 'sameTotal') expect(s.sumScenario.toFixed(2)).toBe(s.sumToday.toFixed(2));
      }),
      { numRuns: 150 },
    );
  });

  // Same key only: in same-total mode the scaled key is re-rounded per row in the intermediate dataset, so its
  // "today" is not the original total any more.
  it('leaving out a kommune and adding it back with its population gives today’s table (same key)', () => {
    const mode = 'sameKey' as const;
    fc.assert(
      fc.property(fc.constantFrom(...HELGELAND_2026.members), (member) => {
        const out = scenarioDataset(HELGELAND_2026, 2026, { without: [member.kommunenr], mode });
        if (!out.ok) throw new Error(out.error.message);
        const back = runScenario(out.value, 2026, { add: [{ kommunenr: member.kommunenr, name: member.name, population: member.population }], mode });
        if (!back.ok) throw new Error(back.error.message);
        const today = allocate(HELGELAND_2026, 2026);
        if (!today.ok) throw new Error(today.error.message);
        const scenario = new Map(back.value.rows.map((r) => [r.kommunenr, r.scenario.toFixed(2)]));
        for (const row of today.value.rows) expect(scenario.get(row.kommunenr), row.name).toBe(row.total.toFixed(2));
      }),
    );
  });
});
