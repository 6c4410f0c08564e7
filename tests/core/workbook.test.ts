import { describe, expect, it } from 'vitest';
import { allocate, DatasetContext, datasetFromTables, Dec, HELGELAND_2026, tableFromValues, type CellValue, type TableData } from '../../core/index.js';

const source = (...tables: TableData[]) => (name: string) => tables.find((t) => t.name === name);

describe('datasetFromTables', () => {
  it('falls back to the embedded default when the workbook has no DH_ tables', () => {
    const r = datasetFromTables(source(), HELGELAND_2026);
    expect(r.ok && r.value.dataset).toBe(HELGELAND_2026);
  });

  it('reads DH_Kommuner and DH_Nokkel (text numbers, percent index) and allocates by them', () => {
    const kommuner = tableFromValues('DH_Kommuner', [
      ['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato'],
      ['1833', 'Rana', '26 000', '30.06.2026'],
      [1824, 'Vefsn', 13500, ''],
      ['1818', 'Herøy', 1900, ''],
    ]);
    const nokkel = tableFromValues('DH_Nokkel', [
      ['År', 'Fast beløp', 'Sats pr innbygger', 'Andel likt', 'Sum å fordele', 'Prisindeks', 'Budsjettert sum'],
      [2027, '', '', '40 %', '1 000 000,00', '', ''],
      [2028, '', '', '', '', '3,9', ''],
    ]);
    const r = datasetFromTables(source(kommuner, nokkel), HELGELAND_2026);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.used).toEqual(['DH_Kommuner', 'DH_Nokkel']);
    expect(r.value.dataset.members.map((m) => m.population)).toEqual([26000, 13500, 1900]);
    const a2027 = allocate(r.value.dataset, 2027);
    expect(a2027.ok && a2027.value.sum.toFixed(2)).toBe('1000000.00');
    const a2028 = allocate(r.value.dataset, 2028);
    expect(a2028.ok && a2028.value.sum.toFixed(2)).toBe('1039000.00');
    // Other members than the built-in cooperation's: its project decisions, RPA and DUO do not carry over.
    expect(r.value.dataset.projects).toEqual([]);
    expect(r.value.dataset.rpa).toBeUndefined();
    expect(r.value.dataset.duo).toBeUndefined();
  });

  it('another cooperation (Vesterålen) never inherits Helgeland projects, RPA or DUO', () => {
    const kommuner = tableFromValues('DH_Kommuner', [
      ['Kommunenr', 'Kommune', 'Innbyggere'],
      ['1871', 'Andøy', 4565],
      ['1867', 'Bø', 2540],
      ['1866', 'Hadsel', 8222],
    ]);
    const r = datasetFromTables(source(kommuner), HELGELAND_2026);
    if (!r.ok) throw new Error(r.error.message);
    const { dataset } = r.value;
    expect(dataset.projects).toEqual([]);
    expect(dataset.rpa).toBeUndefined();
    expect(dataset.duo).toBeUndefined();
    expect(dataset.source).toBe('Arbeidsbokens tabeller DH_Kommuner; fordelingsnøkkel fra Digitale Helgeland 2026');
  });

  it('the same 19 members with new populations, or only a new key, keep the built-in projects, RPA and DUO', () => {
    const kommuner = tableFromValues('DH_Kommuner', [
      ['Kommunenr', 'Kommune', 'Innbyggere'],
      ...HELGELAND_2026.members.map((m) => [m.kommunenr, m.name, m.population + 1]),
    ]);
    const nokkel = tableFromValues('DH_Nokkel', [['År', 'Fast beløp', 'Sats pr innbygger'], [2027, 160000, 24]]);
    for (const tables of [[kommuner], [nokkel], [kommuner, nokkel]]) {
      const r = datasetFromTables(source(...tables), HELGELAND_2026);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.dataset.projects).toBe(HELGELAND_2026.projects);
      expect(r.value.dataset.rpa).toBe(HELGELAND_2026.rpa);
      expect(r.value.dataset.duo).toBe(HELGELAND_2026.duo);
    }
  });

  it('a workbook with its own members takes projects from its own DH_Prosjekter only', () => {
    const kommuner = tableFromValues('DH_Kommuner', [
      ['Kommunenr', 'Kommune', 'Innbyggere'],
      ['1871', 'Andøy', 4565],
      ['1867', 'Bø', 2540],
    ]);
    const prosjekter = tableFromValues('DH_Prosjekter', [
      ['Prosjekt', 'Kommune', 'Deltar', 'Kostnad', 'Fordeling'],
      ['Felles arkiv', '', '', '100 000', 'flatt'],
      ['Felles arkiv', 'Andøy', 'Ja', '', ''],
    ]);
    const r = datasetFromTables(source(kommuner, prosjekter), HELGELAND_2026);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.dataset.projects.map((p) => [p.name, p.participants])).toEqual([['Felles arkiv', ['1871']]]);
    expect(r.value.dataset.rpa).toBeUndefined();
    expect(r.value.dataset.duo).toBeUndefined();
  });

  it.each([
    [[['Kommunenr', 'Kommune', 'Innbyggere'], ['18x3', 'Rana', 1]], 'DH_Kommuner rad 2 (A2): «18x3» er ikke et kommunenummer (fire sifre).'],
    [[['Kommunenr', 'Kommune', 'Innbyggere'], ['1833', 'Vefsn', 1]], 'DH_Kommuner rad 2 (B2): «Vefsn» passer ikke med kommunenummer 1833 (Rana).'],
    [[['Kommunenr', 'Kommune', 'Innbyggere'], ['1833', 'Rana', 'mange']], 'DH_Kommuner rad 2 (C2): innbyggertallet «mange» er ikke et helt tall.'],
    [[['Kommunenr', 'Kommune', 'Innbyggere'], ['1833', 'Rana', { cellError: '#N/A' }]], 'DH_Kommuner rad 2 (C2): innbyggertallet «#N/A» er ikke et helt tall.'],
    [[['Kommune', 'Innbyggere'], ['Rana', 1]], 'DH_Kommuner mangler kolonnen «Kommunenr».'],
    [[['Kommunenr', 'Kommune', 'Innbyggere'], ['1833', 'Rana', 1], ['1833', 'Rana', 2]], 'DH_Kommuner rad 3 (A3): kommunenummer 1833 står to ganger.'],
  ])('refuses a bad DH_Kommuner with a message naming the cell', (values, message) => {
    const r = datasetFromTables(source(tableFromValues('DH_Kommuner', values as never)), HELGELAND_2026);
    expect(!r.ok && r.error.message).toBe(message);
  });

  it('reads DH_Prosjekter: a total split by population among participants', () => {
    const prosjekter = tableFromValues('DH_Prosjekter', [
      ['Prosjekt', 'Kommune', 'Deltar', 'Kostnad', 'Fordeling'],
      ['Felles sak/arkiv', '', '', '300 000', 'innbyggere'],
      ['Felles sak/arkiv', 'Rana', 'Ja', '', ''],
      ['Felles sak/arkiv', 'Herøy', 'J', '', ''],
      ['Felles sak/arkiv', 'Vefsn', 'Nei', '', ''],
    ]);
    const r = datasetFromTables(source(prosjekter), HELGELAND_2026);
    if (!r.ok) throw new Error(r.error.message);
    const p = r.value.dataset.projects[0]!;
    expect(p).toMatchObject({ name: 'Felles sak/arkiv', participants: ['1833', '1818'], split: 'innbyggere' });
    expect(p.annualCost!.toFixed(2)).toBe('300000.00');
  });
});

