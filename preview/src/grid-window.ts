// The windowing arithmetic of the preview grid, without DOM: which rows and columns to render for a scroll position,
// how tall/wide the spacers around them are, and where to scroll so a cell is in view. A 100 000-row sheet is then
// ~50 rendered rows, not 100 000 (or the first 400), and the scrollbar still spans the whole sheet.

/** Positions along one axis of the grid (rows or columns), measured from the first data row/column. */
export interface Track {
  readonly count: number;
  /** Where item i starts; start(count) is the whole length. */
  start(i: number): number;
  /** The item that holds a position (clamped to the first/last item). */
  indexAt(position: number): number;
}

/** Rows: every one the same height. */
export function fixedTrack(count: number, size: number): Track {
  return {
    count,
    start: (i) => i * size,
    indexAt: (position) => Math.min(Math.max(0, count - 1), Math.max(0, Math.floor(position / size))),
  };
}

/** Columns: each its own width. */
export function sizedTrack(sizes: readonly number[]): Track {
  const starts = new Float64Array(sizes.length + 1);
  for (let i = 0; i < sizes.length; i++) starts[i + 1] = starts[i]! + sizes[i]!;
  return {
    count: sizes.length,
    start: (i) => starts[i]!,
    indexAt(position) {
      // The last item whose start ≤ position.
      let lo = 0;
      let hi = sizes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= position) lo = mid;
        else hi = mid - 1;
      }
      return Math.max(0, lo);
    },
  };
}

/** Items [first, end) are rendered; `before`/`after` px of spacer stand for the ones that are not. */
export interface Span {
  readonly first: number;
  readonly end: number;
  readonly before: number;
  readonly after: number;
}

/**
 * What to render when the track is scrolled to `scroll` and `viewport` px of it are visible: the visible items plus
 * `overscan` on each side (so a fast scroll does not show blank space before the next render).
 */
export function visibleSpan(track: Track, scroll: number, viewport: number, overscan: number): Span {
  if (track.count === 0) return { first: 0, end: 0, before: 0, after: 0 };
  const firstVisible = track.indexAt(Math.max(0, scroll));
  const lastVisible = track.indexAt(Math.max(0, scroll) + Math.max(1, viewport) - 1);
  const first = Math.max(0, firstVisible - overscan);
  const end = Math.min(track.count, lastVisible + 1 + overscan);
  return { first, end, before: track.start(first), after: track.start(track.count) - track.start(end) };
}

/**
 * The scroll offset that shows item i whole in a `viewport` px window, moving as little as possible (unchanged when it
 * is in view already); an item larger than the window is shown from its start.
 */
export function scrollToShow(track: Track, i: number, scroll: number, viewport: number): number {
  const start = track.start(i);
  const end = track.start(i + 1);
  if (start < scroll) return start;
  if (end > scroll + viewport) return Math.min(start, end - viewport);
  return scroll;
}
