import { describe, expect, it } from 'vitest';
import { DatasetContext, FORMER_KOMMUNENUMMER, HELGELAND_2026, KNOWN_KOMMUNER, KommuneRegistry } from '../../core/index.js';

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

  it('reads "Rana kommune", "Vefsn Kommune" and "Kommunen Bodø" as the kommune itself', () => {
    expect(nr('Rana kommune')).toBe('1833');
    expect(nr('Vefsn Kommune')).toBe('1824');
    expect(nr('Kommunen Bodø')).toBe('1804');
    expect(nr('Herøy kommune', new Set(['1818']))).toBe('1818');
    expect(nr('Herøy kommune (Møre og Romsdal)')).toBe('1515');
    expect(nr('Ranna kommune')).toBe('Ukjent kommune «Ranna kommune» – mente du Rana?');
    expect(nr('kommune')).toMatch(/Ukjent kommune «kommune»/);
  });

  it('forgets the suggestions it remembers when a kommune is added', () => {
    const registry = new KommuneRegistry();
    expect(registry.suggest('Atlantiss')).toBeUndefined();
    registry.add({ kommunenr: '9998', name: 'Atlantis', fylke: 'Testfylke', aliases: [] });
    expect(registry.suggest('Atlantiss')).toBe('Atlantis');
  });

  it('reports unknown names and numbers without a suggestion when nothing is close', () => {
    expect(nr('Atlantis')).toBe('Ukjent kommune «Atlantis». Oppgi kommunenavn eller kommunenummer.');
    expect(nr('9999')).toBe('Ukjent kommunenummer 9999.');
    expect(nr('')).toMatch(/Kommune mangler/);
  });
});

describe('KNOWN_KOMMUNER: every kommune from 1 January 2024', () => {
  it('holds exactly 357 kommuner with unique four-digit numbers, in the 15 fylker', () => {
    expect(KNOWN_KOMMUNER).toHaveLength(357);
    expect(new Set(KNOWN_KOMMUNER.map((k) => k.kommunenr)).size).toBe(357);
    for (const k of KNOWN_KOMMUNER) expect(k.kommunenr).toMatch(/^\d{4}$/);
    const perFylke: Record<string, number> = {};
    for (const k of KNOWN_KOMMUNER) perFylke[k.fylke] = (perFylke[k.fylke] ?? 0) + 1;
    expect(perFylke).toEqual({
      Oslo: 1, Rogaland: 23, 'Møre og Romsdal': 27, Nordland: 41, Østfold: 12, Akershus: 21, Buskerud: 18, Innlandet: 46,
      Vestfold: 6, Telemark: 17, Agder: 25, Vestland: 43, Trøndelag: 38, Troms: 21, Finnmark: 18,
    });
  });

  it('each fylke has its own number series', () => {
    const prefix: Record<string, string> = {
      Oslo: '03', Rogaland: '11', 'Møre og Romsdal': '15', Nordland: '18', Østfold: '31', Akershus: '32', Buskerud: '33', Innlandet: '34',
      Vestfold: '39', Telemark: '40', Agder: '42', Vestland: '46', Trøndelag: '50', Troms: '55', Finnmark: '56',
    };
    for (const k of KNOWN_KOMMUNER) expect(k.kommunenr.slice(0, 2), `${k.kommunenr} ${k.name}`).toBe(prefix[k.fylke]);
  });

  it.each([
    ['Oslo', '0301'], ['Bergen', '4601'], ['Stavanger', '1103'], ['Ålesund', '1508'], ['Haram', '1580'], ['Ulstein', '1516'],
    ['Fredrikstad', '3107'], ['Bærum', '3201'], ['Drammen', '3301'], ['Nore og Uvdal', '3338'], ['Tønsberg', '3905'],
    ['Vinje', '4036'], ['Tromsø', '5501'], ['Kvænangen', '5546'], ['Alta', '5601'], ['Nesseby', '5636'], ['Trondheim', '5001'],
  ])('%s has kommunenummer %s', (name, expected) => {
    expect(nr(name)).toBe(expected);
  });

  it('only Herøy and Våler are names two kommuner share, and both say which in their aliases', () => {
    const byName = new Map<string, string[]>();
    for (const k of KNOWN_KOMMUNER) byName.set(k.name, [...(byName.get(k.name) ?? []), k.kommunenr]);
    expect([...byName].filter(([, nrs]) => nrs.length > 1)).toEqual([['Herøy', ['1818', '1515']], ['Våler', ['3114', '3419']]]);
    expect(nr('Våler')).toBe('«Våler» er tvetydig: oppgi kommunenummer, 3114 (Østfold) eller 3419 (Innlandet).');
    expect(nr('Våler (Østfold)')).toBe('3114');
    expect(nr('Våler i Østfold')).toBe('3114');
    expect(nr('Våler (Innlandet)')).toBe('3419');
    expect(nr('Valer i Innlandet')).toBe('3419');
    expect(nr('Herøy i Møre og Romsdal')).toBe('1515');
    expect(nr('Våler', new Set(['3419', '3420']))).toBe('3419');
  });

  it.each([
    ['Guovdageaidnu', '5612'], ['Guovdageaidnu - Kautokeino', '5612'], ['Kárášjohka', '5610'], ['Karasjohka', '5610'],
    ['Deatnu', '5628'], ['Deatnu - Tana', '5628'], ['Tana - Deatnu', '5628'], ['Unjárga - Nesseby', '5636'],
    ['Porsáŋgu', '5622'], ['Porsangu', '5622'], ['Porsanki', '5622'], ['Gáivuotna', '5540'], ['Kaivuono', '5540'],
    ['Loabák', '5518'], ['Loabák - Lavangen', '5518'], ['Snåase', '5041'], ['Raarvihke', '5043'], ['Hárstták', '5503'],
    ['Omasvuotna', '5538'], ['Ráisa', '5544'], ['Raisi', '5544'], ['Romsa', '5501'], ['Tråante', '5001'], ['Čáhcesuolu', '5607'],
  ])('Sami and Kven name %s → %s', (name, expected) => {
    expect(nr(name)).toBe(expected);
  });

  it.each([
    ['Aurskog-Høland', '3226'], ['aurskog holand', '3226'], ['Aurskog-Hoeland', '3226'], ['Evje og Hornnes', '4219'],
    ['EVJE OG HORNNES', '4219'], ['Nord-Odal', '3414'], ['Nord Odal', '3414'], ['Ås', '3218'], ['Aas', '3218'], ['As', '3218'],
    ['Ål', '3328'], ['Aal', '3328'], ['Bø', '1867'], ['Boe', '1867'], ['Os', '3430'], ['Hå', '1119'], ['Haa', '1119'],
    ['Aalesund', '1508'], ['Tromso', '5501'], ['Baerum', '3201'],
  ])('spelling %s → %s', (name, expected) => {
    expect(nr(name)).toBe(expected);
  });

  it('every name and alias resolves to its own kommune, and no two kommuner share an alias', () => {
    for (const k of KNOWN_KOMMUNER) {
      for (const text of [k.name, ...k.aliases]) expect(nr(text, new Set([k.kommunenr])), text).toBe(k.kommunenr);
    }
    for (const k of KNOWN_KOMMUNER) for (const alias of k.aliases) expect(registry.resolve(alias).ok, alias).toBe(true);
  });

  it('suggests among all kommuner, quickly', () => {
    expect(nr('Ulsteinn')).toBe('Ukjent kommune «Ulsteinn» – mente du Ulstein?');
    expect(nr('Fredrikstadt')).toMatch(/mente du Fredrikstad\?/);
    expect(nr('Guovdageidnu')).toMatch(/mente du Kautokeino\?/);
    const names = KNOWN_KOMMUNER.map((k) => k.name);
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      const name = names[(i * 7) % names.length]!;
      registry.resolve(`${name.slice(0, 2)}x${name.slice(3)}q`);
    }
    expect(performance.now() - started).toBeLessThan(5000); // about 0.2 s on a laptop
  });
});

