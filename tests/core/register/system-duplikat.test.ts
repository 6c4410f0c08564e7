import { describe, expect, it } from 'vitest';
import { check, ofRule, registerOf } from './helpers.js';

describe('system-duplikat', () => {
  it('the same system twice in one kommune: warning on the later row, pointing at the first', () => {
    const findings = check(registerOf({}, { System: 'Visma Enterprise' }, { System: 'ACOS  websak ' }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'register.system-duplikat', severity: 'warning', cell: 'C4', row: 4, expected: 'én rad (rad 2)' });
    expect(findings[0]!.message).toContain('Rana (1833)');
    expect(findings[0]!.message).toContain('rad 2');
  });

  it('the first row is given in sheet rows when the range starts lower', () => {
    const [finding] = ofRule(check(registerOf({}, {}), { originRow: 20 }), 'system-duplikat');
    expect(finding).toMatchObject({ row: 22, cell: 'C22', expected: 'én rad (rad 21)' });
  });

  it('the same system in different kommuner is not a duplicate', () => {
    expect(check(registerOf({}, { Kommune: 'Vefsn', Kommunenr: 1824 }, { Kommune: 'Herøy', Kommunenr: 1818 }))).toEqual([]);
  });

  it('matches kommuner by number: Herøy 1818 and Herøy 1515 are different kommuner', () => {
    expect(check(registerOf({ Kommune: 'Herøy', Kommunenr: 1818 }, { Kommune: 'Herøy', Kommunenr: 1515 }))).toEqual([]);
  });

  it('rows whose kommune is unknown are not compared', () => {
    const findings = check(registerOf({ Kommune: 'Ranna', Kommunenr: null }, { Kommune: 'Ranna', Kommunenr: null }));
    expect(findings.map((f) => f.rule)).toEqual(['register.kommune-ukjent', 'register.kommune-ukjent']);
  });

  it('a third copy points at the first row too', () => {
    const findings = ofRule(check(registerOf({}, {}, {})), 'system-duplikat');
    expect(findings.map((f) => [f.row, f.expected])).toEqual([
      [3, 'én rad (rad 2)'],
      [4, 'én rad (rad 2)'],
    ]);
  });
});
