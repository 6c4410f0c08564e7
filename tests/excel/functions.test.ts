// dist/excel/functions.js as Excel loads it: alone, in a fresh JavaScript context whose only global is a
// fake CustomFunctions (no window, no document, no Excel). SPEC §4, §7.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, callFunction, createFunctionContext, HELGELAND_2026, isDhError, type CatalogEntry } from '../../core/index.js';
import {
  parameterIdentifier,
  GENERATED_FILE,
  generateExcelFunctions,
  metadataProblems,
  README_FILE,
  readmeFunctionTable,
  readmeWithFunctions,
  renderFunctionsSource,
  type Metadata,
} from '../../scripts/gen-excel-functions.js';
import { DIST_EXCEL, ensureExcelBuild } from './helpers.js';

/** The shape of CustomFunctions.Error that Excel's runtime provides. */
class FakeCustomFunctionsError extends Error {
  constructor(readonly code: string, message?: string) {
    super(message);
  }
}

const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
};

interface Loaded {
  readonly fns: Map<string, (...args: unknown[]) => unknown>;
  readonly sandbox: Record<string, any>;
}

/** Runs functions.js in a new V8 context with only CustomFunctions defined. */
function loadBundle(): Loaded {
  const fns = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode,
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      if (fns.has(id)) throw new Error(`${id} ble registrert to ganger`);
      fns.set(id, fn);
    },
  };
  const sandbox: Record<string, any> = { CustomFunctions };
  vm.createContext(sandbox);
  vm.runInContext(readFileSync(resolve(DIST_EXCEL, 'functions.js'), 'utf8'), sandbox, { filename: 'functions.js' });
  return { fns, sandbox };
}

const entry = (name: string): CatalogEntry => CATALOG.find((e) => e.name === name)!;
const today = new Date().toISOString().slice(0, 10);

function expectExcelError(call: () => unknown, code: string, message: RegExp): FakeCustomFunctionsError {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'skulle kastet CustomFunctions.Error').toBeInstanceOf(FakeCustomFunctionsError);
  const error = caught as FakeCustomFunctionsError;
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}

let bundle: Loaded;
let metadata: Metadata;

beforeAll(async () => {
  await ensureExcelBuild();
  bundle = loadBundle();
  metadata = JSON.parse(readFileSync(resolve(DIST_EXCEL, 'functions.json'), 'utf8')) as Metadata;
});

