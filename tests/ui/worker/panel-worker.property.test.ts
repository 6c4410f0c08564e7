// The panel worker gives the same findings, row count and «Felles systemer» as checkRegister on the panel's own
// thread. The worker's message handler runs in-process behind a stand-in Worker that copies every message with
// structuredClone, as postMessage does, so the batching, the Decimal encoding of the dataset and the findings'
// return trip are all on the path under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  checkRegister,
  commonSystems,
  Dec,
  DatasetContext,
  HELGELAND_2026,
  registerDataRowCount,
  sortFindings,
  type Dataset,
} from '../../../core/index.js';
import { generateRegister } from '../../../bench/register.js';
import { commonSystemViews, type RegisterAnalysis, type RegisterCells, type RegisterPlace } from '../../../ui/register/analysis.js';
import { analyseRegisterInBackground, CheckCancelled } from '../../../ui/worker/client.js';
import { fromCloneable, toCloneable } from '../../../ui/worker/clone.js';
import { panelWorkerHandler } from '../../../ui/worker/handler.js';
import { ROW_BATCH, type FromWorker, type ToWorker } from '../../../ui/worker/protocol.js';
import { CLEAN, HEADER } from '../../core/register/helpers.js';

/** A Worker whose other side is panelWorkerHandler in this process; messages are structured-cloned both ways. */
class InProcessWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  readonly sent: ToWorker['type'][] = [];
  private readonly handle = panelWorkerHandler((message) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: copy } as MessageEvent<FromWorker>);
    }, 0);
  });
  postMessage(message: ToWorker): void {
    const copy = structuredClone(message); // throws DataCloneError like the real one
    this.sent.push(message.type);
    setTimeout(() => {
      if (!this.terminated) void this.handle(copy);
    }, 0);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function startInProcess(into?: InProcessWorker[]) {
  return async () => {
    const worker = new InProcessWorker();
    into?.push(worker);
    return worker as unknown as Worker;
  };
}

/** What the panel showed before the worker: checkRegister on the same cells, sorted, plus the shared-systems report. */
function expected(cells: RegisterCells, place: RegisterPlace, dataset: Dataset) {
  const data = new DatasetContext(dataset);
  return {
    findings: sortFindings(checkRegister(cells, { ...place, data })),
    rows: registerDataRowCount(cells),
    common: commonSystemViews(commonSystems(cells, { ...place, data })),
  };
}

function checked(analysis: RegisterAnalysis) {
  if (analysis.status !== 'checked') throw new Error(`expected a checked register, got ${analysis.status}`);
  return { findings: analysis.findings, rows: analysis.rows, common: analysis.common };
}

// Cells as hosts read them (core CellValue): text, numbers, booleans, dates, blanks and error values.
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', 'Ja', 'Nei', 'X', 'I bruk', 'Utfaset', 'Rana', 'Herøy', 'Oslo', '1833', '0000', '31.12.2025', '31.02.2027', '1 234,56', 'kr 2 500', 'ca. 40', '3 mnd', '=SUM(A1)', 'Visma', 'VISMA AS', 'Sak/arkiv'),
);
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 3_000_000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#VALUE!').map((cellError) => ({ cellError })) },
);
const cleanRow = HEADER.map((h) => CLEAN[h] ?? null);
const range = fc
  .record({
    title: fc.array(fc.array(cell, { maxLength: 3 }), { maxLength: 2 }),
    header: fc.boolean(),
    rows: fc.array(
      fc.oneof(
        fc.array(cell, { maxLength: 22 }),
        fc.array(fc.tuple(fc.nat({ max: 20 }), cell), { maxLength: 5 }).map((edits) => {
          const row: unknown[] = [...cleanRow];
          for (const [i, v] of edits) row[i] = v;
          return row;
        }),
      ),
      { maxLength: 30 },
    ),
  })
  .map(({ title, header, rows }) => [...title, ...(header ? [[...HEADER]] : []), ...rows]);
const place = fc.record({
  sheet: fc.constantFrom('Systemregister', 'Rana', 'Ark 1'),
  originRow: fc.integer({ min: 1, max: 5000 }),
  originColumn: fc.integer({ min: 1, max: 50 }),
  today: fc.constantFrom('2026-03-01', '2025-12-31', 'ikke en dato'),
});
/** The built-in dataset, or one with fewer members (kommune-ikke-medlem then judges differently). */
const dataset = fc.oneof(
  fc.constant(HELGELAND_2026),
  fc.subarray([...HELGELAND_2026.members], { minLength: 1 }).map((members): Dataset => ({ ...HELGELAND_2026, name: 'Delsamarbeid', members })),
);

