// The contract between the sidebar (browser, google.script.run) and the Apps Script server code.
// scripts/build-gsheets.ts emits one top-level function per entry of SERVER_FUNCTIONS into Code.js,
// the server implements exactly these (main.ts is type-checked against ServerApi), and the sidebar
// host calls them by these names. Nobody lists the names a second time.
import type { CellValue, TableData } from '../../../core/index.js';

/** A server function the sidebar may call: its parameters (in order) and its Norwegian doc line. */
export interface ServerFunctionSpec {
  readonly params: readonly string[];
  readonly doc: string;
}

export const SERVER_FUNCTIONS = {
  dhListTables: { params: [], doc: 'Navnene på DH_-tabeller (navngitte områder og ark) i regnearket.' },
  dhReadTable: { params: ['name'], doc: 'Leser en tabell (navngitt område først, ellers et ark med det navnet); null når den ikke finnes.' },
  dhReadActiveSheet: { params: ['offset', 'limit', 'sheetName'], doc: 'Leser det aktive arket i biter av rader, så hvert kall holder seg godt under tidsgrensen.' },
  dhWriteOwnedTable: { params: ['tableJson'], doc: 'Erstatter en tabell DH-tillegget eier: skriver til et midlertidig ark og bytter først når alt er skrevet.' },
  dhInsertTemplate: { params: ['tableJson'], doc: 'Setter inn en mal (f.eks. DH_Gevinst) bare når ingen tabell med det navnet finnes.' },
  dhUpdateTableCells: { params: ['name', 'cellsJson'], doc: 'Setter celler inne i DH_Kommuner (Innbyggere, Referansedato) etter at brukeren har godkjent tall fra SSB: alle eller ingen.' },
  dhSelectCell: { params: ['sheet', 'a1'], doc: 'Viser og merker en celle.' },
  dhHighlight: { params: ['marksJson'], doc: 'Farger cellene funnene peker på (tidligere farger huskes).' },
  dhClearHighlights: { params: [], doc: 'Fjerner DH-fargene og setter tilbake cellenes tidligere farger.' },
  dhSidebarChunks: { params: ['files'], doc: 'Teksten i delene av panelet som lastes ved behov (sidebar_chunk_N.html, og panel-worker.html når en kontroll starter), i samme rekkefølge som navnene.' },
} as const satisfies Record<string, ServerFunctionSpec>;

export type ServerFunctionName = keyof typeof SERVER_FUNCTIONS;

/** Simple triggers and menu actions, emitted as top-level functions as well. */
export const TRIGGER_FUNCTIONS = {
  onOpen: { params: ['e'], doc: 'Legger til menyen DH når regnearket åpnes.' },
  onInstall: { params: ['e'], doc: 'Kjøres når tillegget installeres: samme meny som onOpen.' },
  showSidebar: { params: [], doc: 'Åpner DH-panelet i sidefeltet.' },
  recalculateDhFormulas: { params: [], doc: 'Menyvalget «Regn ut DH-formler på nytt»: alle DH_-celler regnes ut igjen med tabellene slik de er nå.' },
  onEdit: { params: ['e'], doc: 'Når DH_Kommuner, DH_Nokkel eller DH_Prosjekter endres, glemmes de lagrede tabellene.' },
} as const satisfies Record<string, ServerFunctionSpec>;

export type TriggerFunctionName = keyof typeof TRIGGER_FUNCTIONS;

/** One chunk of the active sheet (rows offset … offset + values.length − 1, counted from row 1). */
export interface ActiveSheetChunk {
  readonly sheet: string;
  /** Rows with content on the sheet (its last row), i.e. the total the client reads. */
  readonly totalRows: number;
  /** Columns of the used range (its last column). */
  readonly columns: number;
  readonly offset: number;
  readonly values: CellValue[][];
  readonly nextOffset: number;
  readonly done: boolean;
}

/** What a successful write reports back. */
export interface WriteReport {
  readonly name: string;
  readonly sheet: string;
  readonly rows: number;
  readonly columns: number;
}

/** The server functions with their argument and result types (google.script.run sends JSON-like values). */
export interface ServerApi {
  dhListTables(): string[];
  dhReadTable(name: string): TableData | null;
  dhReadActiveSheet(offset: number, limit: number, sheetName?: string | null): ActiveSheetChunk;
  dhWriteOwnedTable(tableJson: string): WriteReport;
  dhInsertTemplate(tableJson: string): 'created' | 'exists';
  dhUpdateTableCells(name: string, cellsJson: string): number;
  dhSelectCell(sheet: string, a1: string): void;
  dhHighlight(marksJson: string): number;
  dhClearHighlights(): number;
  dhSidebarChunks(files: string[]): string[];
}

/**
 * The Apps Script HTML file (without .html) that holds the panel worker (ui/worker/entry.ts) inside one <script>
 * element. It is not in sidebar.html: the sidebar fetches it through dhSidebarChunks when a check starts and starts
 * the worker from a Blob URL.
 */
export const PANEL_WORKER_FILE = 'panel-worker';

/** Everything Code.js puts on globalThis.__DH; the generated top-level stubs call into it. */
export interface DhGlobal {
  /** Calls catalog function NAME the way Sheets calls DH_NAME (scalar → value or thrown Error; range → 2-D array). */
  call(name: string, args: unknown[]): unknown;
  readonly server: ServerApi;
  readonly triggers: { onOpen(e?: unknown): void; onInstall(e?: unknown): void; showSidebar(): void; recalculateDhFormulas(): void; onEdit(e?: unknown): void };
  /** Counters for tests and the execution log: how often inputs were read and parsed. */
  stats(): { tableReads: number; parses: number; cacheHits: number; cacheMisses: number; memoHits: number };
  readonly buildId: string;
}

/**
 * The project files (HTML files, as Apps Script keeps no other kind beside scripts) holding the sidebar's parts
 * that load on demand: sidebar.html carries the first view; views opened later come through dhSidebarChunks.
 */
export const SIDEBAR_CHUNK_FILE = /^sidebar_chunk_[0-9]+$/;

/** Rows per chunk the sidebar asks for; the server lowers it so a chunk never exceeds MAX_CELLS_PER_CHUNK. */
export const ACTIVE_SHEET_CHUNK_ROWS = 2000;
export const MAX_CELLS_PER_CHUNK = 20_000;