describe('dist/excel/functions.js loaded alone (no DOM, no Excel API)', () => {
  it('runs in a context without window, document or Excel', () => {
    expect(bundle.sandbox.window).toBeUndefined();
    expect(bundle.sandbox.document).toBeUndefined();
    expect(bundle.sandbox.Excel).toBeUndefined();
    expect(vm.runInContext('typeof window + typeof document + typeof Excel', bundle.sandbox)).toBe('undefinedundefinedundefined');
  });

  it('associates every id in functions.json, and every catalog entry, once', () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect([...bundle.fns.keys()].sort()).toEqual(ids);
    expect(ids).toEqual(CATALOG.map((e) => e.name.toUpperCase()).sort());
  });

  it('KOSTNAD("Rana"; 2026) is 752 197,48', () => {
    expect(bundle.fns.get('KOSTNAD')!('Rana', 2026, null)).toBe(752197.48);
    expect(bundle.fns.get('KOSTNAD')!('Rana', 2026)).toBe(752197.48);
    expect(bundle.fns.get('KOSTNAD')!(1833, '2026', null)).toBe(752197.48);
  });

  it('gives the same number as callFunction for every member of the default dataset', () => {
    const ctx = createFunctionContext(HELGELAND_2026, today);
    expect(HELGELAND_2026.members.length).toBeGreaterThan(10);
    for (const m of HELGELAND_2026.members) {
      for (const name of ['KOSTNAD', 'ANDEL']) {
        const expected = callFunction(entry(name), ctx, [m.name, 2026]);
        expect(isDhError(expected), `${name}(${m.name})`).toBe(false);
        expect(bundle.fns.get(name)!(m.name, 2026, null), `${name}(${m.name})`).toBe(expected);
        expect(bundle.fns.get(name)!(m.kommunenr, 2026, null), `${name}(${m.kommunenr})`).toBe(expected);
      }
      expect(bundle.fns.get('INNBYGGERE')!(m.name, null)).toBe(m.population);
      expect(bundle.fns.get('KOMMUNENR')!(m.name)).toBe(m.kommunenr);
    }
  });

  it('accepts null for omitted optional arguments', () => {
    const ctx = createFunctionContext(HELGELAND_2026, today);
    expect(bundle.fns.get('INNBYGGERE')!('Rana', null)).toBe(callFunction(entry('INNBYGGERE'), ctx, ['Rana']));
    expect(bundle.fns.get('NETTOGEVINST')!(12500, 1165, 5, 695, null)).toBe(callFunction(entry('NETTOGEVINST'), ctx, [12500, 1165, 5, 695]));
    expect(bundle.fns.get('NETTOGEVINST')!(12500, 1165, 5, 695, 12)).toBe(659675);
    expect(bundle.fns.get('NNV')!([[-1000], [600], [600]], null)).toBe(callFunction(entry('NNV'), ctx, [[[-1000], [600], [600]]]));
    expect(bundle.fns.get('TIDSVERDI')!(12000, 3, 685)).toBe(411000);
  });

  it('takes ranges as any[][] and returns 2-D arrays', () => {
    const parts = bundle.fns.get('FORDEL')!(100000, [['Rana'], ['Vefsn'], ['Brønnøy']], null, null) as number[][];
    expect(Array.isArray(parts) && parts.every((row) => Array.isArray(row) && row.length === 1)).toBe(true);
    expect(parts).toHaveLength(3);
    expect(Math.round(parts.flat().reduce((a, b) => a + b, 0) * 100)).toBe(10_000_000);
    expect(bundle.fns.get('KOSTNAD')!([['Rana'], ['Vefsn']], 2026, null)).toEqual([[752197.48], [466813.48]]);
    // A matrix-returning function always spills a 2-D array, even for one value.
    const count = bundle.fns.get('SJEKK')!([['Kommune', 'System'], ['Rana', 'Elements']], null);
    expect(Array.isArray(count) && Array.isArray((count as unknown[][])[0])).toBe(true);
  });

  it('DH.BALANSE spills Vefsn’s balance with sources and DH.SCENARIO takes a range of kommuner to leave out', () => {
    const ctx = createFunctionContext(HELGELAND_2026, today);
    const balance = bundle.fns.get('BALANSE')!('Vefsn', 2026) as unknown[][];
    expect(balance).toEqual(callFunction(entry('BALANSE'), ctx, ['Vefsn', 2026]));
    expect(balance[0]).toEqual(['Post', 'Kr', 'Kilde']);
    expect(balance.find((r) => String(r[0]).includes('Medlemsbidrag'))!.slice(1, 2)).toEqual([466813.48]);
    expect(balance.some((r) => String(r[2]).startsWith('DH_RPA, rad Vefsn'))).toBe(true);
    expect(balance.some((r) => String(r[2]).startsWith('DH_DUO, rad Vefsn'))).toBe(true);
    expect(balance.at(-1)![0]).toBe('Netto');
    // Omitted optionals arrive as null; a range of kommuner to leave out as any[][].
    expect(bundle.fns.get('SCENARIO')!('Vefsn', 2026, [['Rana'], [null]], null, null, null, null)).toBe(466813.48);
    expect(bundle.fns.get('SCENARIO')!('Vefsn', 2026, [['Rana']], null, null, null, true)).toBe(callFunction(entry('SCENARIO'), ctx, ['Vefsn', 2026, [['Rana']], undefined, undefined, undefined, true]));
  });

  it('puts an Error object in the failing cell of a spilled result', () => {
    const result = bundle.fns.get('KOSTNAD')!([['Rana'], ['Ranna']], 2026, null) as unknown[][];
    expect(result[0]![0]).toBe(752197.48);
    expect(result[1]![0]).toBeInstanceOf(FakeCustomFunctionsError);
    expect((result[1]![0] as FakeCustomFunctionsError).code).toBe('#N/A');
    expect((result[1]![0] as FakeCustomFunctionsError).message).toContain('mente du Rana?');
  });

  it('throws CustomFunctions.Error with the right code and a Norwegian message for bad input', () => {
    const kostnad = bundle.fns.get('KOSTNAD')!;
    expectExcelError(() => kostnad('Ranna', 2026, null), '#N/A', /Ukjent kommune «Ranna» – mente du Rana\?/);
    expectExcelError(() => kostnad('Rana', 2031, null), '#N/A', /Ingen fordelingsnøkkel for 2031/);
    expectExcelError(() => kostnad('Rana', 'abc', null), '#VALUE!', /«abc» er ikke et gyldig år/);
    expectExcelError(() => kostnad(null, 2026, null), '#VALUE!', /mangler/);
    expectExcelError(() => bundle.fns.get('TIDSVERDI')!('mange', 3, 685), '#VALUE!', /antall/);
    // An error value passed in from a cell is reported, not computed with.
    expectExcelError(() => kostnad(new FakeCustomFunctionsError('#REF!'), 2026, null), '#VALUE!', /feilverdi/);
  });

  it('computes with the model the task pane puts on globalThis.__DH_EXCEL_MODEL (shared runtime)', () => {
    const store = bundle.sandbox.__DH_EXCEL_MODEL as { context: unknown; version: number; source: string };
    expect(store, 'functions.js creates the shared store when loaded').toBeTruthy();
    expect(store.source).toBe(HELGELAND_2026.name);
    const kostnad = bundle.fns.get('KOSTNAD')!;
    const before = kostnad('Rana', 2026, null) as number;
    // What ExcelHost.inputsChanged does from the task pane's own bundle: a context built by another copy of core.
    const bigger = { ...HELGELAND_2026, members: HELGELAND_2026.members.map((m) => (m.kommunenr === '1833' ? { ...m, population: m.population + 1000 } : m)) };
    store.context = createFunctionContext(bigger, today);
    store.version += 1;
    try {
      expect(kostnad('Rana', 2026, null)).toBeCloseTo(before + 23_000, 2);
    } finally {
      store.context = createFunctionContext(HELGELAND_2026, today);
    }
    expect(kostnad('Rana', 2026, null)).toBe(before);
  });
});

