// The Apps Script fake is as strict as Google's documentation on the points a kinder fake used to hide
// (hosts, issue 12). Each block shows the fake behaving like the host first, then the add-in living with it.
// Pages (developers.google.com): "Custom Functions in Google Sheets" (30 s; arguments decide recalculation;
// services: Properties read only, Cache full), "Simple Triggers" (Restrictions: 30 s), "Quotas for Google
// Services" (script runtime 6 min), "Class Cache" (1 000 items; putAll keeps the 900 farthest from
// expiration), "Custom menus for Editor add-ons" (createAddonMenu), Sheets locale settings (nb_NO input).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AppsScriptFake,
  CACHE_ITEM_CAP,
  CACHE_ITEMS_KEPT,
  EXECUTION_LIMIT_MS,
  fakeScriptRun,
  parseTyped,
  TIME_LIMIT_MESSAGE,
  userEdit,
  type AppsScriptRuntime,
} from '../fakes/apps-script/index.js';
import { ensureBuilt, KOMMUNER, loadAddon, NOKKEL } from './helpers.js';

beforeAll(ensureBuilt);


function withTables(): { fake: AppsScriptFake; runtime: AppsScriptRuntime } {
  const addon = loadAddon();
  addon.fake.spreadsheet.putSheet('DH_Kommuner', KOMMUNER, { namedRange: 'DH_Kommuner' });
  addon.fake.spreadsheet.putSheet('DH_Nokkel', NOKKEL, { namedRange: 'DH_Nokkel' });
  return addon;
}

/** The sheet «Budsjett» with DH_ formulas as a Norwegian user types them (semicolons). */
function budget(fake: AppsScriptFake): void {
  fake.spreadsheet.putSheet('Budsjett', [
    ['Kommune', 'Bidrag', 'Bidrag (følger DH_Kommuner)'],
    ['Bodø', '=DH_KOSTNAD(A2; 2026)', '=DH_KOSTNAD(A2; 2026; ; DH_Kommuner)'],
    ['Fauske', '=DH_KOSTNAD(A3; 2026)', '=DH_KOSTNAD(A3; 2026; ; DH_Kommuner)'],
  ]);
}

const shown = (fake: AppsScriptFake, a1: string) => {
  const sheet = fake.spreadsheet.sheet('Budsjett')!;
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  return sheet.displayValue(Number(m[2]), m[1]!.charCodeAt(0) - 64);
};

