import { fail, ok, type Result } from '../result.js';

/** One kommune's population as SSB reports it. */
export interface SsbPopulation {
  readonly kommunenr: string;
  readonly name: string;
  readonly population: number;
  /** SSB period code, e.g. "2025K2" or "2025". */
  readonly period: string;
  /** ISO date the count refers to: end of quarter for "K" periods, 1 January for a year. */
  readonly referenceDate: string;
}

export interface SsbParseResult {
  readonly rows: readonly SsbPopulation[];
  /** Norwegian notes on cells SSB marked with a status code ("..", ":", ".") or left empty. */
  readonly warnings: readonly string[];
  readonly updated?: string;
}

/** SSB's status symbols (standard tegn i tabeller). */
const STATUS_TEXT: Record<string, string> = {
  '.': 'ikke mulig å oppgi tall',
  '..': 'tall mangler',
  '...': 'oppgave mangler',
  ':': 'vises ikke av hensyn til personvern',
  '-': 'null',
  '*': 'foreløpig tall',
};

type Category = { index?: Record<string, number> | string[]; label?: Record<string, string> };

/** Category codes in index order; JSON-stat allows `index` as an object (code → position) or an array. */
function codesInOrder(category: Category | undefined): string[] {
  const index = category?.index;
  if (Array.isArray(index)) return [...index];
  if (index && typeof index === 'object') {
    const codes: string[] = [];
    for (const [code, position] of Object.entries(index)) codes[position] = code;
    return codes;
  }
  const labels = category?.label ? Object.keys(category.label) : [];
  return labels;
}

function referenceDateFor(period: string): string {
  const quarter = /^(\d{4})K([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}-${['03-31', '06-30', '09-30', '12-31'][Number(quarter[2]) - 1]}`;
  const month = /^(\d{4})M(\d{2})$/.exec(period);
  if (month) return new Date(Date.UTC(Number(month[1]), Number(month[2]), 0)).toISOString().slice(0, 10);
  const year = /^(\d{4})$/.exec(period);
  if (year) return `${year[1]}-01-01`;
  return period;
}

/**
 * Parses a PxWebApi v2 response in JSON-stat2 format (a population table such as 07459 or 01222) into
 * one row per region and period. Values are mapped through `dimension.Region.category.index`, never by
 * assuming the order of `value`; cells with a status code are reported, not turned into zero. With several
 * content codes, `contentsCode` picks one (default: the first).
 */
export function parseSsbPopulation(json: unknown, contentsCode?: string): Result<SsbParseResult> {
  if (typeof json !== 'object' || json === null) return fail('SSB-svaret er ikke JSON-stat2 (ikke et objekt).');
  const ds = json as {
    class?: string; id?: string[]; size?: number[]; dimension?: Record<string, { label?: string; category?: Category }>;
    value?: (number | null)[] | Record<string, number | null>; status?: string[] | Record<string, string>; updated?: string;
  };
  if (ds.class !== undefined && ds.class !== 'dataset') return fail(`SSB-svaret har class «${ds.class}», ventet «dataset».`);
  if (!Array.isArray(ds.id) || !Array.isArray(ds.size) || ds.id.length !== ds.size.length || !ds.dimension || ds.value === undefined) {
    return fail('SSB-svaret mangler id, size, dimension eller value (ikke JSON-stat2).');
  }
  const regionDim = ds.id.find((d) => /^region/i.test(d)) ?? ds.id.find((d) => /kommune/i.test(d));
  const timeDim = ds.id.find((d) => /^tid$/i.test(d) || /time|tid/i.test(d));
  if (!regionDim) return fail('SSB-svaret har ingen Region-dimensjon.');
  const dims = ds.id.map((id, i) => ({ id, size: ds.size![i]!, codes: codesInOrder(ds.dimension![id]?.category), labels: ds.dimension![id]?.category?.label ?? {} }));
  for (const d of dims) {
    if (d.codes.length !== d.size) return fail(`Dimensjonen ${d.id} har ${d.codes.length} kategorier, men size sier ${d.size}.`);
  }
  const strides = dims.map((_, i) => dims.slice(i + 1).reduce((acc, d) => acc * d.size, 1));
  const total = dims.reduce((acc, d) => acc * d.size, 1);
  const valueAt = (i: number): number | null | undefined => (Array.isArray(ds.value) ? ds.value[i] : (ds.value as Record<string, number | null>)[String(i)]);
  const statusAt = (i: number): string | undefined => (Array.isArray(ds.status) ? ds.status[i] ?? undefined : ds.status?.[String(i)]);
  if (Array.isArray(ds.value) && ds.value.length !== total) return fail(`SSB-svaret har ${ds.value.length} verdier, ventet ${total}.`);
  const contentsDim = dims.find((d) => d.id !== regionDim && d.id !== timeDim && d.size > 1);
  const wantedContent = contentsDim ? contentsCode ?? contentsDim.codes[0] : undefined;
  if (contentsDim && wantedContent && !contentsDim.codes.includes(wantedContent)) return fail(`SSB-svaret har ikke statistikkvariabelen ${wantedContent}.`);
  const rows: SsbPopulation[] = [];
  const warnings: string[] = [];
  for (let flat = 0; flat < total; flat++) {
    const position = dims.map((d, i) => Math.floor(flat / strides[i]!) % d.size);
    const codeOf = (id: string | undefined) => (id ? dims.find((d) => d.id === id)!.codes[position[ds.id!.indexOf(id)]!]! : '');
    if (contentsDim && codeOf(contentsDim.id) !== wantedContent) continue;
    const regionCode = codeOf(regionDim);
    const regionLabel = dims.find((d) => d.id === regionDim)!.labels[regionCode] ?? regionCode;
    const period = codeOf(timeDim);
    const kommunenr = regionCode.replace(/^K-/, '');
    const value = valueAt(flat);
    const status = statusAt(flat);
    if (value === null || value === undefined) {
      warnings.push(`${regionLabel} (${kommunenr}) ${period}: ${status ? STATUS_TEXT[status] ?? `status «${status}»` : 'ingen verdi'}.`);
      continue;
    }
    if (!Number.isInteger(value) || value < 0) {
      warnings.push(`${regionLabel} (${kommunenr}) ${period}: ugyldig innbyggertall ${value}.`);
      continue;
    }
    if (status === '*') warnings.push(`${regionLabel} (${kommunenr}) ${period}: foreløpig tall.`);
    rows.push({ kommunenr, name: regionLabel.replace(/^\d{4}\s+/, ''), population: value, period, referenceDate: referenceDateFor(period) });
  }
  return ok({ rows, warnings, ...(ds.updated ? { updated: ds.updated } : {}) });
}

/**
 * Builds the PxWebApi v2 request URL for quarterly population (table 01222) for the given kommuner and
 * quarter. The HTTP call itself belongs to the hosts (UrlFetchApp in Sheets, fetch in the pane).
 */
export function ssbPopulationUrl(kommunenr: readonly string[], period: string, table = '01222'): string {
  const params = new URLSearchParams({ lang: 'no', outputFormat: 'json-stat2' });
  params.set('valueCodes[Region]', kommunenr.join(','));
  params.set('valueCodes[Tid]', period);
  params.set('valueCodes[ContentsCode]', table === '01222' ? 'Folketallet1' : 'Personer1');
  return `https://data.ssb.no/api/pxwebapi/v2/tables/${table}/data?${params.toString()}`;
}
