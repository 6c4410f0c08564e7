import { Dec } from '../money/kroner.js';
import { fail, ok, type Result } from '../result.js';
import { isBlank, isCellError, isErrorLike, parseDate, parseNumber, parseYesNo } from '../util/cells.js';
import type { ParamSpec } from './types.js';

/** True for a 2-D array argument (what Excel and Sheets pass for a range). */
export function isMatrix(value: unknown): value is unknown[][] {
  return Array.isArray(value) && (value.length === 0 || Array.isArray(value[0]));
}

/** A 1×1 range is the same as its single value. */
export function unwrapSingle(value: unknown): unknown {
  if (isMatrix(value) && value.length === 1 && value[0]!.length === 1) return value[0]![0];
  return value;
}

/** A number as nb-NO writes it in a message, without grouping: 1833.5 → "1833,5". */
export function plainNumber(value: number | Dec): string {
  return String(value).replace('.', ',');
}

/**
 * Why a number cannot be a kommunenummer (1833,5, 0, −1833, 18330), or undefined when it can be one or is not
 * a number at all. Names and numbers as text are left to the registry.
 */
export function kommuneNumberProblem(value: unknown, where?: () => string): string | undefined {
  if (typeof value !== 'number') return undefined;
  if (Number.isInteger(value) && value > 0 && value < 10000) return undefined;
  return `${plainNumber(value)}${where ? ` i ${where()}` : ''} er ikke et kommunenummer: skriv kommunenummeret med fire sifre (f.eks. 1833) eller kommunenavnet.`;
}

/** Coerces one scalar argument to the type its parameter declares; blank optionals become undefined. */
export function coerceArg(spec: ParamSpec, raw: unknown): Result<unknown> {
  if (isBlank(raw)) {
    if (spec.optional) return ok(undefined);
    return fail(`Argumentet «${spec.name}» mangler.`);
  }
  if (isCellError(raw) || (spec.type !== 'range' && isErrorLike(raw))) {
    return fail(`Argumentet «${spec.name}» er en feilverdi (${isCellError(raw) ? raw.cellError : String(raw)}).`);
  }
  switch (spec.type) {
    case 'range':
      return ok(isMatrix(raw) ? raw : [[raw]]);
    case 'kommune': {
      const problem = kommuneNumberProblem(raw);
      if (problem) return fail(problem);
      if (typeof raw === 'number' || typeof raw === 'string') return ok(raw);
      return fail(`«${String(raw)}» er ikke et kommunenavn eller kommunenummer.`);
    }
    case 'text':
      return ok(String(raw).trim());
    case 'year': {
      const n = parseNumber(raw);
      if (!n.ok || !n.value.isInteger() || n.value.lessThan(1900) || n.value.greaterThan(2200)) {
        return fail(`«${String(raw)}» er ikke et gyldig år (skriv f.eks. 2026).`);
      }
      return ok(n.value.toNumber());
    }
    case 'date': {
      // A Sheets date arrives as a Date at midnight in the sheet's time zone (23:00 UTC the day before in Oslo),
      // an exceljs one at midnight UTC: the nearest UTC midnight is the calendar day in both.
      const value = raw instanceof Date ? new Date(raw.getTime() + 12 * 3_600_000) : raw;
      const d = parseDate(value);
      if (!d.ok || typeof raw === 'boolean') return fail(`Argumentet «${spec.name}» er ikke en dato: ${d.ok ? 'SANN/USANN' : d.reason}. Skriv f.eks. 16.10.2025.`);
      return ok(d.value);
    }
    case 'boolean': {
      const yn = parseYesNo(typeof raw === 'string' && /^(sann|usann)$/i.test(raw.trim()) ? /^sann$/i.test(raw.trim()) : raw);
      return yn.ok ? ok(yn.value) : fail(`Argumentet «${spec.name}» må være SANN eller USANN (er «${String(raw)}»).`);
    }
    case 'number': {
      if (typeof raw === 'boolean') return fail(`Argumentet «${spec.name}» må være et tall, ikke ${raw ? 'SANN' : 'USANN'}.`);
      const n = parseNumber(raw);
      if (!n.ok) return fail(`Argumentet «${spec.name}»: ${n.reason}.`);
      return ok(n.value as Dec);
    }
  }
}
