// Probe tables for the relation finder, built from public Norwegian material of kinds `kontroll` does not know
// (grant lists, fee tables, benefit plans, budgets with sub-totals, tables pasted from PDF). Where a page printed
// only some rows, the rest were filled in the same shape; each probe says which. Plants are realistic slips,
// each with the cause the finder should name (or none where no cause is recognisable).
import type { CellValue } from '../../../core/util/cells.js';

export type CauseWord = 'transposed' | 'factor' | 'sign' | 'copied' | 'left-out' | undefined;

export interface Plant {
  /** A1 address of the planted cell. */
  readonly cell: string;
  readonly value: CellValue;
  readonly cause: CauseWord;
}

export interface Probe {
  readonly name: string;
  /** Where the shape and figures come from. */
  readonly source: string;
  readonly grid: CellValue[][];
  readonly plants: readonly Plant[];
}

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
/** «1 234 567» as a PDF prints it (thin spaces lost to ordinary ones). */
const spaced = (x: number, d = 0) => {
  const [i, f] = Math.abs(x).toFixed(d).split('.');
  return (x < 0 ? '-' : '') + i!.replace(/\B(?=(\d{3})+(?!\d))/g, ' ') + (f ? ',' + f : '');
};
/** «3.300.000,-» / «3.500,00»: dots for thousands, as many Norwegian PDFs print kroner. */
const dotted = (x: number, tail = ',-') => Math.round(x).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.') + tail;

/** P1. Bufdir, Nasjonal tilskuddsordning mot barnefattigdom, tildelinger 2018 per fylke (the first three rows as
 * published at bufdir.no/en/Tilskudd/Se_hvem_som_har_fatt_tilskudd/Barn_og_unge/lavinntekt/Tildelinger_2018/; the
 * other fylker filled in the same shape). A grant list with a Sum row. */
function grants(): Probe {
  const rows: [string, number, number, number, number][] = [
    ['Akershus', 93, 55, 32168527, 11437540],
    ['Aust-Agder', 44, 26, 9815200, 5153200],
    ['Buskerud', 58, 41, 16506899, 8096436],
    ['Finnmark', 21, 15, 4120500, 2231000],
    ['Hedmark', 37, 24, 8733150, 3904250],
    ['Hordaland', 102, 61, 35410277, 12875300],
    ['Møre og Romsdal', 49, 30, 11204800, 5120900],
    ['Nordland', 66, 38, 14377215, 6650125],
  ];
  const sum = (k: 1 | 2 | 3 | 4) => rows.reduce((s, r) => s + r[k], 0);
  const grid: CellValue[][] = [
    ['Tildelinger 2018 per fylke'],
    ['Fylke', 'Antall søknader', 'Antall innvilgede søknader', 'Søknadssum', 'Innvilget sum'],
    ...rows.map((r) => [...r]),
    ['Sum', sum(1), sum(2), sum(3), sum(4)],
  ];
  return {
    name: 'tilskuddsliste (Bufdir 2018)',
    source: 'bufdir.no Tildelinger 2018, tabellen «Tildelinger per fylke»',
    grid,
    plants: [
      { cell: 'E5', value: 8069436, cause: 'transposed' }, // Buskerud 8 096 436 retyped
      { cell: 'D11', value: sum(3) - 14377215, cause: 'left-out' }, // Søknadssum without Nordland
    ],
  };
}

/** P2. KS medlemskontingent 2020 for kommuner: grunnbeløp 108 142 kr + 36,15 kr per innbygger, høyst 9 133 121 kr
 * (ks.no «Medlemskontingent»). Population figures are rounded SSB figures for the kommuner named. */
function ksFee(): Probe {
  const kommuner: [string, number][] = [
    ['Bergen', 285911], ['Trondheim', 205163], ['Stavanger', 143574], ['Bærum', 127731], ['Kristiansand', 111633],
    ['Drammen', 101386], ['Asker', 94441], ['Lillestrøm', 86953], ['Fredrikstad', 83193], ['Sandnes', 80450],
    ['Tromsø', 77095], ['Bodø', 52357],
  ];
  const fee = (p: number) => Math.min(round(108142 + 36.15 * p), 9133121);
  return {
    name: 'kontingent med tak (KS 2020)',
    source: 'ks.no «Medlemskontingent»: grunnbeløp, sats pr innbygger og maksimumskontingent 2020',
    grid: [
      ['Kontingent til KS 2020'],
      ['Kommune', 'Innbyggere', 'Kontingent'],
      ...kommuner.map(([k, p]) => [k, p, fee(p)]),
    ],
    plants: [
      { cell: 'C7', value: round(fee(111633) / 10), cause: 'factor' }, // Kristiansand with a zero lost
      { cell: 'C12', value: fee(83193), cause: 'copied' }, // Sandnes given Fredrikstad's figure from the row above
    ],
  };
}

/** P3. Skudeneshavn Arena medlemskontingent: kontingent + serviceavgift = sum, amounts as text «3.500,00» the
 * way the page prints them (skudeneshavnarena.no «Medlemskontingent»). */
