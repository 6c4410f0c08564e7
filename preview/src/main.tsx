// Entry of the preview workbench (npm start). ?idag=ÅÅÅÅ-MM-DD fixes «i dag» for reproducible checks; ?panel=300
// shows the panel as wide as Google Sheets' sidebar (any px: 350 is Excel on the web's default task pane).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { todayIso } from '../../ui/Panel.js';
import { App } from './App.js';
import { defaultWorkbook, FORDELING_SHEET } from './default-workbook.js';
import { PreviewWorkbook } from './workbook.js';
import './preview.css';

function todayFromUrl(): string {
  const param = new URLSearchParams(window.location.search).get('idag');
  return param && /^\d{4}-\d{2}-\d{2}$/.test(param) ? param : todayIso();
}

/** The panel's width in px from ?panel=N (200–1200), else undefined (the workbench's own width). */
function panelWidthFromUrl(): number | undefined {
  const param = new URLSearchParams(window.location.search).get('panel');
  const width = param && /^\d{3,4}$/.test(param) ? Number(param) : NaN;
  return width >= 200 && width <= 1200 ? width : undefined;
}

const today = todayFromUrl();
const panelWidth = panelWidthFromUrl();
const { sheets, options } = defaultWorkbook();
const workbook = new PreviewWorkbook(sheets, { ...options, today });
workbook.select(FORDELING_SHEET, 1, 3);

const root = document.getElementById('root');
if (!root) throw new Error('Fant ikke #root i index.html');
createRoot(root).render(
  <StrictMode>
    <App workbook={workbook} today={today} {...(panelWidth ? { panelWidth } : {})} />
  </StrictMode>,
);
