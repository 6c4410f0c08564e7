import { describe, expect, it } from 'vitest';
import { supplierKey } from '../../../core/index.js';
import { check, ofRule, registerOf } from './helpers.js';

describe('supplierKey', () => {
  it('drops legal forms, country words, case, spaces and punctuation', () => {
    expect(supplierKey('VISMA AS')).toBe('visma');
    expect(supplierKey('Visma')).toBe('visma');
    expect(supplierKey('Visma Norge AS')).toBe('visma');
    expect(supplierKey('Tieto-Evry Norway AS')).toBe('tietoevry');
    expect(supplierKey('TietoEvry')).toBe('tietoevry');
    expect(supplierKey('Acos A/S')).toBe('acos');
    expect(supplierKey('Microsoft Norge AS')).toBe('microsoft');
  });

  it('keeps words that name a different company', () => {
    expect(supplierKey('Visma Enterprise AS')).not.toBe(supplierKey('Visma'));
  });
});

describe('leverandor-varianter', () => {
  it('one info per odd spelling, at its first row, the most common spelling expected', () => {
    const findings = check(
      registerOf(
        { System: 'Visma Enterprise', 'Leverandør': 'Visma' },
        { System: 'Visma Lønn', 'Leverandør': 'Visma' },
        { System: 'Visma Flyt Skole', 'Leverandør': 'VISMA AS' },
        { System: 'Visma Flyt Barnehage', 'Leverandør': 'VISMA AS' },
        { System: 'Socio', 'Leverandør': 'Visma Norge AS' },
        { System: 'Elements', 'Leverandør': 'Sikri' },
      ),
    );
    const variants = ofRule(findings, 'leverandor-varianter');
    expect(variants.map((f) => [f.cell, f.severity, f.expected, f.actual])).toEqual([
      ['D4', 'info', 'Visma', 'VISMA AS'],
      ['D6', 'info', 'Visma', 'Visma Norge AS'],
    ]);
    expect(variants[0]!.message).toContain('«Visma» (2 rader), «VISMA AS» (2 rader), «Visma Norge AS» (1 rad)');
  });

  it('extra spaces alone are not a different spelling', () => {
    expect(ofRule(check(registerOf({ 'Leverandør': 'Acos' }, { System: 'Elements', 'Leverandør': ' Acos ' })), 'leverandor-varianter')).toEqual([]);
  });
});
