// Messages between the panel and the panel worker (ui/worker/entry.ts). The rows go over in batches so no single
// postMessage (whose structured-clone copy runs on the sending thread) is a long task; findings come back in batches
// for the same reason on the receiving side.
import type { Finding } from '../../core/index.js';
import type { CommonSystemView, RegisterPlace } from '../register/analysis.js';

/** Rows per 'rows' message: Chromium clones 5 000 rows of a 21-column register in about 100 ms, 2 000 in about 40. */
export const ROW_BATCH = 1_000;
/** Findings per 'findings' message. */
export const FINDING_BATCH = 5_000;

export type ToWorker =
  /** The next rows of the register, in order. */
  | { readonly type: 'rows'; readonly rows: readonly (readonly unknown[])[] }
  /** Every row has been sent: check them. `dataset` is the Dataset through toCloneable. */
  | { readonly type: 'check-register'; readonly place: RegisterPlace; readonly dataset: unknown };

export type FromWorker =
  | { readonly type: 'progress'; readonly fraction: number }
  | { readonly type: 'findings'; readonly findings: readonly Finding[] }
  | { readonly type: 'empty' }
  | { readonly type: 'no-header' }
  /** Last message of a checked register: the findings were sent before it. */
  | { readonly type: 'checked'; readonly rows: number; readonly common?: readonly CommonSystemView[] }
  | { readonly type: 'failed'; readonly message: string };
