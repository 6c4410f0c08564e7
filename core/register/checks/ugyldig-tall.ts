import { parseProblemRule } from '../parse-rule.js';

const EXAMPLES = { userCount: '40', noticeMonths: '3', monthlyCost: '1 234,50' } as Record<string, string>;

/** Antall brukere, Oppsigelsestid (mnd) and Kostnad pr mnd must be numbers (nb-NO: "1 234,56", "kr 2 500", "3 mnd"). */
export const rule = parseProblemRule({
  id: 'register.ugyldig-tall',
  kind: 'number',
  severity: 'error',
  description: 'Tallkolonner (antall brukere, oppsigelsestid, kostnad) må inneholde tall.',
  message: (p, header) => `${header}: ${p.reason}. Skriv et tall, f.eks. ${EXAMPLES[p.field] ?? '1 234,50'}.`,
  expected: () => 'et tall',
});
