// A stand-in for SSB's PxWebApi v2 on 127.0.0.1 (CI has no internet). It answers GET …/tables/{01222|07459}/data the way
// the API does: json-stat2 for the regions and period in valueCodes, problem details for a bad request, and it can be
// told to be slow. Shapes as in https://stat.ethz.ch/CRAN/web/packages/PxWebApiData/vignettes/pxwebapi_v2.html.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSsb {
  readonly baseUrl: string;
  readonly requests: URL[];
  /** Population per kommunenr and period; a kommune without one gets null with status ":". */
  figures: Map<string, number>;
  delayMs: number;
  close(): Promise<void>;
}

const NAMES: Record<string, string> = { '1833': 'Rana', '1824': 'Vefsn', '1818': 'Herøy (Nordland)', '1835': 'Træna', '1505': 'Kristiansund' };

/** 01222's answer: both population content codes and one flow, so a parser that takes the first code is caught. */
export function quarterResponse(regions: string[], period: string, figures: Map<string, number>) {
  const codes = [['Folketallet1', 'Befolkning ved inngangen av kvartalet'], ['Fodte2', 'Levendefødde'], ['Folketallet11', 'Befolkning ved utgangen av kvartalet']] as const;
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  for (const r of regions) {
    const end = figures.get(r) ?? null;
    for (const [code] of codes) {
      if (end === null) status[String(value.length)] = ':';
      value.push(end === null ? null : code === 'Folketallet11' ? end : code === 'Folketallet1' ? end - 17 : 12);
    }
  }
  return {
    version: '2.0', class: 'dataset', label: '01222: Befolkning og kvartalsvise endringar, etter region, statistikkvariabel og kvartal',
    source: 'Statistisk sentralbyrå', updated: '2025-08-14T06:00:00Z', role: { time: ['Tid'], metric: ['ContentsCode'], geo: ['Region'] },
    id: ['Region', 'ContentsCode', 'Tid'], size: [regions.length, codes.length, 1],
    dimension: {
      Region: { label: 'region', category: { index: Object.fromEntries(regions.map((r, i) => [r, i])), label: Object.fromEntries(regions.map((r) => [r, NAMES[r] ?? `Kommune ${r}`])) } },
      ContentsCode: { label: 'statistikkvariabel', category: { index: Object.fromEntries(codes.map(([c], i) => [c, i])), label: Object.fromEntries(codes) } },
      Tid: { label: 'kvartal', category: { index: { [period]: 0 }, label: { [period]: period } } },
    },
    extension: { px: { tableid: '01222', language: 'no' } },
    value, ...(Object.keys(status).length ? { status } : {}),
  };
}

/** The panel fetches from its own page (another origin), so the stand-in answers with CORS as a public API must. */
const CORS = { 'access-control-allow-origin': '*' };

export async function startFakeSsb(): Promise<FakeSsb> {
  const requests: URL[] = [];
  const state = { figures: new Map<string, number>(), delayMs: 0 };
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const reply = () => {
      const m = /\/api\/pxwebapi\/v2\/tables\/(\d+)\/data$/.exec(url.pathname);
      const regions = (url.searchParams.get('valueCodes[Region]') ?? '').split(',').filter(Boolean);
      const period = url.searchParams.get('valueCodes[Tid]') ?? '';
      if (!m || m[1] !== '01222' || url.searchParams.get('outputFormat') !== 'json-stat2' || !/^\d{4}K[1-4]$/.test(period)) {
        res.writeHead(400, { 'content-type': 'application/problem+json', ...CORS });
        res.end(JSON.stringify({ type: 'Parameter error', title: 'Ugyldig spørring', status: 400 }));
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...CORS });
      res.end(JSON.stringify(quarterResponse(regions, period, state.figures)));
    };
    if (state.delayMs > 0) setTimeout(reply, state.delayMs);
    else reply();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/pxwebapi/v2`,
    requests,
    get figures() { return state.figures; },
    set figures(f) { state.figures = f; },
    get delayMs() { return state.delayMs; },
    set delayMs(d) { state.delayMs = d; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
