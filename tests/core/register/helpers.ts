// Builders for register tests: a header row in the DH template and rows given as { header: value } objects.
import { checkRegister, DatasetContext, HELGELAND_2026, type Finding, type RegisterCheckOptions } from '../../../core/index.js';

export const HEADER = [
  'Kommune', 'Kommunenr', 'System', 'Leverandør', 'Versjon', 'Tjenesteområde', 'Systemtype', 'Systemeier', 'Systemansvarlig', 'Antall brukere',
  'Moduler i bruk', 'Integrasjoner', 'Arkivverdig', 'Bevaringsverdig', 'Personopplysninger', 'Avtaletype', 'Avtale utløper', 'Oppsigelsestid (mnd)',
  'Kostnad pr mnd', 'Uttrekk/depot', 'Status',
] as const;

export type Header = (typeof HEADER)[number];
export type RowSpec = Partial<Record<Header, unknown>>;

/** A clean row: every rule is satisfied on 2026-03-01 (override fields to provoke one finding). */
export const CLEAN: RowSpec = {
  Kommune: 'Rana',
  Kommunenr: 1833,
  System: 'Acos WebSak',
  'Leverandør': 'Acos',
  Versjon: '2024.1',
  'Tjenesteområde': 'Arkiv',
  Systemtype: 'Sak/arkiv',
  Systemeier: 'Kari Nordmann',
  Systemansvarlig: 'Ola Hansen',
  'Antall brukere': 120,
  'Moduler i bruk': 'Saksbehandling',
  Integrasjoner: 'SvarUt, Altinn',
  Arkivverdig: 'Ja',
  Bevaringsverdig: 'Nei',
  Personopplysninger: 'Ja',
  Avtaletype: 'SSA-L',
  'Avtale utløper': '31.12.2028',
  'Oppsigelsestid (mnd)': 6,
  'Kostnad pr mnd': '12 500,00',
  'Uttrekk/depot': 'Noark 5-uttrekk til IKA Nordland',
  Status: 'I bruk',
};

/** Rows in template column order. `header` may be a custom header row (then rows map by that header). */
export function register(rows: readonly RowSpec[], header: readonly string[] = HEADER): unknown[][] {
  return [[...header], ...rows.map((row) => header.map((h) => (row as Record<string, unknown>)[h] ?? null))];
}

/** A register of clean rows with the given overrides, one row per override object. */
export function registerOf(...overrides: RowSpec[]): unknown[][] {
  return register(overrides.map((o) => ({ ...CLEAN, ...o })));
}

export const TODAY = '2026-03-01';
export const DH = new DatasetContext(HELGELAND_2026);

export function check(cells: unknown[][], options: Partial<RegisterCheckOptions> = {}): Finding[] {
  return checkRegister(cells, { today: TODAY, sheet: 'Register', ...options });
}

/** Findings of one rule ("register." is added when missing). */
export function ofRule(findings: readonly Finding[], rule: string): Finding[] {
  const id = rule.startsWith('register.') ? rule : `register.${rule}`;
  return findings.filter((f) => f.rule === id);
}

/** Column letter of a template header (A = Kommune …). */
export function letter(header: Header): string {
  return String.fromCharCode(65 + HEADER.indexOf(header));
}
