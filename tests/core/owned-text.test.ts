// Issue 16: names the add-in writes into a workbook (project names as DH_Deltakelse column names) carry no
// control or bidi-override characters and stay within Office's 255 characters for a table column.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deltakelseTable, projectColumnNames } from '../../core/board/tables.js';
import { HELGELAND_2026 } from '../../core/index.js';
import { MAX_COLUMN_NAME, ownedText } from '../../core/workbook/owned-text.js';

const withName = (name: string) => ({ ...HELGELAND_2026, projects: HELGELAND_2026.projects.map((p, i) => (i === 0 ? { ...p, name } : p)) });

describe('ownedText', () => {
  it('removes tab, newline and right-to-left overrides, and keeps ordinary names as they are', () => {
    expect(ownedText('RPA\tfase 2\nny')).toEqual({ text: 'RPA fase 2 ny', shortened: false });
    expect(ownedText('Akson\u202Etxe.exe')).toEqual({ text: 'Akson txe.exe', shortened: false });
    expect(ownedText('Felles journal (Akson)')).toEqual({ text: 'Felles journal (Akson)', shortened: false });
  });

  it('any text comes out within the limit, without unsafe characters, and says when it was cut', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        const r = ownedText(s);
        expect(Array.from(r.text).length).toBeLessThanOrEqual(MAX_COLUMN_NAME);
        expect(r.text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]/);
        if (!r.shortened) expect(r.text).toBe(s.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s{2,}/g, ' ').trim());
      }),
    );
  });
});

describe('DH_Deltakelse column names', () => {
  it('a 10 000-character project name gives a column of at most 255 characters, and is reported as shortened', () => {
    const data = withName('Prosjekt '.repeat(1200));
    const table = deltakelseTable(data);
    expect(table.headers.every((h) => Array.from(h).length <= 255)).toBe(true);
    expect(Array.from(table.headers[2]!).length).toBe(255);
    expect(projectColumnNames(data).filter((c) => c.shortened).map((c) => c.project.length)).toEqual([10800]);
  });

  it('a name with a newline and a bidi override becomes one safe line', () => {
    expect(deltakelseTable(withName('Ny\nløsning\u202E')).headers[2]).toBe('Ny løsning');
  });
});
