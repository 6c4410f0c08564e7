// The preview host reads the active sheet in parts (so a 100 000-row register does not freeze the page) and gets
// exactly what one whole-sheet read gives.
import { describe, expect, it } from 'vitest';
import { defaultWorkbook } from '../../preview/src/default-workbook.js';
import { PreviewHost } from '../../preview/src/preview-host.js';
import { PreviewWorkbook, textCell } from '../../preview/src/workbook.js';

describe('PreviewHost.readActiveSheet', () => {
  it('reads every sheet of the default workbook as a whole-sheet read does', async () => {
    const { sheets, options } = defaultWorkbook();
    const workbook = new PreviewWorkbook(sheets, { ...options, today: '2026-03-01' });
    const host = new PreviewHost(workbook);
    for (const sheet of sheets) {
      workbook.select(sheet.name, 1, 1);
      expect(await host.readActiveSheet()).toEqual(workbook.readActiveSheet());
    }
  });

  it('reads a sheet taller than one part in several parts, in order, with progress', async () => {
    const rows = Array.from({ length: 12_345 }, (_, r) => (r % 7 === 0 ? [textCell(`rad ${r}`)] : [textCell(`rad ${r}`), r, null, r % 3 ? textCell('x') : null]));
    const workbook = new PreviewWorkbook([{ name: 'Stor', rows }], { today: '2026-03-01' });
    workbook.select('Stor', 1, 1);
    const progress: number[] = [];
    const read = await new PreviewHost(workbook).readActiveSheet((f) => progress.push(f));
    expect(read).toEqual(workbook.readActiveSheet());
    expect(read.values).toHaveLength(12_345);
    expect(progress.filter((f) => f > 0 && f < 1).length).toBeGreaterThanOrEqual(2);
  });
});
