// dist/excel/taskpane.html in a real browser (Debian chromium via playwright-core) OUTSIDE Office, with the
// real office.js from the pinned @microsoft/office-js package answering for Microsoft's CDN address
// (https://appsforoffice.microsoft.com/lib/1/hosted/…, which the page references). Nothing reaches the
// network: every request is answered from dist/excel or node_modules/@microsoft/office-js/dist, or refused
// and reported. Outside Office, Office.onReady resolves with no host, and the pane must say «Åpne i Excel»
// without a page error. Skipped without chromium.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DIST_EXCEL, ensureExcelBuild } from './helpers.js';
import { CHROMIUM, launchHeadless, serveFiles } from '../e2e/browser.js';

const available = existsSync(CHROMIUM);
const ORIGIN = 'https://dh-tillegg.test/';
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/';
const OFFICE_DIST = resolve(dirname(createRequire(import.meta.url).resolve('@microsoft/office-js/package.json')), 'dist');

describe.skipIf(!available)('taskpane.html with the real office.js, outside Office', () => {
  let browser: Browser;
  beforeAll(async () => {
    await ensureExcelBuild();
    browser = await launchHeadless();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the page loads office.js from the CDN address the npm package answers for', () => {
    const html = readFileSync(resolve(DIST_EXCEL, 'taskpane.html'), 'utf8');
    expect(html).toContain(`${OFFICE_CDN}office.js`);
    expect(existsSync(resolve(OFFICE_DIST, 'office.js'))).toBe(true);
  });

  it('shows a clear Norwegian «Åpne i Excel» state and no page errors', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { served, refused } = await serveFiles(page, [
      [OFFICE_CDN, OFFICE_DIST],
      [ORIGIN, DIST_EXCEL],
    ]);
    await page.goto(`${ORIGIN}taskpane.html`);
    const heading = page.locator('#dh-open-in-excel');
    await heading.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await heading.textContent()).toBe('Åpne i Excel');
    expect(await page.locator('#container').textContent()).toMatch(/bare inne i Excel/);
    expect(served).toContain(`${OFFICE_CDN}office.js`);
    // office.js is the real one: it defines Office.onReady and the host enumeration.
    expect(await page.evaluate(() => typeof (window as any).Office?.onReady === 'function' && (window as any).Office.HostType?.Excel)).toBe('Excel');
    expect(errors, errors.join('\n')).toEqual([]);
    // Only office.js' own optional look-ups may go unanswered; nothing of the add-in is missing.
    expect(refused.filter((u) => u.startsWith(ORIGIN)), refused.join('\n')).toEqual([]);
    await page.close();
  });
});
