// Supplier (leverandør) names: the same company is typed many ways ("VISMA AS", "Visma", "Visma  as").
import { normalizeKey } from '../util/text.js';

/**
 * Words that say what kind of company it is, or where, rather than which company: legal forms (AS, ASA, ANS,
 * DA, SA, NUF, AB, Oy, ApS, Ltd, Inc, LLC, GmbH …) and country words (Norge, Norway, Norden, Nordic). They are
 * dropped when comparing names, so "Visma AS" ~ "VISMA" ~ "Visma Norge AS". Product or division words are kept:
 * "Visma Enterprise" stays a different supplier from "Visma" (they are different companies in the Visma group).
 */
const NOISE_WORDS = new Set([
  'as', 'asa', 'ans', 'da', 'ba', 'sa', 'ks', 'nuf', 'ab', 'oy', 'oyj', 'aps', 'ltd', 'limited', 'inc', 'incorporated', 'llc', 'gmbh',
  'ag', 'bv', 'nv', 'plc', 'corp', 'corporation', 'co', 'company', 'sarl', 'srl', 'norge', 'norway', 'norden', 'nordic', 'norwegian',
  'avd', 'avdeling', 'filial',
]);

/** The comparison key of a supplier name: "VISMA AS" → "visma", "Tieto-Evry Norway AS" → "tietoevry". */
export function supplierKey(name: string): string {
  const words = normalizeKey(name).replace(/\ba s\b/g, 'as').split(' ');
  let key = '';
  for (const w of words) if (w && !NOISE_WORDS.has(w)) key += w;
  // A name that is only noise ("AS") keeps its own letters rather than vanishing.
  return key || words.join('');
}

/** A supplier's spelling as typed, with runs of whitespace collapsed (so only real variants count). */
export function supplierSpelling(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
