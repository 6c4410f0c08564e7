/** Per-execution counters, exposed as __DH.stats() for tests and troubleshooting. */
export const stats = { tableReads: 0, parses: 0, cacheHits: 0, cacheMisses: 0, memoHits: 0 };
