// The PxWebApi v2 request for population. The HTTP call belongs to the hosts (fetch in the CLI and the panel); core
// only says which table, content code and period to ask for, against a base URL that is a setting.
import { fail, ok, type Result } from '../result.js';

export const SSB_DEFAULT_BASE_URL = 'https://data.ssb.no/api/pxwebapi/v2';

export interface SsbPopulationRequest {
  /** 01222 for a quarter (population at its end), 07459 for a year (per 1 January). */
  readonly table: '01222' | '07459';
  readonly period: string;
  readonly contentsCode: string;
}

/** «2025K2» → 01222 / Folketallet11; «2026» → 07459 / Personer1. Anything else is a Norwegian message. */
export function populationRequestFor(period: string): Result<SsbPopulationRequest> {
  const p = period.trim().toUpperCase();
  if (/^\d{4}K[1-4]$/.test(p)) return ok({ table: '01222', period: p, contentsCode: 'Folketallet11' });
  if (/^\d{4}$/.test(p)) return ok({ table: '07459', period: p, contentsCode: 'Personer1' });
  return fail(`«${period}» er ikke et kvartal (f.eks. 2025K2) eller et år (f.eks. 2026).`);
}

/**
 * The v2 GET URL (…/tables/{id}/data?lang=no&outputFormat=json-stat2&valueCodes[Region]=…). Dimensions left out
 * (07459's Kjonn and Alder) are eliminated by SSB, which gives their total; the parser still checks that it did.
 */
export function ssbPopulationUrl(kommunenr: readonly string[], period: string, table = '01222', baseUrl = SSB_DEFAULT_BASE_URL): string {
  const params = new URLSearchParams({ lang: 'no', outputFormat: 'json-stat2' });
  params.set('valueCodes[Region]', kommunenr.join(','));
  params.set('valueCodes[Tid]', period);
  params.set('valueCodes[ContentsCode]', table === '01222' ? 'Folketallet11' : 'Personer1');
  return `${baseUrl.replace(/\/+$/, '')}/tables/${table}/data?${params.toString()}`;
}
