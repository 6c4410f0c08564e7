import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocate, Dec, frozenPercentages, HELGELAND_2026, projectCost, resolveKey, sum, type Dataset } from '../../core/index.js';

const printed = JSON.parse(readFileSync(new URL('../fixtures/helgeland-2025/allocation-2026.json', import.meta.url), 'utf8')) as {
  rows: { kommune: string; innbyggere_2kv_2025: string; fordelt_etter_innbyggertall: string; totalt_pr_kommune: string }[];
};

describe('allocation 2026 (fixed 156 520,48 kr + 23 kr per innbygger)', () => {
  const result = allocate(HELGELAND_2026, 2026);
  if (!result.ok) throw new Error(result.error.message);
  const a = result.value;

  it('has all 19 members with kommunenummer', () => {
    expect(a.rows).toHaveLength(19);
    expect(new Set(a.rows.map((r) => r.kommunenr)).size).toBe(19);
    expect(a.rows.every((r) => /^18\d\d$/.test(r.kommunenr))).toBe(true);
  });

  it('reproduces Rana to the øre', () => {
    expect(a.rows.find((r) => r.name === 'Rana')!.total.toFixed(2)).toBe('752197.48');
  });

  it('reproduces every member of the adopted key from the printed populations', () => {
    for (const p of printed.rows) {
      const row = a.rows.find((r) => r.name === p.kommune)!;
      // Expectation computed from the printed inputs, independent of the engine.
      const expected = new Dec('156520.48').plus(new Dec(p.innbyggere_2kv_2025).times(23));
      expect(row.population).toBe(Number(p.innbyggere_2kv_2025));
      expect(row.byPopulation.toFixed(2)).toBe(new Dec(p.fordelt_etter_innbyggertall).toFixed(2));
      expect(row.total.toFixed(2), p.kommune).toBe(expected.toFixed(2));
    }
  });

  it('the sum equals the sum of its rows exactly and kontroll is 0,00', () => {
    expect(a.sum.equals(sum(a.rows.map((r) => r.total)))).toBe(true);
    expect(a.sum.toFixed(2)).toBe('4905406.12');
    expect(a.kontroll.toFixed(2)).toBe('0.00');
  });

  it('reports the distance to the budget line "Refusjon fra kommuner"', () => {
    expect(a.budgetDeviation!.toFixed(2)).toBe(new Dec('4905406.12').minus('4956481.97').toFixed(2));
  });

  it('frozen percentages add up to exactly 100', () => {
    const p = frozenPercentages(a, 4);
    expect(sum(p.map((x) => x.percent)).toFixed(4)).toBe('100.0000');
    expect(p.find((x) => x.name === 'Rana')!.percent.toFixed(2)).toBe(new Dec('752197.48').dividedBy('4905406.12').times(100).toFixed(2));
  });

  it('fails with a Norwegian message for a year without a key', () => {
    const r = allocate(HELGELAND_2026, 2031);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Ingen fordelingsnøkkel for 2031 i Digitale Helgeland 2026 (har 2026).');
  });
});

describe('price index', () => {
  it('derives a key from the previous year: each figure × (1 + index), rounded to øre', () => {
    const ds: Dataset = { ...HELGELAND_2026, keys: [...HELGELAND_2026.keys, { year: 2027, priceIndex: new Dec('0.039') }] };
    const key = resolveKey(ds, 2027);
    expect(key.ok && key.value.mode === 'fixedPlusRate' && key.value.fixedAmount.toFixed(2)).toBe('162624.78');
    expect(key.ok && key.value.mode === 'fixedPlusRate' && key.value.ratePerInhabitant.toFixed(2)).toBe('23.90');
  });

  it('an index with no earlier key says so in one sentence', () => {
    const ds: Dataset = { ...HELGELAND_2026, keys: [{ year: 2027, priceIndex: new Dec('0.039') }] };
    const key = resolveKey(ds, 2027);
    expect(key.ok).toBe(false);
    if (!key.ok) expect(key.error.message).toMatch(/^Nøkkelen for 2027 er bare en prisindeks, og ingen fordelingsnøkkel for 2026/);
  });
});

