import { parseProblemRule } from '../parse-rule.js';

/**
 * "des. 2027", "Q4 2027", "2028": a contract end given as a month, quarter or year is read as the period's last day
 * (31.12.2027, 31.12.2027, 31.12.2028) so the date rules can use it, and flagged so the exact date can be filled in.
 */
export const rule = parseProblemRule({
  id: 'register.omtrentlig-dato',
  kind: 'period',
  severity: 'info',
  description: 'Utløp skrevet som måned, kvartal eller år («des. 2027», «Q4 2027») leses som periodens siste dag, men bør erstattes med eksakt dato.',
  message: (p, header) => `${header}: ${p.reason}. Skriv den eksakte datoen (dd.mm.åååå) når den er kjent.`,
});