const KOMMUNER_HEADER = ['Kommunenr', 'Kommune', 'Innbyggere'];
const NOKKEL_HEADER = ['År', 'Fast beløp', 'Sats pr innbygger', 'Andel likt', 'Sum å fordele', 'Prisindeks', 'Budsjettert sum'];
/** Salten, a cooperation of real kommuner other than the built-in one. */
const SALTEN = tableFromValues('DH_Kommuner', [KOMMUNER_HEADER, [1804, 'Bodø', 53712], [1840, 'Saltdal', 4614], [1848, 'Steigen', 2517]]);
const load = (...tables: TableData[]) => datasetFromTables(source(...tables), HELGELAND_2026);
const errorOf = (r: ReturnType<typeof load>) => (r.ok ? 'ingen feil' : r.error.message);
const nokkel = (...rows: CellValue[][]) => tableFromValues('DH_Nokkel', [NOKKEL_HEADER, ...rows]);

describe('DH_Kommuner: bare kommuner som finnes', () => {
  it('a number that does not exist is an error naming the cell and pointing to SSB', () => {
    const t = tableFromValues('DH_Kommuner', [KOMMUNER_HEADER, [1804, 'Bodø', 53712], [9999, 'Fantasia', 1000]]);
    expect(errorOf(load(t))).toBe('DH_Kommuner rad 3 (A3): Ukjent kommunenummer 9999. Bruk kommunenummeret fra SSB (fire sifre).');
  });

  it('a number out of use since 1.1.2024 is an error that says what replaced it', () => {
    const t = tableFromValues('DH_Kommuner', [KOMMUNER_HEADER, [1804, 'Bodø', 53712], ['3004', 'Fredrikstad', 80000]]);
    expect(errorOf(load(t))).toBe(
      'DH_Kommuner rad 3 (A3): Ukjent kommunenummer 3004: 3004 var Fredrikstads kommunenummer før 2024; nå 3107. Bruk det nye nummeret.',
    );
    const split = tableFromValues('DH_Kommuner', [KOMMUNER_HEADER, ['1507', 'Ålesund', 60000]]);
    expect(errorOf(load(split))).toMatch(/^DH_Kommuner rad 2 \(A2\): Ukjent kommunenummer 1507: .*nå 1508 \(Ålesund\) eller 1580 \(Haram\)\. Bruk det nye nummeret\.$/);
  });

  it('members are looked up in the built-in registry: by number, by name, with the typed name kept', () => {
    const r = load(SALTEN);
    if (!r.ok) throw new Error(r.error.message);
    const context = new DatasetContext(r.value.dataset);
    expect(context.resolveMember('Saltdal').ok && context.resolveMember(1840).ok).toBe(true);
    expect(context.registry.byNumber('9999')).toBeUndefined();
    expect(r.value.dataset).not.toHaveProperty('extraKommuner');
  });

  it.each([
    ['ca. 1000', 'DH_Kommuner rad 3 (C3): innbyggertallet «ca. 1000» er omtrentlig; skriv det nøyaktige tallet.'],
    ['~1000', 'DH_Kommuner rad 3 (C3): innbyggertallet «~1000» er omtrentlig; skriv det nøyaktige tallet.'],
    ['1 500 %', 'DH_Kommuner rad 3 (C3): innbyggertallet «1 500 %» er ikke et helt tall.'],
    [1013.4, 'DH_Kommuner rad 3 (C3): innbyggertallet «1013.4» er ikke et helt tall.'],
  ])('Innbyggere «%s» is refused: the key needs a whole number', (population, message) => {
    const t = tableFromValues('DH_Kommuner', [KOMMUNER_HEADER, [1804, 'Bodø', 53712], [1839, 'Beiarn', population]]);
    expect(errorOf(load(t))).toBe(message);
  });

  it('Innbyggere written with thousands separators is still a whole number', () => {
    const t = tableFromValues('DH_Kommuner', [KOMMUNER_HEADER, [1804, 'Bodø', '53 712'], [1841, 'Fauske', '9.867']]);
    const r = load(t);
    expect(r.ok && r.value.dataset.members.map((m) => m.population)).toEqual([53712, 9867]);
  });
});

