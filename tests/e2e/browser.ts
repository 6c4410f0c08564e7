// Debian's Chromium for the e2e tests, as the machines need it: headless, no sandbox (root), no background
// networking (the closed network refuses it), a fresh profile each run.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

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
