// A whole register (tests/fixtures/register/helgeland-systemoversikt.json): title rows, synonyms in the header,
// a blank row and one known problem per rule; checked as the DH dataset would check it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegister, commonSystems } from '../../../core/index.js';
import { DH } from './helpers.js';

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/register/helgeland-systemoversikt.json', import.meta.url), 'utf8')) as {
  ark: string;
  celler: unknown[][];
  forventet: [string, string][];
};

describe('helgeland-systemoversikt.json', () => {
  const findings = checkRegister(fixture.celler, { today: '2026-03-01', data: DH, sheet: fixture.ark });

  it('finds exactly the known problems, top-down', () => {
    expect(findings.map((f) => [f.rule, f.cell])).toEqual(fixture.forventet);
    expect(new Set(findings.map((f) => f.sheet))).toEqual(new Set(['Systemoversikt']));
  });

  it('every message is Norwegian and says what to fix', () => {
    for (const f of findings) expect(f.message, f.rule).toMatch(/[.?]$|Rett|Fyll|fyll|Skriv|Bruk|Legg|Avklar|Beskriv|Før|Forleng|Si opp/);
  });

  it('the felles-systemer report groups by kommunenummer', () => {
    const report = commonSystems(fixture.celler, { data: DH });
    // Visma Enterprise in Rana, Vefsn and Herøy (1818 within the DH members): 14 500 + 11 000 + 3 100,50.
    expect(report.map((s) => [s.system, s.supplier, s.count, s.monthlyCost.toFixed(2)])).toEqual([['Visma Enterprise', 'Visma', 3, '28600.50']]);
    expect(report[0]!.kommuner.map((k) => k.kommunenr)).toEqual(['1818', '1824', '1833']);
  });

  it('the Visma Lønn row misses A-meldingen and Komtek misses the map basis (seed 003 Tabell 12 and 64)', () => {
    expect(findings.find((f) => f.cell === 'L6')?.expected).toBe('A-meldingen');
    expect(findings.find((f) => f.cell === 'L14')?.expected).toBe('det offentlige kartgrunnlaget');
  });
});
