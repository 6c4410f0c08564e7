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

  it('DH_NNV counts a blank cell as 0 that year and rejects a bare rate of 4', () => {
    expect(sheets('NNV', col(-100, '', 52, 54.08))).toBe(-3.85);
    expect(sheets('NNV', col(-100, 52, 54.08, ''))).toBe(0);
    expect(sheets('NNV', col(-100, 52, 54.08), 4)).toEqual({ error: 'Renten 4 betyr 400 %: skriv 4 % eller 0,04.' });
    expect(sheets('NNV', col(-100, 52, 54.08), 0.04)).toBe(0);
    expect(sheets('TILBAKEBETALING', 500000, col(100000, '', 400000))).toBe(3);
  });

  it('DH_FORDEL names a kommune that appears twice, and an #N/A cell by its error', () => {
    expect(sheets('FORDEL', 100000, col('Rana', '1833', 'Vefsn'))).toEqual({
      error: 'Rana (1833) står to ganger i området («Rana» i rad 1 og «1833» i rad 2): fjern den ene, så får hver kommune én del.',
    });
    const na = { error: 'Kommunen i rad 2 i området er feilverdien #N/A: rett cellen eller ta den ut av området.' };
    expect(sheets('FORDEL', 100, col('Rana', '#N/A', 'Vefsn'))).toEqual(na);
    expect(sheets('DEKNING', col('Rana', '#N/A'))).toEqual(na);
  });

  it('DH_KOSTNAD: 1833,5 is not a kommunenummer', () => {
    expect(sheets('KOSTNAD', 1833.5, 2026)).toEqual({ error: '1833,5 er ikke et kommunenummer: skriv kommunenummeret med fire sifre (f.eks. 1833) eller kommunenavnet.' });
  });

  it('DH_KOSTNAD with a project outside its years is an error naming the years it has', () => {
    expect(sheets('KOSTNAD', 'Rana', 2026, 'RPA')).toBe(222000);
    expect(sheets('KOSTNAD', 'Rana', 2031, 'RPA')).toEqual({ error: 'Prosjektet «RPA vedtatt pr epost» har ingen kostnad for 2031 i Digitale Helgeland 2026 (har 2026).' });
  });
});
