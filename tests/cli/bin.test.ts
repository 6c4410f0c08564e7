// bin/dh.mjs as a user runs it: a real process, exit codes and stderr.
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { generateRegister } from '../../bench/register.js';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBarChart, tempDir, writeBoardWorkbook } from './workbooks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'bin', 'dh.mjs');

function dh(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const { dir, cleanup } = tempDir();
const board = join(dir, 'styremote.xlsx');
const corrupt = join(dir, 'skadet.xlsx');
const withChart = join(dir, 'med-diagram.xlsx');
beforeAll(async () => {
  await writeBoardWorkbook(board);
  await writeBoardWorkbook(withChart);
  await addBarChart(withChart, 'Budsjett 2026');
  writeFileSync(join(dir, '~$med-diagram.xlsx'), 'eier');
  writeFileSync(corrupt, 'ikke en zip-fil');
});
afterAll(cleanup);

describe('bin/dh.mjs', () => {
  it('dh kostnad Rana 2026 → 752 197,48 kr, kode 0', () => {
    expect(dh('kostnad', 'Rana', '2026')).toEqual({ status: 0, stdout: '752 197,48 kr\n', stderr: '' });
  });

  it('a reader that stops early (| head) ends dh quietly: no EPIPE stack trace', async () => {
    const path = join(dir, 'register-2000.xlsx');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Systemoversikt');
    for (const row of generateRegister(2_000, 1)) sheet.addRow(row as unknown[]);
    await book.xlsx.writeFile(path);
    // Twice a pipe's 64 kB buffer, so dh is still writing when head has gone.
    expect(dh('kontroll', '--json', path).stdout.length).toBeGreaterThan(100_000);
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" kontroll --json "${path}" | head -c 100`], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.stdout).toMatch(/^\[\n/);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('dh uten argumenter skriver norsk bruksanvisning', () => {
    const r = dh();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Bruk:');
    expect(r.stdout).toContain('dh kontroll <fil.xlsx> [--dato ÅÅÅÅ-MM-DD] [--json]');
  });

  it('kontroll av styrets dokument finner feil: kode 1', () => {
    const r = dh('kontroll', board, '--dato', '2026-01-15', '--json');
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).some((f: { cell: string; sheet: string }) => f.sheet === 'Fordeling 2026' && f.cell === 'D5')).toBe(true);
  });

  it.each([
    ['manglende fil', ['kontroll', join(dir, 'borte.xlsx')], /^Fant ikke filen/],
    ['skadet fil', ['kontroll', corrupt], /^Kan ikke lese «skadet\.xlsx»/],
    ['ukjent kommando', ['tull'], /^Ukjent kommando «tull»/],
    ['feilstavet kommune', ['kostnad', 'Ranna', '2026'], /mente du Rana\?/],
    ['oppdater av en fil som er åpen i Excel', ['oppdater', withChart], /^«med-diagram\.xlsx» er åpen i Excel eller LibreOffice \(fant «~\$med-diagram\.xlsx»\)\. .*Ingenting er skrevet\./],
  ])('%s: kode 2, én linje på stderr, ingen stakkspor', (_name, args, message) => {
    const r = dh(...(args as string[]));
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js|mjs):\d+/);
  });
});
