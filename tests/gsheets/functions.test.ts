// DH_<NAME> custom functions in the built Code.js, run as Sheets runs them (one custom-function execution
// per call, in the Apps Script fake), against the Excel path: callFunction on the same dataset.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CATALOG,
  callFunction,
  createFunctionContext,
  datasetFromTables,
  HELGELAND_2026,
  isDhError,
  tableFromValues,
  type CellResult,
  type CellValue,
  type Dataset,
  type TableData,
} from '../../core/index.js';
import type { AppsScriptFake, AppsScriptRuntime } from '../fakes/apps-script/index.js';
import { zonedMidnight } from '../fakes/apps-script/index.js';
import { ensureBuilt, loadAddon, todayInOslo } from './helpers.js';

beforeAll(ensureBuilt);

const entry = (name: string) => CATALOG.find((e) => e.name === name)!;
const oslo = (y: number, m: number, d: number) => zonedMidnight(y, m, d, 'Europe/Oslo');
/** Excel passes a date cell as its serial number. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;

/** What Excel's path gives: the value, or the Norwegian message of its error. */
function excel(dataset: Dataset, name: string, ...args: unknown[]): unknown {
  const result = callFunction(entry(name), createFunctionContext(dataset, todayInOslo()), args);
  return isDhError(result) ? { error: result.message } : result;
}

