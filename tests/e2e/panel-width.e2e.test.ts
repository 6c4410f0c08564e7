// The panel at the widths the hosts give it, in Debian's Chromium: Google Sheets' sidebar is 300 px wide, and
// Excel on the web opens a task pane at 350 px ("Office.TaskPane interface", learn.microsoft.com/javascript/api/
// office/office.taskpane: default width Web (Excel) 350 px, Windows 320 px, Mac 270 px). Every view must fit: no
// element wider than the panel, and every row's key figure inside the visible area. The 300 px screenshots go to
// docs/ for the README. It also shows that the panel follows an edit of DH_Kommuner without another click.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, type Browser } from './browser.js';
import { startServer, type RunningServer } from '../../scripts/start.js';

const DOCS = resolve(import.meta.dirname, '..', '..', 'docs');
const TODAY = '2026-03-01';

let server: RunningServer | undefined;
let context: BrowserContext | undefined;
let page: Page;
let browser: Browser | undefined;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer({ port: 0 });
  browser = await launchChromium('dh-panel-width-', { width: 1280, height: 900 });
  context = browser.context;
  page = browser.page;
  page.on('pageerror', (error) => pageErrors.push(error.message));
  mkdirSync(DOCS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(width: number): Promise<void> {
  await page.goto(`${server!.url}?idag=${TODAY}&panel=${width}`);
  await page.getByTestId('dh-panel').waitFor({ timeout: 20_000 });
  const box = await page.getByTestId('panel-pane').boundingBox();
  expect(box?.width).toBe(width);
}

async function showSheet(name: string): Promise<void> {
  await page.locator(`[data-testid="sheet-tab"][data-sheet="${name}"]`).click();
  await expect.poll(() => page.getByTestId('grid').getAttribute('data-sheet')).toBe(name);
}

interface Overflow {
  readonly panelWidth: number;
  readonly contentRight: number;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Elements reaching past the panel's right edge (or left of its left edge). */
  readonly wide: string[];
  /** Key figures that are clipped or outside the visible area. */
  readonly hiddenFigures: string[];
  readonly figures: number;
}

/** Measures every element inside the panel against the panel's own box (scrollbar excluded). */
async function measure(keyFigureSelectors: readonly string[]): Promise<Overflow> {
  return page.evaluate((selectors) => {
    const pane = document.querySelector<HTMLElement>('[data-testid="panel-pane"]')!;
    const box = pane.getBoundingClientRect();
    const left = box.left + pane.clientLeft;
    const right = left + pane.clientWidth;
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 40);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} «${text}»`;
    };
    const visible = (el: Element) => {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && r.width > 0 && r.height > 0;
    };
    const wide: string[] = [];
    for (const el of pane.querySelectorAll('*')) {
      // Fluent's focus manager (tabster) keeps 1 px focus traps off-screen on purpose; they are not content.
      if (!visible(el) || el.hasAttribute('data-tabster-dummy')) continue;
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5 || r.left < left - 0.5) wide.push(`${describe(el)} ${Math.round(r.left - left)}–${Math.round(r.right - left)} px`);
    }
    const hiddenFigures: string[] = [];
    let figures = 0;
    const paneBottom = box.top + pane.clientHeight;
    for (const selector of selectors) {
      for (const el of document.querySelectorAll<HTMLElement>(selector)) {
        figures++;
        const r = el.getBoundingClientRect();
        const clipped = el.scrollWidth > el.clientWidth + 1;
        // Inside horizontally always; vertically the pane scrolls, so a figure counts as visible once scrolled to.
        if (r.left < left - 0.5 || r.right > right + 0.5 || clipped || r.width === 0) hiddenFigures.push(`${selector} ${describe(el)}`);
        void paneBottom;
      }
    }
    return { panelWidth: box.width, contentRight: right - left, scrollWidth: pane.scrollWidth, clientWidth: pane.clientWidth, wide, hiddenFigures, figures };
  }, keyFigureSelectors);
}

/** Each view: how to fill it with results, and which elements carry its key figures. */
const VIEWS: readonly { id: string; prepare: () => Promise<void>; figures: string[]; minFigures: number }[] = [
  {
    id: 'fordeling',
    prepare: async () => {
      await page.getByTestId('fordeling-details').click();
    },
    figures: ['[data-testid="fordeling-total"]', '[data-testid="fordeling-sum"]', '[data-testid="fordeling-kontroll"]'],
    minFigures: 21,
  },
  {
    id: 'styremote',
    prepare: async () => {
      await page.getByTestId('refresh-button').click();
      await expect.poll(() => page.getByTestId('changes-summary').getAttribute('data-count'), { timeout: 20_000 }).not.toBeNull();
    },
    figures: ['[data-testid="changes-summary"]', '[data-testid="change-item"] [data-key-figure]', '[data-testid="finding-item"]'],
    minFigures: 3,
  },
  {
    id: 'register',
    prepare: async () => {
      await showSheet('Systemregister');
      await page.getByTestId('tab-register').click();
      await page.getByTestId('check-button').click();
      await page.getByTestId('register-result').waitFor({ timeout: 20_000 });
    },
    figures: ['[data-testid^="count-"]', '[data-testid="finding-item"]', '[data-testid="common-system-row"] [data-key-figure]'],
    minFigures: 6,
  },
  {
    id: 'gevinst',
    prepare: async () => {
      await page.getByTestId('gevinst-compute').click();
      await page.getByTestId('gevinst-result').waitFor({ timeout: 20_000 });
    },
    figures: ['[data-testid="gevinst-row"] [data-key-figure]', '[data-testid="gevinst-total"] [data-key-figure]'],
    minFigures: 3,
  },
  {
    // «Hva om»: Rana leaves and the total stays; every other kommune's scenario figure must show.
    id: 'hvaom',
    prepare: async () => {
      await page.getByTestId('hvaom-uten').selectOption('1833');
      const samme = page.getByTestId('hvaom-samme-sum');
      if (!(await samme.isChecked())) await samme.check();
      await expect.poll(async () => (await page.getByTestId('hvaom-sum').innerText()).replace(/\s/g, ' ')).toBe('4 905 406,12 kr');
    },
    figures: ['[data-testid="hvaom-scenario"]', '[data-testid="hvaom-sum"]'],
    minFigures: 20,
  },
  {
    id: 'regnskap',
    prepare: async () => {
      await page.getByTestId('regnskap-kommune').selectOption('1824');
      await page.getByTestId('regnskap-result').waitFor();
      await expect.poll(async () => page.locator('[data-testid="regnskap-line"]').count()).toBeGreaterThanOrEqual(4);
    },
    figures: ['[data-testid="regnskap-line"] [data-key-figure]', '[data-testid="regnskap-net"] [data-key-figure]'],
    minFigures: 5,
  },
];

describe.each([300, 350])('the panel at %i px', (width) => {
  it('shows every view without horizontal overflow and with every key figure in view', async () => {
    await open(width);
    for (const view of VIEWS) {
      await page.getByTestId(`tab-${view.id}`).click();
      await page.getByTestId(`view-${view.id}`).waitFor();
      await view.prepare();
      await page.getByTestId(`view-${view.id}`).waitFor();
      const m = await measure(view.figures);
      expect(m.panelWidth, view.id).toBe(width);
      expect(m.wide, `${view.id}: elementer bredere enn panelet`).toEqual([]);
      expect(m.scrollWidth, `${view.id}: vannrett rulling i panelet`).toBeLessThanOrEqual(m.clientWidth);
      expect(m.hiddenFigures, `${view.id}: nøkkeltall utenfor synlig område`).toEqual([]);
      expect(m.figures, `${view.id}: nøkkeltall funnet`).toBeGreaterThanOrEqual(view.minFigures);
      const pageScroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(pageScroll, `${view.id}: vannrett rulling på siden`).toBeLessThanOrEqual(0);
      if (width === 300) {
        await page.evaluate(() => document.querySelector('[data-testid="panel-pane"]')!.scrollTo(0, 0));
        await page.getByTestId('panel-pane').screenshot({ path: join(DOCS, `panel-300-${view.id}.png`) });
      }
    }
  });
});

describe('the panel follows the workbook', () => {
  it('editing Rana’s population in DH_Kommuner updates the panel’s Fordeling without another click', async () => {
    await open(300);
    await page.getByTestId('tab-fordeling').click();
    const ranaTotal = page.locator('[data-testid="fordeling-row"][data-kommunenr="1833"] [data-testid="fordeling-total"]');
    const before = (await ranaTotal.innerText()).trim();
    expect(before).toBe('752 197,48 kr');
    await showSheet('DH_Kommuner');
    const cells = page.locator('[data-testid="grid"] td[data-cell^="A"]');
    let row = '';
    for (let i = 0; i < (await cells.count()); i++) {
      if ((await cells.nth(i).innerText()).trim() === '1833') row = (await cells.nth(i).getAttribute('data-cell'))!.slice(1);
    }
    expect(row).not.toBe('');
    const population = page.locator(`[data-testid="grid"] td[data-cell="C${row}"]`);
    const old = Number((await population.innerText()).replace(/\s/g, ''));
    await population.click();
    await page.keyboard.type(String(old + 4100));
    await page.keyboard.press('Enter');
    // 4 100 more inhabitants at 23,00 kr each: 94 300,00 kr more for Rana (the key's rate for 2026).
    await expect.poll(async () => (await ranaTotal.innerText()).trim(), { timeout: 10_000 }).toBe('846 497,48 kr');
    // The grid's own =DH.KOSTNAD cell says the same.
    await showSheet('Fordeling 2026');
    const ranaCell = page.locator('[data-testid="grid"] td[data-cell^="A"]', { hasText: /^Rana$/ });
    const gridRow = (await ranaCell.first().getAttribute('data-cell'))!.slice(1);
    expect((await page.locator(`[data-testid="grid"] td[data-cell="D${gridRow}"]`).innerText()).trim()).toBe('846 497,48');
    expect(pageErrors).toEqual([]);
  });

  it('another sheet opens at column A (the horizontal scroll is reset)', async () => {
    await open(350);
    await showSheet('Gevinst');
    await page.getByTestId('grid-scroll').evaluate((scroller) => {
      scroller.scrollLeft = 600;
    });
    expect(await page.getByTestId('grid-scroll').evaluate((s) => s.scrollLeft)).toBeGreaterThan(0);
    await showSheet('Fordeling 2026');
    const a1 = await page.locator('[data-testid="grid"] td[data-cell="A1"]').boundingBox();
    expect(await page.getByTestId('grid-scroll').evaluate((s) => s.scrollLeft)).toBe(0);
    const gridBox = await page.getByTestId('grid-scroll').boundingBox();
    expect(a1).not.toBeNull();
    expect(a1!.x).toBeGreaterThanOrEqual(gridBox!.x);
    expect(a1!.x).toBeLessThan(gridBox!.x + 100);
  });
});

describe('the preview opens .xlsx and .csv and saves .xlsx', () => {
  it('opens a .csv register, refuses a .pdf in Norwegian, and downloads the shown workbook as .xlsx', async () => {
    await open(350);
    const csv = 'Kommune;Kommunenr;System;Leverandør;Systemeier\r\nRana;1833;Elements;Sikri AS;\r\nVefsn;1824;Visma Enterprise;Visma;Økonomisjef\r\n';
    await page.getByTestId('open-xlsx-input').setInputFiles({ name: 'systemer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await expect.poll(() => page.getByTestId('file-status').innerText(), { timeout: 20_000 }).toContain('Åpnet «systemer.csv»');
    expect(await page.getByTestId('grid').getAttribute('data-sheet')).toBe('systemer');

    await page.getByTestId('open-xlsx-input').setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
    await expect.poll(() => page.getByTestId('file-status').innerText()).toContain('«rapport.pdf» er ikke et regneark');
    expect(await page.getByTestId('file-status').getAttribute('role')).toBe('alert');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('systemer.xlsx');
    const path = await download.path();
    const ExcelJS = (await import('exceljs')).default;
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(path!);
    expect(back.getWorksheet('systemer')!.getCell('C3').value).toBe('Visma Enterprise');
  });
});
