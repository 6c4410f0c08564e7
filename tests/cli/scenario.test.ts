// `dh fordeling` with scenario options (SPEC §9), in-process as the other CLI tests.
import { describe, expect, it } from 'vitest';
import { Dec, HELGELAND_2026 } from '../../core/index.js';
import { dh } from './run-dh.js';

interface Row { kommune: string; kommunenr: string; innbyggere: number; kr: string; i_dag: string; differanse: string }
const sumOf = (rows: Row[], field: 'kr' | 'i_dag') => rows.reduce((acc, r) => acc.plus(r[field]), new Dec(0)).toFixed(2);

describe('dh fordeling --uten / --samme-sum', () => {
  it('--uten Rana --json: 18 rows without Rana, each equal to today’s key, sum exact', async () => {
    const r = await dh('fordeling', '2026', '--uten', 'Rana', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { rader: Row[]; sum: string; scenario: { modus: string; uten: { kommunenr: string }[] } };
    expect(json.rader).toHaveLength(18);
    expect(json.rader.some((row) => row.kommunenr === '1833')).toBe(false);
    expect(json.scenario.modus).toBe('samme_nokkel');
    expect(json.scenario.uten.map((u) => u.kommunenr)).toEqual(['1833']);
    for (const row of json.rader) {
      expect(row.kr, row.kommune).toBe(new Dec('156520.48').plus(new Dec(row.innbyggere).times(23)).toFixed(2));
      expect(row.i_dag).toBe(row.kr);
      expect(row.differanse).toBe('0.00');
    }
    expect(json.sum).toBe(sumOf(json.rader, 'kr'));
  });

  it('--samme-sum: the sum is exactly 4 905 406,12 and every other kommune pays more', async () => {
    const r = await dh('fordeling', '2026', '--uten', 'Rana', '--samme-sum', '--json');
    const json = JSON.parse(r.stdout) as { rader: Row[]; sum: string; kontroll: string; scenario: { faktor: string; metode: string } };
    expect(json.sum).toBe('4905406.12');
    expect(sumOf(json.rader, 'kr')).toBe('4905406.12');
    expect(json.kontroll).toBe('0.00');
    for (const row of json.rader) expect(new Dec(row.differanse).greaterThan(0), row.kommune).toBe(true);
    expect(json.scenario.metode).toMatch(/faktoren/);
  });

  it('--med adds a kommune at today’s key; text output states the sign convention', async () => {
    const r = await dh('fordeling', '2026', '--med', 'Bodø=53000');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bodø (ny)');
    expect(r.stdout).toContain('Differanse = scenario − i dag');
    const json = JSON.parse((await dh('fordeling', '2026', '--med', 'Bodø=53000', '--json')).stdout) as { rader: Row[] };
    const bodo = json.rader.find((row) => row.kommunenr === '1804')!;
    expect(bodo.kr).toBe(new Dec('156520.48').plus(53000 * 23).toFixed(2));
    expect(bodo.i_dag).toBe('0.00');
    expect(json.rader).toHaveLength(HELGELAND_2026.members.length + 1);
  });

  it.each([
    [['--uten', 'Rna'], /^--uten: .*Rana/],
    [['--uten', 'Oslo'], /^--uten: Oslo \(0301\) er ikke medlem/],
    [['--uten', 'Herøy', '--med', 'Herøy=100'], /både tatt ut og lagt til/],
    [['--andel-likt', '140'], /^--andel-likt må være mellom 0 og 100 %/],
    [['--fast', '100000', '--andel-likt', '40'], /^Velg én form for nøkkelen/],
    [['--med', 'Bodø'], /KOMMUNE=INNBYGGERE/],
    [['--fast', '-5'], /.+/],
  ])('%j is one Norwegian line and exit 2', async (flags, message) => {
    const r = await dh('fordeling', '2026', ...flags);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  });
});
