// Rebuilds the board's 2026 tables from their inputs with the engine, and checks that reconciliation
// accepts what the engine produces and finds any figure perturbed by a krone or more.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../../core/allocation/allocate.js';
import { splitPooledSaving } from '../../../core/benefits/pooled.js';
import { timeValueExact } from '../../../core/benefits/time-value.js';
import { DatasetContext } from '../../../core/dataset/context.js';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import type { AllocationKey, Dataset } from '../../../core/dataset/model.js';
import { a1 } from '../../../core/findings/finding.js';
import { KNOWN_KOMMUNER } from '../../../core/kommuner/registry.js';
import { Dec, roundOre, roundTo, sum, toCellNumber } from '../../../core/money/kroner.js';
import { reconcileSheet } from '../../../core/reconcile/index.js';
import type { CellValue } from '../../../core/util/cells.js';
import { ALLOCATION_HEADER, DUO_HEADER, fixture, RPA_HEADER } from './board-tables.js';

const data = new DatasetContext(HELGELAND_2026);
const nameOf = new Map(HELGELAND_2026.members.map((m) => [m.kommunenr, m.name]));
const nrOf = new Map(HELGELAND_2026.members.map((m) => [m.name, m.kommunenr]));
const notInfo = <T extends { severity: string }>(fs: readonly T[]): T[] => fs.filter((f) => f.severity !== "info");