/** What Sheets shows for a DH_ cell: the value, or the message of the thrown Error. */
function sheets(runtime: AppsScriptRuntime, name: string, ...args: unknown[]): unknown {
  try {
    return runtime.customFunction(`DH_${name}`, ...args);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

// A workbook for another cooperation: other kommuner (names and numbers, a number typed as text), three key
// rows (fixed + rate; a total split 40 % equally and the rest by population; a price index on the year before).
const KOMMUNER: CellValue[][] = [
  ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'],
  [1804, 'Bodø', 53712, oslo(2025, 6, 30)],
  ['1841', 'Fauske - Fuossko', 9867, oslo(2025, 6, 30)],
  [1840, 'Saltdal', 4614, oslo(2025, 6, 30)],
  [1839, 'Beiarn', 1000, oslo(2025, 6, 30)],
  [1838, 'Gildeskål', 1950, oslo(2025, 6, 30)],
  [1845, 'Sørfold', 1900, oslo(2025, 6, 30)],
  [1848, 'Steigen', 2500, oslo(2025, 6, 30)],
  [1837, 'Meløy', 6073, oslo(2025, 6, 30)],
];
const NOKKEL: CellValue[][] = [
  ['År', 'Fast beløp', 'Sats pr innbygger', 'Andel likt', 'Sum å fordele', 'Prisindeks', 'Budsjettert sum'],
  [2026, 100000, 20, '', '', '', ''],
  [2027, '', '', 0.4, 3000000, '', 3000000],
  [2028, '', '', '', '', 0.039, ''],
];

/** The same tables as Excel's host would hand them to the core (dates as serial numbers). */
function workbookDataset(): Dataset {
  const asExcel = (rows: CellValue[][]) => rows.map((r) => r.map((v) => (v instanceof Date ? serial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate() + (v.getUTCHours() >= 12 ? 1 : 0)) : v)));
  const tables = new Map<string, TableData>([
    ['DH_Kommuner', tableFromValues('DH_Kommuner', asExcel(KOMMUNER), { sheet: 'Innstillinger', row: 3, column: 2 })],
    ['DH_Nokkel', tableFromValues('DH_Nokkel', NOKKEL, { sheet: 'DH_Nokkel', row: 1, column: 1 })],
  ]);
  const parsed = datasetFromTables((n) => tables.get(n), HELGELAND_2026);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value.dataset;
}

function putWorkbookTables(fake: AppsScriptFake): void {
  fake.spreadsheet.putSheet('Innstillinger', KOMMUNER, { namedRange: 'DH_Kommuner', at: { row: 3, column: 2 } });
  fake.spreadsheet.putSheet('DH_Nokkel', NOKKEL);
}

describe('DH_KOSTNAD equals the Excel path', () => {
  it('for every member and every year of the embedded dataset (and a year without a key)', () => {
    const { runtime } = loadAddon();
    const years = [...HELGELAND_2026.keys.map((k) => k.year), 2027];
    let compared = 0;
    for (const m of HELGELAND_2026.members) {
      for (const year of years) {
        for (const kommune of [m.name, Number(m.kommunenr), m.kommunenr]) {
          const expected = excel(HELGELAND_2026, 'KOSTNAD', kommune, year);
          expect(sheets(runtime, 'KOSTNAD', kommune, year), `${kommune} ${year}`).toEqual(expected);
          compared++;
        }
      }
      for (const project of HELGELAND_2026.projects) {
        expect(sheets(runtime, 'KOSTNAD', m.name, 2026, project.name)).toEqual(excel(HELGELAND_2026, 'KOSTNAD', m.name, 2026, project.name));
      }
    }
    expect(compared).toBe(HELGELAND_2026.members.length * years.length * 3);
    expect(sheets(runtime, 'KOSTNAD', 'Rana', 2026)).toBe(752197.48);
  });

  it('for every member and every year of a workbook-table dataset (named range + sheet, incl. a total-split key)', () => {
    const { fake, runtime } = loadAddon();
    putWorkbookTables(fake);
    const dataset = workbookDataset();
    expect(dataset.members.map((m) => m.kommunenr)).toContain('1841');
    for (const m of dataset.members) {
      for (const year of [2026, 2027, 2028, 2029]) {
        for (const kommune of [m.name, Number(m.kommunenr)]) {
          const expected = excel(dataset, 'KOSTNAD', kommune, year);
          expect(sheets(runtime, 'KOSTNAD', kommune, year), `${kommune} ${year}`).toEqual(expected);
          if (year !== 2029) expect(typeof expected).toBe('number');
          expect(sheets(runtime, 'ANDEL', kommune, year)).toEqual(excel(dataset, 'ANDEL', kommune, year));
        }
        expect(sheets(runtime, 'INNBYGGERE', m.name)).toBe(m.population);
      }
    }
    // the 2027 key raises exactly the total; Rana is not a member of this workbook's cooperation
    const total = dataset.members.reduce((sum, m) => sum + Math.round((sheets(runtime, 'KOSTNAD', m.name, 2027) as number) * 100), 0);
    expect(total).toBe(300_000_000);
    expect(sheets(runtime, 'KOSTNAD', 'Rana', 2026)).toEqual({ error: expect.stringMatching(/^Rana \(1833\) er ikke medlem i /) });
  });

  it('every catalog function gives the Excel result for the same arguments', () => {
    const { runtime } = loadAddon();
    const cases: [string, ...unknown[]][] = [
      ['KOMMUNENR', 'Rana - Raane'],
      ['KOMMUNENAVN', 1826],
      ['INNBYGGERE', 'Herøy', 2026],
      ['FORDEL', 100000, [['Rana'], ['Vefsn'], ['Træna']]],
      ['FORDEL', '1 000,00', [['Rana', 'Vefsn', 'Træna']], 'likt'],
      ['FORDEL', 1000, [['Rana'], ['Vefsn']], 2026],
      ['TIDSVERDI', 12000, 3, 685],
      ['NETTOGEVINST', 12500, 1165, 5, 695, 12],
      ['NNV', [[-1000], [1040]]],
      ['NNV', [[-1000], [500], [600]], 0.04],
      ['TILBAKEBETALING', 500000, 200000],
      ['DEKNING', [['Rana'], ['Vefsn'], ['']]],
    ];
    for (const [name, ...args] of cases) expect(sheets(runtime, name, ...args), name).toEqual(excel(HELGELAND_2026, name, ...args));
  });
});

describe('ranges in, arrays out', () => {
  it('a column of 1 000 kommuner is answered by ONE execution returning a 1000×1 array', () => {
    const { fake, runtime } = loadAddon();
    putWorkbookTables(fake);
    const dataset = workbookDataset();
    const names = dataset.members.map((m) => m.name);
    const column = Array.from({ length: 1000 }, (_, i) => [i % 3 === 0 ? Number(dataset.members[i % names.length]!.kommunenr) : names[i % names.length]!]);
    fake.resetCounts();
    const before = runtime.executions;
    const started = Date.now();
    const { result, stats } = runtime.execute((g) => ({ result: g.DH_KOSTNAD(column, 2026), stats: g.__DH.stats() }), 'customFunction');
    const elapsed = Date.now() - started;
    expect(runtime.executions - before).toBe(1);
    expect(result).toHaveLength(1000);
    expect((result as unknown[][]).every((row) => row.length === 1)).toBe(true);
    expect(result).toEqual(callFunction(entry('KOSTNAD'), createFunctionContext(dataset, todayInOslo()), [column, 2026]));
    // the inputs were read and parsed once for the whole column
    expect(stats.tableReads).toBe(1);
    expect(stats.parses).toBe(1);
    expect(fake.count('Range.getValues')).toBe(2);
    expect(elapsed).toBeLessThan(10_000);
  });

  it('2-D broadcasting: kommuner down, years across', () => {
    const { runtime } = loadAddon();
    const result = runtime.customFunction('DH_INNBYGGERE', [['Rana'], ['Vefsn']], [[2026, 2026]]);
    expect(result).toEqual([
      [25899, 25899],
      [13491, 13491],
    ]);
  });

  it('errors inside an array become «#I/T: …» / «#VERDI!: …» text; rows with no input stay empty', () => {
    const { runtime } = loadAddon();
    const result = runtime.customFunction('DH_KOSTNAD', [['Rana'], ['Ranna'], [''], ['#N/A'], ['Bodø'], [true]], 2027) as unknown[][];
    const expected = callFunction(entry('KOSTNAD'), createFunctionContext(HELGELAND_2026, todayInOslo()), [[['Rana'], ['Ranna'], [''], ['#N/A'], ['Bodø'], [true]], 2027]) as CellResult[][];
    expect(isDhError(expected[0]![0])).toBe(true);
    expect(result).toEqual([
      ['#I/T: Ingen fordelingsnøkkel for 2027 i Digitale Helgeland 2026 (har 2026).'],
      ['#I/T: Ukjent kommune «Ranna» – mente du Rana?'],
      [''],
      ['#VERDI!: Argumentet «kommune» er en feilverdi (#N/A).'],
      ['#I/T: Bodø (1804) er ikke medlem i Digitale Helgeland 2026.'],
      ['#VERDI!: «true» er ikke et kommunenavn eller kommunenummer.'],
    ]);
    // the same message text as Excel, only with the nb-NO error name in front
    expect(result[1]![0]).toBe(`#I/T: ${(expected[1]![0] as { message: string }).message}`);
  });

  it('an error text from one DH_ cell passed on to another is an error value there', () => {
    const { runtime } = loadAddon();
    const first = (runtime.customFunction('DH_KOSTNAD', [['Ranna'], ['Rana']], 2026) as string[][])[0]![0]!;
    expect(sheets(runtime, 'KOMMUNENR', first)).toEqual({ error: `Argumentet «kommune» er en feilverdi (${first}).` });
  });

  it('FORDEL spills exact øre in the shape of the range', () => {
    const { runtime } = loadAddon();
    const result = runtime.customFunction('DH_FORDEL', 100000, [['Rana'], [''], ['Vefsn'], ['Træna']]) as (number | string)[][];
    expect(result[1]).toEqual(['']);
    expect(Math.round(((result[0]![0] as number) + (result[2]![0] as number) + (result[3]![0] as number)) * 100)).toBe(10_000_000);
  });
});

describe('scalar errors and Sheets argument values', () => {
  it('an unknown kommune throws an Error with the Norwegian message', () => {
    const { runtime } = loadAddon();
    expect(() => runtime.customFunction('DH_KOSTNAD', 'Ranna', 2026)).toThrow('Ukjent kommune «Ranna» – mente du Rana?');
    try {
      runtime.customFunction('DH_KOSTNAD', 'Ranna', 2026);
    } catch (error) {
      expect((error as Error).message).toBe('Ukjent kommune «Ranna» – mente du Rana?');
    }
  });

  it.each([
    [['', 2026], 'Argumentet «kommune» mangler.'],
    [['Rana', ''], 'Argumentet «år» mangler.'],
    [['Rana', 'i fjor'], '«i fjor» er ikke et gyldig år (skriv f.eks. 2026).'],
    [['#N/A', 2026], 'Argumentet «kommune» er en feilverdi (#N/A).'],
    [['Rana', 2026, 'Månelanding'], expect.stringMatching(/^Ukjent prosjekt «Månelanding»/)],
  ])('DH_KOSTNAD(%j) throws «%s»', (args, message) => {
    const { runtime } = loadAddon();
    expect(sheets(runtime, 'KOSTNAD', ...args)).toEqual({ error: message });
    expect(excel(HELGELAND_2026, 'KOSTNAD', ...args)).toEqual({ error: message });
  });

  it('arguments after the last parameter are dependencies in Sheets (the tables to follow), an error in Excel', () => {
    const { runtime } = loadAddon();
    expect(sheets(runtime, 'KOSTNAD', 'Rana', 2026, undefined, [['Kommunenr'], ['1833']])).toBe(752197.48);
    expect(sheets(runtime, 'KOSTNAD', 'Rana', 2026, 'RPA', 'ekstra')).toBe(sheets(runtime, 'KOSTNAD', 'Rana', 2026, 'RPA'));
    expect(excel(HELGELAND_2026, 'KOSTNAD', 'Rana', 2026, 'RPA', 'ekstra')).toEqual({ error: 'KOSTNAD tar høyst 3 argumenter, fikk 4.' });
  });

  it('empty and omitted optional arguments are the same', () => {
    const { runtime } = loadAddon();
    expect(sheets(runtime, 'KOSTNAD', 'Rana', 2026, '')).toBe(752197.48);
    expect(sheets(runtime, 'KOSTNAD', 'Rana', 2026, undefined)).toBe(752197.48);
    expect(sheets(runtime, 'KOSTNAD', [['Rana']], [[2026]])).toBe(752197.48); // a 1×1 range is its value
  });

  it('a date cell arrives as a Date and is read in the spreadsheet time zone, like Excel serials', () => {
    const { runtime } = loadAddon();
    // a date where a year is expected: Excel passes the serial, Sheets a Date at Oslo midnight
    expect(sheets(runtime, 'KOSTNAD', 'Rana', oslo(2026, 1, 1))).toEqual(excel(HELGELAND_2026, 'KOSTNAD', 'Rana', serial(2026, 1, 1)));
    const today = todayInOslo();
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const header = ['Kommune', 'System', 'Leverandør', 'Systemeier', 'Avtale utløper', 'Oppsigelsestid (mnd)', 'Arkivverdig', 'Uttrekk/depot', 'Status'];
    const rows = (date: (y: number, m: number, d: number) => unknown) => [
      header,
      ['Rana', 'Elements', 'Sikri', 'Arkivleder', date(y - 1, 12, 31), 6, 'Ja', '', 'I bruk'],
      ['Vefsn', 'Visma Flyt', 'VISMA AS', '', date(y + 1, m, Math.min(d, 28)), 12, 'Nei', '', 'I bruk'],
      ['Hemnes', 'Acos', 'Acos', 'Rådmann', date(y + 3, 1, 1), 3, 'Ja', 'Plan 2027', 'I bruk'],
    ];
    const fromSheets = runtime.customFunction('DH_SJEKK', rows(oslo), 'liste');
    const fromExcel = callFunction(entry('SJEKK'), createFunctionContext(HELGELAND_2026, today), [rows(serial), 'liste']);
    expect(fromSheets).toEqual(fromExcel);
    expect((fromSheets as unknown[][]).length).toBeGreaterThan(1);
    expect(JSON.stringify(fromSheets)).toMatch(/utløpt|utløp|oppsig/i);
    expect(runtime.customFunction('DH_SJEKK', rows(oslo))).toBe(callFunction(entry('SJEKK'), createFunctionContext(HELGELAND_2026, today), [rows(serial)]));
  });

  it('DH_BALANSE and DH_SCENARIO give what Excel gives', () => {
    const { runtime } = loadAddon();
    expect(sheets(runtime, 'BALANSE', 'Vefsn', 2026)).toEqual(excel(HELGELAND_2026, 'BALANSE', 'Vefsn', 2026));
    expect((sheets(runtime, 'BALANSE', 'Vefsn', 2026) as unknown[][]).at(-1)![0]).toBe('Netto');
    expect(sheets(runtime, 'SCENARIO', 'Vefsn', 2026, [['Rana']], '', '', '', true)).toBe(excel(HELGELAND_2026, 'SCENARIO', 'Vefsn', 2026, [['Rana']], undefined, undefined, undefined, true));
  });

  it('custom functions only read: every call above ran in custom-function mode, where writes throw', () => {
    const { fake, runtime } = loadAddon();
    putWorkbookTables(fake);
    runtime.customFunction('DH_KOSTNAD', 'Bodø', 2026);
    expect(fake.count(/^(Range\.set|Spreadsheet\.(insert|delete|setNamed)|Sheet\.(set|clear|insert))/)).toBe(0);
    // Properties are read-only in a custom function ("Custom Functions in Google Sheets" → Using Apps Script
    // services: Properties — read only): clearing highlights stores the empty list, so it is refused there.
    expect(() => runtime.execute((g) => g.dhClearHighlights(), 'customFunction')).toThrow(/permission/);
    expect(() => runtime.execute((g) => g.dhClearHighlights())).not.toThrow();
    expect(() => runtime.execute((g) => g.dhWriteOwnedTable(JSON.stringify({ name: 'DH_RPA', headers: ['A'], rows: [] })), 'customFunction')).toThrow(/permission/);
  });
});

describe('bad workbook tables', () => {
  it('a bad DH_Kommuner cell gives the Norwegian message naming the cell, and no number', () => {
    const { fake, runtime } = loadAddon();
    const bad = KOMMUNER.map((r) => [...r]);
    bad[3]![2] = 'mange';
    fake.spreadsheet.putSheet('DH_Kommuner', bad);
    const message = (sheets(runtime, 'KOSTNAD', 'Bodø', 2026) as { error: string }).error;
    expect(message).toMatch(/^DH_Kommuner rad 4 \(DH_Kommuner!C4\): innbyggertallet «mange» er ikke et helt tall\.$/);
    // in an array call the whole call fails the same way (no partial column of numbers)
    expect(() => runtime.customFunction('DH_KOSTNAD', [['Bodø'], ['Fauske']], 2026)).toThrow(message);
  });

  it('an empty DH_Kommuner sheet is ignored: the embedded dataset is used', () => {
    const { fake, runtime } = loadAddon();
    fake.spreadsheet.putSheet('DH_Kommuner', []);
    expect(sheets(runtime, 'KOSTNAD', 'Rana', 2026)).toBe(752197.48);
  });
});
