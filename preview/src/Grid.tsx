// A small spreadsheet grid over PreviewWorkbook: sheet tabs, column letters and row numbers, a formula bar
// with the selected cell's formula in nb-NO syntax, a name box to jump to an address, and editing (type or
// double-click, Enter to commit). The grid is windowed: only the rows and columns in view (plus a few) are in the
// DOM, with spacers for the rest, so a 100 000-row sheet scrolls whole and a repaint of it stays small.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { a1, columnLetter } from '../../core/index.js';
import { fixedTrack, scrollToShow, sizedTrack, visibleSpan } from './grid-window.js';
import { parseAddress, type PreviewWorkbook } from './workbook.js';

/** Height of a grid row in px: `.grid tbody tr` and `.cell` in preview.css fix it, one rendered row confirms it. */
export const ROW_HEIGHT = 22;
/** Width of the row-number column in px (sticky on the left): 44, wider once the numbers have five digits or more. */
export function rowHeaderWidth(rows: number): number {
  return Math.max(44, 10 + 8 * String(rows).length);
}
/** Rows and columns rendered beyond the visible ones on each side, so a scroll shows no blank before the next render. */
const OVERSCAN_ROWS = 8;
const OVERSCAN_COLUMNS = 2;
/** A worksheet's size in Excel (and Google Sheets' largest): the name box goes no further. */
const SHEET_ROWS = 1_048_576;
const SHEET_COLUMNS = 16_384;

interface Editing {
  readonly text: string;
  readonly where: 'cell' | 'bar';
}

