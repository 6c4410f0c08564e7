// The preview's panel worker: vite sees this `new Worker(new URL(…), …)` and bundles ui/worker/entry.ts as its own
// file, fetched only when a check starts (not part of the page's first load).
export function startPreviewWorker(): Promise<Worker> {
  return Promise.resolve(new Worker(new URL('../../ui/worker/entry.ts', import.meta.url), { type: 'module', name: 'dh-panel-worker' }));
}
