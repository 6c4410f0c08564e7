// «Hent innbyggertall fra SSB» (Fordeling view): fetch a quarter's or a year's population from PxWebApi v2 in the
// panel's own browser context, show old against new with the effect on every contribution, and write DH_Kommuner
// only when the user confirms. The fetch is the browser's (injected for tests); the panel's host only writes.
import {
  formatDate,
  formatKroner,
  formatNumber,
  parseSsbPopulation,
  planKommunerUpdate,
  populationChange,
  populationRequestFor,
  SSB_DEFAULT_BASE_URL,
  ssbPopulationUrl,
  type Dataset,
  type PopulationFigure,
} from '../../core/index.js';
import type { PanelHost } from '../host.js';
import { failure, reasonOf, readTables, success, type ActionResult } from '../result.js';

/** The part of the browser's fetch the import uses. */
export type SsbFetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<{ ok: boolean; status: number; text(): Promise<string> }>;

export interface SsbSettings {
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly fetch: SsbFetch;
  /** navigator.onLine where the browser knows it: false is offline for certain. */
  readonly online?: boolean;
}

export function defaultSsbSettings(): SsbSettings {
  const g = globalThis as { fetch?: SsbFetch; navigator?: { onLine?: boolean }; DH_SSB_URL?: string };
  return {
    baseUrl: g.DH_SSB_URL ?? SSB_DEFAULT_BASE_URL,
    timeoutMs: 20_000,
    fetch: (url, init) => (g.fetch ? g.fetch(url, init) : Promise.reject(new TypeError('fetch mangler'))),
    ...(typeof g.navigator?.onLine === 'boolean' ? { online: g.navigator.onLine } : {}),
  };
}

/** «2. kv. 2025» → «2025K2», «1.1.2026» → «2026»: the key's population basis as an SSB period, when it reads as one. */
export function periodOf(basis: string | undefined, fallbackYear: number): string {
  const quarter = /([1-4])\.?\s*kv\w*\.?\s*(\d{4})/i.exec(basis ?? '');
  if (quarter) return `${quarter[2]}K${quarter[1]}`;
  const year = /(\d{4})/.exec(basis ?? '');
  return year ? year[1]! : `${fallbackYear - 1}K2`;
}

export interface FetchedPopulation {
  readonly table: string;
  readonly period: string;
  readonly referenceDate: string;
  readonly figures: readonly PopulationFigure[];
  readonly warnings: readonly string[];
}

