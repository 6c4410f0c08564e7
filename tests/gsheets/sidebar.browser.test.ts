// dist/gsheets/sidebar.html in a real browser (Debian chromium via playwright-core), with google.script.run
// bridged to the BUILT Code.js in the Apps Script fake: the inlined bundle runs, the shared panel mounts,
// and a button in the panel writes an owned table through the server functions. Skipped without chromium.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkRegister, DatasetContext, HELGELAND_2026 } from '../../core/index.js';
import { generateRegister } from '../../bench/register.js';
import { distFile, ensureBuilt, loadAddon, todayInOslo } from './helpers.js';
import { CHROMIUM, launchHeadless } from '../e2e/browser.js';

const available = existsSync(CHROMIUM);

/** google.script.run in the page: each call goes to window.__dhServer (exposed from Node) as JSON. */
const SCRIPT_RUN_BRIDGE = `
  (() => {
    const make = (ok, fail) => new Proxy({}, {
      get(_t, prop) {
        if (prop === 'withSuccessHandler') return (h) => make(h, fail);
        if (prop === 'withFailureHandler') return (h) => make(ok, h);
        return (...args) => {
          window.__dhServer(String(prop), JSON.stringify(args)).then(
            (r) => { const v = JSON.parse(r); if (v.error !== undefined) { fail && fail(new Error(v.error)); } else { ok && ok(v.value); } },
            (e) => fail && fail(e));
        };
      },
    });
    window.google = { script: { run: make() } };
  })();
`;

