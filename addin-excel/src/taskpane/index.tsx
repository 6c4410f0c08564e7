/// <reference types="office-js" />
// Entry of dist/excel/taskpane.js. Renders only inside Office.onReady (STYLE §4), with the shared panel
// (ui/Panel.tsx, wrapped in Fluent's provider by mountPanel) talking to Excel through ExcelHost.
// functions.js is loaded by the same page (shared runtime), so ExcelHost.inputsChanged() replaces the
// model the custom functions compute with; startup.ts reads the workbook's tables when the document opens.
import { mountPanel } from '../../../ui/Panel.js';
import { ExcelHost } from './excel-host.js';
import { startInputs } from './startup.js';
import { startExcelWorker } from './panel-worker.js';

function showStatus(message: string, intent: 'error' | 'info' = 'info'): void {
  const status = document.getElementById('dh-status');
  if (!status) return;
  status.textContent = message;
  status.setAttribute('data-intent', intent);
  status.hidden = message === '';
}

/** The page opened outside Excel (a browser, Word): say what to do instead of showing a broken panel. */
function showOpenInExcel(container: HTMLElement): void {
  container.replaceChildren();
  const heading = document.createElement('h1');
  heading.id = 'dh-open-in-excel';
  heading.textContent = 'Åpne i Excel';
  heading.style.cssText = 'font: 600 18px "Segoe UI", sans-serif; margin: 16px 12px 8px';
  const text = document.createElement('p');
  text.textContent = 'DH-tillegget virker bare inne i Excel (nett, Windows eller Mac). Åpne en arbeidsbok i Excel og velg Hjem → DH-panel.';
  text.style.cssText = 'font: 14px "Segoe UI", sans-serif; margin: 0 12px';
  container.append(heading, text);
}

Office.onReady((info) => {
  const container = document.getElementById('container');
  if (!container) return;
  if (info.host !== Office.HostType.Excel) {
    showOpenInExcel(container);
    return;
  }
  const host = new ExcelHost({
    onModelError: (message) => showStatus(`Funksjonene kunne ikke lese arbeidsbokens tabeller: ${message}`, 'error'),
    onModelLoaded: () => showStatus(''),
  });
  mountPanel(container, host, { startWorker: startExcelWorker });
  // Formulas use the workbook's own DH_Kommuner / DH_Nokkel / DH_Prosjekter when present, follow edits, and
  // pick up such a table created later.
  void startInputs(host, (message) => showStatus(message, 'error'));
});