describe('the panel worker', () => {
  it('gives exactly what checkRegister gives, for any register, place and dataset', async () => {
    await fc.assert(
      fc.asyncProperty(range, place, dataset, async (cells, where, data) => {
        const workers: InProcessWorker[] = [];
        const analysis = await analyseRegisterInBackground(cells, where, data, { startWorker: startInProcess(workers) });
        expect(workers.map((w) => w.sent.at(-1))).toEqual(['check-register']);
        const want = expected(cells, where, data);
        if (analysis.status === 'checked') expect(checked(analysis)).toEqual(want);
        else if (analysis.status === 'no-header') expect(want.findings.map((f) => f.rule)).toEqual(['register.overskrift-mangler']);
        else expect(cells.every((row) => row.every((c) => cellText(c) === ''))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('sends a big register in batches and returns the same findings as checkRegister', async () => {
    const cells = generateRegister(12_000, 7);
    const where: RegisterPlace = { sheet: 'Systemregister', originRow: 1, originColumn: 1, today: '2026-03-01' };
    const workers: InProcessWorker[] = [];
    const progress: number[] = [];
    const analysis = await analyseRegisterInBackground(cells, where, HELGELAND_2026, { startWorker: startInProcess(workers), onProgress: (f) => progress.push(f) });
    expect(checked(analysis)).toEqual(expected(cells, where, HELGELAND_2026));
    expect(workers[0]!.sent.filter((t) => t === 'rows').length).toBe(Math.ceil(cells.length / ROW_BATCH));
    expect(workers[0]!.terminated).toBe(true);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((f, i) => f >= 0 && f <= 1 && (i === 0 || f >= progress[i - 1]!))).toBe(true);
  });

  it('checks on the panel thread, with the same result, when no worker can be started', async () => {
    const cells = generateRegister(3_000, 3);
    const where: RegisterPlace = { sheet: 'S', originRow: 1, originColumn: 1, today: '2026-03-01' };
    const refused = async (): Promise<Worker> => {
      throw new DOMException("Refused to create a worker: violates the Content Security Policy directive 'worker-src'", 'SecurityError');
    };
    const inSlices = await analyseRegisterInBackground(cells, where, HELGELAND_2026, { startWorker: refused });
    expect(checked(inSlices)).toEqual(expected(cells, where, HELGELAND_2026));
    const noHost = await analyseRegisterInBackground(cells, where, HELGELAND_2026, {});
    expect(checked(noHost)).toEqual(expected(cells, where, HELGELAND_2026));
  });

  it('«Avbryt» stops the worker and the check ends as cancelled', async () => {
    const cells = generateRegister(20_000, 5);
    const controller = new AbortController();
    const workers: InProcessWorker[] = [];
    const run = analyseRegisterInBackground(cells, { sheet: 'S', originRow: 1, originColumn: 1, today: '2026-03-01' }, HELGELAND_2026, {
      startWorker: startInProcess(workers),
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.02) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.sent).not.toContain('check-register');
  });

  it('«Avbryt» also stops the checks on the panel thread between slices', async () => {
    const controller = new AbortController();
    const run = analyseRegisterInBackground(generateRegister(20_000, 5), { sheet: 'S', originRow: 1, originColumn: 1, today: '2026-03-01' }, HELGELAND_2026, {
      signal: controller.signal,
      onProgress: (f) => {
        if (f > 0.2) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CheckCancelled);
  });

  it('carries the dataset across structured clone with its Decimals intact', () => {
    const back = fromCloneable(structuredClone(toCloneable(HELGELAND_2026))) as Dataset;
    expect(back).toEqual(HELGELAND_2026);
    const amounts = HELGELAND_2026.keys.flatMap((k) => [k.fixedAmount, k.ratePerInhabitant, k.totalToAllocate, k.budgetedTotal]).filter((v) => v !== undefined);
    const backAmounts = back.keys.flatMap((k) => [k.fixedAmount, k.ratePerInhabitant, k.totalToAllocate, k.budgetedTotal]).filter((v) => v !== undefined);
    expect(amounts.length).toBeGreaterThan(0);
    backAmounts.forEach((v, i) => {
      expect(v).toBeInstanceOf(Dec);
      expect(v!.equals(amounts[i]!)).toBe(true);
    });
  });
});
