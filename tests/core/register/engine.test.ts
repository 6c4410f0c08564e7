// How checkRegister runs its rules: subsets, a rule that throws (register.intern-feil), progress and cancelling.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegister, REGISTER_RULES, type RegisterRule } from '../../../core/index.js';
import { check, CLEAN, ofRule, register, registerOf, TODAY } from './helpers.js';

const throwing: RegisterRule = {
  id: 'register.test-kaster',
  severity: 'error',
  description: 'Kaster på rad 3 (test).',
  start: () => ({
    row(f) {
      if (f.r === 2) throw new Error('bom');
    },
  }),
};

describe('checkRegister engine', () => {
  it('runs only the given rules', () => {
    const cells = registerOf({ Systemeier: '', Systemansvarlig: '' });
    const only = REGISTER_RULES.filter((r) => r.id === 'register.systemansvarlig-mangler');
    expect(check(cells, { rules: only }).map((f) => f.rule)).toEqual(['register.systemansvarlig-mangler']);
  });

  it('a rule that throws becomes an intern-feil finding on that row; the other rules still run', () => {
    const cells = registerOf({}, { Systemeier: '' }, {});
    const findings = checkRegister(cells, { today: TODAY, rules: [throwing, ...REGISTER_RULES] });
    const internal = ofRule(findings, 'intern-feil');
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: 'error', row: 3, cell: 'A3' });
    expect(internal[0]!.message).toContain('register.test-kaster');
    expect(internal[0]!.message).toContain('bom');
    expect(ofRule(findings, 'systemeier-mangler').map((f) => f.row)).toEqual([3]);
    expect(ofRule(findings, 'system-duplikat').map((f) => f.row)).toEqual([3, 4]);
  });

  it('throwing from onProgress cancels the check (the host asked for it)', () => {
    const cells = register(Array.from({ length: 500 }, (_, i) => ({ ...CLEAN, System: `S${i}` })));
    expect(() =>
      check(cells, {
        onProgress: (f) => {
          if (f > 0.5) throw new Error('avbrutt');
        },
      }),
    ).toThrow('avbrutt');
  });

  it('every rule has a register.<file name> id, a severity and a Norwegian description', () => {
    const ids = REGISTER_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of REGISTER_RULES) {
      expect(rule.id).toMatch(/^register\.[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.severity);
      expect(rule.description).toMatch(/[a-zæøå]/);
    }
  });

  it('one rule per file in core/register/checks, named after the rule id', () => {
    const files = readdirSync(new URL('../../../core/register/checks/', import.meta.url))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => 'register.' + f.replace(/\.ts$/, ''))
      .sort();
    const tableLevel = ['register.dato-ugyldig', 'register.intern-feil', 'register.overskrift-mangler'];
    expect(files).toEqual([...REGISTER_RULES.map((r) => r.id), ...tableLevel].sort());
  });
});
