// Entry of the preview workbench (npm start). ?idag=ÅÅÅÅ-MM-DD fixes «i dag» for reproducible checks.
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

const today = todayFromUrl();
const { sheets, options } = defaultWorkbook();
const workbook = new PreviewWorkbook(sheets, { ...options, today });
workbook.select(FORDELING_SHEET, 1, 3);

const root = document.getElementById('root');
if (!root) throw new Error('Fant ikke #root i index.html');
createRoot(root).render(
  <StrictMode>
    <App workbook={workbook} today={today} />
  </StrictMode>,
);
