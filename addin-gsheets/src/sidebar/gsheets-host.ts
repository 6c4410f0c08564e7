// PanelHost for the Google Sheets sidebar: every operation is one call to a server function in Code.js
// through google.script.run (promisified), so the shared panel never sees Apps Script.
import { isOwnedTableName, type CellUpdate, type CellValue, type OwnedTable, type TableData } from '../../../core/index.js';
import type { CellMark, PanelHost, SheetValues } from '../../../ui/host.js';
import { ACTIVE_SHEET_CHUNK_ROWS, SERVER_FUNCTIONS, type ActiveSheetChunk, type ServerApi, type ServerFunctionName } from '../shared/protocol.js';

/** The part of google.script.run the host uses (HtmlService client API). */
export interface ScriptRun {
  withSuccessHandler(handler: (value: any) => void): ScriptRun;
  withFailureHandler(handler: (error: any) => void): ScriptRun;
  [serverFunction: string]: any;
}

/** google.script.run of the sidebar page; throws outside Apps Script's HtmlService. */
export function browserScriptRun(): ScriptRun {
  const g = (globalThis as { google?: { script?: { run?: ScriptRun } } }).google;
  if (!g?.script?.run) throw new Error('google.script.run finnes ikke: panelet må åpnes fra menyen DH i Google Sheets.');
  return g.script.run;
}

/** A server error as the panel shows it: Apps Script's "Exception: "/"Error: " prefix removed. */
export function serverError(error: unknown): Error {
  const text =
    error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  return new Error(text.replace(/^(ScriptError|Exception|Error):\s*/i, '') || 'ukjent feil fra Google Sheets');
}

export type ScriptCall = <K extends ServerFunctionName>(name: K, ...args: Parameters<ServerApi[K]>) => Promise<ReturnType<ServerApi[K]>>;

export function promisify(run: () => ScriptRun): ScriptCall {
  return (name, ...args) =>
    new Promise((resolve, reject) => {
      if (!(name in SERVER_FUNCTIONS)) {
        reject(new Error(`Ukjent serverfunksjon ${String(name)}.`));
        return;
      }
      const runner = run()
        .withSuccessHandler((value: unknown) => resolve(value as never))
        .withFailureHandler((error: unknown) => reject(serverError(error)));
      runner[name](...args);
    });
}

export interface GsheetsHostOptions {
  /** google.script.run, or a fake in tests. */
  readonly run?: () => ScriptRun;
  /** Rows per readActiveSheet call (the server lowers it to stay under its cell limit). */
  readonly chunkRows?: number;
}

export function createGsheetsHost(options: GsheetsHostOptions = {}): PanelHost {
  const call = promisify(options.run ?? browserScriptRun);
  const chunkRows = options.chunkRows ?? ACTIVE_SHEET_CHUNK_ROWS;
  return {
    kind: 'gsheets',
    async listTables() {
      return (await call('dhListTables')) ?? [];
    },
    async readTable(name: string): Promise<TableData | undefined> {
      return (await call('dhReadTable', name)) ?? undefined;
    },
    async readActiveSheet(onProgress?: (fraction: number) => void): Promise<SheetValues> {
      const rows: CellValue[][] = [];
      let chunk: ActiveSheetChunk = await call('dhReadActiveSheet', 0, chunkRows, null);
      const sheet = chunk.sheet;
      rows.push(...chunk.values);
      onProgress?.(chunk.totalRows ? Math.min(1, chunk.nextOffset / chunk.totalRows) : 1);
      while (!chunk.done && chunk.values.length > 0) {
        chunk = await call('dhReadActiveSheet', chunk.nextOffset, chunkRows, sheet);
        rows.push(...chunk.values);
        onProgress?.(chunk.totalRows ? Math.min(1, chunk.nextOffset / chunk.totalRows) : 1);
      }
      const width = Math.max(0, ...rows.map((r) => r.length));
      for (const row of rows) while (row.length < width) row.push('');
      return { sheet, values: rows, originRow: 1, originColumn: 1 };
    },
    async writeOwnedTable(table: OwnedTable) {
      if (!isOwnedTableName(table.name)) throw new Error(`«${table.name}» er ikke en tabell DH-tillegget eier, og blir ikke skrevet.`);
      await call('dhWriteOwnedTable', JSON.stringify(table));
    },
    async insertTemplate(table: OwnedTable) {
      return call('dhInsertTemplate', JSON.stringify(table));
    },
    async updateTableCells(name: string, cells: readonly CellUpdate[]) {
      await call('dhUpdateTableCells', name, JSON.stringify(cells));
    },
    async selectCell(sheet: string, cell: string) {
      await call('dhSelectCell', sheet, cell);
    },
    async highlightCells(marks: readonly CellMark[]) {
      await call('dhHighlight', JSON.stringify(marks));
    },
    async clearHighlights() {
      await call('dhClearHighlights');
    },
  };
}
