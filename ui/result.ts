// What every panel action returns: a value and a Norwegian message, or only the message. Nothing in ui/*/actions.ts
// throws to the UI.
import {
  type TableData,
} from '../core/index.js';
import type { PanelHost } from './host.js';

export type ActionResult<T> =
  | { readonly ok: true; readonly value: T; readonly message: string }
  | { readonly ok: false; readonly message: string };

export function success<T>(value: T, message: string): ActionResult<T> {
  return { ok: true, value, message };
}

export function failure<T = never>(message: string): ActionResult<T> {
  return { ok: false, message };
}

/** Reads the named tables that exist; the first read that fails stops with a message ending in `consequence`. */
export async function readTables(host: PanelHost, names: readonly string[], consequence: string): Promise<ActionResult<Map<string, TableData>>> {
  const tables = new Map<string, TableData>();
  for (const name of names) {
    try {
      const table = await host.readTable(name);
      if (table) tables.set(name, table);
    } catch (error) {
      return failure(`Kunne ikke lese ${name}: ${reasonOf(error)}. ${consequence}`);
    }
  }
  return success(tables, '');
}

/** The text of a thrown host error, for a Norwegian sentence ("… : <grunn>"). */
export function reasonOf(error: unknown): string {
  let text = '';
  if (error instanceof Error) text = error.message;
  else if (typeof error === 'string') text = error;
  else if (typeof error === 'object' && error !== null && 'message' in error && typeof (error as { message: unknown }).message === 'string') {
    text = (error as { message: string }).message;
  }
  text = text.trim().replace(/[.!]+$/, '');
  return text || 'ukjent feil';
}
