// The preview grid's windowing (preview/src/grid-window.ts): whatever the scroll position, every visible row/column is
// rendered, the spacers plus the rendered items make up the whole sheet (the scrollbar stays true), the window stays
// small, and scrolling to a cell shows it whole while moving as little as needed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedTrack, scrollToShow, sizedTrack, visibleSpan, type Track } from '../../preview/src/grid-window.js';
import { rowHeaderWidth } from '../../preview/src/Grid.js';

const sizesArb = fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 300 });
const trackArb: fc.Arbitrary<Track> = fc.oneof(
  sizesArb.map((sizes) => sizedTrack(sizes)),
  fc.tuple(fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 60 })).map(([n, h]) => fixedTrack(n, h)),
);

describe('visibleSpan', () => {
  it('renders every visible item, its spacers and items add up to the whole track, and it stays small', () => {
    fc.assert(
      fc.property(trackArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 10 }), (track, at, viewport, overscan) => {
        const total = track.start(track.count);
        const scroll = Math.floor(at * Math.max(0, total - viewport));
        const span = visibleSpan(track, scroll, viewport, overscan);
        expect(span.first).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(track.count);
        expect(span.first).toBeLessThan(span.end);
        expect(span.before).toBe(track.start(span.first));
        expect(span.before + (track.start(span.end) - track.start(span.first)) + span.after).toBe(total);
        // Every item that overlaps [scroll, scroll + viewport) is rendered.
        for (let i = 0; i < track.count; i++) {
          const overlaps = track.start(i) < scroll + viewport && track.start(i + 1) > scroll;
          if (overlaps) expect(i >= span.first && i < span.end).toBe(true);
        }
        // No more than the overlapping items plus the overscan on each side.
        let overlapping = 0;
        for (let i = 0; i < track.count; i++) if (track.start(i) < scroll + viewport && track.start(i + 1) > scroll) overlapping++;
        expect(span.end - span.first).toBeLessThanOrEqual(overlapping + 2 * overscan);
      }),
      { numRuns: 300 },
    );
  });

  it('a 100 000-row sheet at 22 px a row renders a screenful, not the sheet', () => {
    const rows = fixedTrack(100_000, 22);
    const span = visibleSpan(rows, 90_000 * 22, 760, 8);
    expect(span.first).toBe(90_000 - 8);
    expect(span.end - span.first).toBeLessThan(60);
    expect(span.before + (span.end - span.first) * 22 + span.after).toBe(2_200_000);
  });
});

describe('scrollToShow', () => {
  it('shows the item whole, leaves the scroll alone when it already is, and moves no further than needed', () => {
    fc.assert(
      fc.property(trackArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 2000 }), (track, at, pick, viewport) => {
        const total = track.start(track.count);
        const scroll = Math.floor(at * Math.max(0, total - viewport));
        const i = Math.min(track.count - 1, Math.floor(pick * track.count));
        const start = track.start(i);
        const end = track.start(i + 1);
        const next = scrollToShow(track, i, scroll, viewport);
        if (end - start <= viewport) {
          expect(start).toBeGreaterThanOrEqual(next);
          expect(end).toBeLessThanOrEqual(next + viewport);
        } else {
          expect(next).toBe(start);
        }
        if (start >= scroll && end <= scroll + viewport) expect(next).toBe(scroll);
        // Minimal: the window moved only until the item's near edge is at the window's edge.
        if (next > scroll) expect(next).toBe(Math.min(start, end - viewport));
        if (next < scroll) expect(next).toBe(start);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sizedTrack', () => {
  it('indexAt finds the item that holds a position', () => {
    fc.assert(
      fc.property(sizesArb, fc.double({ min: 0, max: 1, noNaN: true }), (sizes, at) => {
        const track = sizedTrack(sizes);
        const position = at * (track.start(track.count) - 1);
        const i = track.indexAt(position);
        expect(track.start(i)).toBeLessThanOrEqual(position);
        expect(track.start(i + 1)).toBeGreaterThan(position);
      }),
    );
  });
});

describe('rowHeaderWidth', () => {
  it('keeps 44 px for up to four digits and grows with the row numbers', () => {
    expect(rowHeaderWidth(30)).toBe(44);
    expect(rowHeaderWidth(9_999)).toBe(44);
    expect(rowHeaderWidth(100_107)).toBeGreaterThan(rowHeaderWidth(9_999));
    expect(rowHeaderWidth(1_048_576)).toBeGreaterThan(rowHeaderWidth(100_107));
  });
});