describe('functions.json and functions.generated.ts are up to date with the catalog', () => {
  it('functions.generated.ts is what the generator renders now', () => {
    expect(readFileSync(GENERATED_FILE, 'utf8')).toBe(renderFunctionsSource());
  });

  it('lists every entry with matching parameter names, optional flags and Norwegian descriptions', () => {
    expect(metadataProblems(metadata)).toEqual([]);
    for (const e of CATALOG) {
      const f = metadata.functions.find((x) => x.id === e.name)!;
      expect(f.name).toBe(e.name);
      expect(f.parameters.map((p) => p.name)).toEqual(e.params.map((p) => parameterIdentifier(p.name)));
      expect(f.parameters.map((p) => !!p.optional)).toEqual(e.params.map((p) => !!p.optional));
      expect(f.description).toMatch(/[æøå]|\b(og|eller|for|av|i|som|med|til)\b/i);
      for (const p of f.parameters) expect(p.description, `${e.name}.${p.name}`).toMatch(/\S/);
    }
    // IntelliSense shows the Norwegian words: the metadata schema limits parameter names by length only.
    expect(metadata.functions.find((f) => f.id === 'FORDEL')!.parameters.map((p) => p.name)).toEqual(['beløp', 'kommuner', 'nøkkel', 'vekter']);
    expect(metadata.functions.find((f) => f.id === 'KOSTNAD')!.parameters[1]!.name).toBe('år');
    expect(metadata.functions.find((f) => f.id === 'NNV')!.parameters[0]!.name).toBe('kontantstrøm');
    expect(metadata.functions.find((f) => f.id === 'SJEKK')!.parameters[0]!.name).toBe('register_område');
    const shown = metadata.functions.flatMap((f) => f.parameters.map((p) => p.name));
    for (const ascii of ['aar', 'belop', 'nokkel', 'kontantstrom', 'register_omraade']) expect(shown).not.toContain(ascii);
  });

  it('addin-excel/README.md lists every function with its catalog examples (generated block up to date)', () => {
    const readme = readFileSync(README_FILE, 'utf8');
    expect(readme).toBe(readmeWithFunctions(readme));
    for (const e of CATALOG) for (const x of e.examples) expect(readmeFunctionTable()).toContain(x.formula);
    expect(readme).toContain('npm run certs:excel');
    expect(readme).toContain('npm run start:excel');
    expect(readme).toMatch(/Mine tillegg/);
  });

  it('the staleness check can fail: a missing entry or a wrong optional flag is reported', () => {
    const missing = { functions: metadata.functions.filter((f) => f.id !== 'KOSTNAD') };
    expect(metadataProblems(missing)).toContain('KOSTNAD mangler i functions.json');
    const wrong = JSON.parse(JSON.stringify(metadata)) as Metadata;
    delete wrong.functions.find((f) => f.id === 'KOSTNAD')!.parameters[2]!.optional;
    expect(metadataProblems(wrong).join('\n')).toMatch(/KOSTNAD: parametrene/);
    expect(metadataProblems({})).toHaveLength(1);
  });

  it('the build fails (and leaves no functions.json) when custom-functions-metadata rejects the source', async () => {
    // The tool itself exits 0 and writes nothing on a validation error (TOOLCHAIN); the generator must throw.
    const dir = mkdtempSync(join(tmpdir(), 'dh-cfm-'));
    const bad: CatalogEntry = { ...entry('KOSTNAD'), name: 'KOST-NAD' };
    await expect(generateExcelFunctions(dir, [bad], join(dir, 'functions.generated.ts'))).rejects.toThrow(/custom-functions-metadata|functions\.json/);
    expect(existsSync(join(dir, 'functions.json'))).toBe(false);
  });
});