/** Fetches population for the dataset's members; any failure is one Norwegian message, nothing else happens. */
export async function fetchPopulation(dataset: Dataset, periodText: string, settings: SsbSettings): Promise<ActionResult<FetchedPopulation>> {
  const request = populationRequestFor(periodText);
  if (!request.ok) return failure(request.error.message);
  if (settings.online === false) return failure('Ingen nettforbindelse: innbyggertallene kan ikke hentes fra SSB nå. Ingenting er endret.');
  const members = dataset.members.map((m) => m.kommunenr);
  const url = ssbPopulationUrl(members, request.value.period, request.value.table, settings.baseUrl);
  let body: string;
  let status: number;
  let ok: boolean;
  try {
    const response = await settings.fetch(url, { signal: AbortSignal.timeout(settings.timeoutMs), headers: { accept: 'application/json' } });
    ({ ok, status } = response);
    body = await response.text();
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') return failure(`SSB svarte ikke innen ${formatNumber(settings.timeoutMs / 1000)} sekunder. Prøv igjen senere; ingenting er endret.`);
    return failure(`Får ikke kontakt med SSB (${reasonOf(error)}): sjekk nettforbindelsen. Ingenting er endret.`);
  }
  if (!ok) {
    let detail = '';
    try {
      const problem = JSON.parse(body) as { title?: string; detail?: string };
      detail = [problem.title, problem.detail].filter(Boolean).join(': ');
    } catch {
      detail = body.slice(0, 120);
    }
    return failure(`SSB svarte med feil ${status}${detail ? `: ${detail}` : ''}. Ingenting er endret.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure('Svaret fra SSB er ikke JSON. Ingenting er endret.');
  }
  const parsed = parseSsbPopulation(json);
  if (!parsed.ok) return failure(`${parsed.error.message} Ingenting er endret.`);
  const rows = parsed.value.rows.filter((r) => r.period === request.value.period);
  const missing = dataset.members.filter((m) => !rows.some((r) => r.kommunenr === m.kommunenr));
  if (missing.length) return failure(`SSB har ikke tall for ${missing.map((m) => `${m.name} (${m.kommunenr})`).join(', ')} i ${request.value.period}. Ingenting er endret.`);
  const figures = dataset.members.map((m) => {
    const r = rows.find((x) => x.kommunenr === m.kommunenr)!;
    return { kommunenr: m.kommunenr, name: m.name, population: r.population, referenceDate: r.referenceDate };
  });
  const referenceDate = figures[0]!.referenceDate;
  return success(
    { table: parsed.value.tableId ?? request.value.table, period: request.value.period, referenceDate, figures, warnings: parsed.value.warnings },
    `Hentet innbyggertall for ${request.value.period} (per ${formatDate(referenceDate)}) fra SSB-tabell ${parsed.value.tableId ?? request.value.table}.`,
  );
}

export interface PopulationRowView {
  readonly kommunenr: string;
  readonly kommune: string;
  readonly before: string;
  readonly after: string;
  readonly change: string;
  readonly costChange?: string;
  readonly changed: boolean;
}

const signed = (n: number) => (n > 0 ? `+${formatNumber(n)}` : n < 0 ? `\u2212${formatNumber(-n)}` : '0');

/** Old and new side by side, with the change in each member's contribution for `year`. */
export function populationPreview(dataset: Dataset, year: number, fetched: FetchedPopulation): ActionResult<{ rows: PopulationRowView[]; note?: string; changedCount: number }> {
  const change = populationChange(dataset, year, new Map(fetched.figures.map((f) => [f.kommunenr, f.population])));
  if (!change.ok) return failure(change.error.message);
  const rows = change.value.rows.map((r) => ({
    kommunenr: r.kommunenr,
    kommune: r.name,
    before: formatNumber(r.before),
    after: formatNumber(r.after),
    change: signed(r.change),
    ...(r.costChange ? { costChange: r.costChange.isZero() ? '0,00 kr' : `${r.costChange.isPositive() ? '+' : ''}${formatKroner(r.costChange)}` } : {}),
    changed: r.change !== 0,
  }));
  const changedCount = rows.filter((r) => r.changed).length;
  return success({ rows, ...(change.value.note ? { note: change.value.note } : {}), changedCount }, `${changedCount} av ${rows.length} kommuner får nytt innbyggertall.`);
}

/**
 * Writes the figures into DH_Kommuner after the user confirmed: an existing table gets only its Innbyggere and
 * Referansedato cells set (by kommunenummer), a missing one is created; each changed figure is a DH_Endringer line.
 */
export async function applyPopulation(host: PanelHost, dataset: Dataset, fetched: FetchedPopulation, today: string): Promise<ActionResult<{ changed: number }>> {
  const read = await readTables(host, ['DH_Kommuner', 'DH_Endringer'], 'Ingenting er endret.');
  if (!read.ok) return read;
  const existing = read.value.get('DH_Kommuner');
  const plan = planKommunerUpdate(existing, dataset.members, fetched.figures, today, read.value.get('DH_Endringer'));
  if (!plan.ok) return failure(`${plan.error.message} Ingenting er endret.`);
  const changed = plan.value.changes.filter((c) => c.column === 'Innbyggere').length;
  try {
    if (existing) {
      if (!plan.value.inPlace) return failure('DH_Kommuner har ingen kolonne «Referansedato». Legg den til i tabellen og prøv igjen; ingenting er endret.');
      if (!host.updateTableCells) return failure('Denne verten kan ikke skrive i DH_Kommuner. Ingenting er endret.');
      await host.updateTableCells('DH_Kommuner', plan.value.inPlace);
    } else if ((await host.insertTemplate(plan.value.table)) === 'exists') {
      return failure('DH_Kommuner ble laget av noen andre mens du så på tallene. Hent på nytt; ingenting er endret.');
    }
    if (plan.value.endringer) await host.writeOwnedTable(plan.value.endringer);
    await host.inputsChanged?.();
  } catch (error) {
    return failure(`Kunne ikke skrive DH_Kommuner: ${reasonOf(error)}.`);
  }
  return success({ changed }, changed === 0 ? `DH_Kommuner hadde allerede disse tallene; Referansedato er ${formatDate(fetched.referenceDate)}.` : `Skrev ${changed} nye innbyggertall i DH_Kommuner (per ${formatDate(fetched.referenceDate)}) og førte dem i DH_Endringer.`);
}
