// Debian's Chromium for the e2e tests, as the machines need it: headless, no sandbox (root), no background
// networking (the closed network refuses it), a fresh profile each run.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser as PlaywrightBrowser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** The flags every headless Chromium in the tests runs with (DEVELOPERS.md). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

export async function launchChromium(profilePrefix: string, viewport: { width: number; height: number }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium mangler: ${CHROMIUM} finnes ikke. Installer den med «apt-get install -y chromium» (CI gjør det i .ci/run) og kjør testene på nytt.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'nb-NO',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A plain headless Chromium with the house flags, for tests that open their own pages (close it in afterAll). */
export function launchHeadless(): Promise<PlaywrightBrowser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css',
  '.png': 'image/png',
  '.json': 'application/json',
};

/**
 * Answers every request of `page` from files, so nothing reaches the network: a URL that starts with one of `roots`'
 * prefixes from the file at the rest of its path under that folder (never outside it), anything else 404. Returns
 * the lists of URLs served and refused, filled as the page loads.
 */
export async function serveFiles(page: Page, roots: readonly (readonly [prefix: string, folder: string])[]): Promise<{ served: string[]; refused: string[] }> {
  const served: string[] = [];
  const refused: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const root = roots.find(([prefix]) => url.startsWith(prefix));
    const file = root ? normalize(join(root[1], decodeURIComponent(url.slice(root[0].length).split(/[?#]/)[0]!))) : undefined;
    if (!root || !file || !file.startsWith(root[1]) || !existsSync(file)) {
      refused.push(url);
      return route.fulfill({ status: 404, body: '' });
    }
    served.push(url);
    return route.fulfill({ status: 200, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  return { served, refused };
}
