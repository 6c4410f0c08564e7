// The sidebar's panel worker. Apps Script serves the sidebar as one HTML file in its IFRAME sandbox, whose keywords
// include allow-scripts and allow-same-origin (https://developers.google.com/apps-script/guides/html/restrictions,
// «Restrictions in IFRAME mode»): the page keeps its own origin, so a Blob URL it makes is same-origin and may start
// a dedicated worker. The worker's script is not in the sidebar (it would weigh on every opening): it is the project
// file panel-worker.html, fetched through google.script.run (dhSidebarChunks, as the sidebar's on-demand parts) the
// first time a check starts and kept for the session.
// If the sandbox ever refuses the worker, the panel checks in slices on its own thread (ui/worker/client.ts).
import { PANEL_WORKER_FILE } from '../shared/protocol.js';
import type { ScriptCall } from './gsheets-host.js';

/** The worker's JavaScript from the file's text: what stands inside its one <script> element. */
export function workerScriptOf(html: string): string {
  const match = /^\s*<script>([\s\S]*)<\/script>\s*$/.exec(html);
  if (!match) throw new Error(`${PANEL_WORKER_FILE}.html har ikke form av ett <script>-element.`);
  return match[1]!;
}

export function sheetsWorkerStarter(call: ScriptCall): () => Promise<Worker> {
  let url: Promise<string> | undefined;
  return async () => {
    url ??= call('dhSidebarChunks', [PANEL_WORKER_FILE]).then(([html]) => URL.createObjectURL(new Blob([workerScriptOf(html ?? '')], { type: 'text/javascript' })));
    try {
      return new Worker(await url, { name: 'dh-panel-worker' });
    } catch (error) {
      url = undefined; // a failed fetch is tried again at the next check
      throw error;
    }
  };
}
