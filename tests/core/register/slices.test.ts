import { describe, expect, it } from 'vitest';
import { checkRegister, checkRegisterInSlices, DatasetContext, HELGELAND_2026 } from '../../../core/index.js';
import { generateRegister } from '../../../bench/register.js';

describe('checkRegisterInSlices', () => {
  const cells = generateRegister(12_345, 7);
  const options = { sheet: 'Register', today: '2026-03-01', data: new DatasetContext(HELGELAND_2026) };

  it('gives exactly the findings of checkRegister, whatever the slice size', async () => {
    const whole = checkRegister(cells, options);
    expect(whole.length).toBeGreaterThan(100);
    for (const slice of [1_000, 4_096, 50_000]) {
      const sliced = await checkRegisterInSlices(cells, options, () => Promise.resolve(), slice);
      expect(sliced).toEqual(whole);
    }
  });

  it('pauses between slices and reports progress up to 1', async () => {
    let pauses = 0;
    const progress: number[] = [];
    await checkRegisterInSlices(cells, { ...options, onProgress: (f) => progress.push(f) }, async () => {
      pauses++;
    }, 1_000);
    expect(pauses).toBe(Math.ceil((cells.length - 1) / 1_000) - 1);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= progress[i - 1]!)).toBe(true);
  });

  it('returns the missing-header finding without pausing', async () => {
    let pauses = 0;
    const findings = await checkRegisterInSlices([['a', 'b'], [1, 2]], options, async () => void pauses++);
    expect(findings.map((f) => f.rule)).toEqual(['register.overskrift-mangler']);
    expect(pauses).toBe(0);
  });
});