export function Grid({ workbook }: { workbook: PreviewWorkbook }) {
  useSyncExternalStore(
    (listener) => workbook.subscribe(listener),
    () => workbook.getVersion(),
  );
  const { sheet, row, col } = workbook.selection;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState('');
  /** The name box's text while the user types an address in it; null shows the selected cell's address. */
  const [nameText, setNameText] = useState<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const cellEditorRef = useRef<HTMLInputElement>(null);
  /** The scroll area's scroll offsets and size (the rows and columns in view follow from them). */
  const [view, setView] = useState({ top: 0, left: 0, width: 1200, height: 800 });
  const [rowHeight, setRowHeight] = useState(ROW_HEIGHT);

  const dims = workbook.dimensions(sheet);
  const totalRows = Math.max(dims.height + 5, 30, row + 2);
  const nCols = Math.max(dims.width + 2, 8, col + 2);
  const address = a1(row + 1, col + 1);
  const widths = Array.from({ length: nCols }, (_, c) => workbook.columnWidth(sheet, c));
  const widthsKey = widths.join(',');
  // Rebuilt only when a width changes (the track's prefix sums are O(columns)).
  const columnTrack = useMemo(() => sizedTrack(widths), [widthsKey]);
  const rowTrack = useMemo(() => fixedTrack(totalRows, rowHeight), [totalRows, rowHeight]);
  const headerWidth = rowHeaderWidth(totalRows);
  const tableWidth = headerWidth + columnTrack.start(nCols);

  /** The part of the scroll area that shows cells: without the sticky column letters and row numbers. */
  const bodyViewport = (el: HTMLElement) => ({
    height: el.clientHeight - (headRef.current?.offsetHeight ?? ROW_HEIGHT),
    width: el.clientWidth - headerWidth,
  });
  const syncView = () => {
    const el = scrollRef.current;
    if (!el) return;
    const next = { top: el.scrollTop, left: el.scrollLeft, ...bodyViewport(el) };
    setView((v) => (v.top === next.top && v.left === next.left && v.width === next.width && v.height === next.height ? v : next));
  };

  const rowSpan = visibleSpan(rowTrack, view.top, view.height, OVERSCAN_ROWS);
  const colSpan = visibleSpan(columnTrack, view.left, view.width, OVERSCAN_COLUMNS);

  // The scroll area's size follows the window and the panel beside it.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    syncView();
    const observer = new ResizeObserver(() => syncView());
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Another sheet starts at A1's corner, not at the previous sheet's scroll position. One rendered row confirms the
  // row height the spacers assume (a zoomed or restyled page may differ); measured once per sheet, not per render.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    el.scrollLeft = 0;
    el.scrollTop = 0;
    const measured = el.querySelector('tbody tr[aria-rowindex]')?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowHeight) > 0.01) setRowHeight(measured);
    syncView();
  }, [sheet]);

  // Keep the selected cell in view (after a finding click or a jump from the name box, for example). The cell may not
  // be rendered yet, so its place comes from the row height and column widths, not from its element.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const body = bodyViewport(el);
    const top = scrollToShow(rowTrack, row, el.scrollTop, body.height);
    const left = scrollToShow(columnTrack, col, el.scrollLeft, body.width);
    if (top !== el.scrollTop) el.scrollTop = top;
    if (left !== el.scrollLeft) el.scrollLeft = left;
    syncView();
  }, [sheet, row, col]);

  // Editing state belongs to one cell: moving elsewhere cancels it.
  useEffect(() => setEditing(null), [sheet, row, col]);

  const focusGrid = () => scrollRef.current?.focus({ preventScroll: true });

  const commit = (text: string, move: 'down' | 'right' | 'none' = 'down') => {
    const result = workbook.setCellInput(sheet, row, col, text);
    setMessage(result.message);
    setEditing(null);
    if (move === 'down') workbook.select(sheet, row + 1, col);
    else if (move === 'right') workbook.select(sheet, row, col + 1);
    focusGrid();
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (editing) return;
    const page = Math.max(1, Math.floor(view.height / rowHeight) - 1);
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
      Enter: [1, 0],
      Tab: [0, 1],
      PageUp: [-page, 0],
      PageDown: [page, 0],
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      workbook.select(sheet, Math.max(0, row + move[0]), Math.max(0, col + move[1]));
      return;
    }
    if (e.key === 'F2') {
      e.preventDefault();
      setEditing({ text: workbook.formulaText(sheet, row, col), where: 'cell' });
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      setMessage(workbook.setCellInput(sheet, row, col, '').message);
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      setEditing({ text: e.key, where: 'cell' });
    }
  };

  const onEditorKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!editing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(editing.text, editing.where === 'bar' ? 'none' : 'down');
    } else if (e.key === 'Tab') {
      e.preventDefault();
      commit(editing.text, 'right');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setEditing(null);
      focusGrid();
    }
  };

  useEffect(() => {
    if (editing?.where === 'cell') {
      const input = cellEditorRef.current;
      if (input && document.activeElement !== input) {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
    }
  }, [editing?.where]);

  const barText = editing ? editing.text : workbook.formulaText(sheet, row, col);
  const sheets = workbook.sheetNames().filter((n) => !n.startsWith('~'));
  const rows = Array.from({ length: rowSpan.end - rowSpan.first }, (_, i) => rowSpan.first + i);
  const cols = Array.from({ length: colSpan.end - colSpan.first }, (_, i) => colSpan.first + i);
  const leftSpacer = colSpan.before > 0;

  const jumpTo = (text: string) => {
    setNameText(null);
    const parsed = parseAddress(text);
    if (!parsed || parsed.row < 0 || parsed.row >= SHEET_ROWS || parsed.col >= SHEET_COLUMNS) {
      setMessage(`«${text.trim()}» er ikke en celleadresse. Skriv for eksempel B12 eller Ark!B12.`);
    } else {
      try {
        workbook.selectCell(sheet, text.trim());
        setMessage('');
      } catch (error) {
        setMessage(error instanceof Error ? error.message : String(error));
      }
    }
    focusGrid();
  };

  return (
    <div className="grid-root" data-testid="grid" data-sheet={sheet} data-selected={`${sheet}!${address}`}>
      <div className="formula-row">
        <input
          className="name-box"
          data-testid="name-box"
          aria-label="Valgt celle (skriv en adresse og trykk Enter for å gå dit)"
          spellCheck={false}
          value={nameText ?? address}
          onFocus={(e) => {
            setNameText(address);
            e.target.select();
          }}
          onChange={(e) => setNameText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              jumpTo(e.currentTarget.value);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              setNameText(null);
              focusGrid();
            }
          }}
          onBlur={() => setNameText(null)}
        />
        <span className="fx" aria-hidden="true">
          fx
        </span>
        <input
          className="formula-input"
          data-testid="formula-bar"
          aria-label="Formellinje"
          spellCheck={false}
          value={barText}
          onFocus={() => {
            if (!editing) setEditing({ text: workbook.formulaText(sheet, row, col), where: 'bar' });
          }}
          onChange={(e) => setEditing({ text: e.target.value, where: editing?.where ?? 'bar' })}
          onKeyDown={onEditorKey}
          onBlur={() => {
            if (editing?.where === 'bar') setEditing(null);
          }}
        />
      </div>
      {message || workbook.modelProblem ? (
        <div className="grid-message" role="status" data-testid="grid-message">
          {message || workbook.modelProblem}
        </div>
      ) : null}
      <div
        className="grid-scroll"
        ref={scrollRef}
        tabIndex={0}
        onKeyDown={onGridKey}
        onScroll={syncView}
        data-testid="grid-scroll"
        data-rows={totalRows}
        aria-label={`Arket ${sheet}`}
      >
        <table className="grid" role="grid" aria-rowcount={totalRows + 1} aria-colcount={nCols + 1} style={{ width: tableWidth }}>
          <colgroup>
            <col style={{ width: headerWidth }} />
            {leftSpacer ? <col style={{ width: colSpan.before }} /> : null}
            {cols.map((c) => (
              <col key={c} style={{ width: widths[c] }} />
            ))}
            {colSpan.after > 0 ? <col style={{ width: colSpan.after }} /> : null}
          </colgroup>
          <thead ref={headRef}>
            <tr aria-rowindex={1}>
              <th className="corner" />
              {leftSpacer ? <th className="spacer" aria-hidden="true" /> : null}
              {cols.map((c) => (
                <th key={c} scope="col" className={c === col ? 'hdr active' : 'hdr'}>
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowSpan.before > 0 ? (
              <tr className="spacer" aria-hidden="true" style={{ height: rowSpan.before }}>
                <td colSpan={cols.length + (leftSpacer ? 2 : 1)} />
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r} aria-rowindex={r + 2}>
                <th scope="row" className={r === row ? 'rowhdr active' : 'rowhdr'}>
                  {r + 1}
                </th>
                {leftSpacer ? <td className="spacer" aria-hidden="true" /> : null}
                {cols.map((c) => {
                  const selected = r === row && c === col;
                  const view = workbook.cell(sheet, r, c);
                  const cellAddress = a1(r + 1, c + 1);
                  const classes = ['cell', `k-${view.kind}`];
                  if (r === 0 && view.kind !== 'empty') classes.push('header-row');
                  if (selected) classes.push('selected');
                  if (view.mark) classes.push(`mark-${view.mark}`);
                  // Text runs on into an empty neighbour, as in Excel.
                  const spills = view.kind === 'text' && c + 1 < nCols && workbook.cell(sheet, r, c + 1).kind === 'empty';
                  if (spills) classes.push('spill');
                  return (
                    <td
                      key={c}
                      className={classes.join(' ')}
                      data-cell={cellAddress}
                      aria-colindex={c + 2}
                      aria-selected={selected}
                      title={view.title ?? (view.formula ? view.formula : undefined)}
                      onMouseDown={(e) => {
                        if (editing && selected) return;
                        e.preventDefault();
                        workbook.select(sheet, r, c);
                        focusGrid();
                      }}
                      onDoubleClick={() => setEditing({ text: workbook.formulaText(sheet, r, c), where: 'cell' })}
                    >
                      {selected && editing?.where === 'cell' ? (
                        <input
                          ref={cellEditorRef}
                          className="cell-editor"
                          data-testid="cell-editor"
                          spellCheck={false}
                          value={editing.text}
                          onChange={(e) => setEditing({ text: e.target.value, where: 'cell' })}
                          onKeyDown={onEditorKey}
                          onBlur={() => setEditing(null)}
                        />
                      ) : spills ? (
                        <span className="spill-text">{view.text}</span>
                      ) : (
                        view.text
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            {rowSpan.after > 0 ? (
              <tr className="spacer" aria-hidden="true" style={{ height: rowSpan.after }}>
                <td colSpan={cols.length + (leftSpacer ? 2 : 1)} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className="sheet-tabs" role="tablist" aria-label="Ark">
        {sheets.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === sheet}
            className={name === sheet ? 'sheet-tab active' : 'sheet-tab'}
            data-testid="sheet-tab"
            data-sheet={name}
            onClick={() => {
              workbook.showSheet(name);
              setMessage('');
            }}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
