// Serialises parsed inputs to text for CacheService and back. Money stays exact: Dec values travel as
// their decimal text, Maps and Sets as entry lists. Everything else in a Dataset is plain JSON.
import { Dec } from '../../../core/index.js';

export function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, replaced: unknown) {
    // `this[key]` is the value before toJSON ran: Decimal's toJSON would otherwise hide its type.
    const original = this[key];
    if (original instanceof Dec) return { $dec: original.toString() };
    if (original instanceof Map) return { $map: [...original.entries()] };
    if (original instanceof Set) return { $set: [...original] };
    return replaced;
  });
}

export function decode<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      const keys = Object.keys(v);
      if (keys.length === 1) {
        if (typeof v.$dec === 'string') return new Dec(v.$dec);
        if (Array.isArray(v.$map)) return new Map(v.$map as [unknown, unknown][]);
        if (Array.isArray(v.$set)) return new Set(v.$set);
      }
    }
    return value;
  }) as T;
}
