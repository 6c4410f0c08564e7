// The task pane's panel worker: dist/excel/panel-worker.js (ui/worker/entry.ts, built by scripts/build-excel.ts),
// next to taskpane.html, so the pane's CSP allows it with worker-src 'self'. It is fetched when a check starts,
// never with the pane's first load.
export const PANEL_WORKER_FILE = 'panel-worker.js';

export function startExcelWorker(): Promise<Worker> {
  return Promise.resolve(new Worker(new URL(PANEL_WORKER_FILE, document.baseURI), { name: 'dh-panel-worker' }));
}
