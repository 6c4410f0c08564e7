// The Sheets sidebar page: the shared panel over google.script.run. Bundled and inlined into
// dist/gsheets/sidebar.html by scripts/build-gsheets.ts (Apps Script serves one HTML file).
import { mountPanel } from '../../../ui/Panel.js';
import { browserScriptRun, createGsheetsHost, promisify } from './gsheets-host.js';
import { sheetsWorkerStarter } from './panel-worker.js';

/** «I dag» in Norway, whatever the browser's own time zone is. */
function todayInOslo(): string {
  try {
    return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

const root = document.getElementById('root');
if (root) mountPanel(root, createGsheetsHost(), { today: todayInOslo(), startWorker: sheetsWorkerStarter(promisify(browserScriptRun)) });
