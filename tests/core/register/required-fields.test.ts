// register.system-mangler, register.kommune-mangler, register.leverandor-mangler, register.systemeier-mangler,
// register.systemansvarlig-mangler
import { describe, expect, it } from 'vitest';
import { check, CLEAN, HEADER, ofRule, register, registerOf } from './helpers.js';

describe('required fields', () => {
  it('a clean row has no findings', () => {
    expect(check(registerOf({}))).toEqual([]);
  });

  it('Systemeier missing is an error that names the system (seed 003 §5.9.3)', () => {
    const [finding, ...rest] = check(registerOf({ Systemeier: '' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'register.systemeier-mangler', severity: 'error', cell: 'H2', row: 2, column: 'Systemeier', sheet: 'Register' });
    expect(finding!.message).toContain('«Acos WebSak»');
    expect(finding!.message).toContain('systemeier');
  });

  it('placeholders count as missing, and the message quotes them', () => {
    for (const placeholder of ['-', '?', 'Ukjent', 'ikke avklart', '  ', 'N/A']) {
      const findings = ofRule(check(registerOf({ Systemeier: placeholder })), 'systemeier-mangler');
      expect(findings, placeholder).toHaveLength(1);
      if (placeholder.trim()) expect(findings[0]!.actual).toBe(placeholder.trim());
    }
  });

  it('names and other real text are not placeholders', () => {
    for (const owner of ['Ingrid Olsen', 'Nina Berg', 'Tor', 'Mangler-Hansen AS', 'Enhetsleder helse', 'IKT-sjef']) {
      expect(ofRule(check(registerOf({ Systemeier: owner })), 'systemeier-mangler'), owner).toEqual([]);
    }
  });

  it('Systemansvarlig missing is only a warning', () => {
    const findings = check(registerOf({ Systemansvarlig: null }));
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([['register.systemansvarlig-mangler', 'warning', 'I2']]);
  });

  it('System and Leverandør are required', () => {
    const findings = check(registerOf({ System: '', 'Leverandør': '' }));
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([
      ['register.system-mangler', 'C2'],
      ['register.leverandor-mangler', 'D2'],
    ]);
  });

  it('Kommune or Kommunenr is enough; neither is an error', () => {
    expect(check(registerOf({ Kommune: '' }))).toEqual([]);
    expect(check(registerOf({ Kommunenr: null }))).toEqual([]);
    const findings = check(registerOf({ Kommune: '', Kommunenr: '' }));
    expect(findings.map((f) => [f.rule, f.severity, f.cell])).toEqual([['register.kommune-mangler', 'error', 'B2']]);
  });

  it('a missing column is reported once, at the header row', () => {
    const header = HEADER.filter((h) => h !== 'Systemeier');
    const cells = register([CLEAN, CLEAN, { ...CLEAN, System: 'Visma Enterprise' }], header);
    const findings = ofRule(check(cells, { originRow: 4 }), 'systemeier-mangler');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ row: 4, cell: 'A4', column: 'Systemeier', expected: 'Systemeier' });
    expect(findings[0]!.message).toMatch(/mangler kolonnen Systemeier/);
  });

  it('an error value is not reported as missing (feilverdi covers it)', () => {
    const findings = check(registerOf({ Systemeier: { cellError: '#N/A' } }));
    expect(findings.map((f) => f.rule)).toEqual(['register.feilverdi']);
  });
});