describe('Sheets recalculates a custom function only when its arguments change', () => {
  it('the fake keeps a formula result while the arguments stay the same, however often it is read', () => {
    const { fake, runtime } = withTables();
    budget(fake);
    expect(shown(fake, 'B2')).toBe(100000 + 20 * 53712);
    const executions = runtime.executions;
    for (let i = 0; i < 5; i++) expect(shown(fake, 'B2')).toBe(100000 + 20 * 53712);
    expect(runtime.executions).toBe(executions);
    expect(runtime.cachedReads).toBeGreaterThanOrEqual(5);
    // an argument cell changes → the formula runs again
    userEdit(runtime, 'Budsjett', 'A2', 'Saltdal');
    expect(shown(fake, 'B2')).toBe(100000 + 20 * 4614);
  });

  it('editing DH_Kommuner leaves a plain =DH_KOSTNAD(…) cell showing the old figure (as in Sheets)', () => {
    const { fake, runtime } = withTables();
    budget(fake);
    expect(shown(fake, 'B2')).toBe(100000 + 20 * 53712);
    userEdit(runtime, 'DH_Kommuner', 'C2', '60 000');
    expect(shown(fake, 'B2')).toBe(100000 + 20 * 53712);
  });

  it('a cell that names DH_Kommuner as its trailing argument follows the edit by itself', () => {
    const { fake, runtime } = withTables();
    budget(fake);
    expect(shown(fake, 'C2')).toBe(100000 + 20 * 53712);
    userEdit(runtime, 'DH_Kommuner', 'C2', '60 000');
    expect(shown(fake, 'C2')).toBe(100000 + 20 * 60000);
    expect(shown(fake, 'C3')).toBe(100000 + 20 * 9867);
  });

  it('the documented user step «Regn ut DH-formler på nytt» updates every DH_ cell after DH_Kommuner changed', () => {
    const { fake, runtime } = withTables();
    budget(fake);
    fake.spreadsheet.putSheet('Annet', [['=DH_ANDEL("Fauske"; 2026)', 'tekst', 42]]);
    const andel = () => fake.spreadsheet.sheet('Annet')!.displayValue(1, 1) as number;
    const before = [shown(fake, 'B2'), shown(fake, 'B3'), andel()];
    // a change the add-in cannot see: another script writes the table (no onEdit)
    fake.spreadsheet.sheet('DH_Kommuner')!.mutableCell(2, 3).value = 60000;
    fake.spreadsheet.sheet('DH_Kommuner')!.mutableCell(3, 3).value = 10000;
    expect([shown(fake, 'B2'), shown(fake, 'B3'), andel()]).toEqual(before);
    runtime.execute((g) => g.recalculateDhFormulas());
    expect(shown(fake, 'B2')).toBe(100000 + 20 * 60000);
    expect(shown(fake, 'B3')).toBe(100000 + 20 * 10000);
    expect(andel()).not.toBe(before[2]);
    expect(andel()).toBe(runtime.customFunction('DH_ANDEL', 'Fauske', 2026));
    // formulas, values and other cells are as they were
    expect(fake.spreadsheet.sheet('Budsjett')!.formulaAt('B2')).toBe('=DH_KOSTNAD(A2; 2026)');
    expect(fake.spreadsheet.sheet('Annet')!.displayValue(1, 3)).toBe(42);
    expect(fake.spreadsheet.toasts.at(-1)).toMatch(/DH: 5 DH-formler er regnet ut på nytt\./);
  });

  it('the DH_ help names the trailing table argument and uses Sheets syntax, not Excel\'s DH_Register[#Alle]', async () => {
    const { distFile } = await import('./helpers.js');
    // The help Sheets shows is the generated stubs' JSDoc (the bundle above them carries the catalog as data).
    const code = distFile('Code.js').slice(distFile('Code.js').indexOf('// Egendefinerte funksjoner'));
    expect(code).toMatch(/@customfunction/);
    expect(code).not.toMatch(/\[#Alle\]/);
    expect(code).toContain('Eksempel: =DH_SJEKK(DH_Register) gir');
    expect(code).toMatch(/@param \{Array<Array<\*>>\} \[tabeller\] Valgfritt, til slutt: DH_Kommuner/);
  });
});

describe('time limits', () => {
  it('a custom function stops at 30 s, a google.script.run call at 6 min (simulated service time)', () => {
    const { fake, runtime } = withTables();
    fake.serviceLatencyMs = 1000;
    const slowRead = (g: any) => {
      const sheet = g.SpreadsheetApp.getActive().getSheetByName('DH_Kommuner');
      for (let i = 0; i < 40; i++) sheet.getRange(1, 1).getValue();
      return 'ferdig';
    };
    expect(() => runtime.execute(slowRead, 'customFunction')).toThrow(TIME_LIMIT_MESSAGE);
    expect(() => runtime.execute(slowRead, 'simpleTrigger')).toThrow(TIME_LIMIT_MESSAGE);
    expect(runtime.execute(slowRead, 'normal')).toBe('ferdig');
    fake.serviceLatencyMs = 10_000;
    expect(() => runtime.execute(slowRead, 'normal')).toThrow(TIME_LIMIT_MESSAGE);
    expect(EXECUTION_LIMIT_MS).toEqual({ customFunction: 30_000, simpleTrigger: 30_000, normal: 360_000 });
  });

  it('google.script.run reports the limit to the sidebar as a failure', async () => {
    const { fake, runtime } = withTables();
    fake.serviceLatencyMs = 60_000;
    const outcome = await new Promise<string>((resolve) => {
      fakeScriptRun(runtime)()
        .withFailureHandler((e: Error) => resolve(e.message))
        .withSuccessHandler(() => resolve('ok'))
        .dhListTables();
    });
    expect(outcome).toContain(TIME_LIMIT_MESSAGE);
  });

  it('the add-in fits: a cold DH_KOSTNAD and onOpen finish far inside 30 s even at 300 ms per service call', () => {
    const { fake, runtime } = withTables();
    fake.serviceLatencyMs = 300;
    expect(runtime.customFunction('DH_KOSTNAD', 'Bodø', 2026)).toBe(100000 + 20 * 53712);
    runtime.execute((g) => g.onOpen({ authMode: 'NONE' }), 'simpleTrigger');
  });
});

describe('custom functions may not write properties', () => {
  it('PropertiesService set*/delete* throw in a custom function, reads work; outside one they work', () => {
    const { runtime } = loadAddon();
    const write = (g: any) => g.PropertiesService.getDocumentProperties().setProperty('k', 'v');
    expect(() => runtime.execute(write, 'customFunction')).toThrow(/permission/);
    expect(() => runtime.execute((g) => g.PropertiesService.getDocumentProperties().deleteProperty('k'), 'customFunction')).toThrow(/permission/);
    expect(runtime.execute((g) => g.PropertiesService.getDocumentProperties().getProperty('k'), 'customFunction')).toBeNull();
    runtime.execute(write);
    expect(runtime.execute((g) => g.PropertiesService.getDocumentProperties().getProperty('k'), 'customFunction')).toBe('v');
    // the cache stays writable there (the add-in's model cache relies on it)
    expect(() => runtime.execute((g) => g.CacheService.getDocumentCache().put('k', 'v'), 'customFunction')).not.toThrow();
  });
});

describe('CacheService item cap', () => {
  it('keeps at most 1 000 items: past that, the 900 farthest from expiration', () => {
    const { fake, runtime } = loadAddon();
    runtime.execute((g) => {
      const cache = g.CacheService.getDocumentCache();
      for (let i = 0; i < CACHE_ITEM_CAP; i++) cache.put(`kort:${i}`, 'x', 60 + i);
      expect(fake.cacheStore.entries.size).toBe(CACHE_ITEM_CAP);
      cache.put('lang', 'x', 21_600);
    });
    expect(fake.cacheStore.entries.size).toBe(CACHE_ITEMS_KEPT);
    expect(fake.cacheStore.entries.has('lang')).toBe(true);
    expect(fake.cacheStore.entries.has('kort:0')).toBe(false); // nearest to expiry went first
    expect(fake.cacheStore.entries.has(`kort:${CACHE_ITEM_CAP - 1}`)).toBe(true);
  });
});

describe('a Norwegian spreadsheet (locale nb_NO) reads typed text the Norwegian way', () => {
  it('decimal comma, space as thousands separator, dd.mm.åååå dates', () => {
    expect(parseTyped('1,5', 'Europe/Oslo').value).toBe(1.5);
    expect(parseTyped('1 234,56', 'Europe/Oslo').value).toBe(1234.56);
    expect(parseTyped('1,234', 'Europe/Oslo').value).toBe(1.234);
    expect(parseTyped('12,5 %', 'Europe/Oslo').value).toBeCloseTo(0.125, 12);
    const date = parseTyped('31.12.2026', 'Europe/Oslo').value as Date;
    expect(date).toBeInstanceOf(Date);
    expect(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo' }).format(date)).toBe('2026-12-31');
    expect(parseTyped('12/31/2026', 'Europe/Oslo').value).toBe('12/31/2026');
    // en_US, for comparison: what the fake used to do for every spreadsheet
    expect(parseTyped('1,234', 'Europe/Oslo', 'en_US').value).toBe(1234);
    expect(parseTyped('1,5', 'Europe/Oslo', 'en_US').value).toBe('1,5');
  });

  it('setValue of text in a nb_NO spreadsheet: «25 899» in DH_Kommuner is the number, and DH_KOSTNAD uses it', () => {
    const { fake, runtime } = withTables();
    expect(fake.spreadsheet.locale).toBe('nb_NO');
    runtime.execute((g) => g.SpreadsheetApp.getActive().getSheetByName('DH_Kommuner').getRange('C3').setValue('9 867,0'));
    expect(fake.spreadsheet.sheet('DH_Kommuner')!.displayValue(3, 3)).toBe(9867);
    expect(runtime.customFunction('DH_KOSTNAD', 'Fauske', 2026)).toBe(100000 + 20 * 9867);
  });
});

describe('service calls per DH_KOSTNAD execution (npm run bench: sheets_service_calls_cold/_warm)', () => {
  it('warm: at most 2 (CacheService.getDocumentCache + Cache.getAll); cold reads the tables once', async () => {
    const { runSheetsCallsBench } = await import('../../bench/sheets-calls.js');
    const [cold, warm] = await runSheetsCallsBench();
    expect(cold!.name).toBe('sheets_service_calls_cold');
    expect(warm!.name).toBe('sheets_service_calls_warm');
    expect(warm!.calls).toBeLessThanOrEqual(2);
    expect(warm!.by).toEqual({ 'CacheService.getDocumentCache': 1, 'Cache.getAll': 1 });
    expect(cold!.calls).toBeGreaterThan(warm!.calls);
    expect(cold!.by['Range.getValues']).toBe(2);
  });
});
