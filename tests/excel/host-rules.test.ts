// The rules Excel applies around a custom function, checked on the BUILT dist/excel files through a fake host
// that reads functions.json as Excel does (tests/excel/custom-functions-host.ts cites the pages). Each rule is
// first shown on the fake itself with metadata lacking the flag, so the test can fail and the fake is no kinder
// than Excel; then the add-in's own functions.json is shown to pass it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getModel, getModelStore, localToday, resetModel } from '../../addin-excel/src/functions/adapter.js';
import type { Metadata } from '../../scripts/gen-excel-functions.js';
import { entityCell, errorCell, FakeCustomFunctionsHost, type HostCell } from './custom-functions-host.js';
import { DIST_EXCEL, ensureExcelBuild } from './helpers.js';

let built: Metadata;

beforeAll(async () => {
  await ensureExcelBuild();
  built = JSON.parse(readFileSync(resolve(DIST_EXCEL, 'functions.json'), 'utf8')) as Metadata;
});

const REGISTER: HostCell[][] = [
  ['Kommune', 'System', 'Leverandør', 'Avtale utløper'],
  ['Rana', 'Elements', 'Sikri', '31.12.2027'],
  ['Vefsn', errorCell('#N/A'), 'Sikri', '31.12.2027'],
];

describe('error inputs (allowErrorForDataTypeAny)', () => {
  it('the fake, like Excel, never calls a function with an error argument when the flag is missing', () => {
    const { allowErrorForDataTypeAny: _drop, ...without } = built;
    const host = new FakeCustomFunctionsHost({ metadata: without });
    expect(host.calculate('SJEKK', REGISTER, 'liste')).toEqual({ error: '#N/A' });
    expect(host.calculate('KOSTNAD', errorCell('#REF!'), 2026)).toEqual({ error: '#REF!' });
    expect(host.invocations).toBe(0);
  });

  it('the build sets allowErrorForDataTypeAny: true in dist/excel/functions.json', () => {
    expect(built.allowErrorForDataTypeAny).toBe(true);
    expect(built.allowCustomDataForDataTypeAny).toBe(true);
  });

  it('DH.SJEKK over a register with an #N/A cell returns findings that name the cell', () => {
    const host = new FakeCustomFunctionsHost();
    const count = host.calculate('SJEKK', REGISTER);
    expect('value' in count && (count.value as number[][])[0]![0]).toBeGreaterThan(0);
    const list = host.calculate('SJEKK', REGISTER, 'liste');
    expect('value' in list).toBe(true);
    const rows = (list as { value: unknown[][] }).value;
    const hit = rows.find((r) => String(r[3]).includes('#N/A'));
    expect(hit, JSON.stringify(rows)).toBeDefined();
    // The cell is B3 of the range (row 3: Vefsn, column 2: System).
    expect(hit![1]).toBe('B3');
  });

  it('an error in a scalar argument gives the Norwegian «feilverdi» message, not Excel\'s bare error', () => {
    const host = new FakeCustomFunctionsHost();
    const result = host.calculate('KOSTNAD', errorCell('#REF!'), 2026);
    expect(result).toMatchObject({ error: '#VALUE!' });
    expect((result as { message: string }).message).toMatch(/feilverdi/);
  });
});

describe('data types (allowCustomDataForDataTypeAny)', () => {
  it('the fake passes an entity as its basic value #VALUE! when the flag is missing', () => {
    const { allowCustomDataForDataTypeAny: _drop, ...without } = built;
    const host = new FakeCustomFunctionsHost({ metadata: without });
    expect(host.calculate('KOSTNAD', entityCell('Rana'), 2026)).toMatchObject({ error: expect.stringMatching(/#VALUE!/) });
  });

  it('a kommune cell converted to the Geography data type (an entity) computes like its text', () => {
    const host = new FakeCustomFunctionsHost();
    const plain = host.calculate('KOSTNAD', 'Rana', 2026);
    expect(plain).toEqual({ value: 752197.48 });
    expect(host.calculate('KOSTNAD', entityCell('Rana', { Population: { type: 'Double', basicValue: 26000 } }), 2026)).toEqual(plain);
    expect(host.calculate('KOSTNAD', entityCell('Rana', {}, 'Entity'), 2026)).toEqual(plain);
    expect(host.calculate('KOMMUNENR', entityCell('Brønnøy'))).toEqual({ value: '1813' });
    // In a range too: DEKNING over three Geography cells.
    const cells = [[entityCell('Rana')], [entityCell('Vefsn')], ['Brønnøy']];
    const mixed = host.calculate('DEKNING', cells);
    expect(mixed).toEqual(host.calculate('DEKNING', [['Rana'], ['Vefsn'], ['Brønnøy']]));
  });

  it('a formatted number cell (data type) is its number', () => {
    const host = new FakeCustomFunctionsHost();
    const year = { kind: 'dataType' as const, json: { type: 'FormattedNumber', basicValue: 2026, numberFormat: '0' } };
    expect(host.calculate('KOSTNAD', 'Rana', year)).toEqual({ value: 752197.48 });
  });
});

describe('"today" follows the calendar in a runtime that lives for days', () => {
  it('getModel gives the date of the call, not the date the runtime loaded', () => {
    resetModel();
    try {
      const loaded = getModelStore().context.today;
      expect(loaded).toBe(localToday());
      const later = new Date(Date.now() + 3 * 86_400_000);
      expect(getModel(later).today).toBe(localToday(later));
      expect(getModel(later).data).toBe(getModelStore().context.data);
    } finally {
      resetModel();
    }
  });

  it('a pinned date (tests) stays pinned', () => {
    resetModel('2026-06-01');
    try {
      expect(getModel(new Date(Date.now() + 86_400_000 * 400)).today).toBe('2026-06-01');
    } finally {
      resetModel();
    }
  });
});
