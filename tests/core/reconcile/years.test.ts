// A table for a year reads its kommuner as they were that year (SPEC §10), through the real kommune history
// (KommuneRegistry.asOf): a 2017 table's Ørskog, Norddal, Sandøy and Halsa 1571 are kommuner, not unknown names.
import { describe, expect, it } from 'vitest';
import { DatasetContext } from '../../../core/dataset/context.js';
import { HELGELAND_2026 } from '../../../core/dataset/helgeland2026.js';
import { reconcileSheet } from '../../../core/reconcile/index.js';
import type { CellValue } from '../../../core/util/cells.js';

const data = new DatasetContext(HELGELAND_2026);

/** 100 000 kr fast + 20 kr × innbyggere, in whole kroner, for kommuner that all existed in 2017 (not all do today). */
const MEMBERS_2017: readonly [string, number][] = [
  ['Ørskog', 2296],
  ['Norddal', 1663],
  ['Sandøy', 1246],
  ['1571 Halsa', 1588],
  ['Skodje', 4667],
  ['Ålesund', 47199],
];

function table(title: string): CellValue[][] {
  return [
    [title],
    ['Kommune', 'Innbyggere 1.1.2017', 'Fast', 'Etter innbyggertall', 'Totalt'],
    ...MEMBERS_2017.map(([name, pop]) => [name, pop, 100_000, pop * 20, 100_000 + pop * 20]),
  ];
}

describe('tabeller for et år', () => {
  it('en 2017-tabell leses med kommunene fra 2017 og kontrolleres mot sin egen nøkkel', () => {
    const { findings, allocations } = reconcileSheet({ sheet: 'Fordeling', cells: table('Fordeling 2017') }, { data });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(allocations[0]!.key).toMatchObject({ source: 'table' });
    expect(allocations[0]!.key!.rate!.toString()).toBe('20');
  });

  it('uten år er de samme navnene tidligere kommuner, og meldingen sier hva de er nå', () => {
    const { findings } = reconcileSheet({ sheet: 'Fordeling', cells: table('Fordeling') }, { data });
    const orskog = findings.find((f) => f.rule === 'kontroll.kommune' && f.cell === 'A3');
    expect(orskog?.severity).toBe('error');
    expect(orskog?.message).toMatch(/Ørskog.*Ålesund/);
  });
});
