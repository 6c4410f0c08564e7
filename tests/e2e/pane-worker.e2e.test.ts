// A 100 000-row register checked in the preview (`npm start`) in Debian's Chromium: the panel worker gives the same
// findings as checkRegister, shows «Kontrollerer … N %» and stops on «Avbryt» at 300 px; without Worker in the page
// the panel checks on its own thread and gets the same result. The grid shows that sheet whole but windowed: a
// screenful of rows in the DOM, and the name box, the keys and a finding click scroll to any row and show its cell.
// The main thread's long tasks are recorded (bench/pane.ts, the same functions `npm run bench` uses for
// pane_longest_task_ms_100k) and printed, never asserted: times on a shared machine are information, not a test.
// CI installs /usr/bin/chromium (.ci/run); without it this suite FAILS with a message, it never skips.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectedCounts, measureCheck, openRegister, PANE_CSV_NAME, PANE_TODAY, registerCsv, withoutWorker } from '../../bench/pane.js';
import { CHECK_CANCELLED } from '../../ui/register/actions.js';
import { FINDINGS_SHOWN } from '../../ui/findings/FindingList.js';
import { startServer, type RunningServer } from '../../scripts/start.js';
import { launchChromium, type Browser } from './browser.js';

const PANEL = 300;
let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
const workerScripts: string[] = [];
const csv = registerCsv();
const sheet = PANE_CSV_NAME.replace(/\.csv$/, '');

