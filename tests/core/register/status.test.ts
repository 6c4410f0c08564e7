// What each status does in the rules that read it (the table in core/register/values.ts).
import { describe, expect, it } from 'vitest';
import { statusKind, STATUS_IN_USE, STATUS_OUT_OF_USE, STATUS_PHASING_OUT, STATUS_PLANNED } from '../../../core/register/values.js';
import { check, ofRule, registerOf } from './helpers.js';

describe('statusKind', () => {
  it('reads the statuses registers use', () => {
    const cases: [unknown, number][] = [
      ['I bruk', STATUS_IN_USE], ['aktiv', STATUS_IN_USE], ['I drift', STATUS_IN_USE], ['I produksjon', STATUS_IN_USE], ['pilot', STATUS_IN_USE], [undefined, STATUS_IN_USE],
      ['Oppsagt', STATUS_PHASING_OUT], ['Avtale oppsagt', STATUS_PHASING_OUT], ['Sagt opp', STATUS_PHASING_OUT], ['Under avvikling', STATUS_PHASING_OUT],
      ['Under utfasing', STATUS_PHASING_OUT], ['Skal avsluttes', STATUS_PHASING_OUT],
      ['Utfaset', STATUS_OUT_OF_USE], ['avviklet', STATUS_OUT_OF_USE], ['Avsluttet', STATUS_OUT_OF_USE], ['Ikke i bruk', STATUS_OUT_OF_USE], ['Nei', STATUS_OUT_OF_USE],
      ['Erstattet av Elements', STATUS_OUT_OF_USE], [false, STATUS_OUT_OF_USE],
      ['Planlagt', STATUS_PLANNED], ['Under anskaffelse', STATUS_PLANNED], ['Under innføring', STATUS_PLANNED],
    ];
    for (const [v, kind] of cases) expect(statusKind(v), String(v)).toBe(kind);
  });
});

describe('status in the rules', () => {
  const payroll = { System: 'Gammelt lønnssystem', Systemtype: 'Personal- og lønnssystem', Integrasjoner: '', Arkivverdig: 'Nei' };

  it('a retired system is not asked for its critical integrations', () => {
    for (const status of ['Utfaset', 'Avviklet', 'Avsluttet', 'Ikke i bruk']) {
      expect(ofRule(check(registerOf({ ...payroll, Status: status, 'Kostnad pr mnd': 0 })), 'kritisk-integrasjon-mangler'), status).toEqual([]);
    }
  });

  it('a system in use, being phased out or planned still is', () => {
    for (const status of ['I bruk', 'Oppsagt', 'Under avvikling', 'Planlagt']) {
      expect(ofRule(check(registerOf({ ...payroll, Status: status, 'Kostnad pr mnd': 0 })), 'kritisk-integrasjon-mangler'), status).toHaveLength(1);
    }
  });

  it('«Oppsagt» (what the notice message asks for) silences both contract rules', () => {
    expect(check(registerOf({ 'Avtale utløper': '31.12.2025', Status: 'Oppsagt' }))).toEqual([]);
    expect(check(registerOf({ 'Avtale utløper': '30.04.2026', 'Oppsigelsestid (mnd)': 3, Status: 'Oppsagt' }))).toEqual([]);
    expect(ofRule(check(registerOf({ 'Avtale utløper': '30.04.2026', 'Oppsigelsestid (mnd)': 3 })), 'oppsigelsesfrist')).toHaveLength(1);
  });
});
