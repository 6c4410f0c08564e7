// sheets_service_calls_cold / sheets_service_calls_warm (SPEC §7): how many Apps Script service calls
// (SpreadsheetApp, its Spreadsheet/Sheet/Range/NamedRange objects, CacheService and Cache) ONE execution of
// =DH_KOSTNAD("Bodø"; 2026) makes in the BUILT dist/gsheets/Code.js, run in the Apps Script fake, with the
// workbook's DH_Kommuner and DH_Nokkel present: cold (empty document cache) and warm (the next execution).
// Counts, not times: each call is a round trip to Google's servers in the real host.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppsScriptFake, AppsScriptRuntime } from '../tests/fakes/apps-script/index.js';

export interface SheetsCallsResult {
  name: 'sheets_service_calls_cold' | 'sheets_service_calls_warm';
  calls: number;
  /** The calls by name, for reading the log. */
  by: Record<string, number>;
}

const ROOT = resolve(import.meta.dirname, '..');
const SERVICES = /^(SpreadsheetApp|Spreadsheet|Sheet|Range|NamedRange|CacheService|Cache)\./;

function serviceCalls(fake: AppsScriptFake): { calls: number; by: Record<string, number> } {
  const by: Record<string, number> = {};
  let calls = 0;
  for (const [op, n] of fake.counts) {
    if (!SERVICES.test(op)) continue;
    by[op] = n;
    calls += n;
  }
  return { calls, by };
}

export async function runSheetsCallsBench(): Promise<SheetsCallsResult[]> {
  const code = resolve(ROOT, 'dist/gsheets/Code.js');
  if (!existsSync(code)) {
    const { build } = await import('../scripts/build-gsheets.js');
    await build();
  }
  const fake = new AppsScriptFake({});
  const runtime = new AppsScriptRuntime(fake, readFileSync(code, 'utf8'));
  fake.spreadsheet.putSheet('Innstillinger', [
    ['Kommunenr', 'Kommune', 'Innbyggere'],
    ['1804', 'Bodø', 53712],
    ['1841', 'Fauske', 9867],
  ], { namedRange: 'DH_Kommuner', at: { row: 3, column: 2 } });
  fake.spreadsheet.putSheet('DH_Nokkel', [['År', 'Fast beløp', 'Sats pr innbygger'], [2026, 100000, 20]]);
  const results: SheetsCallsResult[] = [];
  for (const name of ['sheets_service_calls_cold', 'sheets_service_calls_warm'] as const) {
    fake.resetCounts();
    const value = runtime.customFunction('DH_KOSTNAD', name.endsWith('cold') ? 'Bodø' : 'Fauske', 2026);
    if (typeof value !== 'number') throw new Error(`DH_KOSTNAD ga ${JSON.stringify(value)}`);
    results.push({ name, ...serviceCalls(fake) });
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await runSheetsCallsBench()) console.log(JSON.stringify(r));
}