beforeAll(async () => {
  server = await startServer({ port: 0 });
  browser = await launchChromium('dh-pane-worker-e2e-', { width: 1200, height: 900 });
  page = browser.page;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('worker', (worker) => workerScripts.push(worker.url()));
  await page.goto(`${server.url}?idag=${PANE_TODAY}&panel=${PANEL}`);
  await page.getByTestId('dh-panel').waitFor({ timeout: 60_000 });
  await openRegister(page, csv);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Rows of cells in the grid's DOM: the windowed grid renders a screenful (~35 rows at 900 px) plus a few. */
const MAX_DOM_ROWS = 100;
const renderedRows = () => page.locator('[data-testid="grid-scroll"] tbody tr[aria-rowindex]').count();

/** The cell is in the DOM, selected, and lies whole inside the grid's scroll area, below the column letters. */
async function expectShown(cell: string): Promise<void> {
  const td = page.locator(`[data-testid="grid"] td[data-cell="${cell}"]`);
  await expect.poll(() => td.count()).toBe(1);
  expect(await td.getAttribute('aria-selected')).toBe('true');
  const box = (await td.boundingBox())!;
  const area = (await page.getByTestId('grid-scroll').boundingBox())!;
  const head = (await page.locator('[data-testid="grid-scroll"] thead').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(head.y + head.height - 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 0.5);
  expect(box.x).toBeGreaterThanOrEqual(area.x);
  expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width + 0.5);
}

describe('the grid with the 100 000-row sheet', () => {
  it('renders only the rows in view, yet scrolls through the whole sheet', async () => {
    expect(await renderedRows()).toBeGreaterThan(10);
    expect(await renderedRows()).toBeLessThan(MAX_DOM_ROWS);
    // The scrollbar spans every row of the sheet (22 px a row), not the rendered ones.
    const sheetRows = csv.trimEnd().split('\r\n').length;
    const height = await page.getByTestId('grid-scroll').evaluate((el) => el.scrollHeight);
    expect(height).toBeGreaterThanOrEqual(sheetRows * 22);
    await page.getByTestId('grid-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    // The last line of the CSV is on screen at the bottom, in its own row.
    const lastName = csv.trimEnd().split('\r\n').at(-1)!.split(';')[0]!;
    const last = page.locator(`[data-testid="grid"] td[data-cell="A${sheetRows}"]`);
    await expect.poll(() => last.count()).toBe(1);
    expect((await last.innerText()).trim()).toBe(lastName);
    const box = (await last.boundingBox())!;
    const area = (await page.getByTestId('grid-scroll').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 0.5);
    expect(await renderedRows()).toBeLessThan(MAX_DOM_ROWS);
    expect(await page.locator('[data-testid="grid"] td[data-cell="A2"]').count()).toBe(0);
  });

  it('the name box jumps to row 90 000, and the keys move from there keeping the cell in view', async () => {
    const nameBox = page.getByTestId('name-box');
    await nameBox.click();
    await nameBox.fill('h90000');
    await nameBox.press('Enter');
    await expect.poll(() => page.getByTestId('grid').getAttribute('data-selected')).toBe(`${sheet}!H90000`);
    expect(await nameBox.inputValue()).toBe('H90000');
    await expectShown('H90000');
    // The grid has the keyboard again: arrows, Enter and PageDown move on and the selected cell stays in view.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectShown('H90002');
    await page.keyboard.press('PageDown');
    const after = (await page.getByTestId('grid').getAttribute('data-selected'))!.slice(sheet.length + 1);
    expect(Number(after.slice(1))).toBeGreaterThan(90_010);
    await expectShown(after);
    for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
    await expectShown(`${String.fromCharCode('H'.charCodeAt(0) + 15)}${after.slice(1)}`);
    // Back up: the column letters never cover the selected cell.
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowUp');
    await expectShown(`W${Number(after.slice(1)) - 40}`);
    expect(await renderedRows()).toBeLessThan(MAX_DOM_ROWS);
    // Not an address: a Norwegian message, the selection stays.
    await nameBox.click();
    await nameBox.fill('hit');
    await nameBox.press('Enter');
    await expect.poll(() => page.getByTestId('grid-message').innerText()).toContain('«hit» er ikke en celleadresse');
    expect(await page.getByTestId('grid').getAttribute('data-selected')).toBe(`${sheet}!W${Number(after.slice(1)) - 40}`);
    await nameBox.click();
    await nameBox.fill('A1');
    await nameBox.press('Enter');
    await expectShown('A1');
  });
});

describe('a 100 000-row register in the preview', () => {
  const want = expectedCounts(csv, sheet);

  it('is checked in the panel worker with exactly the findings of checkRegister, with progress', async () => {
    expect(workerScripts).toEqual([]); // the worker is not part of the first load
    const run = await measureCheck(page);
    expect(workerScripts).toHaveLength(1);
    expect(run.counts).toEqual(want);
    expect(want.rows).toBe(100_000);
    expect(run.message).toMatch(/^Kontrollerte «systemoversikt-100k»: /);
    expect(run.progressTexts.length).toBeGreaterThan(3);
    for (const text of run.progressTexts) expect(text).toMatch(/^Kontrollerer … \d{1,3} %$/);
    console.log(`pane worker: longest main-thread task ${run.longestMs} ms, ${run.longTasks.length} long tasks (> 50 ms)`);
    expect(pageErrors).toEqual([]);
  }, 600_000);

  it('a clicked finding far down the sheet scrolls the grid there and shows its cell', async () => {
    // The group with the fewest findings, shown whole: its last finding sits near the end of the sheet.
    const groups = ['error', 'warning', 'info'] as const;
    const smallest = groups.filter((s) => want[s] > FINDINGS_SHOWN).sort((a, b) => want[a] - want[b])[0]!;
    await page.getByTestId(`show-all-${smallest}`).click();
    const items = page.locator(`[data-testid="finding-group-${smallest}"] [data-testid="finding-item"][data-cell^="${sheet}!"]`);
    const target = items.last();
    await target.scrollIntoViewIfNeeded();
    const cell = (await target.getAttribute('data-cell'))!.slice(sheet.length + 1);
    expect(Number(cell.replace(/^[A-Z]+/, ''))).toBeGreaterThan(50_000);
    await target.click();
    await expect.poll(() => page.getByTestId('grid').getAttribute('data-selected')).toBe(`${sheet}!${cell}`);
    await expectShown(cell);
    expect(await renderedRows()).toBeLessThan(MAX_DOM_ROWS);
  }, 600_000);

  it('«Avbryt» stops the check, within the 300 px panel', async () => {
    await page.getByTestId('check-button').click();
    const cancel = page.getByTestId('check-cancel');
    await cancel.waitFor();
    const box = await cancel.boundingBox();
    const panel = await page.getByTestId('dh-panel').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
    expect(await page.getByTestId('check-progress-text').innerText()).toMatch(/^Kontrollerer … \d{1,3} %$/);
    await cancel.click();
    await expect.poll(() => page.getByTestId('register-message').innerText(), { timeout: 60_000 }).toBe(CHECK_CANCELLED);
    expect(await page.getByTestId('register-message').getAttribute('data-intent')).toBe('info');
    expect(await page.getByTestId('register-result').count()).toBe(0);
    expect(await page.getByTestId('check-button').isEnabled()).toBe(true);
  }, 600_000);

  it('without Worker in the page, the panel checks in slices on its own thread and finds the same', async () => {
    await withoutWorker(page);
    const before = workerScripts.length;
    const run = await measureCheck(page);
    expect(workerScripts.length).toBe(before);
    expect(run.counts).toEqual(want);
    console.log(`main-thread slices: longest task ${run.longestMs} ms, ${run.longTasks.length} long tasks (> 50 ms)`);
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
