// A newcomer's first ten minutes: every `npx dh …` line of README.md runs as written (in a scratch copy of the
// project, so `-o ny.xlsx` lands there) and ends with the exit code README gives it («utkode N» on the same line,
// else 0). examples/ holds the workbooks those lines use, and they are what scripts/examples.ts writes.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { BOARD_WORKBOOK, boardWorkbook, REGISTER_WORKBOOK, registerWorkbook } from '../../scripts/examples.js';
import { readmeCommands } from './readme-commands.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

let scratch: string;

beforeAll(() => {
  // A copy of the project's face (package.json with its bin, examples/), code and dependencies linked, so npx finds
  // `dh` exactly as in a clone and files the commands write stay out of the repository.
  scratch = mkdtempSync(join(tmpdir(), 'dh-readme-'));
  cpSync(join(ROOT, 'package.json'), join(scratch, 'package.json'));
  cpSync(join(ROOT, 'examples'), join(scratch, 'examples'), { recursive: true });
  symlinkSync(join(ROOT, 'bin'), join(scratch, 'bin'));
  symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'));
  symlinkSync(join(ROOT, 'tests'), join(scratch, 'tests')); // saved answers a line may read (tests/fixtures/…)
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('README’s dh lines', () => {
  const commands = readmeCommands(README);

  it('are there, and use the workbooks in examples/', () => {
    expect(commands.length).toBeGreaterThanOrEqual(4);
    expect(commands.some((c) => c.command.includes(`examples/${BOARD_WORKBOOK}`))).toBe(true);
    expect(commands.some((c) => c.command.includes(`examples/${REGISTER_WORKBOOK}`))).toBe(true);
    for (const c of commands) {
      for (const file of c.command.match(/\S+\.(xlsx|csv)\b/g) ?? []) {
        if (/^-o$|--ut/.test(c.command.split(file)[0]!.trim().split(/\s+/).at(-1) ?? '')) continue; // an output file
        expect(existsSync(join(ROOT, file)), `README linje ${c.line}: ${file} finnes ikke`).toBe(true);
      }
    }
  });

  it.each(readmeCommands(README).map((c) => [c.line, c.command, c.exitCode] as const))('README line %i: %s → exit code %i', (_line, command, exitCode) => {
    const run = spawnSync('sh', ['-c', command], { cwd: scratch, encoding: 'utf8', timeout: 120_000, env: { ...process.env, NO_COLOR: '1' } });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output).toBe(exitCode);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
  });
});

describe('examples/', () => {
  async function cells(path: string): Promise<Record<string, unknown>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    return sheetsOf(wb);
  }
  function sheetsOf(wb: ExcelJS.Workbook): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    wb.eachSheet((ws) => ws.eachRow((row, r) => row.eachCell((cell, c) => void (out[`${ws.name}!${r}:${c}`] = cell.value))));
    return out;
  }
  async function roundTrip(wb: ExcelJS.Workbook): Promise<Record<string, unknown>> {
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    return sheetsOf(back);
  }

  it('are the workbooks scripts/examples.ts writes (run `npx tsx scripts/examples.ts` after changing it)', async () => {
    expect(await cells(join(ROOT, 'examples', BOARD_WORKBOOK))).toEqual(await roundTrip(boardWorkbook()));
    expect(await cells(join(ROOT, 'examples', REGISTER_WORKBOOK))).toEqual(await roundTrip(registerWorkbook()));
  });

  it('the board workbook carries the seed’s own problems; the register its typical ones', () => {
    const board = spawnSync('sh', ['-c', `npx dh kontroll examples/${BOARD_WORKBOOK} --dato 2026-03-01 --json`], { cwd: scratch, encoding: 'utf8', timeout: 120_000 });
    const findings = JSON.parse(board.stdout) as { rule: string; severity: string }[];
    expect(board.status).toBe(1);
    expect(findings.filter((f) => f.severity === 'error').length).toBeGreaterThan(0);
    const register = spawnSync('sh', ['-c', `npx dh kontroll examples/${REGISTER_WORKBOOK} --dato 2026-03-01 --json`], { cwd: scratch, encoding: 'utf8', timeout: 120_000 });
    const registerFindings = JSON.parse(register.stdout) as { rule: string }[];
    expect(register.status).toBe(1);
    for (const rule of ['register.systemeier-mangler', 'register.avtale-utlopt', 'register.leverandor-varianter']) {
      expect(registerFindings.map((f) => f.rule)).toContain(rule);
    }
  });
});
