import { parseProblemRule } from '../parse-rule.js';

/** Avtale utløper must be a date: "31.12.2026", "2026-12-31", an Excel date, or «Løpende» for open-ended contracts. */
export const rule = parseProblemRule({
  id: 'register.ugyldig-dato',
  kind: 'date',
  severity: 'error',
  description: 'Avtale utløper må være en dato (dd.mm.åååå) eller «Løpende».',
  message: (p, header) => `${header}: ${p.reason}. Skriv datoen som dd.mm.åååå (f.eks. 31.12.2026), eller «Løpende» for avtaler uten sluttdato.`,
  expected: () => 'dd.mm.åååå',
});
