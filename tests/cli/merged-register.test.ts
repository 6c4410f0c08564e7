// A register as municipalities publish it: one merged section row per kommune («Eigersund kommune» across the
// register, merged A:H) above its systems. exceljs hands a merged cell's value to every cell it covers; Excel keeps
// the value in the upper-left cell only («The value of a merged range is specified in the cell of the range's
// upper-left corner», learn.microsoft.com, Range.Merge method (Excel)), and that is what dh must read: the master
// cell once, the covered cells blank.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './workbooks.js';
import { dh } from './run-dh.js';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

const HEADER = ['System', 'Leverandør', 'Systemeier', 'Systemansvarlig', 'Avtale utløper', 'Oppsigelsestid (mnd)', 'Kostnad pr mnd', 'Status'];

async function registerFile(name: string, statusOfLast: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Systemoversikt');
  ws.addRow(HEADER);
  const section = (label: string) => {
    const row = ws.addRow([label]);
    ws.mergeCells(row.number, 1, row.number, HEADER.length);
  };
  section('Eigersund kommune');
  ws.addRow(['Visma Flyt Skole', 'Visma', 'Kari Nordmann', 'Ola Hansen', new Date(Date.UTC(2028, 11, 31)), 6, 4500, 'I bruk']);
  ws.addRow(['Acos WebSak', 'Acos', 'Kari Nordmann', 'Ola Hansen', new Date(Date.UTC(2028, 11, 31)), 6, 12000, 'I bruk']);
  section('Sokndal kommune');
  ws.addRow(['Visma Flyt Skole', 'Visma', 'Per Olsen', 'Lise Berg', new Date(Date.UTC(2028, 11, 31)), 6, 2100, statusOfLast]);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('dh kontroll on a register with merged section rows', () => {
  it('a merged «Eigersund kommune» row is a section label: no findings, and its systems are Eigersund’s', async () => {
    const file = await registerFile('seksjoner.xlsx', 'I bruk');
    const r = await dh('kontroll', file, '--dato', '2026-01-15', '--json');
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout) as { rule: string; row: number; message: string }[];
    expect(findings.filter((f) => f.rule.startsWith('register.'))).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('«Ute av bruk» with a cost under a section is reported once, in its row', async () => {
    const file = await registerFile('ute-av-bruk.xlsx', 'Ute av bruk');
    const r = await dh('kontroll', file, '--dato', '2026-01-15', '--json');
    const findings = JSON.parse(r.stdout) as { rule: string; row: number; cell: string }[];
    expect(findings.filter((f) => f.rule.startsWith('register.')).map((f) => `${f.rule} ${f.cell}`)).toEqual(['register.kostnad-utfaset G6']);
  });
});
