// The same user inputs through the BUILT Sheets bundle (dist/gsheets/Code.js in the Apps Script fake): Sheets
// passes error cells in a range as "#N/A" text and blank cells as "".
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, loadAddon } from './helpers.js';

beforeAll(ensureBuilt);

function sheets(name: string, ...args: unknown[]): unknown {
  const { runtime } = loadAddon();
  try {
    return runtime.customFunction(`DH_${name}`, ...args);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

const col = (...values: unknown[]) => values.map((v) => [v]);

describe('DH_ functions in the built bundle', () => {
  it('"0.125" is 0,125', () => {
    expect(sheets('TIDSVERDI', 1, 60, '0.125')).toBe(0.13);
    expect(sheets('TIDSVERDI', 1, 60, '1.234')).toBe(1234);
  });
});
