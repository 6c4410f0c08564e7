/**
 * Errors are values inside core (STYLE §6). A DhError carries the Norwegian message a user sees and
 * the kind of sheet error a host maps it to: Excel #VALUE!/#N/A/#NUM! ('number': a result that is not a
 * finite number, or an amount a cell cannot hold to the øre), Sheets a thrown Error, CLI exit 2.
 */
export type DhErrorKind = 'value' | 'notAvailable' | 'number';

export interface DhError {
  readonly dhError: true;
  readonly kind: DhErrorKind;
  readonly message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: DhError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(message: string, kind: DhErrorKind = 'value'): Result<T> {
  return { ok: false, error: dhError(message, kind) };
}

export function dhError(message: string, kind: DhErrorKind = 'value'): DhError {
  return { dhError: true, kind, message };
}

export function isDhError(value: unknown): value is DhError {
  return typeof value === 'object' && value !== null && (value as DhError).dhError === true;
}
