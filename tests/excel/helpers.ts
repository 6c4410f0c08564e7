// Shared by the tests/excel files: builds dist/excel once when it is missing (`npm test` builds first anyway).
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { resetModel } from '../../addin-excel/src/functions/adapter.js';
import { FakeWorkbook } from './fake-excel.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DIST_EXCEL = resolve(ROOT, 'dist/excel');
const REQUIRED = ['functions.js', 'functions.json', 'taskpane.html', 'taskpane.js', 'commands.html', 'commands.js', 'manifest.xml', 'hjelp.html'];

function complete(): boolean {
  return REQUIRED.every((f) => existsSync(resolve(DIST_EXCEL, f)));
}

/** Builds dist/excel unless it is complete. A lock directory keeps parallel test files from building twice. */
export async function ensureExcelBuild(): Promise<void> {
  if (complete()) return;
  const lock = resolve(ROOT, 'dist/.excel-build.lock');
  mkdirSync(resolve(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building: wait for it (a stale lock older than 5 minutes is taken over).
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      if (complete()) return;
    }
  }
  try {
    if (!complete()) {
      const { build } = await import('../../scripts/build-excel.js');
      await build();
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Each test runs against a new FakeWorkbook installed as the Excel global, with the functions' model reset to the
 * embedded dataset at `today`; `use` receives the workbook. After the test the global and the model are restored.
 */
export function withFakeExcel(today: string, use: (wb: FakeWorkbook) => void): void {
  beforeEach(() => {
    const wb = new FakeWorkbook();
    (globalThis as Record<string, unknown>).Excel = wb.excelGlobal();
    resetModel(today);
    use(wb);
  });
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).Excel;
    resetModel();
  });
}