describe('DH_Nokkel: én nøkkeltype per rad', () => {
  it.each([
    [[2026, 100000, 20, 0.4, 3000000, '', ''], 'DH_Nokkel rad 2 (E2)'],
    [[2026, 100000, 20, '', 3000000, '', ''], 'DH_Nokkel rad 2 (E2)'],
    [[2026, '', 20, 0.4, '', '', ''], 'DH_Nokkel rad 2 (D2)'],
  ])('a row with both Fast beløp/Sats and Sum å fordele/Andel likt is an error naming the row', (row, place) => {
    expect(errorOf(load(SALTEN, nokkel(row)))).toBe(
      `${place}: raden for 2026 har både Fast beløp/Sats pr innbygger og Sum å fordele/Andel likt; en rad bruker enten det ene eller det andre.`,
    );
  });

  it('Andel likt without Sum å fordele is an error, not dropped', () => {
    expect(errorOf(load(SALTEN, nokkel([2026, '', '', 0.4, '', '', 100])))).toBe('DH_Nokkel rad 2 (D2): raden for 2026 har Andel likt, men mangler Sum å fordele.');
    expect(errorOf(load(SALTEN, nokkel([2026, 100000, 20], [2027, '', '', '30 %', '', '3,9 %', ''])))).toBe(
      'DH_Nokkel rad 3 (D3): raden for 2027 har Andel likt, men mangler Sum å fordele.',
    );
  });
});

