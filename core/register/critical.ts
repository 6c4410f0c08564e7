// Matching register text against the critical system types in data/critical-systems.ts.
import { normalizeKey } from '../util/text.js';
import { CRITICAL_SYSTEM_TYPES, NON_CRITICAL_TYPES, type CriticalIntegration, type CriticalSystemType } from './data/critical-systems.js';

/** A keyword prepared for matching: whole word when short, otherwise the start of a word. */
interface Keyword {
  readonly needle: string;
}

function prepare(word: string): Keyword {
  const key = normalizeKey(word);
  // Short keywords (HR, NAV, EPJ, VA) must be a whole word; longer ones may start a word ("lønn" → "lønnssystem").
  return { needle: key.length <= 3 ? ' ' + key + ' ' : ' ' + key };
}

/** Text prepared once for many keyword tests: " normalized text ". */
export function matchText(raw: string): string {
  return ' ' + normalizeKey(raw) + ' ';
}

function anyKeyword(text: string, keywords: readonly Keyword[]): boolean {
  for (const k of keywords) if (text.includes(k.needle)) return true;
  return false;
}

interface PreparedType {
  readonly type: CriticalSystemType;
  readonly match: readonly Keyword[];
  readonly required: readonly { readonly integration: CriticalIntegration; readonly keywords: readonly Keyword[] }[];
}

const PREPARED: readonly PreparedType[] = CRITICAL_SYSTEM_TYPES.map((type) => ({
  type,
  match: type.match.map(prepare),
  required: type.integrations.filter((i) => !i.conditional).map((integration) => ({ integration, keywords: integration.keywords.map(prepare) })),
}));

const NON_CRITICAL: readonly Keyword[] = NON_CRITICAL_TYPES.map(prepare);

/**
 * The critical system type a Systemtype/System text names, or undefined. Text that names one of the source's
 * non-critical types (turnus, kvalitetssystem, kart og oppmåling …) is never critical.
 */
export function criticalTypeOf(raw: string): CriticalSystemType | undefined {
  const text = matchText(raw);
  if (text.length <= 2 || anyKeyword(text, NON_CRITICAL)) return undefined;
  for (const p of PREPARED) if (anyKeyword(text, p.match)) return p.type;
  return undefined;
}

/** The required (non-conditional) critical integrations of `type` that `integrationsRaw` does not mention. */
export function missingIntegrations(type: CriticalSystemType, integrationsRaw: string): CriticalIntegration[] {
  const prepared = PREPARED.find((p) => p.type === type);
  if (!prepared) return [];
  const text = matchText(integrationsRaw);
  const missing: CriticalIntegration[] = [];
  for (const r of prepared.required) if (!anyKeyword(text, r.keywords)) missing.push(r.integration);
  return missing;
}
