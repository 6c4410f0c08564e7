// The Apps Script fake itself: it must be as unforgiving as Apps Script, or the add-on tests prove nothing.
import { describe, expect, it } from 'vitest';
import { AppsScriptFake, CACHE_VALUE_LIMIT, formatDate, zonedMidnight } from '../fakes/apps-script/index.js';

const sheetOf = () => {
  const fake = new AppsScriptFake();
  return { fake, ss: fake.spreadsheet, sheet: fake.spreadsheet.getActiveSheet() };
};

describe('Apps Script fake', () => {
  it('setValues/setFormulas/setBackgrounds refuse data whose shape differs from the range', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow('The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.');
    expect(() => sheet.getRange(1, 1, 2, 1).setFormulas([['=1']])).toThrow(/number of rows/);
    expect(() => sheet.getRange('A1:B1').setBackgrounds([['#fff']])).toThrow(/number of columns/);
    expect(() => sheet.getRange(1, 1).setValues([[{}]] as never)).toThrow(/Cannot convert/);
  });

  it('getRange throws outside the grid and on bad coordinates', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(1001, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
    expect(() => sheet.getRange('hei')).toThrow('Range not found');
    sheet.insertRowsAfter(1000, 5);
    expect(sheet.getRange(1005, 1).getA1Notation()).toBe('A1005');
  });

  it('parses written strings as typed input: formulas, numbers, booleans, dates — unless quoted or plain text', () => {
    const { sheet } = sheetOf();
    sheet.getRange(1, 1, 1, 8).setValues([['=HACK()', '+HACK()', '1833', 'TRUE', '2026-12-31', "'=HACK()", "'0301", '-5']]);
    expect(sheet.getRange('A1:H1').getFormulas()[0]).toEqual(['=HACK()', '=+HACK()', '', '', '', '', '', '']);
    const values = sheet.getRange('A1:H1').getValues()[0]!;
    expect(values.slice(0, 4)).toEqual(['#NAME?', '#NAME?', 1833, true]);
    expect(values[4]).toEqual(zonedMidnight(2026, 12, 31, 'Europe/Oslo'));
    expect(values.slice(5)).toEqual(['=HACK()', '0301', -5]);
    sheet.getRange('A2').setNumberFormat('@');
    sheet.getRange('A2').setValues([['=HACK()']]);
    expect(sheet.getRange('A2').getFormula()).toBe('');
    expect(sheet.getRange('A2').getValue()).toBe('=HACK()');
  });

  it('sheets: unique names, the last one cannot go, a deleted sheet cannot be used, its named ranges stop resolving', () => {
    const { ss, sheet } = sheetOf();
    expect(() => ss.insertSheet('Ark1')).toThrow('A sheet with the name "Ark1" already exists. Please enter another name.');
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    const other = ss.insertSheet('Data', 0);
    expect(ss.getActiveSheet()).toBe(other);
    expect(other.getIndex()).toBe(1);
    ss.setNamedRange('DH_Data', other.getRange('A1:B2'));
    expect(() => ss.setNamedRange('A1', other.getRange('A1'))).toThrow(/Invalid name/);
    ss.deleteSheet(other);
    expect(() => other.getRange('A1')).toThrow('The sheet has been deleted.');
    expect(ss.getRangeByName('DH_Data')).toBeNull();
    expect(() => ss.getNamedRanges()[0]!.getRange()).toThrow('Range not found');
    expect(() => sheet.setName('Ark1')).not.toThrow();
  });

  it('custom-function mode forbids writes and getUi, but not reads or the cache', () => {
    const { fake, sheet } = sheetOf();
    const g = fake.globals() as Record<string, any>;
    fake.mode = 'customFunction';
    expect(() => sheet.getRange('A1').setValue(1)).toThrow(/You do not have permission to call setValue/);
    expect(() => g.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(sheet.getRange('A1').getValue()).toBe('');
    expect(() => g.CacheService.getDocumentCache().put('k', 'v')).not.toThrow();
  });

  it('CacheService enforces its 100 KB value and 250-character key limits and expires entries', () => {
    const { fake } = sheetOf();
    const cache = (fake.globals() as Record<string, any>).CacheService.getDocumentCache();
    expect(() => cache.put('k', 'x'.repeat(CACHE_VALUE_LIMIT + 1))).toThrow('Argument too large: value');
    expect(() => cache.put('k', 'ø'.repeat(CACHE_VALUE_LIMIT / 2 + 1))).toThrow('Argument too large: value');
    expect(() => cache.putAll({ a: 'x', b: 'x'.repeat(CACHE_VALUE_LIMIT + 1) })).toThrow('Argument too large: value');
    expect(cache.get('a')).toBeNull();
    expect(() => cache.put('k'.repeat(251), 'v')).toThrow('Argument too large: key');
    cache.put('k', 'v', 60);
    expect(cache.getAll(['k', 'mangler'])).toEqual({ k: 'v' });
    fake.clock += 61_000;
    expect(cache.get('k')).toBeNull();
    cache.put('lang', 'v', 999_999);
    fake.clock += 21_600_000;
    expect(cache.get('lang')).toBeNull();
  });

  it('PropertiesService enforces the 9 KB value limit', () => {
    const { fake } = sheetOf();
    const props = (fake.globals() as Record<string, any>).PropertiesService.getDocumentProperties();
    expect(() => props.setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    props.setProperties({ a: '1', b: '2' });
    expect(props.getProperties()).toEqual({ a: '1', b: '2' });
  });

  it('injected failures hit the chosen call only', () => {
    const { fake, sheet } = sheetOf();
    fake.failOn({ op: 'Range.setValues', skip: 1 });
    sheet.getRange('A1').setValues([[1]]);
    expect(() => sheet.getRange('A2').setValues([[2]])).toThrow(/Service Spreadsheets failed/);
    sheet.getRange('A3').setValues([[3]]);
    expect(fake.count('Range.setValues')).toBe(3);
  });

  it('Utilities.formatDate formats in the given time zone', () => {
    const d = zonedMidnight(2026, 6, 30, 'Europe/Oslo');
    expect(d.toISOString()).toBe('2026-06-29T22:00:00.000Z');
    expect(formatDate(d, 'Europe/Oslo', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2026-06-30T00:00:00');
    expect(formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm')).toBe('2026-06-29 22:00');
  });
});