function serviceFee(): Probe {
  const rows: [string, number, number][] = [
    ['Enkeltperson', 200, 0], ['Gårdseier', 500, 0], ['Lag og forening', 500, 0],
    ['Omsetning < 1.000.000,-', 500, 3000], ['Omsetning < 2.000.000,-', 500, 4000], ['Omsetning < 3.000.000,-', 500, 5000],
    ['Omsetning < 4.000.000,-', 500, 6000], ['Omsetning < 5.000.000,-', 500, 7000], ['Omsetning < 6.000.000,-', 500, 8000],
    ['Omsetning < 7.000.000,-', 500, 9000], ['Omsetning < 8.000.000,-', 500, 10000],
  ];
  return {
    name: 'kontingent + serviceavgift som tekst',
    source: 'skudeneshavnarena.no «Medlemskontingent» (tabellen Kontingent | Serviceavgift | Sum)',
    grid: [
      ['Type medlem', 'Kontingent', 'Serviceavgift', 'Sum'],
      ...rows.map(([t, k, s]) => [t, dotted(k, ',00'), dotted(s, ',00'), dotted(k + s, ',00')]),
    ],
    plants: [
      { cell: 'D5', value: '5.300,00', cause: 'transposed' }, // < 1 mill: 3.500,00 written 5.300,00
      { cell: 'D10', value: dotted(500 + 7000, ',00'), cause: 'copied' }, // < 6 mill repeats the row above's sum
    ],
  };
}

/** P4. A benefit plan in the shape KS's «Gevinstrealisering» guide describes (antall × minutter spart ÷ 60 ×
 * timesats), with a month column and a Sum row. Figures constructed. */
function benefitPlan(): Probe {
  const rows: [string, number, number][] = [
    ['Digital post inn', 12400, 4], ['Elektronisk faktura', 18250, 3], ['Søknad barnehage', 1150, 25],
    ['Byggesøknad', 640, 45], ['Timebestilling', 9800, 2], ['Skjema SFO', 2300, 12], ['Arkivering e-post', 15600, 1],
    ['Innsyn', 3100, 6],
  ];
  const rate = 650;
  const data = rows.map(([t, n, min]) => {
    const hours = round((n * min) / 60, 1);
    const value = round(hours * rate);
    return [t, n, min, hours, rate, value, round(value / 12, 2)] as [string, number, number, number, number, number, number];
  });
  const col = (k: number) => round(data.reduce((s, r) => s + (r[k] as number), 0), 2);
  return {
    name: 'gevinstplan (antall × minutter ÷ 60 × timesats)',
    source: 'ks.no «Gevinstrealisering» (spart tid = antall × tid × timesats); tall konstruert',
    grid: [
      ['Gevinstplan – digitale tjenester'],
      ['Tiltak', 'Antall pr år', 'Minutter spart', 'Timer spart', 'Timesats', 'Gevinst kr', 'Gevinst pr mnd'],
      ...data.map((r) => [...r]),
      ['Sum', col(1), null, col(3), null, col(5), col(6)],
    ],
    plants: [
      { cell: 'B4', value: 12850, cause: 'transposed' }, // Elektronisk faktura: 18 250 typed 12 850
      { cell: 'F7', value: -data[4]![5], cause: 'sign' }, // Timebestilling as a saving with a minus
    ],
  };
}

/** P5. An operating budget with sub-totals in the shape of Molde kommune's «Driftsbudsjettet» 2022 (hele 1 000,
 * years as column headers stored as numbers); lines constructed in that shape. */
function budget(): Probe {
  const inc: [string, number[]][] = [
    ['Rammetilskudd', [948467, 960659, 969394, 984794]], ['Skatt på inntekt og formue', [1044940, 1051200, 1058800, 1066400]],
    ['Eiendomsskatt', [137822, 137524, 138064, 138604]], ['Andre generelle driftsinntekter', [63288, 61942, 61413, 61944]],
  ];
  const exp: [string, number[]][] = [
    ['Politisk styring', [21450, 21980, 22410, 22890]], ['Oppvekst', [812300, 818750, 826100, 833950]],
    ['Helse og omsorg', [905210, 917640, 931500, 946020]], ['Teknisk', [210870, 214300, 217950, 221480]],
    ['Kultur', [69998, 71120, 72310, 73540]],
  ];
  const sums = (lines: [string, number[]][]) => [0, 1, 2, 3].map((k) => lines.reduce((s, l) => s + l[1][k]!, 0));
  return {
    name: 'driftsbudsjett med delsummer',
    source: 'budsjett.molde.kommune.no 2022 «Driftsbudsjettet» (oppsett: hele 1 000, år som kolonner); linjer konstruert',
    grid: [
      ['Driftsbudsjett (hele 1 000)'],
      ['', 2022, 2023, 2024, 2025],
      ['Driftsinntekter'],
      ...inc.map(([l, v]) => [l, ...v]),
      ['Sum driftsinntekter', ...sums(inc)],
      ['Driftsutgifter'],
      ...exp.map(([l, v]) => [l, ...v]),
      ['Sum driftsutgifter', ...sums(exp)],
    ],
    plants: [
      { cell: 'C15', value: sums(exp)[1]! - 214300, cause: 'left-out' }, // 2023's Sum driftsutgifter leaves out Teknisk
      { cell: 'E6', value: 138604000, cause: 'factor' }, // Eiendomsskatt 2025 in kroner, not 1 000 kr
    ],
  };
}

