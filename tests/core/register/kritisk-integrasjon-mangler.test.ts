import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { CRITICAL_SYSTEM_TYPES } from '../../../core/index.js';
import { criticalTypeOf, missingIntegrations } from '../../../core/register/critical.js';
import { check, ofRule, registerOf } from './helpers.js';

const economy = { System: 'Visma Enterprise', 'Leverandør': 'Visma', Systemtype: 'Økonomi- og regnskapssystem', Arkivverdig: 'Nei' };

describe('kritisk-integrasjon-mangler', () => {
  it('an economy system without its payroll integration (Tabell 5)', () => {
    const [finding, ...rest] = check(registerOf({ ...economy, Integrasjoner: 'Bank (BBS), EHF-faktura' }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      rule: 'register.kritisk-integrasjon-mangler',
      severity: 'warning',
      cell: 'L2',
      column: 'Integrasjoner',
      expected: 'personal- og lønnssystem',
      actual: 'Bank (BBS), EHF-faktura',
    });
    expect(finding!.message).toContain('Økonomi- og regnskapssystem');
    expect(finding!.message).toContain('Tabell 5');
  });

  it('lists every missing integration', () => {
    const [finding] = check(registerOf({ ...economy, Integrasjoner: '' }));
    expect(finding?.expected).toBe('bank-, innfordrings- og fakturaløsninger; personal- og lønnssystem');
  });

  it('key words in any spelling satisfy the check', () => {
    expect(check(registerOf({ ...economy, Integrasjoner: 'Nets/bank, Visma Lønn' }))).toEqual([]);
    expect(check(registerOf({ ...economy, Integrasjoner: 'Innfordring (Lindorff); HR-system' }))).toEqual([]);
  });

  it('a payroll system needs bank, A-meldingen and economy (Tabell 12)', () => {
    const payroll = { System: 'Visma Lønn', Systemtype: 'Personal- og lønnssystem', Arkivverdig: 'Nei' };
    expect(check(registerOf({ ...payroll, Integrasjoner: 'Bank, A-melding via Altinn, Økonomi' }))).toEqual([]);
    // The national scheme is as often written «a-ordningen».
    expect(check(registerOf({ ...payroll, Integrasjoner: 'Bank; A-ordningen; Økonomi' }))).toEqual([]);
    const [finding] = check(registerOf({ ...payroll, Integrasjoner: 'Bank' }));
    expect(finding?.expected).toBe('A-meldingen; økonomi- og regnskapssystem');
  });

  it('byggesak needs Matrikkelen and Grunnboken (Tabell 61)', () => {
    const [finding] = check(registerOf({ System: 'eByggesak', Systemtype: 'Byggesaksbehandling', Integrasjoner: 'Matrikkelen', Arkivverdig: 'Nei' }));
    expect(finding?.expected).toBe('Grunnboken');
  });

  it('conditional integrations in the source ("evt.", "når … tilgjengelig") are not required', () => {
    // Pleie og omsorg: velferdsteknologi (evt.) and kjernejournal (når tilgjengelig) are conditional.
    expect(check(registerOf({ System: 'Gerica', Systemtype: 'Pleie- og omsorgssystem', Integrasjoner: 'Helsenett, KPR', Arkivverdig: 'Nei' }))).toEqual([]);
  });

  it('the type is read from the System name only when Systemtype is blank', () => {
    const [finding] = check(registerOf({ System: 'Lønnssystem', Systemtype: '', Integrasjoner: 'Bank', Arkivverdig: 'Nei' }));
    expect(finding).toMatchObject({ rule: 'register.kritisk-integrasjon-mangler', cell: 'L2' });
    // A filled-in, non-critical Systemtype is trusted even if the name contains a critical word.
    expect(check(registerOf({ System: 'Acos WebSak Teknisk', Systemtype: 'Sak/arkiv', Integrasjoner: '' }))).toEqual([]);
  });

  it('non-critical types from the source are never critical', () => {
    for (const type of ['Turnussystem (pleie og omsorg)', 'Kart- og oppmålingssystem', 'Reiseregning', 'Kvalitetssystem helse', 'Skoleadministrativt system']) {
      expect(criticalTypeOf(type), type).toBeUndefined();
    }
  });

  it('without an Integrasjoner column the warning points at Systemtype', () => {
    const cells = registerOf({ ...economy, Integrasjoner: undefined });
    const header = cells[0]!;
    const at = header.indexOf('Integrasjoner');
    const without = cells.map((row) => row.filter((_, i) => i !== at));
    const [finding] = ofRule(check(without), 'kritisk-integrasjon-mangler');
    expect(finding).toMatchObject({ column: 'Systemtype' });
    expect(finding!.message).toContain('Legg til kolonnen Integrasjoner');
  });
});

describe('data/critical-systems.ts against reference/system-priorities.json', () => {
  const source = JSON.parse(readFileSync(new URL('../../fixtures/system-priorities.json', import.meta.url), 'utf8')) as {
    tabell: string;
    systemer?: { system: string; prioritet: string; integrasjoner: { kritiske: string[] } }[];
  }[];
  const critical = source.flatMap((t) => (t.systemer ?? []).filter((s) => s.prioritet === 'Kritisk').map((s) => ({ ...s, tabell: t.tabell })));

  it('every system the source rates Kritisk is matched to a type with its table', () => {
    expect(critical.length).toBeGreaterThanOrEqual(15);
    for (const s of critical) {
      const type = criticalTypeOf(s.system);
      expect(type, s.system).toBeDefined();
      expect(type!.table, s.system).toContain(s.tabell.replace('Tabell ', ''));
    }
  });

  it('every critical integration in the source is transcribed (by its wording) or covered by the merged type', () => {
    const transcribed = new Set(CRITICAL_SYSTEM_TYPES.flatMap((t) => t.integrations.map((i) => i.source)));
    for (const s of critical) {
      if (/^Kommunikasjonsløsning/.test(s.system)) continue; // merged into one type, see the data module
      for (const integration of s.integrasjoner.kritiske) expect(transcribed.has(integration), `${s.system}: ${integration}`).toBe(true);
    }
  });

  it('a critical system listing its source integrations verbatim passes', () => {
    for (const s of critical) {
      const type = criticalTypeOf(s.system)!;
      expect(missingIntegrations(type, s.integrasjoner.kritiske.join('; ')), s.system).toEqual([]);
      if (type.integrations.some((i) => !i.conditional)) expect(missingIntegrations(type, '').length, s.system).toBeGreaterThan(0);
    }
  });
});
