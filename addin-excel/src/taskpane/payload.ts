// Sizing reads by what Excel actually sends back. Excel on the web refuses a request or a response above 5 MB
// ("Resource limits and performance optimization for Office Add-ins" → Excel add-ins, learn.microsoft.com),
// and a register's cells range from a digit to a paragraph, so a fixed bytes-per-cell guess either wastes
// round trips or breaks on a text-heavy sheet. The first read of a block is a small sample; every later chunk
// is sized from the largest bytes-per-row measured so far, with room to spare, and a chunk Excel still refuses
// is read again in halves.

/** Rows in the first read of a block, before anything is measured. */
export const SAMPLE_ROWS = 200;
/** Chunks are sized so the rows seen so far would fill at most this share of the limit. */
export const PAYLOAD_HEADROOM = 0.5;

/** Size of a values matrix as it travels in a response (JSON text). */
export function payloadBytes(values: unknown): number {
  return JSON.stringify(values ?? null).length;
}

/**
 * Rows for the next read of a block `columns` wide: a sample while nothing is measured, else the budget's
 * headroom ÷ the largest bytes per row seen (never below one row, never above `cap`).
 */
export function nextChunkRows(columns: number, budget: number, bytesPerRow: number | undefined, cap = Number.POSITIVE_INFINITY): number {
  const floorPerRow = Math.max(1, columns) * 3; // [""] per cell at least
  const rows = bytesPerRow === undefined ? SAMPLE_ROWS : Math.floor((budget * PAYLOAD_HEADROOM) / Math.max(bytesPerRow, floorPerRow));
  return Math.max(1, Math.min(rows, cap));
}

/** Whether Excel refused a sync for its size (the request's or the response's). */
export function isPayloadLimitError(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const text = `${typeof e?.code === 'string' ? e.code : ''} ${typeof e?.message === 'string' ? e.message : String(error)}`;
  return /(Request|Response)PayloadSizeLimitExceeded|PayloadTooLarge|payload size limit/i.test(text);
}