describe('DH_Nokkel: Prisindeks på en rad med egne tall', () => {
  it('figures the index gives from the previous year (at the decimals written) are the key; the index is a record, not applied again', () => {
    // 2027 = 2026 × 1,039: 103 900,00 kr and 20,78 kr; a rate written in whole kroner (21) passes too.
    for (const rate of [20.78, 21]) {
      const r = load(SALTEN, nokkel([2026, 100000, 20], [2027, 103900, rate, '', '', '3,9 %', '']));
      if (!r.ok) throw new Error(r.error.message);
      const key = r.value.dataset.keys.find((k) => k.year === 2027)!;
      expect([key.fixedAmount!.toString(), key.ratePerInhabitant!.toString(), key.priceIndex!.toString()]).toEqual(['103900', String(rate), '0.039']);
      const a = allocate(r.value.dataset, 2027);
      expect(a.ok && a.value.sum.toFixed(2)).toBe(new Dec(3 * 103900).plus(new Dec(rate).times(53712 + 4614 + 2517)).toFixed(2));
    }
  });

  it('without the previous year in the table the index only records how the figures came about (the board prints 2026 so)', () => {
    const r = load(SALTEN, nokkel([2026, '156 520,48', 23, '', '', '3,9 %', '4 956 481,97']));
    if (!r.ok) throw new Error(r.error.message);
    const a = allocate(r.value.dataset, 2026);
    expect(a.ok && a.value.sum.toFixed(2)).toBe(new Dec('156520.48').times(3).plus(23 * (53712 + 4614 + 2517)).toFixed(2));
  });

  it('figures that the index does not give from the previous year are an error naming the Prisindeks cell', () => {
    // Last year's figures copied with an index meant to raise them: never silently the same key as 2026.
    expect(errorOf(load(SALTEN, nokkel([2026, 100000, 20], [2027, 100000, 20, '', '', 0.039, ''])))).toBe(
      'DH_Nokkel rad 3 (F3): Prisindeks 3,9 % på nøkkelen for 2026 gir Fast beløp 103 900,00 kr og Sats pr innbygger 20,78 kr, ' +
        'men raden for 2027 har Fast beløp 100 000,00 kr og Sats pr innbygger 20,00 kr. Tøm Prisindeks hvis radens tall gjelder, eller tallene hvis de skal regnes fra 2026.',
    );
    expect(errorOf(load(SALTEN, nokkel([2026, '', '', 0.4, 3000000], [2027, '', '', 0.4, 3000000, '2 %', ''])))).toBe(
      'DH_Nokkel rad 3 (F3): Prisindeks 2 % på nøkkelen for 2026 gir Sum å fordele 3 060 000,00 kr, men raden for 2027 har Sum å fordele 3 000 000,00 kr. ' +
        'Tøm Prisindeks hvis radens tall gjelder, eller tallene hvis de skal regnes fra 2026.',
    );
  });

  it('a row with only Prisindeks still derives the key from the previous year', () => {
    const r = load(SALTEN, nokkel([2026, 100000, 20], [2027, '', '', '', '', '3,9 %', '']));
    if (!r.ok) throw new Error(r.error.message);
    const a = allocate(r.value.dataset, 2027);
    expect(a.ok && a.value.sum.toFixed(2)).toBe(new Dec(3 * 103900).plus(new Dec('20.78').times(53712 + 4614 + 2517)).toFixed(2));
  });
});

