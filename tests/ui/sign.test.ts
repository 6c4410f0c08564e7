// One sign for the budget gap (issue 11): the panel's Fordeling, `dh fordeling`, `dh kontroll` (DH_Funn's message)
// and the preview's kontroll of the same workbook all say −51 075,85 kr for 2026: beregnet − budsjettert.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGET_GAP_CONVENTION, HELGELAND_2026 } from '../../core/index.js';
import { findingsTable, fordelingView, reconcileActiveSheet } from '../../ui/actions.js';
import { openWorkbookFile } from '../../preview/src/open-file.js';
import { PreviewHost } from '../../preview/src/preview-host.js';
import { PreviewWorkbook } from '../../preview/src/workbook.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'styremote-2026.xlsx');
const GAP = '−51 075,85 kr';
/** The signed amount a text gives the budget gap («avvik −51 075,85 kr», «avviker med −51 075,85 kr»). */
const gapIn = (text: string) => /avvik(?:er med)? ([−-]?\d[\d\s]*,\d\d kr)/.exec(text.replace(/\u00a0/g, ' '))?.[1];

function dh(...args: string[]): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'dh.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout };
}

describe('the budget gap has one sign everywhere', () => {
  it('panel, dh fordeling, dh kontroll and the preview agree on −51 075,85 kr', async () => {
    const panel = fordelingView(HELGELAND_2026, 2026);
    expect(panel.ok && panel.value.budget?.deviation).toBe(GAP);

    expect(gapIn(dh('fordeling', '2026').stdout)).toBe(GAP);

    const kontroll = dh('kontroll', EXAMPLE, '--dato', '2026-03-01', '--json');
    const cliFinding = (JSON.parse(kontroll.stdout) as { rule: string; message: string }[]).find((f) => f.rule === 'kontroll.budsjettlinje');
    expect(cliFinding && gapIn(cliFinding.message)).toBe(GAP);

    const data = readFileSync(EXAMPLE);
    const opened = await openWorkbookFile('styremote-2026.xlsx', data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
    const workbook = new PreviewWorkbook(opened.sheets, { regions: opened.regions, activeSheet: 'Fordeling 2026', today: '2026-03-01' });
    workbook.showSheet('Fordeling 2026');
    const preview = await reconcileActiveSheet(new PreviewHost(workbook), HELGELAND_2026, 2026);
    expect(preview.ok).toBe(true);
    const previewFinding = preview.ok ? preview.value.findings.find((f) => f.rule === 'kontroll.budsjettlinje') : undefined;
    expect(previewFinding && gapIn(previewFinding.message)).toBe(GAP);
    // DH_Funn carries the same message.
    const funn = findingsTable(preview.ok ? preview.value.findings : []);
    expect(funn.rows.some((r) => r[1] === 'kontroll.budsjettlinje' && gapIn(String(r[6])) === GAP)).toBe(true);
  });

  it('the convention is stated in words once (panel help text, README)', () => {
    expect(BUDGET_GAP_CONVENTION).toMatch(/beregnet − budsjettert/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/\*beregnet − budsjettert\*/);
  });
});