describe('total split: α equally, 1 − α by population', () => {
  const ds: Dataset = { ...HELGELAND_2026, keys: [{ year: 2026, totalToAllocate: new Dec('4956481.97'), equalShare: new Dec('0.6') }] };
  it('sums exactly to the total and the equal part is the same for everyone (± 1 øre)', () => {
    const r = allocate(ds, 2026);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.sum.toFixed(2)).toBe('4956481.97');
    const fixed = r.value.rows.map((x) => x.fixed);
    const min = Dec.min(...fixed);
    const max = Dec.max(...fixed);
    expect(max.minus(min).lessThanOrEqualTo('0.01')).toBe(true);
    expect(r.value.sumFixed.toFixed(2)).toBe(new Dec('4956481.97').times('0.6').toDecimalPlaces(2).toFixed(2));
  });

  it('property: random datasets and keys always sum exactly, no negative part', () => {
    const member = fc.record({ population: fc.integer({ min: 0, max: 700_000 }) });
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 30 }),
        fc.bigInt({ min: 0n, max: 100_000_000_00n }),
        fc.integer({ min: 0, max: 100 }),
        (members, ore, alphaPct) => {
          const data: Dataset = {
            ...HELGELAND_2026,
            members: members.map((m, i) => ({ kommunenr: String(3000 + i), name: `K${i}`, population: m.population })),
            keys: [{ year: 2030, totalToAllocate: new Dec(ore.toString()).dividedBy(100), equalShare: new Dec(alphaPct).dividedBy(100) }],
          };
          const r = allocate(data, 2030);
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.sum.equals(new Dec(ore.toString()).dividedBy(100))).toBe(true);
          expect(r.value.rows.every((x) => !x.total.isNegative())).toBe(true);
          expect(r.value.kontroll.isZero()).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('project participation', () => {
  const rpa = HELGELAND_2026.projects.find((p) => p.name.startsWith('RPA'))!;
  it('bills RPA members their own monthly cost × 12', () => {
    const r = projectCost(HELGELAND_2026, rpa, '1833');
    expect(r.ok && r.value.toFixed(2)).toBe('222000.00');
  });
  it('splits a total flat among participants, or by population', () => {
    const epj = HELGELAND_2026.projects.find((p) => p.name === 'Felles EPJ legesenter')!;
    const flat = { ...epj, annualCost: new Dec('1800000') };
    const parts = HELGELAND_2026.members.map((m) => projectCost(HELGELAND_2026, flat, m.kommunenr));
    expect(parts.every((p) => p.ok)).toBe(true);
    const values = parts.map((p) => (p.ok ? p.value : new Dec(-1)));
    expect(sum(values).toFixed(2)).toBe('1800000.00');
    expect(values[HELGELAND_2026.members.findIndex((m) => m.name === 'Bindal')]!.toFixed(2)).toBe('0.00');
    expect(values[HELGELAND_2026.members.findIndex((m) => m.name === 'Rana')]!.toFixed(2)).toBe('100000.00');
    const byPop = { ...flat, split: 'innbyggere' as const };
    const rana = projectCost(HELGELAND_2026, byPop, '1833');
    const participantsPop = HELGELAND_2026.members.filter((m) => m.name !== 'Bindal').reduce((a, m) => a + m.population, 0);
    expect(rana.ok && rana.value.minus(new Dec(1800000).times(25899).dividedBy(participantsPop)).abs().lessThan('0.01')).toBe(true);
  });
  it('says so when a project has no cost registered', () => {
    const epj = HELGELAND_2026.projects.find((p) => p.name === 'Felles EPJ legesenter')!;
    const r = projectCost(HELGELAND_2026, epj, '1833');
    expect(!r.ok && r.error.message).toMatch(/ingen kostnad registrert/);
  });
});
