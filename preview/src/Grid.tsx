// A small spreadsheet grid over PreviewWorkbook: sheet tabs, column letters and row numbers, a formula bar
// with the selected cell's formula in nb-NO syntax, and editing (type or double-click, Enter to commit).
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { a1, columnLetter } from '../../core/index.js';
import type { PreviewWorkbook } from './workbook.js';

/** Rows the grid renders at most (a large opened workbook stays responsive). */
export const MAX_RENDERED_ROWS = 400;

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
  const scrollRef = useRef<HTMLDivElement>(null);
  const cellEditorRef = useRef<HTMLInputElement>(null);

  const dims = workbook.dimensions(sheet);
  const totalRows = Math.max(dims.height + 5, 30, row + 2);
  const nRows = Math.min(totalRows, MAX_RENDERED_ROWS);
  const nCols = Math.max(dims.width + 2, 8, col + 2);
  const address = a1(row + 1, col + 1);
  const tableWidth = 44 + Array.from({ length: nCols }, (_, c) => workbook.columnWidth(sheet, c)).reduce((a, b) => a + b, 0);

  // Another sheet starts at column A, not at the previous sheet's horizontal scroll position.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollLeft = 0;
  }, [sheet]);

  // Keep the selected cell in view (after a finding click, for example).
  useEffect(() => {
    const el = scrollRef.current?.querySelector<HTMLElement>(`td[data-cell="${address}"]`);
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [sheet, address]);

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
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Enter: [1, 0], Tab: [0, 1] };
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
  const rows = Array.from({ length: nRows }, (_, r) => r);
  const cols = Array.from({ length: nCols }, (_, c) => c);

  return (
    <div className="grid-root" data-testid="grid" data-sheet={sheet} data-selected={`${sheet}!${address}`}>
      <div className="formula-row">
        <span className="name-box" data-testid="name-box" aria-label="Valgt celle">
          {address}
        </span>
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
      <div className="grid-scroll" ref={scrollRef} tabIndex={0} onKeyDown={onGridKey} data-testid="grid-scroll" aria-label={`Arket ${sheet}`}>
        <table className="grid" role="grid" aria-rowcount={totalRows} aria-colcount={nCols} style={{ width: tableWidth }}>
          <colgroup>
            <col style={{ width: 44 }} />
            {cols.map((c) => (
              <col key={c} style={{ width: workbook.columnWidth(sheet, c) }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner" />
              {cols.map((c) => (
                <th key={c} scope="col" className={c === col ? 'hdr active' : 'hdr'}>
                  {columnLetter(c + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r}>
                <th scope="row" className={r === row ? 'rowhdr active' : 'rowhdr'}>
                  {r + 1}
                </th>
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
          </tbody>
        </table>
        {totalRows > nRows ? <div className="grid-note">Viser de første {MAX_RENDERED_ROWS} radene av arket.</div> : null}
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
