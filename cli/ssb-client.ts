// The CLI's one network call: GET a PxWebApi v2 data URL. The base URL and the time limit are settings (environment
// variables DH_SSB_URL and DH_SSB_TIMEOUT_MS), so tests point the command at a server on 127.0.0.1. Every way the
// call can fail becomes one Norwegian line (CliError → exit 2), and nothing is written.
import { formatNumber } from '../core/money/format.js';
import { SSB_DEFAULT_BASE_URL } from '../core/ssb/request.js';
import { CliError } from './io.js';

export interface SsbSettings {
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

export function ssbSettings(env: NodeJS.ProcessEnv = process.env): SsbSettings {
  const timeout = Number(env.DH_SSB_TIMEOUT_MS);
  return { baseUrl: env.DH_SSB_URL?.trim() || SSB_DEFAULT_BASE_URL, timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 20_000 };
}

/** SSB's error text: PxWebApi v2 answers errors as problem details ({title, detail, status}); else the body's start. */
function ssbErrorText(body: string): string {
  try {
    const problem = JSON.parse(body) as { title?: unknown; detail?: unknown; message?: unknown };
    const parts = [problem.title, problem.detail, problem.message].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
    if (parts.length) return parts.join(': ');
  } catch {
    // not JSON: fall through to the text itself
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 200);
}

export async function fetchSsbJson(url: string, settings: SsbSettings): Promise<unknown> {
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      throw new CliError(`SSB-adressen «${settings.baseUrl}» er ikke en gyldig URL (sjekk DH_SSB_URL).`);
    }
  })();
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(settings.timeoutMs), headers: { accept: 'application/json' } });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new CliError(`SSB (${host}) svarte ikke innen ${formatNumber(settings.timeoutMs / 1000, settings.timeoutMs % 1000 ? 1 : 0)} sekunder. Prøv igjen senere, eller bruk --svar med et lagret svar. Ingenting er skrevet.`);
    }
    throw new CliError(`Får ikke kontakt med SSB (${host}): sjekk nettverket, eller bruk --svar med et lagret svar. Ingenting er skrevet.`);
  }
  let body: string;
  try {
    body = await response.text();
  } catch {
    throw new CliError(`Svaret fra SSB (${host}) ble brutt underveis. Prøv igjen. Ingenting er skrevet.`);
  }
  if (!response.ok) {
    const text = ssbErrorText(body);
    throw new CliError(`SSB svarte med feil ${response.status}${text ? `: ${text}` : ''}. Ingenting er skrevet.`);
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new CliError(`Svaret fra SSB (${host}) er ikke JSON. Ingenting er skrevet.`);
  }
}
