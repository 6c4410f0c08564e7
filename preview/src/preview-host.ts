// The preview's PanelHost: the shared panel talks to the HyperFormula workbook through this, exactly as it
// talks to Excel or Google Sheets through theirs (ui/host.ts).
import type { CellUpdate, OwnedTable, TableData } from '../../core/index.js';
import type { CellMark, PanelHost, SheetValues } from '../../ui/host.js';
import type { PreviewWorkbook } from './workbook.js';

/** Lets the browser paint between steps, like a real host's round trips. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class PreviewHost implements PanelHost {
  readonly kind = 'preview' as const;

  constructor(private readonly workbook: PreviewWorkbook) {}

  async listTables(): Promise<string[]> {
    return this.workbook.listTables();
  }

  async readTable(name: string): Promise<TableData | undefined> {
    return this.workbook.readTable(name);
  }

  async readActiveSheet(onProgress?: (fraction: number) => void): Promise<SheetValues> {
    onProgress?.(0);
    const values = this.workbook.readActiveSheet();
    onProgress?.(1);
    return values;
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