describe.skipIf(!available)('sidebar.html in a browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    await ensureBuilt();
    browser = await launchHeadless();
  });
  afterAll(async () => {
    await browser?.close();
  });

  // The parts of the panel not in sidebar.html come as text from dhSidebarChunks, which reads a project HTML file with
  // HtmlService.createHtmlOutputFromFile(name).getContent() — Google's own pattern for keeping a page's JavaScript in
  // a separate file («HTML Service: Best Practices», «Separate HTML, CSS, and JavaScript»,
  // https://developers.google.com/apps-script/guides/html/best-practices). The loader runs that text as an inline
  // <script> element: HtmlService's IFRAME sandbox is «allow-scripts allow-same-origin …» («HTML Service:
  // Restrictions», https://developers.google.com/apps-script/guides/html/restrictions), and the page's own inline
  // script runs the same way, so no eval, Blob URL or module URL is relied on.

  /** sidebar.html in a new page with google.script.run bridged to the built Code.js in a fresh fake. */
  async function openSidebar(failing: Set<string> = new Set()) {
    const addon = loadAddon();
    const { runtime } = addon;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const called: string[] = [];
    await page.exposeFunction('__dhServer', (name: string, argsJson: string) => {
      called.push(name);
      try {
        if (failing.has(name)) throw new Error('Tjenesten er ikke tilgjengelig akkurat nå.');
        const args = JSON.parse(argsJson) as unknown[];
        const value = runtime.execute((g) => {
          if (typeof g[name] !== 'function') throw new Error(`Script function not found: ${name}`);
          return g[name](...args);
        });
        return JSON.stringify({ value: value ?? null });
      } catch (error) {
        return JSON.stringify({ error: `Exception: ${(error as Error).message}` });
      }
    });
    // Apps Script puts google.script.run into the page before the page's own script runs
    await page.setContent(distFile('sidebar.html').replace('<head>', `<head><script>${SCRIPT_RUN_BRIDGE}</script>`), { waitUntil: 'load' });
    await page.getByTestId('dh-panel').waitFor({ timeout: 15_000 });
    return { ...addon, page, errors, requests, called, failing };
  }

  it('mounts the shared panel and writes DH_Fordeling_2026 through google.script.run', async () => {
    const { fake, page, errors, requests, called } = await openSidebar();
    await page.getByTestId('insert-fordeling').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="fordeling-message"]')?.textContent?.includes('DH_Fordeling_2026'), undefined, { timeout: 15_000 });
    expect(called).toContain('dhWriteOwnedTable');
    // the table builder is not in sidebar.html: the click fetched it through dhSidebarChunks first
    expect(called.indexOf('dhSidebarChunks')).toBeGreaterThanOrEqual(0);
    expect(called.indexOf('dhSidebarChunks')).toBeLessThan(called.indexOf('dhWriteOwnedTable'));
    const sheet = fake.spreadsheet.sheet('DH_Fordeling_2026');
    expect(sheet).toBeDefined();
    expect(sheet!.formulaAt('F2')).toBe('=DH_KOSTNAD("1811",2026)');
    expect(errors).toEqual([]);
    // one self-contained page: nothing but the page itself was requested
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('a view that is not in sidebar.html loads through dhSidebarChunks (one round trip for all on-demand parts), and works', async () => {
    expect(distFile('sidebar.html')).not.toContain('view-styremote');
    const { page, errors, requests, called } = await openSidebar();
    expect(await page.getByTestId('view-styremote').count()).toBe(0);
    await page.getByTestId('tab-styremote').click();
    await page.getByTestId('view-styremote').waitFor({ timeout: 15_000 });
    // its code runs: the view refreshes the board tables through the server
    await page.getByTestId('refresh-button').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="styremote-message"]')?.textContent, undefined, { timeout: 30_000 });
    await page.getByTestId('tab-register').click();
    await page.getByTestId('view-register').waitFor({ timeout: 15_000 });
    await page.getByTestId('tab-fordeling').click();
    await page.getByTestId('tab-styremote').click();
    await page.getByTestId('view-styremote').waitFor();
    expect(called.filter((c) => c === 'dhSidebarChunks')).toHaveLength(1);
    expect(called).toContain('dhWriteOwnedTable');
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('checks a register in a worker started from a Blob URL, its script fetched only when the check starts', async () => {
    const { page, errors, called, fake, runtime } = await openSidebar();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const cells = generateRegister(3_000, 17).map((row) => row.map((v) => (v === undefined ? '' : v)));
    fake.spreadsheet.setActiveSheet(fake.spreadsheet.putSheet('Systemregister', cells));
    await page.getByTestId('tab-register').click();
    await page.getByTestId('view-register').waitFor({ timeout: 15_000 });
    const fetchesBefore = called.filter((n) => n === 'dhSidebarChunks').length;
    await page.getByTestId('check-button').click();
    await page.getByTestId('register-result').waitFor({ timeout: 60_000 });
    expect(called.filter((n) => n === 'dhSidebarChunks')).toHaveLength(fetchesBefore + 1);
    expect(workers).toHaveLength(1);
    expect(workers[0]).toMatch(/^blob:/);
    // What the sidebar read from the fake, checked on this side: the panel shows the same counts.
    const values: unknown[][] = [];
    for (let offset = 0, done = false; !done; ) {
      const chunk = runtime.execute((g) => g.dhReadActiveSheet(offset, 2_000, 'Systemregister')) as { values: unknown[][]; nextOffset: number; done: boolean };
      values.push(...chunk.values);
      ({ nextOffset: offset, done } = chunk);
      done ||= chunk.values.length === 0;
    }
    expect(values.length).toBe(cells.length);
    const findings = checkRegister(values, { sheet: 'Systemregister', today: todayInOslo(), data: new DatasetContext(HELGELAND_2026) });
    for (const severity of ['error', 'warning', 'info'] as const) {
      expect(Number(await page.getByTestId(`count-${severity}`).getAttribute('data-count')), severity).toBe(findings.filter((f) => f.severity === severity).length);
    }
    expect(findings.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the tabs follow the WAI-ARIA tabs pattern (arrow keys, Home/End, Enter; one tab in the Tab order), and the styles computed at build time apply', async () => {
    const { page, errors } = await openSidebar();
    const state = () =>
      page.evaluate(() => {
        const tabs = [...document.querySelectorAll<HTMLElement>('[role="tablist"] [role="tab"]')];
        return {
          ids: tabs.map((t) => t.dataset.testid),
          selected: tabs.filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.dataset.testid),
          tabbable: tabs.filter((t) => t.tabIndex === 0).map((t) => t.dataset.testid),
          focused: (document.activeElement as HTMLElement | null)?.dataset.testid,
        };
      });
    expect(await page.getAttribute('[role="tablist"]', 'aria-label')).toBe('DH-tillegget');
    let now = await state();
    expect(now.ids).toEqual(['tab-fordeling', 'tab-styremote', 'tab-register', 'tab-gevinst', 'tab-hvaom', 'tab-regnskap']);
    expect(now.selected).toEqual(['tab-fordeling']);
    expect(now.tabbable).toEqual(['tab-fordeling']);
    await page.getByTestId('tab-fordeling').focus();
    await page.keyboard.press('ArrowRight');
    now = await state();
    expect(now.focused).toBe('tab-styremote');
    expect(now.tabbable).toEqual(['tab-styremote']);
    expect(now.selected).toEqual(['tab-fordeling']);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect((await state()).focused).toBe('tab-regnskap');
    await page.keyboard.press('Home');
    expect((await state()).focused).toBe('tab-fordeling');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    expect((await state()).focused).toBe('tab-hvaom');
    await page.keyboard.press('Enter');
    await page.getByTestId('view-hvaom').waitFor({ timeout: 15_000 });
    now = await state();
    expect(now.selected).toEqual(['tab-hvaom']);
    // Styles: the panel frame and the open tab's brand-coloured line come from __styles(...) made by the build.
    const looks = await page.evaluate(() => {
      const panel = getComputedStyle(document.querySelector('[data-testid="dh-panel"]')!);
      const open = document.querySelector('[data-testid="tab-hvaom"]')!;
      const closed = document.querySelector('[data-testid="tab-fordeling"]')!;
      return {
        display: panel.display,
        wrap: panel.overflowWrap,
        openLine: getComputedStyle(open, '::after').backgroundColor,
        closedLine: getComputedStyle(closed, '::after').backgroundColor,
        openWeight: getComputedStyle(open.querySelector('span')!).fontWeight,
        closedWeight: getComputedStyle(closed.querySelector('span')!).fontWeight,
        sameWidth: (open as HTMLElement).getBoundingClientRect().width > 0,
      };
    });
    expect(looks.display).toBe('flex');
    expect(looks.wrap).toBe('break-word');
    expect(looks.openLine).not.toBe(looks.closedLine);
    expect(looks.closedLine).toBe('rgba(0, 0, 0, 0)');
    expect(Number(looks.openWeight)).toBeGreaterThan(Number(looks.closedWeight));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('when the on-demand parts cannot be fetched, the panel says so in Norwegian, keeps working, and «Prøv igjen» loads the tab once the server answers', async () => {
    const { page, errors, failing } = await openSidebar(new Set(['dhSidebarChunks']));
    // The Fordeling view stays, with a note where «Hent innbyggertall fra SSB» would have been.
    await page.getByTestId('ssb-import-failed').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('ssb-import-failed').textContent()).toContain('Tjenesten er ikke tilgjengelig');
    expect(await page.getByTestId('fordeling-table').count()).toBe(1);
    // Writing DH_Fordeling needs its builder: a clear message, nothing written, the button usable again.
    await page.getByTestId('insert-fordeling').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="fordeling-message"]')?.textContent?.includes('Kunne ikke hente denne delen av panelet'), undefined, { timeout: 15_000 });
    expect(await page.getByTestId('insert-fordeling').isEnabled()).toBe(true);
    // Another tab: the message and «Prøv igjen» in its place; the other tabs still open.
    await page.getByTestId('tab-styremote').click();
    await page.getByTestId('view-failed').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('view-failed-message').textContent()).toContain('Denne fanen kunne ikke vises');
    await page.getByTestId('tab-fordeling').click();
    await page.getByTestId('view-fordeling').waitFor();
    failing.clear();
    await page.getByTestId('tab-styremote').click();
    await page.getByTestId('view-retry').click();
    await page.getByTestId('view-styremote').waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
