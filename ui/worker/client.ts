// The panel's side of the panel worker: sends the rows in batches, passes progress on, collects the findings, and
// stops the worker on «Avbryt». Where no worker can be started (no Worker in the page, a host that gives none, a
// worker that fails to load) the same analysis runs on the panel's thread in slices with a pause between them.
import { checkRegisterInSlices, type Dataset, type Finding } from '../../core/index.js';
import { analyseRegister, type RegisterAnalysis, type RegisterCells, type RegisterPlace } from '../register/analysis.js';
import { toCloneable } from './clone.js';
import { ROW_BATCH, type FromWorker, type ToWorker } from './protocol.js';

/** Starts a panel worker (ui/worker/entry.ts) the way the host can: a file next to the page, or a Blob URL. */
export type StartWorker = () => Promise<Worker>;

/** The user pressed «Avbryt». */
export class CheckCancelled extends Error {
  constructor() {
    super('Kontrollen ble avbrutt.');
    this.name = 'CheckCancelled';
  }
}

/** The worker could not run at all (not loaded, blocked, crashed): the check is done on the panel's thread. */
class WorkerUnusable extends Error {}

export interface AnalyseOptions {
  readonly startWorker?: StartWorker;
  readonly signal?: AbortSignal;
  /** 0…1 over the whole analysis. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Rows per slice when the check runs on the panel's thread: the rules take a few µs per row, so a slice stays well
 * under 50 ms even on a slow machine.
 */
export const MAIN_THREAD_SLICE_ROWS = 2_500;

/** Share of the progress bar for handing the rows to the worker. */
const SENDING_SHARE = 0.1;

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Checks the register off the panel's thread when it can, else in slices on it; the result is the same. */
export async function analyseRegisterInBackground(
  cells: RegisterCells,
  place: RegisterPlace,
  dataset: Dataset,
  options: AnalyseOptions = {},
): Promise<RegisterAnalysis> {
  const { signal } = options;
  if (signal?.aborted) throw new CheckCancelled();
  let worker: Worker | undefined;
  if (options.startWorker) {
    try {
      worker = await options.startWorker();
    } catch {
      worker = undefined; // no Worker in this page, or a Content-Security-Policy without worker-src: the slices below still check
    }
  }
  if (worker) {
    try {
      return await inWorker(worker, cells, place, dataset, options);
    } catch (error) {
      if (!(error instanceof WorkerUnusable)) throw error;
    } finally {
      worker.terminate();
    }
  }
  return inSlices(cells, place, dataset, options);
}

function inSlices(cells: RegisterCells, place: RegisterPlace, dataset: Dataset, { signal, onProgress }: AnalyseOptions): Promise<RegisterAnalysis> {
  const pause = async () => {
    await yieldToPage();
    if (signal?.aborted) throw new CheckCancelled();
  };
  return analyseRegister(cells, place, dataset, (c, o) => checkRegisterInSlices(c, o, pause, MAIN_THREAD_SLICE_ROWS), (f) => onProgress?.(f));
}

function inWorker(worker: Worker, cells: RegisterCells, place: RegisterPlace, dataset: Dataset, { signal, onProgress }: AnalyseOptions): Promise<RegisterAnalysis> {
  return new Promise<RegisterAnalysis>((resolve, reject) => {
    let settled = false;
    let heard = false;
    const findings: Finding[] = [];
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      outcome();
    };
    const abort = () => finish(() => reject(new CheckCancelled()));
    signal?.addEventListener('abort', abort);
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish(() => reject(new WorkerUnusable(event.message || 'panel worker failed')));
    };
    worker.onmessageerror = () => finish(() => reject(new WorkerUnusable('panel worker message could not be read')));
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      heard = true;
      const message = event.data;
      switch (message.type) {
        case 'progress':
          onProgress?.(SENDING_SHARE + (1 - SENDING_SHARE) * message.fraction);
          return;
        case 'findings':
          for (const f of message.findings) findings.push(f);
          return;
        case 'empty':
        case 'no-header':
          finish(() => resolve({ status: message.type }));
          return;
        case 'checked':
          finish(() => resolve({ status: 'checked', findings, rows: message.rows, ...(message.common ? { common: message.common } : {}) }));
          return;
        case 'failed':
          finish(() => reject(new Error(message.message)));
          return;
      }
    };
    void (async () => {
      const post = (message: ToWorker) => worker.postMessage(message);
      for (let i = 0; i < cells.length; i += ROW_BATCH) {
        if (settled) return;
        post({ type: 'rows', rows: cells.slice(i, i + ROW_BATCH) });
        onProgress?.(SENDING_SHARE * Math.min(1, (i + ROW_BATCH) / cells.length));
        await yieldToPage();
      }
      if (settled) return;
      post({ type: 'check-register', place, dataset: toCloneable(dataset) });
    })().catch((error: unknown) => finish(() => reject(heard ? error : new WorkerUnusable(String(error)))));
  });
}
