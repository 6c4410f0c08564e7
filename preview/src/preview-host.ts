// The preview's PanelHost: the shared panel talks to the HyperFormula workbook through this, exactly as it
// talks to Excel or Google Sheets through theirs (ui/host.ts).
import type { CellUpdate, CellValue, OwnedTable, TableData } from '../../core/index.js';
import type { CellMark, PanelHost, SheetValues } from '../../ui/host.js';
import type { PreviewWorkbook } from './workbook.js';

/** Lets the browser paint between steps, like a real host's round trips. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Rows per part when reading a sheet: 2 000 rows of a 21-column register read from the engine in 20–30 ms in Chromium. */
const READ_ROWS = 1_000;

export class PreviewHost implements PanelHost {
  readonly kind = 'preview' as const;

  constructor(private readonly workbook: PreviewWorkbook) {}

  async listTables(): Promise<string[]> {
    return this.workbook.listTables();
  }

  async readTable(name: string): Promise<TableData | undefined> {
    return this.workbook.readTable(name);
  }

  /** Reads in parts of READ_ROWS rows with a pause between them, so a 100 000-row sheet does not freeze the page. */
  async readActiveSheet(onProgress?: (fraction: number) => void): Promise<SheetValues> {
    onProgress?.(0);
    const sheet = this.workbook.activeSheet;
    const { height } = this.workbook.dimensions(sheet);
    const values: CellValue[][] = [];
    for (let from = 0; from < height; from += READ_ROWS) {
      for (const row of this.workbook.rowValues(sheet, from, from + READ_ROWS)) values.push(row);
      onProgress?.(Math.min(1, (from + READ_ROWS) / height));
      if (from + READ_ROWS < height) await yieldToUi();
    }
    onProgress?.(1);
    return { sheet, values, originRow: 1, originColumn: 1 };
  }

  async writeOwnedTable(table: OwnedTable): Promise<void> {
    await yieldToUi();
    this.workbook.writeOwnedTable(table);
  }

  async insertTemplate(table: OwnedTable): Promise<'created' | 'exists'> {
    return this.workbook.insertTemplate(table);
  }

  /** Sets the cells as a user would type them, after checking every one lies inside the table. */
  async updateTableCells(name: string, cells: readonly CellUpdate[]): Promise<void> {
    const table = this.workbook.readTable(name);
    if (!table || table.sheet === undefined) throw new Error(`Fant ikke ${name}`);
    for (const c of cells) {
      if (c.row < 0 || c.row >= table.rows.length || c.column < 0 || c.column >= table.headers.length) throw new Error(`Cellen rad ${c.row + 1}, kolonne ${c.column + 1} er utenfor ${name}`);
    }
    // originRow is the 1-based header row: the 0-based index of the first data row.
    const top = table.originRow ?? 1;
    const left = (table.originColumn ?? 1) - 1;
    for (const c of cells) {
      const input = typeof c.value === 'string' && /^[=+\-@]/.test(c.value) ? `'${c.value}` : String(c.value ?? '');
      const done = this.workbook.setCellInput(table.sheet, top + c.row, left + c.column, input);
      if (!done.ok) throw new Error(done.message);
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.workbook.selectCell(sheet, cell);
  }

  async highlightCells(marks: readonly CellMark[]): Promise<void> {
    this.workbook.highlight(marks);
  }

  async clearHighlights(): Promise<void> {
    this.workbook.clearHighlights();
  }

  async inputsChanged(): Promise<void> {
    this.workbook.refreshModel();
  }

  onInputsChanged(listener: () => void): () => void {
    return this.workbook.subscribeEdits(listener);
  }
}
