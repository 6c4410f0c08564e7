// A row that holds only a kommune's name is a section label (SPEC §5): it gives its kommune to the rows under it and
// is never a system. A merged cell counts once: hosts hand core its master cell only, so a label merged across the
// register arrives as one cell in its first column, the rest blank.
import { describe, expect, it } from 'vitest';
import { registerDataRowCount } from '../../../core/register/index.js';
import { check, DH, ofRule } from './helpers.js';

const HEADER = ['System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Avtale utløper', 'Kostnad pr mnd', 'Status'];
const row = (system: string, supplier = 'Visma', owner = 'Kari Nordmann') => [system, supplier, owner, 'Ola Hansen', '31.12.2028', 1000, 'I bruk'];

describe('section rows in a register', () => {
  it('a merged section row («Eigersund kommune» across the register) gives no findings and sets the kommune of its rows', () => {
    const cells = [
      HEADER,
      ['Eigersund kommune', null, null, null, null, null, null], // merged A2:F2: only the master cell holds the text
      row('Visma Flyt Skole'),
      row('Acos WebSak', 'Acos'),
      ['Sokndal kommune', null, null, null, null, null, null],
      row('Visma Flyt Skole'),
    ];
    const findings = check(cells);
    expect(findings).toEqual([]);
  });

  it('the same system under two sections is two kommuner’s, not a duplicate', () => {
    const cells = [HEADER, ['Eigersund'], row('Visma Flyt Skole'), ['Sokndal'], row('Visma Flyt Skole')];
    expect(ofRule(check(cells), 'system-duplikat')).toEqual([]);
    const same = [HEADER, ['Eigersund'], row('Visma Flyt Skole'), row('Visma Flyt Skole')];
    expect(ofRule(check(same), 'system-duplikat')).toHaveLength(1);
  });

  it('an unmerged kommune-only row in a register with a Kommune column is a label too, and rows with their own kommune keep it', () => {
    const cells = [
      ['Kommune', ...HEADER],
      ['Rana'],
      [null, ...row('Visma Flyt Skole')],
      ['Vefsn', ...row('Acos WebSak', 'Acos')],
      [null, ...row('Gerica', 'Tieto')],
    ];
    const findings = check(cells, { data: DH });
    expect(findings).toEqual([]);
    expect(registerDataRowCount(cells)).toBe(3);
  });

  it('a label row is not counted, and a row with a system is never a label', () => {
    const cells = [HEADER, ['Eigersund kommune'], row('Rana'), row('Acos WebSak', 'Acos')];
    expect(registerDataRowCount(cells)).toBe(3 - 1);
    // «Rana» as a system name with its supplier and owner is a system row, not a section.
    expect(ofRule(check(cells), 'system-mangler')).toEqual([]);
  });

  it('a register without kommune columns and without labels still lacks them', () => {
    expect(ofRule(check([HEADER, row('Visma Flyt Skole')]), 'kommune-mangler')).toHaveLength(1);
    expect(ofRule(check([HEADER, ['Eigersund'], row('Visma Flyt Skole')]), 'kommune-mangler')).toEqual([]);
    // A row above the first label has no kommune: the columns are still missing.
    expect(ofRule(check([HEADER, row('Gerica', 'Tieto'), ['Eigersund'], row('Visma Flyt Skole')]), 'kommune-mangler')).toHaveLength(1);
  });

  it('without a label, rows with no kommune are still reported', () => {
    const cells = [['Kommune', ...HEADER], [null, ...row('Visma Flyt Skole')]];
    expect(ofRule(check(cells), 'kommune-mangler')).toHaveLength(1);
  });

  it('a label naming a former kommune is one finding, and its rows are not given the kommune above it', () => {
    const cells = [HEADER, ['Eigersund kommune'], row('Visma Flyt Skole'), ['Ørskog kommune'], row('Gerica', 'Tieto'), row('Acos WebSak', 'Acos')];
    const findings = check(cells);
    expect(findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['register.kommune-ukjent A4']);
    expect(findings[0]!.message).toBe(
      '«Ørskog kommune» er ikke lenger en kommune: Ørskog (1523, Møre og Romsdal) ble en del av Ålesund (1507) 1. januar 2020; nå Ålesund (1508). Rett overskriften til «Ålesund».',
    );
    // Gerica under Ørskog is not Eigersund's: the same system under Eigersund is no duplicate.
    const again = [HEADER, ['Eigersund'], row('Gerica', 'Tieto'), ['Ørskog'], row('Gerica', 'Tieto')];
    expect(ofRule(check(again), 'system-duplikat')).toEqual([]);
  });

  it('a text that is no kommune alone in a row is not a label', () => {
    const cells = [['Kommune', ...HEADER], ['Helse og omsorg'], ['Rana', ...row('Gerica', 'Tieto')]];
    expect(ofRule(check(cells), 'system-mangler')).toHaveLength(1);
  });
});
