import { describe, expect, it } from 'vitest';
import { DatasetContext, HELGELAND_2026, KommuneRegistry } from '../../core/index.js';

const registry = new KommuneRegistry();
const nr = (input: unknown, scope?: Set<string>) => {
  const r = registry.resolve(input, scope);
  return r.ok ? r.value.kommunenr : r.error.message;
};

describe('KommuneRegistry', () => {
  it.each([
    ['Rana', '1833'],
    ['rana', '1833'],
    ['RANA - RAANE', '1833'],
    ['Raane', '1833'],
    ['Aarborte - Hattfjelldal', '1826'],
    ['Bronnoy', '1813'],
    ['Broennoey', '1813'],
    ['Træna', '1835'],
    ['Traena', '1835'],
    ['Herøy (Nordland)', '1818'],
    ['Herøy (Møre og Romsdal)', '1515'],
    [1833, '1833'],
    ['1833', '1833'],
    [' 1826 ', '1826'],
  ])('%s → %s', (input, expected) => {
    expect(nr(input)).toBe(expected);
  });

  it('asks for the number when "Herøy" cannot be settled', () => {
    expect(nr('Herøy')).toMatch(/tvetydig.*1818.*1515/);
  });

  it('resolves "Herøy" within the active dataset', () => {
    expect(nr('Herøy', new Set(['1818', '1833']))).toBe('1818');
    expect(nr('Herøy', new Set(['1515']))).toBe('1515');
  });

  it('suggests the nearest name for a misspelling', () => {
    expect(nr('Ranna')).toBe('Ukjent kommune «Ranna» – mente du Rana?');
    expect(nr('Hatfjeldal')).toMatch(/mente du Hattfjelldal\?/);
    expect(nr('Brønøy')).toMatch(/mente du Brønnøy\?/);
  });

  it('reports unknown names and numbers without a suggestion when nothing is close', () => {
    expect(nr('Atlantis')).toBe('Ukjent kommune «Atlantis». Oppgi kommunenavn eller kommunenummer.');
    expect(nr('9999')).toBe('Ukjent kommunenummer 9999.');
    expect(nr('')).toMatch(/Kommune mangler/);
  });
});

describe('DatasetContext', () => {
  const ctx = new DatasetContext(HELGELAND_2026);
  it('resolves Herøy to the member 1818', () => {
    const r = ctx.resolveMember('Herøy');
    expect(r.ok && r.value.kommunenr).toBe('1818');
  });
  it('refuses a known kommune that is not a member', () => {
    const r = ctx.resolveMember('Bodø');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Bodø (1804) er ikke medlem i Digitale Helgeland 2026.');
  });
  it('finds projects by alias and unique prefix', () => {
    const rpa = ctx.resolveProject('rpa');
    expect(rpa.ok && rpa.value.name).toBe('RPA vedtatt pr epost');
    const duo = ctx.resolveProject('DUO arkivar');
    expect(duo.ok && duo.value.participants).toHaveLength(16);
    expect(ctx.resolveProject('Felles').ok).toBe(false);
  });
});