/** P6. A cost plan pasted from a PDF application (Telemark utviklingsfond counts own work at kr 600 per hour):
 * every amount is text — «kr 412 500», «3.300.000,-», «-12 000». Figures constructed. */
function pastedCostPlan(): Probe {
  const rows: [string, number, number][] = [
    ['Forprosjekt', 120, 85000], ['Kartlegging', 340, 412500], ['Utvikling', 900, 3300000], ['Testing', 260, 145000],
    ['Opplæring', 180, 96000], ['Fradrag tidligere støtte', 0, -12000], ['Prosjektledelse', 450, 220000],
  ];
  const line = ([t, h, buy]: [string, number, number]) => {
    const own = h * 600;
    return [t, spaced(h), 'kr 600', `kr ${spaced(own)}`, buy >= 1000000 ? dotted(buy) : buy < 0 ? spaced(buy) : `kr ${spaced(buy)}`, `kr ${spaced(own + buy)}`];
  };
  return {
    name: 'kostnadsplan limt inn fra PDF (tekst)',
    source: 'telemarkutviklingsfond.no «Budsjett – finansiering – drift» (eget arbeid kr 600 pr time); tall konstruert',
    grid: [
      ['Kostnadsplan'],
      ['Aktivitet', 'Timer eget arbeid', 'Sats', 'Eget arbeid', 'Kjøp av tjenester', 'Totalt'],
      ...rows.map(line),
    ],
    plants: [
      { cell: 'F5', value: 'kr 3 480 000', cause: 'transposed' }, // Utvikling: 3 840 000 with 8 and 4 swapped
      { cell: 'F6', value: `kr ${spaced(180 * 600 + 96000)}`, cause: 'copied' }, // Testing given the row below's Totalt
    ],
  };
}

/** P7. Shares of a cost by population: Vesterålen's kommuner (the populations in the CLI fixtures), «Andel» as a
 * printed percentage with two decimals and the share of 1 768 067 kr in whole kroner. */
function populationShares(): Probe {
  const pop: [string, number][] = [
    ['Andøy', 4565], ['Bø', 2540], ['Hadsel', 8222], ['Lødingen', 2014], ['Sortland', 10902], ['Øksnes', 4538], ['Vågan', 9746],
  ];
  const total = pop.reduce((s, [, p]) => s + p, 0);
  return {
    name: 'andel av innbyggere og kostnad',
    source: 'DH_Kommuner for Vesterålen i tests/cli/workbooks.ts; budsjettert sum 1 768 067 kr',
    grid: [
      ['Fordeling etter folketall'],
      ['Kommune', 'Innbyggere', 'Andel', 'Beløp'],
      ...pop.map(([k, p]) => [k, p, `${spaced((100 * p) / total, 2)} %`, round((1768067 * p) / total)]),
    ],
    // Andøy's 10,73 % printed 10,37 %: the last two digits swapped.
    plants: [{ cell: 'C3', value: `${spaced((100 * 4565) / total, 2).replace(/(\d)(\d)$/, '$2$1')} %`, cause: 'transposed' }],
  };
}

/** P8. Fjellnettverket's fee for fylkeskommuner 2021: grunnavgift 51 258 kr + 3,08 kr per innbygger i
 * fjellområdene (fjellnettverket.no «Medlemskontigent»); populations constructed. */
function mountainFee(): Probe {
  const fylker: [string, number][] = [
    ['Innlandet', 142300], ['Viken', 48200], ['Vestland', 61750], ['Trøndelag', 38400], ['Vestfold og Telemark', 27900],
    ['Agder', 12600], ['Rogaland', 9800], ['Møre og Romsdal', 21300],
  ];
  return {
    name: 'grunnavgift + sats pr innbygger',
    source: 'fjellnettverket.no «Medlemskontigent» 2021 (grunnavgift 51 258 kr og 3,08 kr pr innbyggjar); folketall konstruert',
    grid: [
      ['Kontingent fylkeskommunar 2021'],
      ['Fylkeskommune', 'Innbyggjarar i fjellområda', 'Grunnavgift', 'Avgift pr innbyggjar', 'Sum'],
      ...fylker.map(([f, p]) => [f, p, 51258, round(3.08 * p, 2), round(51258 + 3.08 * p, 2)]),
    ],
    plants: [{ cell: 'D5', value: round(308 * 61750, 2), cause: 'factor' }], // Vestland's rate typed as 308
  };
}

export function probes(): Probe[] {
  return [grants(), ksFee(), serviceFee(), benefitPlan(), budget(), pastedCostPlan(), populationShares(), mountainFee()];
}
