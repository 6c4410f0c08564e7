// Placeholder until the register checks land (issue 2, item 2): the signature is the contract.
import type { DatasetContext } from '../dataset/context.js';
import type { Finding } from '../findings/finding.js';

export interface RegisterCheckOptions {
  /** Sheet name findings point at. */
  readonly sheet?: string;
  /** 1-based sheet row/column of cells[0][0], so findings carry real addresses. Default 1/1. */
  readonly originRow?: number;
  readonly originColumn?: number;
  /** ISO date used as "today" for contract deadlines. */
  readonly today: string;
  /** Active dataset, for kommune lookups (ambiguity resolved among its members). */
  readonly data?: DatasetContext;
}

export function checkRegister(_cells: readonly (readonly unknown[])[], _options: RegisterCheckOptions): Finding[] {
  throw new Error('checkRegister er ikke implementert ennå');
}
