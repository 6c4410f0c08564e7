import { afterEach, describe, expect, it } from 'vitest';
import type { HyperFormula } from 'hyperformula';
import { createFunctionContext, dec, HELGELAND_2026, type Dataset } from '../../core/index.js';
import { createEngine, getPreviewModel, setPreviewModel } from '../../preview/src/hyperformula-plugin.js';

let hf: HyperFormula | undefined;
afterEach(() => {
  hf?.destroy();
  hf = undefined;
  setPreviewModel(createFunctionContext(HELGELAND_2026, '2026-01-01'));
});

describe('the functions read a settable model', () => {
  it('uses the model set with setPreviewModel after a recalculation', () => {
    setPreviewModel(createFunctionContext(HELGELAND_2026, '2026-01-01'));
    hf = createEngine({ Ark: [['=DH.KOSTNAD("Rana";2026)', '=DH.INNBYGGERE("Rana")']] });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(752197.48);
    const bigger: Dataset = {
      ...HELGELAND_2026,
      members: HELGELAND_2026.members.map((m) => (m.kommunenr === '1833' ? { ...m, population: 26000 } : m)),
      keys: HELGELAND_2026.keys.map((k) => (k.year === 2026 ? { ...k, ratePerInhabitant: dec('24') } : k)),
    };
    const ctx = createFunctionContext(bigger, '2026-01-01');
    setPreviewModel(ctx);
    expect(getPreviewModel()).toBe(ctx);
    hf.rebuildAndRecalculate();
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(156520.48 + 24 * 26000);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(26000);
  });
});
