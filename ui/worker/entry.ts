// Entry of the panel worker: the preview starts it with vite's `new Worker(new URL(…), { type: 'module' })`, the
// Excel task pane loads dist/excel/panel-worker.js, the Sheets sidebar makes it from a Blob URL. It only wires
// the worker's message port to panelWorkerHandler.
import { panelWorkerHandler } from './handler.js';
import type { FromWorker, ToWorker } from './protocol.js';

interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = panelWorkerHandler((message) => scope.postMessage(message));
scope.onmessage = (event) => void handle(event.data);