describe('styrets tabeller bygget på nytt fra grunnlaget', () => {
  it('fordelingen: motoren gir samme tall som styret, unntatt Vevelstad, og summen 4 905 406,12 kr', () => {
    const alloc = allocate(HELGELAND_2026, 2026);
    if (!alloc.ok) throw new Error(alloc.error.message);
    const printed = fixture('allocation-2026.json');
    const differing = printed.rows.filter((r: any) => {
      const row = alloc.value.rows.find((x) => x.name === r.kommune)!;
      return row.total.toFixed(2) !== r.totalt_pr_kommune || row.byPopulation.toFixed(2) !== r.fordelt_etter_innbyggertall;
    });
    expect(differing.map((r: any) => r.kommune)).toEqual(['Vevelstad']);
    expect(alloc.value.sum.toFixed(2)).toBe('4905406.12');
    expect(alloc.value.kontroll.toFixed(2)).toBe('0.00');

    // The engine's own table in the board's layout reconciles clean (only the real budget-line gap remains).
    const cells: CellValue[][] = [
      ['Fordeling av kostnader 2026'],
      [...ALLOCATION_HEADER],
      ...alloc.value.rows.map((r) => [r.name, r.population, toCellNumber(r.byPopulation), toCellNumber(r.total)]),
      ['Sum', alloc.value.totalPopulation, toCellNumber(alloc.value.sumByPopulation), toCellNumber(alloc.value.sum)],
    ];
    const withData = reconcileSheet({ sheet: 'Fordeling 2026', cells }, { data });
    expect(notInfo(withData.findings).map((f) => f.rule)).toEqual(['kontroll.budsjettlinje']);
    expect(notInfo(reconcileSheet({ sheet: 'Fordeling 2026', cells }).findings)).toEqual([]);
  });

  it('RPA: eksakt besparelse (5 min à 695 kr/t) avrundet ved visning gir styrets tabell tall for tall', () => {
    const rpa = HELGELAND_2026.rpa!;
    const printed = fixture('rpa.json');
    const exact = rpa.rows.map((row) => {
      const saving = timeValueExact(new Dec(row.handledPerMonth), rpa.assumption.minutesPerCase, rpa.assumption.hourlyRate);
      const net = row.monthlyCost.minus(saving);
      return { name: nameOf.get(row.kommunenr)!, cost: row.monthlyCost, count: row.handledPerMonth, saving, net, year: net.times(12) };
    });
    for (const r of exact) {
      const p = printed.rows.find((x: any) => x.kommune === r.name);
      expect([roundTo(r.saving, 0).toFixed(0), roundOre(r.net).toFixed(2), roundOre(r.year).toFixed(2)]).toEqual([
        new Dec(p.besparelse_tid).toFixed(0),
        new Dec(p.netto_besparelse_pr_mnd).toFixed(2),
        new Dec(p.netto_besparelser_pr_aar).toFixed(2),
      ]);
    }
    const total = (pick: (r: (typeof exact)[number]) => Dec) => sum(exact.map(pick));
    expect(roundTo(total((r) => r.saving), 0).toFixed(0)).toBe(printed.sum_row.besparelse_tid);
    expect(roundOre(total((r) => r.net)).toFixed(2)).toBe(printed.sum_row.netto_besparelse_pr_mnd);
    expect(roundOre(total((r) => r.year)).toFixed(2)).toBe(printed.sum_row.netto_besparelser_pr_aar);

    const cells: CellValue[][] = [
      [...RPA_HEADER],
      ...exact.map((r) => [r.name, r.cost.toNumber(), r.count, roundTo(r.saving, 0).toNumber(), toCellNumber(r.net), toCellNumber(r.year)]),
      ['SUM', total((r) => r.cost).toNumber(), exact.reduce((a, r) => a + r.count, 0), roundTo(total((r) => r.saving), 0).toNumber(), toCellNumber(total((r) => r.net)), toCellNumber(total((r) => r.year))],
    ];
    const result = reconcileSheet({ sheet: 'RPA', cells }, { data });
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.findings.filter((f) => f.severity === 'warning').map((f) => f.message.split(' ')[0])).toEqual(['Rødøy']);
  });

  it('DUO: 417 000 fordelt etter kostnad – avrundet som i Excel gir styrets tall, største rest summerer eksakt', () => {
    const duo = HELGELAND_2026.duo!;
    const printed = fixture('duo.json');
    const names = printed.rows.map((r: any) => r.kommune as string);
    const costs = names.map((n: string) => duo.monthlyCost.get(nrOf.get(n)!)!);
    const costSum = sum(costs);
    const pooled = duo.adoptedMonthlySaving.negated();
    names.forEach((n: string, i: number) => {
      const p = printed.rows[i];
      const saving = pooled.times(costs[i]!).dividedBy(costSum);
      expect([roundOre(saving).toFixed(2), roundOre(costs[i]!.plus(saving)).toFixed(2), roundOre(costs[i]!.plus(saving).times(12)).toFixed(2)]).toEqual([
        p.besparelser_pr_mnd,
        p.netto_besparelse_pr_md,
        p.besparelser_pr_aar,
      ]);
    });
    // Our split (largest remainder) is within one øre of the board's and adds up to exactly −417 000,00.
    const split = splitPooledSaving(pooled, costs);
    expect(sum(split).toFixed(2)).toBe('-417000.00');
    split.forEach((s, i) => expect(s.minus(new Dec(printed.rows[i].besparelser_pr_mnd)).abs().lessThanOrEqualTo('0.01')).toBe(true));
    const cells: CellValue[][] = [
      [...DUO_HEADER],
      ...names.map((n: string, i: number) => [n, costs[i]!.toNumber(), toCellNumber(split[i]!), toCellNumber(costs[i]!.plus(split[i]!)), toCellNumber(costs[i]!.plus(split[i]!).times(12))]),
      ['SUM', costSum.toNumber(), toCellNumber(sum(split)), toCellNumber(costSum.plus(sum(split))), toCellNumber(costSum.plus(sum(split)).times(12))],
    ];
    expect(reconcileSheet({ sheet: 'DUO', cells }).findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(reconcileSheet({ sheet: 'DUO', cells }, { data }).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Property: what the engine produces reconciles clean; one perturbed figure is found at its cell.

const NORDLAND = KNOWN_KOMMUNER.filter((k) => k.fylke === 'Nordland');
const ore = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((n) => new Dec(n).dividedBy(100));

const keyArb: fc.Arbitrary<Omit<AllocationKey, 'year'>> = fc.oneof(
  fc.record({ fixedAmount: ore(300_000), ratePerInhabitant: fc.integer({ min: 0, max: 10_000 }).map((n) => new Dec(n).dividedBy(100)) }),
  fc.record({ totalToAllocate: ore(20_000_000), equalShare: fc.integer({ min: 0, max: 100 }).map((n) => new Dec(n).dividedBy(100)) }),
);

const datasetArb: fc.Arbitrary<Dataset> = fc
  .record({
    members: fc.uniqueArray(fc.constantFrom(...NORDLAND), { minLength: 5, maxLength: 19, selector: (k) => k.kommunenr }),
    populations: fc.array(fc.integer({ min: 100, max: 60_000 }), { minLength: 19, maxLength: 19 }),
    key: keyArb,
    year: fc.integer({ min: 2024, max: 2035 }),
  })
  .map(({ members, populations, key, year }) => ({
    name: 'Testsamarbeidet',
    source: 'egenskapstest',
    members: members.map((k, i) => ({ kommunenr: k.kommunenr, name: k.name, population: populations[i]! })),
    keys: [{ year, ...key }],
    projects: [],
  }));

/** The engine's table as an owned sheet would show it: Kommunenr, Kommune, Innbyggere, Fast andel, Fordelt…, Totalt, Sum. */
function engineTable(dataset: Dataset): { cells: CellValue[][]; year: number } {
  const year = dataset.keys[0]!.year;
  const alloc = allocate(dataset, year);
  if (!alloc.ok) throw new Error(alloc.error.message);
  const a = alloc.value;
  return {
    year,
    cells: [
      [`Fordeling ${year}`],
      ['Kommunenr', 'Kommune', 'Innbyggere', 'Fast andel', 'Fordelt etter innbyggertall', 'Totalt'],
      ...a.rows.map((r) => [r.kommunenr, r.name, r.population, toCellNumber(r.fixed), toCellNumber(r.byPopulation), toCellNumber(r.total)]),
      ['', 'Sum', a.totalPopulation, toCellNumber(a.sumFixed), toCellNumber(a.sumByPopulation), toCellNumber(a.sum)],
    ],
  };
}

describe('egenskaper: fordelingstabeller laget av motoren', () => {
  it('en tabell motoren selv har laget gir ingen feil eller advarsler (med og uten datasett)', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const { cells } = engineTable(dataset);
        const withData = reconcileSheet({ sheet: 'Fordeling', cells }, { data: new DatasetContext(dataset) });
        const generic = reconcileSheet({ sheet: 'Fordeling', cells });
        expect(withData.allocations[0]!.key?.source).toBe('dataset');
        expect(notInfo(withData.findings)).toEqual([]);
        expect(notInfo(generic.findings)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('én tilfeldig celle endret med minst 1 kr blir rapportert i nettopp den cellen', () => {
    fc.assert(
      fc.property(
        datasetArb,
        fc.nat(),
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 100, max: 5_000_000 }).map((n) => new Dec(n).dividedBy(100)),
        fc.boolean(),
        (dataset, rowPick, column, delta, negative) => {
          const { cells } = engineTable(dataset);
          const rowsWithSum = cells.length - 2; // data rows + Sum row
          const r = 2 + (rowPick % rowsWithSum);
          const before = cells[r]![column] as number;
          const change = negative ? delta.negated() : delta;
          cells[r]![column] = new Dec(before).plus(change).toNumber();
          const cell = a1(r + 1, column + 1);
          const withData = reconcileSheet({ sheet: 'Fordeling', cells }, { data: new DatasetContext(dataset) });
          expect(withData.findings.filter((f) => f.cell === cell && f.severity === 'error').length).toBeGreaterThan(0);
          // With the dataset the truth is known: nothing else is called an error except the Sum row it no longer matches.
          const sumRow = cells.length;
          expect(withData.findings.filter((f) => f.severity === 'error' && f.cell !== cell && f.row !== sumRow)).toEqual([]);
          // Without the dataset the key is inferred from the rows. A row that no longer adds up is always reported,
          // but which of its figures moved cannot always be told: when every other row is a small kommune whose
          // figures round to the same øre under a slightly different rate (or the table allocates 0 kr), the
          // inferred key absorbs the change and the row's total is the cell that disagrees.
          const generic = reconcileSheet({ sheet: 'Fordeling', cells });
          expect(generic.findings.filter((f) => f.row === r + 1 && f.severity === 'error').length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
