import { parseProblemRule } from '../parse-rule.js';

/** "ca. 40": accepted and used as 40, but flagged so the exact figure can be filled in later. */
export const rule = parseProblemRule({
  id: 'register.omtrentlig-tall',
  kind: 'approximate',
  severity: 'info',
  description: 'Omtrentlige tall («ca. 40») brukes, men bør erstattes med eksakte tall.',
  message: (p, header) => `${header}: ${p.reason} og er regnet som tallet uten «ca.». Skriv det eksakte tallet når det er kjent.`,
});
