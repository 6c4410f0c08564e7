/// <reference types="office-js" />
// Entry of dist/excel/taskpane.js. Renders only inside Office.onReady (STYLE §4), with the shared panel
// (ui/Panel.tsx, wrapped in Fluent's provider by mountPanel) talking to Excel through ExcelHost.
// functions.js is loaded by the same page (shared runtime), so ExcelHost.inputsChanged() replaces the
// model the custom functions compute with.
import { mountPanel } from '../../../ui/Panel.js';
import { ExcelHost } from './excel-host.js';

function showStatus(message: string, intent: 'error' | 'info' = 'info'): void {
  const status = document.getElementById('dh-status');
  if (!status) return;
  status.textContent = message;
  status.setAttribute('data-intent', intent);
  status.hidden = message === '';
}

Office.onReady((info) => {
  const container = document.getElementById('container');
  if (!container) return;
  if (info.host !== Office.HostType.Excel) {
    container.textContent = 'DH-tillegget kjører i Excel. Åpne det fra Hjem → DH i Excel.';
    return;
  }
  const host = new ExcelHost({
    onModelError: (message) => showStatus(`Funksjonene kunne ikke lese arbeidsbokens tabeller: ${message}`, 'error'),
    onModelLoaded: () => showStatus(''),
  });
  mountPanel(container, host);
  // Formulas use the workbook's own DH_Kommuner / DH_Nokkel / DH_Prosjekter when present, and follow edits.
  host
    .watchInputTables()
    .then((watched) => (watched.length ? host.inputsChanged() : undefined))
    .catch((error: unknown) => showStatus(`Funksjonene bruker innebygde data: ${error instanceof Error ? error.message : String(error)}`, 'error'));
});