describe('DH_Nokkel: prosenter', () => {
  const alpha = (value: CellValue) => {
    const r = load(SALTEN, nokkel([2026, '', '', value, 3000000, '', '']));
    return r.ok ? r.value.dataset.keys[0]!.equalShare!.toString() : r.error.message;
  };

  it.each([
    ['40 %', '0.4'],
    ['0 %', '0'],
    ['100 %', '1'],
    [0.4, '0.4'],
    [1, '1'],
    [40, '0.4'],
    ['40', '0.4'],
    [100, '1'],
  ])('Andel likt %j is %s', (value, share) => {
    expect(alpha(value)).toBe(share);
  });

  it.each([
    ['150 %', '150 %'],
    ['100,5 %', '100,5 %'],
    [150, '150'],
    [-0.1, '−0,1'],
    ['-5 %', '-5 %'],
  ])('Andel likt %j is out of range: an error naming the cell', (value, shownAs) => {
    expect(alpha(value)).toBe(`DH_Nokkel rad 2 (D2): Andel likt «${shownAs}» må være mellom 0 og 100 %.`);
  });

  const index = (value: CellValue) => {
    const r = load(SALTEN, nokkel([2026, 100000, 20], [2027, '', '', '', '', value, '']));
    return r.ok ? r.value.dataset.keys[1]!.priceIndex!.toString() : r.error.message;
  };

  it.each([
    ['3,9 %', '0.039'],
    ['1,039 %', '0.01039'],
    [0.039, '0.039'],
    [3.9, '0.039'],
    ['3,9', '0.039'],
    ['-2 %', '-0.02'],
    [-0.02, '-0.02'],
    [-2, '-0.02'],
    [0, '0'],
  ])('Prisindeks %j is %s', (value, change) => {
    expect(index(value)).toBe(change);
  });

  it.each([
    [1.039, 'DH_Nokkel rad 3 (F3): Prisindeks «1,039» er tvetydig (faktor eller prosent?); skriv endringen som 3,9 % eller 0,039.'],
    ['1,039', 'DH_Nokkel rad 3 (F3): Prisindeks «1,039» er tvetydig (faktor eller prosent?); skriv endringen som 3,9 % eller 0,039.'],
    [1, 'DH_Nokkel rad 3 (F3): Prisindeks «1» er tvetydig (faktor eller prosent?); skriv endringen som 0 % eller 0.'],
    [103.9, 'DH_Nokkel rad 3 (F3): Prisindeks «103,9» ser ut som et indekstall (100 = uendret); skriv endringen som 3,9 % eller 0,039.'],
    ['150 %', 'DH_Nokkel rad 3 (F3): Prisindeks «150 %» må være en endring mellom −100 % og 100 %.'],
    [-150, 'DH_Nokkel rad 3 (F3): Prisindeks «−150» må være en endring mellom −100 % og 100 %.'],
  ])('Prisindeks %j is refused with a message naming the cell', (value, message) => {
    expect(index(value)).toBe(message);
  });
});

describe('DH_Prosjekter: rader som strider mot hverandre', () => {
  const prosjekter = (...rows: CellValue[][]) => tableFromValues('DH_Prosjekter', [['Prosjekt', 'Kommune', 'Deltar', 'Kostnad', 'Fordeling'], ...rows]);

  it.each([
    [
      'two total costs',
      [['X', '', '', 1000, 'flatt'], ['X', '', '', 2000, 'flatt'], ['X', 'Bodø', 'Ja', '', '']],
      'DH_Prosjekter rad 3 (D3): «X» har alt en samlet kostnad i rad 2; skriv prosjektets kostnad på én rad.',
    ],
    [
      'two splits',
      [['X', '', '', 1000, 'flatt'], ['X', 'Bodø', 'Ja', '', 'innbyggere'], ['X', 'Saltdal', 'Ja', '', '']],
      'DH_Prosjekter rad 3 (E3): fordeling «innbyggere» for «X» strider mot «flatt» i rad 2; et prosjekt har én fordeling.',
    ],
    [
      'the same kommune by name and by number',
      [['X', '', '', 1000, 'flatt'], ['X', 'Bodø', 'Ja', '', ''], ['X', 1804, 'Nei', '', ''], ['X', 'Saltdal', 'Ja', '', '']],
      'DH_Prosjekter rad 4 (B4): Bodø står alt i rad 3 for «X»; en kommune har én rad per prosjekt.',
    ],
    [
      'the same kommune twice, both Ja',
      [['X', '', '', 1000, 'flatt'], ['X', 'Saltdal', 'Ja', '', ''], ['x', 'saltdal', 'Ja', '', '']],
      'DH_Prosjekter rad 4 (B4): Saltdal står alt i rad 3 for «X»; en kommune har én rad per prosjekt.',
    ],
  ])('%s: an error naming the later row', (_name, rows, message) => {
    expect(errorOf(load(SALTEN, prosjekter(...rows)))).toBe(message);
  });

  it('the same split repeated, and one kommune in two projects, are fine', () => {
    const r = load(
      SALTEN,
      prosjekter(['X', '', '', 1000, 'flatt'], ['X', 'Bodø', 'Ja', '', 'flatt'], ['Y', 'Bodø', 'Ja', 500, ''], ['Y', 'Saltdal', 'Nei', '', '']),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.dataset.projects.map((p) => [p.name, p.participants, p.split])).toEqual([
      ['X', ['1804'], 'flat'],
      ['Y', ['1804'], 'flat'],
    ]);
  });
});
