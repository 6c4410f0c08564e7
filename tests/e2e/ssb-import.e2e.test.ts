// «Hent innbyggertall fra SSB» in the preview, in Debian's Chromium, against the PxWebApi stand-in on 127.0.0.1: the
// panel fetches from its own page (CORS), shows old and new side by side, writes DH_Kommuner only after «Skriv til
// DH_Kommuner», and the sheet's =DH.KOSTNAD cells then use the new figure. Offline is a clear message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, type Browser } from './browser.js';
import { HELGELAND_2026 } from '../../core/index.js';
import { startServer, type RunningServer } from '../../scripts/start.js';
import { startFakeSsb, type FakeSsb } from '../cli/ssb-server.js';

let server: RunningServer | undefined;
let ssb: FakeSsb | undefined;
let context: BrowserContext | undefined;
let page: Page;
let browser: Browser | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  ssb = await startFakeSsb();
  ssb.figures = new Map(HELGELAND_2026.members.map((m) => [m.kommunenr, m.kommunenr === '1833' ? m.population + 100 : m.population]));
  server = await startServer({ port: 0 });
  browser = await launchChromium('dh-ssb-e2e-', { width: 1400, height: 900 });
  context = browser.context;
  page = browser.page;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The SSB base URL is a setting: here the stand-in.
  await page.addInitScript((url) => {
    (globalThis as { DH_SSB_URL?: string }).DH_SSB_URL = url;
  }, ssb.baseUrl);
  await page.goto(`${server.url}?idag=2025-10-20`);
  await page.getByTestId('grid').waitFor({ timeout: 20_000 });
  await page.getByTestId('ssb-import').waitFor({ timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await ssb?.close();
});

const gridHas = (text: string) => page.locator('[data-testid="grid"] td', { hasText: text }).count();

describe('SSB import in the preview (Chromium)', () => {
  it('offline is a clear message and nothing is fetched', async () => {
    const before = ssb!.requests.length;
    await context!.setOffline(true);
    try {
      await page.getByTestId('ssb-fetch').click();
      await expect.poll(() => page.getByTestId('ssb-message').textContent()).toMatch(/Ingen nettforbindelse/);
    } finally {
      await context!.setOffline(false);
    }
    expect(ssb!.requests.length).toBe(before);
  });

  it('fetches, shows old and new with the effect, and writes DH_Kommuner only after confirmation', async () => {
    await page.getByTestId('ssb-period').fill('2025K3');
    await page.getByTestId('ssb-fetch').click();
    await page.getByTestId('ssb-preview').waitFor();
    const rana = page.locator('[data-testid="ssb-row"][data-kommunenr="1833"]');
    expect((await rana.textContent())!.replace(/\s/g, ' ')).toMatch(/Rana.*25 899.*25 999.*\+100.*\+2 300,00 kr/);
    expect(ssb!.requests.at(-1)!.searchParams.get('valueCodes[ContentsCode]')).toBe('Folketallet11');
    // Nothing written yet: Rana still pays 752 197,48 in the sheet.
    expect(await gridHas('752 197,48')).toBeGreaterThan(0);
    // The section fits the panel: no wider than the pane it sits in.
    const fits = await page.evaluate(() => {
      const section = document.querySelector<HTMLElement>('[data-testid="ssb-import"]')!;
      const pane = document.querySelector<HTMLElement>('[data-testid="panel-pane"]')!;
      return section.getBoundingClientRect().width <= pane.getBoundingClientRect().width;
    });
    expect(fits).toBe(true);

    await page.getByTestId('ssb-write').click();
    await expect.poll(() => page.getByTestId('ssb-message').getAttribute('data-intent')).toBe('success');
    expect(await page.getByTestId('ssb-message').textContent()).toMatch(/Skrev 1 nye innbyggertall i DH_Kommuner \(per 30\.09\.2025\)/);
    // The functions use the new figure: 100 more inhabitants × 23 kr.
    await expect.poll(() => gridHas('754 497,48')).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
