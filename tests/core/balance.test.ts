import { describe, expect, it } from 'vitest';
import { callFunction, CATALOG, createFunctionContext, Dec, HELGELAND_2026, sum } from '../../core/index.js';
import { allBalances, kommuneBalance } from '../../core/balance/balance.js';
import { gevinstTemplate } from '../../core/benefits/plan.js';
import { datasetFromTables } from '../../core/workbook/from-tables.js';
import { tableFromValues } from '../../core/workbook/table.js';

function balance(kommunenr: string, dataset = HELGELAND_2026) {
  const b = kommuneBalance(dataset, 2026, kommunenr);
  if (!b.ok) throw new Error(b.error.message);
  return b.value;
}

// Figures from the board's own tables (seed 004, Sak 41-25), computed here independently of the engine.
const DUO_COSTS = [20799, 8473, 17987, 8473, 8473, 8473, 15191, 9382, 9736, 6382, 16818, 9382, 20799, 7525, 9736, 4655, 18950, 7918, 4742];

describe('Kommunens regnskap (DH.BALANSE)', () => {
  const vefsn = balance('1824');

  it('Vefsn pays its key contribution and its RPA and DUO costs, each with its source', () => {
    const key = vefsn.pays.find((l) => l.label.startsWith('Medlemsbidrag'))!;
    expect(key.amount.toFixed(2)).toBe(new Dec('156520.48').plus(13491 * 23).toFixed(2));
    expect(key.source).toMatch(/^DH_Fordeling_2026, rad Vefsn/);
    expect(vefsn.pays.find((l) => /RPA/.test(l.label))!.amount.toFixed(2)).toBe(new Dec(16500 * 12).toFixed(2));
    expect(vefsn.pays.find((l) => /DUO/.test(l.label))!.amount.toFixed(2)).toBe(new Dec(18950 * 12).toFixed(2));
    expect(vefsn.pays.every((l) => l.source.length > 0)).toBe(true);
  });

  it('Vefsn gets back its RPA time saving and its DUO share as the board’s tables give them', () => {
    const rpa = vefsn.getsBack.find((l) => l.label.startsWith('RPA'))!;
    // 1 269 handled × 5 min ÷ 60 × 695 kr/t × 12 months.
    expect(rpa.amount.toFixed(2)).toBe(new Dec(1269).times(5).dividedBy(60).times(695).times(12).toFixed(2));
    expect(rpa.source).toMatch(/^DH_RPA, rad Vefsn/);
    const duo = vefsn.getsBack.find((l) => l.label.startsWith('DUO'))!;
    const share = new Dec(417000).times(18950).dividedBy(DUO_COSTS.reduce((a, b) => a + b, 0));
    expect(Math.abs(duo.amount.minus(share.times(12)).toNumber())).toBeLessThan(0.13); // ≤ 1 øre a month of rounding
    expect(duo.source).toMatch(/^DH_DUO, rad Vefsn/);
    expect(vefsn.getsBack.every((l) => l.releasesBudget === false)).toBe(true);
  });

  it('net is what it pays minus what it gets back (negative = gevinst, as the board prints netto), exactly', () => {
    expect(vefsn.net.equals(sum(vefsn.pays.map((l) => l.amount)).minus(sum(vefsn.getsBack.map((l) => l.amount))))).toBe(true);
  });

  it('a kommune with no documented benefit shows 0 and says so', () => {
    // Meløy handles no RPA cases; without the DUO table it has nothing documented.
    const { duo: _duo, ...withoutDuo } = HELGELAND_2026;
    const meloy = balance('1837', withoutDuo);
    expect(meloy.getsBack).toHaveLength(0);
    expect(meloy.totalGetsBack.isZero()).toBe(true);
    expect(meloy.notes.join(' ')).toMatch(/Ingen dokumentert gevinst for Meløy/);
  });

  it('every member has a balance, and projects without a registered cost are named, not guessed', () => {
    const all = allBalances(HELGELAND_2026, 2026);
    expect(all.ok && all.value).toHaveLength(19);
    expect(vefsn.notes.some((n) => /ingen kostnad registrert/.test(n))).toBe(true);
  });

  it('DH_Gevinst rows count for their kommune, but one that repeats DH_RPA is not counted twice; DH_Tilskudd rows are its own', () => {
    const tables = new Map([
      ['DH_Gevinst', tableFromValues('DH_Gevinst', [gevinstTemplate().headers, ...gevinstTemplate().rows as unknown as (string | number)[][],
        ['Felles innkjøp av lisenser', 'Vefsn', 'unngått kostnad', 'Ja', 'Lisenskostnad', 100, 50, 'Økonomisjef', '31.12.2026', '', 0, 0, 40000, 5]])],
      ['DH_Tilskudd', tableFromValues('DH_Tilskudd', [['Tilskudd', 'Kommune', 'Beløp', 'År'], ['Skjønnsmidler velferdsteknologi', 'Vefsn', '150 000', 2026], ['Annet år', 'Vefsn', 1000, 2025]])],
    ]);
    const read = datasetFromTables((name) => tables.get(name), HELGELAND_2026);
    if (!read.ok) throw new Error(read.error.message);
    const b = balance('1824', read.value.dataset);
    expect(b.getsBack.find((l) => l.label.includes('Felles innkjøp'))!.amount.toFixed(2)).toBe('40000.00');
    expect(b.getsBack.find((l) => l.label.includes('Felles innkjøp'))!.releasesBudget).toBe(true);
    expect(b.getsBack.find((l) => l.label.includes('Skjønnsmidler'))!.source).toBe('DH_Tilskudd rad 2');
    expect(b.getsBack.some((l) => l.label.includes('Annet år'))).toBe(false);
    expect(b.getsBack.some((l) => l.label.includes('RPA i Elements'))).toBe(false);
    expect(b.notes.join(' ')).toMatch(/RPA i Elements.*står allerede i DH_RPA/);
    expect(b.budgetFreed.toFixed(2)).toBe('190000.00');
  });

  it('DH.BALANSE spills Post | Kr | Kilde ending in Netto; costs positive, savings negative, the lines add up to Netto', () => {
    const entry = CATALOG.find((e) => e.name === 'BALANSE')!;
    const out = callFunction(entry, createFunctionContext(HELGELAND_2026, '2026-11-21'), ['Vefsn', 2026]) as unknown[][];
    expect(out[0]).toEqual(['Post', 'Kr', 'Kilde']);
    expect(out.at(-1)![0]).toBe('Netto');
    expect(out.at(-1)![1]).toBeCloseTo(vefsn.net.toNumber(), 2);
    const key = out.find((r) => String(r[0]).includes('Medlemsbidrag'))!;
    expect(key[1]).toBe(466813.48);
    const lines = out.filter((r) => /^(Betaler|Får igjen): /.test(String(r[0])));
    expect(sum(lines.map((r) => new Dec(String(r[1])))).toFixed(2)).toBe(vefsn.net.toFixed(2));
  });
});
