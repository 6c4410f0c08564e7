// Status is read from its words (SPEC §5), not from a list of openings: any phrase that says in use / being phased
// out / out of use / planned, with dates, leading words and trailing text, is read as what it says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusKind, STATUS_IN_USE, STATUS_OUT_OF_USE, STATUS_PHASING_OUT, STATUS_PLANNED } from '../../../core/register/values.js';
import { check, ofRule, registerOf } from './helpers.js';

const OUT = [
  'ute av bruk', 'ute av drift', 'ikke lenger i bruk', 'ikke i bruk', 'stengt', 'avsluttet', 'utfaset', 'faset ut', 'avviklet',
  'nedlagt', 'lagt ned', 'erstattet av Visma Flyt', 'erstattet av Elements', 'tatt ut av bruk', 'brukes ikke lenger', 'inaktiv',
  'slettet', 'utgått', 'opphørt', 'historisk', 'ikke aktiv', 'deaktivert',
];
const OUT_TAIL = ['', ' 2024', ' 31.12.2023', ' fra 2023', ' i 2022', ' (se sak 23/145)', ' – data flyttet til ny løsning', ' etter migrering', ' per 01.03.2024'];
const PHASING = [
  'oppsagt', 'sagt opp', 'avtale oppsagt', 'under avvikling', 'under utfasing', 'skal fases ut', 'skal erstattes av Visma Flyt', 'fases ut',
  'avvikles', 'skal avsluttes', 'blir avviklet', 'planlagt avviklet', 'i bruk, skal erstattes', 'i oppsigelsestid', 'erstattes av Elements',
  'skal stenges', 'skal legges ned',
];
const PHASING_TAIL = ['', ' 2025', ' 31.12.2026', ' i løpet av 2026', ' (vedtak 12.03.2025)'];
const PLANNED = ['planlagt', 'under anskaffelse', 'under innføring', 'ikke tatt i bruk', 'ikke i bruk ennå', 'skal tas i bruk', 'under implementering', 'bestilt'];
const PLANNED_TAIL = ['', ' 2027', ' høsten 2026', ' (anbud ute)', ' – pilot i Rana'];
const IN_USE = ['I bruk', 'i drift', 'Aktiv', 'I produksjon', 'Pilot', 'Ja', 'i bruk i alle enheter'];
const IN_USE_TAIL = ['', ' (hele kommunen)', ' siden 2019', ' – fungerer godt'];
const LEAD = ['', 'Status: ', 'Systemet er ', 'Merk: '];

/** A phrase as a person would type it: a leading word or none, the core, a date or note after, any letter case. */
function phrase(cores: string[], tails: string[], lead = LEAD): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...lead), fc.constantFrom(...cores), fc.constantFrom(...tails), fc.constantFrom('lower', 'upper', 'first', 'as is'))
    .map(([l, c, t, casing]) => {
      const s = `${l}${c}${t}`;
      return casing === 'lower' ? s.toLowerCase() : casing === 'upper' ? s.toUpperCase() : casing === 'first' ? s[0]!.toUpperCase() + s.slice(1) : s;
    });
}

describe('status words (property)', () => {
  it('out of use, however it is said', () => {
    fc.assert(fc.property(phrase(OUT, OUT_TAIL), (s) => {
      expect(statusKind(s), s).toBe(STATUS_OUT_OF_USE);
    }), { numRuns: 400 });
  });
  it('being phased out (notice given, or it will end)', () => {
    fc.assert(fc.property(phrase(PHASING, PHASING_TAIL), (s) => {
      expect(statusKind(s), s).toBe(STATUS_PHASING_OUT);
    }), { numRuns: 400 });
  });
  it('planned (not taken into use yet)', () => {
    fc.assert(fc.property(phrase(PLANNED, PLANNED_TAIL), (s) => {
      expect(statusKind(s), s).toBe(STATUS_PLANNED);
    }), { numRuns: 300 });
  });
  it('in use', () => {
    fc.assert(fc.property(phrase(IN_USE, IN_USE_TAIL, ['', 'Status: ']), (s) => {
      expect(statusKind(s), s).toBe(STATUS_IN_USE);
    }), { numRuns: 200 });
  });
});

describe('status words in the rules', () => {
  it('«Ute av bruk» with a cost is reported (kostnad-utfaset)', () => {
    for (const status of ['Ute av bruk', 'Ikke lenger i bruk', 'Stengt', 'Avsluttet 2024', 'Erstattet av Visma Flyt']) {
      const found = ofRule(check(registerOf({ Status: status, 'Kostnad pr mnd': 1200 })), 'kostnad-utfaset');
      expect(found, status).toHaveLength(1);
    }
  });
  it('a system being phased out still costs money without a finding', () => {
    expect(ofRule(check(registerOf({ Status: 'Skal erstattes av Visma Flyt 2026', 'Kostnad pr mnd': 1200 })), 'kostnad-utfaset')).toEqual([]);
  });
});
