// The workbench: the spreadsheet on the left, the shared DH panel on the right, both on one workbook.
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { PanelApp, todayIso } from '../../ui/Panel.js';
import { defaultWorkbook } from './default-workbook.js';
import { Grid } from './Grid.js';
import { OPEN_ACCEPT, openWorkbookFile } from './open-file.js';
import { downloadName, workbookToXlsx, XLSX_MIME } from './save-xlsx.js';
import { PreviewHost } from './preview-host.js';
import { startPreviewWorker } from './panel-worker.js';
import type { PreviewWorkbook } from './workbook.js';

export interface AppProps {
  readonly workbook: PreviewWorkbook;
  readonly today?: string;
  /** ?panel=N: the panel exactly this many px wide, as a host's task pane or sidebar gives it. */
  readonly panelWidth?: number;
}

export function App({ workbook, today = todayIso(), panelWidth }: AppProps) {
  useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.getVersion(),
  );
  const host = useMemo(() => new PreviewHost(workbook), [workbook]);
  // A new workbook gets a fresh panel (its dataset choice and results belong to the old one).
  const [generation, setGeneration] = useState(0);
  const [fileStatus, setFileStatus] = useState<{ text: string; error: boolean }>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [openedName, setOpenedName] = useState<string>();

  const download = async () => {
    setBusy(true);
    try {
      const bytes = await workbookToXlsx(workbook);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
      const link = document.createElement('a');
      link.href = url;
      link.download = downloadName(openedName);
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setFileStatus({ text: `Lastet ned «${link.download}». Formlene er lagret som verdiene de viser.`, error: false });
    } catch (error) {
      setFileStatus({ text: `Kunne ikke lage .xlsx-filen: ${error instanceof Error ? error.message : String(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const openFile = async (file: File) => {
    setBusy(true);
    setFileStatus({ text: `Leser «${file.name}» …`, error: false });
    try {
      const opened = await openWorkbookFile(file.name, await file.arrayBuffer());
      workbook.replaceSheets(opened.sheets, opened.regions);
      setOpenedName(file.name);
      setGeneration((g) => g + 1);
      const notes = opened.notes.length ? ' ' + opened.notes.join(' ') : '';
      setFileStatus({ text: `Åpnet «${file.name}» med ${opened.sheets.length} ark. Velg arket med systemoversikten og trykk «Kontroller» under Systemregister.${notes}`, error: false });
    } catch (error) {
      setFileStatus({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const resetToSample = () => {
    const { sheets, options } = defaultWorkbook(workbook.base);
    workbook.replaceSheets(sheets, options.regions ?? []);
    if (options.activeSheet) workbook.showSheet(options.activeSheet);
    workbook.select(workbook.activeSheet, 1, 3);
    setOpenedName(undefined);
    setGeneration((g) => g + 1);
    setFileStatus({ text: 'Eksempelarbeidsboken er lastet på nytt.', error: false });
  };

  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <strong>DH-forhåndsvisning</strong>
          <span className="muted">Formelmotor med DH-funksjonene og samme panel som i Excel og Google Sheets</span>
        </div>
        <div className="topbar-actions">
          <span className="dataset" data-testid="preview-dataset" title="Data DH-funksjonene bruker">
            {workbook.datasetLabel}
          </span>
          <button type="button" className="btn" data-testid="open-xlsx" disabled={busy} onClick={() => fileInput.current?.click()}>
            Åpne .xlsx/.csv…
          </button>
          <button type="button" className="btn secondary" data-testid="download-xlsx" disabled={busy} onClick={() => void download()}>
            Last ned .xlsx
          </button>
          <button type="button" className="btn secondary" data-testid="reset-workbook" disabled={busy} onClick={resetToSample}>
            Eksempelarbeidsbok
          </button>
          <input
            ref={fileInput}
            type="file"
            accept={OPEN_ACCEPT}
            hidden
            data-testid="open-xlsx-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void openFile(file);
            }}
          />
        </div>
      </header>
      {fileStatus ? (
        <div className={fileStatus.error ? 'file-status error' : 'file-status'} role={fileStatus.error ? 'alert' : 'status'} data-testid="file-status">
          {fileStatus.text}
        </div>
      ) : null}
      <main className="split">
        <section className="sheet-pane" aria-label="Regneark">
          <Grid workbook={workbook} />
        </section>
        <aside
          className="panel-pane"
          aria-label="DH-panelet"
          data-testid="panel-pane"
          {...(panelWidth ? { style: { width: `${panelWidth}px` }, 'data-width': panelWidth } : {})}
        >
          <PanelApp key={generation} host={host} today={today} startWorker={startPreviewWorker} />
        </aside>
      </main>
    </div>
  );
}
