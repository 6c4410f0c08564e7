// The panel worker's logic, with no worker API in it: `post` is the worker's postMessage (or a test's array), so
// the property test runs exactly this code in-process. Core only: no React, no DOM.
import { checkRegister, type Dataset, type Finding } from '../../core/index.js';
import { analyseRegister, type RegisterCells } from '../register/analysis.js';
import { fromCloneable } from './clone.js';
import { FINDING_BATCH, type FromWorker, type ToWorker } from './protocol.js';

/** Returns the function that takes each message the panel sends. One check per worker. */
export function panelWorkerHandler(post: (message: FromWorker) => void): (message: ToWorker) => Promise<void> {
  let cells: (readonly unknown[])[] = [];
  return async (message) => {
    if (message.type === 'rows') {
      for (const row of message.rows) cells.push(row);
      return;
    }
    if (message.type !== 'check-register') return;
    const rows: RegisterCells = cells;
    cells = [];
    try {
      const dataset = fromCloneable(message.dataset) as Dataset;
      const analysis = await analyseRegister(rows, message.place, dataset, checkRegister, (fraction) => post({ type: 'progress', fraction }));
      if (analysis.status !== 'checked') {
        post({ type: analysis.status });
        return;
      }
      const findings: readonly Finding[] = analysis.findings;
      for (let i = 0; i < findings.length; i += FINDING_BATCH) post({ type: 'findings', findings: findings.slice(i, i + FINDING_BATCH) });
      post({ type: 'checked', rows: analysis.rows, ...(analysis.common ? { common: analysis.common } : {}) });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
