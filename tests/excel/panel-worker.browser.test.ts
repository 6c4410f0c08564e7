// dist/excel/panel-worker.js from the built task pane page in Debian's Chromium (playwright-core), under the page's
// own Content-Security-Policy (the <meta> withCsp writes): the worker file is there, is served next to
// taskpane.html, the policy lets the page start it (worker-src 'self'), and it answers the panel's messages with
// exactly checkRegister's findings. Every request is answered from dist/excel or refused (serveFiles, as in
// taskpane.browser.test.ts). Skipped without chromium.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkRegister, DatasetContext, HELGELAND_2026, sortFindings, type Dataset } from '../../core/index.js';
import { PANEL_WORKER_FILE } from '../../addin-excel/src/taskpane/panel-worker.js';
import { generateRegister } from '../../bench/register.js';
import type { FromWorker } from '../../ui/worker/protocol.js';
import { DIST_EXCEL, ensureExcelBuild } from './helpers.js';
import { CHROMIUM, launchHeadless, serveFiles } from '../e2e/browser.js';

const ORIGIN = 'https://dh-tillegg.test/';

describe.skipIf(!existsSync(CHROMIUM))('the panel worker in the built Excel task pane page', () => {
  let browser: Browser;
  beforeAll(async () => {
    await ensureExcelBuild();
    browser = await launchHeadless();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts under the page CSP from the file next to taskpane.html and checks like checkRegister', async () => {
    expect(existsSync(join(DIST_EXCEL, PANEL_WORKER_FILE))).toBe(true);
    const page = await browser.newPage();
    const { served } = await serveFiles(page, [[ORIGIN, DIST_EXCEL]]);
    // office.js (CDN) is refused here: the page still parses with its CSP, which is all this test needs.
    await page.goto(`${ORIGIN}taskpane.html`);
    const cells = generateRegister(3_000, 11).map((row) => row.map((v) => (v === undefined ? null : v)));
    const dataset: Dataset = { name: HELGELAND_2026.name, source: 'test', members: HELGELAND_2026.members, keys: [], projects: [] };
    const place = { sheet: 'Systemregister', originRow: 1, originColumn: 1, today: '2026-03-01' };
    const answer = await page.evaluate(
      ({ file, cells, dataset, place }) =>
        new Promise<{ messages: FromWorker[]; violations: string[] }>((resolve) => {
          const violations: string[] = [];
          document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
          const messages: FromWorker[] = [];
          let worker: Worker;
          try {
            worker = new Worker(new URL(file, document.baseURI), { name: 'dh-panel-worker' });
          } catch (error) {
            resolve({ messages, violations: [...violations, String(error)] });
            return;
          }
          worker.onerror = (e) => resolve({ messages, violations: [...violations, `error: ${e.message}`] });
          worker.onmessage = (e: MessageEvent<FromWorker>) => {
            messages.push(e.data);
            if (e.data.type !== 'progress' && e.data.type !== 'findings') resolve({ messages, violations });
          };
          for (let i = 0; i < cells.length; i += 1000) worker.postMessage({ type: 'rows', rows: cells.slice(i, i + 1000) });
          worker.postMessage({ type: 'check-register', place, dataset });
        }),
      { file: PANEL_WORKER_FILE, cells, dataset, place },
    );
    expect(answer.violations).toEqual([]);
    expect(served).toContain(`${ORIGIN}${PANEL_WORKER_FILE}`);
    expect(answer.messages.at(-1)?.type).toBe('checked');
    expect(answer.messages.filter((m) => m.type === 'progress').length).toBeGreaterThan(5);
    const findings = answer.messages.flatMap((m) => (m.type === 'findings' ? m.findings : []));
    expect(findings).toEqual(sortFindings(checkRegister(cells, { ...place, data: new DatasetContext(dataset) })));
    await page.close();
  }, 120_000);
});
