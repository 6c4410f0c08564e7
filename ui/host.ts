import type { CellUpdate, CellValue, OwnedTable, TableData } from '../core/index.js';

/** Severity colours a host may paint on cells the register check points at. */
export interface CellMark {
  readonly sheet: string;
  readonly cell: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/** The active sheet's used range as values, with the sheet address of its first cell. */
export interface SheetValues {
  readonly sheet: string;
  readonly values: readonly (readonly CellValue[])[];
  readonly originRow: number;
  readonly originColumn: number;
}

/**
 * Everything the shared panel may do to a spreadsheet. Excel, Google Sheets and the preview each
 * implement it; the panel never touches a host API directly (STYLE §4, §7).
 */
export interface PanelHost {
  readonly kind: 'excel' | 'gsheets' | 'preview';
  /** Names of tables/named ranges/sheets present that start with "DH_". */
  listTables(): Promise<string[]>;
  /** Reads a table (Excel table, named range, or sheet of that name), or undefined when absent. */
  readTable(name: string): Promise<TableData | undefined>;
  /** Reads the active sheet's used range (for checking a register the user has open). */
  readActiveSheet(onProgress?: (fraction: number) => void): Promise<SheetValues>;
  /**
   * Replaces an owned table (DH_Fordeling_<år>, DH_Deltakelse, DH_RPA, DH_DUO, DH_Funn, DH_Endringer)
   * with `table`. Must refuse any other name, write strings starting with = + - @ as text, and keep the
   * previous version until the new one is completely written.
   */
  writeOwnedTable(table: OwnedTable): Promise<void>;
  /**
   * Sets cells inside an existing input table (row/column among its data rows and headers), nothing else: the
   * table keeps its place, size and every other cell. Used only for DH_Kommuner after the user confirms an SSB
   * import. Must refuse a table that is absent or a cell outside it, and write all cells or none.
   */
  updateTableCells?(name: string, cells: readonly CellUpdate[]): Promise<void>;
  /** Creates a template input table (e.g. DH_Gevinst) only when no table of that name exists: never overwrites user data. */
  insertTemplate(table: OwnedTable): Promise<'created' | 'exists'>;
  /** Selects a cell so the user sees it (e.g. clicking a finding). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Paints or clears finding marks; optional, the panel hides the option when absent. */
  highlightCells?(marks: readonly CellMark[]): Promise<void>;
  clearHighlights?(): Promise<void>;
  /** Tells the functions runtime that input tables changed so formulas recalculate (Excel shared runtime, preview). */
  inputsChanged?(): Promise<void>;
  /**
   * Calls `listener` after the workbook's input tables change (DH_Kommuner, DH_Nokkel, DH_Prosjekter and the
   * other DH_ input tables, also ones added after the panel opened), so the panel recomputes without a click.
   * Returns the unsubscribe. Excel: Table.onChanged / tables.onAdded; preview: every edit. Hosts without change
   * events (Google Sheets' sidebar) leave it out: the panel then shows «Oppdater» and reloads on focus.
   */
  onInputsChanged?(listener: () => void): () => void;
}