describe('kommunenummer from before 2024', () => {
  it('maps each former number to current kommuner, and no former number is in use', () => {
    const current = new Set(KNOWN_KOMMUNER.map((k) => k.kommunenr));
    const former = Object.entries(FORMER_KOMMUNENUMMER);
    expect(former).toHaveLength(114);
    for (const [old, now] of former) {
      expect(current.has(old), old).toBe(false);
      for (const n of now) expect(current.has(n), n).toBe(true);
    }
    expect(FORMER_KOMMUNENUMMER['3004']).toEqual(['3107']);
    expect(FORMER_KOMMUNENUMMER['5401']).toEqual(['5501']);
    expect(FORMER_KOMMUNENUMMER['3803']).toEqual(['3905']);
    expect(FORMER_KOMMUNENUMMER['1507']).toEqual(['1508', '1580']);
  });

  it('does not resolve a former number, but says what replaced it', () => {
    expect(nr('3004')).toBe('Ukjent kommunenummer 3004: 3004 var Fredrikstads kommunenummer før 2024; nå 3107.');
    expect(nr(5401)).toBe('Ukjent kommunenummer 5401: 5401 var Tromsøs kommunenummer før 2024; nå 5501.');
    expect(nr('3002')).toBe("Ukjent kommunenummer 3002: 3002 var Moss' kommunenummer før 2024; nå 3103.");
    expect(nr('1507')).toBe('Ukjent kommunenummer 1507: 1507 var Ålesunds kommunenummer før 2024; nå 1508 (Ålesund) eller 1580 (Haram).');
    const failed = registry.resolve('3004');
    expect(!failed.ok && failed.error.kind).toBe('notAvailable');
    expect(registry.successorsOf('3004')?.map((k) => k.name)).toEqual(['Fredrikstad']);
    expect(registry.successorsOf('3107')).toBeUndefined();
    expect(registry.successorsOf('9999')).toBeUndefined();
  });

  it('a workbook that brings a former number as its own kommune keeps it', () => {
    const own = new KommuneRegistry();
    own.add({ kommunenr: '3004', name: 'Fredrikstad (gammel)', fylke: '', aliases: [] });
    const r = own.resolve('3004');
    expect(r.ok && r.value.name).toBe('Fredrikstad (gammel)');
    expect(own.successorsOf('3004')).toBeUndefined();
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

describe('KommuneRegistry.hasName', () => {
  // What resolve finds for a name, one kommune or an ambiguous one: looksLikeKommune asks this instead of resolve,
  // so a miss costs no «mente du …?» suggestion.
  const found = (text: string) => {
    const r = registry.resolve(text);
    return r.ok || /er tvetydig: oppgi kommunenummer/.test(r.error.message);
  };
  it('is true exactly where resolve finds a kommune or an ambiguous name', () => {
    const names = KNOWN_KOMMUNER.flatMap((k) => [k.name, k.name.toUpperCase(), ` ${k.name} kommune `, `${k.name}x`, k.name.slice(0, -1)]);
    for (const text of [...names, 'Herøy', 'Bø', 'Våler', 'Systemoversikt', 'Sum', 'Kommune', 'Oslo kommune', 'Ranna']) expect(registry.hasName(text), text).toBe(found(text));
  });
});
