// The workbook the preview opens with: «Fordeling 2026» with live =DH.KOSTNAD formulas, the input tables
// DH_Kommuner and DH_Nokkel from the embedded dataset, a sample «Systemregister» with deliberate problems,
// and «Gevinst» with the DH_Gevinst template and the benefit functions.
import type { RawCellContent } from 'hyperformula';
import {
  GEVINST_HEADERS,
  HELGELAND_2026,
  formatDate,
  gevinstTemplate,
  sortedMembers,
  type Dataset,
} from '../../core/index.js';
import { ownedCellContent, textCell, type PreviewWorkbookOptions, type SheetSpec, type TableRegion } from './workbook.js';

export const FORDELING_SHEET = 'Fordeling 2026';
export const REGISTER_SHEET = 'Systemregister';
export const GEVINST_SHEET = 'Gevinst';
const YEAR = 2026;

/** A number as a Norwegian user types it into a cell ("156520,48"). */
const typed = (n: number | string) => String(n).replace('.', ',');

/**
 * «Fordeling 2026»: one row per member; name and population come from the same model as the key, and
 * «Totalt pr kommune» is =DH.KOSTNAD(A<n>;2026). A Sum row adds them up (SUMMER, the nb-NO SUM).
 */
export function fordelingSheet(dataset: Dataset = HELGELAND_2026): SheetSpec {
  const members = sortedMembers(dataset.members);
  const first = 2;
  const last = first + members.length - 1;
  const rows: RawCellContent[][] = [['Kommune', 'Kommunenr', 'Innbyggere', 'Totalt pr kommune (kr)', 'Andel']];
  members.forEach((m, i) => {
    const r = first + i;
    rows.push([textCell(m.name), `=DH.KOMMUNENR(A${r})`, `=DH.INNBYGGERE(A${r};${YEAR})`, `=DH.KOSTNAD(A${r};${YEAR})`, `=DH.ANDEL(A${r};${YEAR})`]);
  });
  rows.push(['Sum', null, `=SUMMER(C${first}:C${last})`, `=SUMMER(D${first}:D${last})`, `=SUMMER(E${first}:E${last})`]);
  rows.push([]);
  rows.push([textCell('Nøkkelen står i DH_Nokkel og innbyggertallene i DH_Kommuner: endre dem, og arket regnes om.')]);
  rows.push([textCell('Skriv f.eks. =DH.KOSTNAD("Rana";2026) eller =DH.FORDEL(100000;A2:A20) i en tom celle.')]);
  return {
    name: FORDELING_SHEET,
    rows,
    formats: { 1: 'text', 2: 'integer', 3: 'kroner', 4: 'percent' },
    widths: { 0: 130, 1: 105, 2: 100, 3: 190, 4: 90 },
  };
}

/** DH_Kommuner (Kommunenr, Kommune, Innbyggere, Referansedato) from the dataset. */
export function kommunerSheet(dataset: Dataset = HELGELAND_2026): SheetSpec {
  const rows: RawCellContent[][] = [['Kommunenr', 'Kommune', 'Innbyggere', 'Referansedato']];
  for (const m of sortedMembers(dataset.members)) {
    rows.push([textCell(m.kommunenr), textCell(m.name), m.population, m.referenceDate ? formatDate(m.referenceDate) : null]);
  }
  return { name: 'DH_Kommuner', rows, formats: { 0: 'text', 2: 'integer', 3: 'date' }, widths: { 0: 95, 1: 130, 2: 100, 3: 120 } };
}

/** DH_Nokkel (År, Fast beløp, Sats pr innbygger, Andel likt, Sum å fordele, Prisindeks, Budsjettert sum). */
export function nokkelSheet(dataset: Dataset = HELGELAND_2026): SheetSpec {
  const rows: RawCellContent[][] = [['År', 'Fast beløp', 'Sats pr innbygger', 'Andel likt', 'Sum å fordele', 'Prisindeks', 'Budsjettert sum']];
  for (const k of [...dataset.keys].sort((a, b) => a.year - b.year)) {
    rows.push([
      k.year,
      k.fixedAmount ? typed(k.fixedAmount.toString()) : null,
      k.ratePerInhabitant ? typed(k.ratePerInhabitant.toString()) : null,
      k.equalShare ? typed(k.equalShare.toString()) : null,
      k.totalToAllocate ? typed(k.totalToAllocate.toString()) : null,
      k.priceIndex ? `${typed(k.priceIndex.times(100).toString())}%` : null,
      k.budgetedTotal ? typed(k.budgetedTotal.toString()) : null,
    ]);
  }
  return {
    name: 'DH_Nokkel',
    rows,
    formats: { 0: 'text', 1: 'kroner', 2: 'kroner', 4: 'kroner', 5: 'percent', 6: 'kroner' },
    widths: { 0: 60, 1: 110, 2: 130, 3: 90, 4: 110, 5: 90, 6: 130 },
  };
}

export const REGISTER_HEADERS = [
  'Kommune', 'Kommunenr', 'System', 'Leverandør', 'Versjon', 'Tjenesteområde', 'Systemtype', 'Systemeier', 'Systemansvarlig',
  'Antall brukere', 'Moduler i bruk', 'Integrasjoner', 'Arkivverdig', 'Bevaringsverdig', 'Personopplysninger', 'Avtaletype',
  'Avtale utløper', 'Oppsigelsestid (mnd)', 'Kostnad pr mnd', 'Uttrekk/depot', 'Status',
] as const;

/**
 * A sample systemoversikt for a few Helgeland kommuner (SPEC §5 headers). Deliberate problems, for the
 * register check to find: a missing Systemeier (row 4), archive-worthy without depot plan (row 5),
 * a notice deadline already passed (row 7), Herøy – a name two kommuner share – with Alstahaug's number (row 9), a duplicate
 * system (row 11), «VISMA AS» next to «Visma» (row 12), cost for a system out of use (row 13),
 * text that would run as a formula (row 14) and a user count that is not a number (row 15).
 */
export function registerRows(): string[][] {
  return [
    ['Rana', '1833', 'Elements', 'Sikri', '5.2', 'Arkiv og dokumentasjon', 'Sak/arkiv', 'Kommunedirektør', 'Arkivleder', '240', 'Sak, arkiv, eInnsyn', 'SvarUt, KS Fiks, Folkeregisteret', 'Ja', 'Ja', 'Ja', 'Driftsavtale (SSA-D)', '31.12.2028', '6', '18 500', 'Ja, Noark 5-uttrekk årlig', 'I bruk'],
    ['Rana', '1833', 'Visma Enterprise', 'Visma', '2025.3', 'Økonomi', 'Økonomi- og regnskapssystem', 'Økonomisjef', 'Systemforvalter økonomi', '85', 'Regnskap, faktura, budsjett', 'Bank, lønn, fakturaløsning', 'Ja', 'Ja', 'Ja', 'Abonnement (SSA-L)', '31.12.2027', '6', '42 000', 'Ja', 'I bruk'],
    ['Rana', '1833', 'Visma Flyt Skole', 'Visma', '', 'Oppvekst', 'Skoleadministrativt system', '', 'IT-rådgiver', '310', 'Elev, fravær, karakter', 'Feide, Folkeregisteret', 'Ja', 'Ja', 'Ja', 'Abonnement (SSA-L)', '31.07.2027', '3', '9 800', 'Ja', 'I bruk'],
    ['Vefsn', '1824', 'Profil', 'Visma', '9.4', 'Helse og omsorg', 'Pasientjournal (EPJ)', 'Kommunalsjef helse', 'Fagsystemansvarlig', 'ca. 140', 'Journal, vedtak, meldinger', 'Helsenettet, Norsk helsenett, e-resept', 'Ja', 'Ja', 'Ja', 'Driftsavtale (SSA-D)', '30.06.2027', '6', '23 000', '', 'I bruk'],
    ['Vefsn', '1824', 'Elements', 'Sikri', '5.2', 'Arkiv og dokumentasjon', 'Sak/arkiv', 'Kommunedirektør', 'Arkivleder', '160', 'Sak, arkiv', 'SvarUt, KS Fiks', 'Ja', 'Ja', 'Ja', 'Driftsavtale (SSA-D)', '31.12.2028', '6', '12 500', 'Ja, Noark 5-uttrekk årlig', 'I bruk'],
    ['Vefsn', '1824', 'Gerica', 'Tieto', '3.1', 'Pleie og omsorg', 'Pleie- og omsorgssystem', 'Kommunalsjef helse', 'Fagsystemansvarlig', '95', 'Tildeling, dokumentasjon', 'Helsenettet', 'Ja', 'Ja', 'Ja', 'Vedlikeholdsavtale', '31.03.2026', '12', '8 400', 'Ja', 'I bruk'],
    ['Alstahaug', '1820', 'Elements', 'Sikri', '5.1', 'Arkiv og dokumentasjon', 'Sak/arkiv', 'Kommunedirektør', 'Arkivleder', '120', 'Sak, arkiv', 'SvarUt', 'Ja', 'Ja', 'Ja', 'Driftsavtale (SSA-D)', '31.12.2028', '6', '12 500', 'Ja', 'I bruk'],
    ['Herøy', '1820', 'Visma Enterprise', 'Visma', '2025.3', 'Økonomi', 'Økonomi- og regnskapssystem', 'Økonomisjef', 'Økonomikonsulent', '22', 'Regnskap, faktura', 'Bank, lønn, fakturaløsning', 'Ja', 'Ja', 'Ja', 'Abonnement (SSA-L)', '31.12.2027', '6', '9 000', 'Ja', 'I bruk'],
    ['Brønnøy', '1813', 'Elements', 'Sikri', '5.2', 'Arkiv og dokumentasjon', 'Sak/arkiv', 'Kommunedirektør', 'Arkivleder', '110', 'Sak, arkiv', 'SvarUt, KS Fiks', 'Ja', 'Ja', 'Ja', 'Driftsavtale (SSA-D)', '31.12.2028', '6', '12 500', 'Ja', 'I bruk'],
    ['Brønnøy', '1813', 'Elements', 'Sikri', '5.2', 'Arkiv og dokumentasjon', 'Sak/arkiv', 'Kommunedirektør', 'Arkivleder', '110', 'Sak, arkiv', 'SvarUt', 'Ja', 'Ja', 'Ja', 'Driftsavtale (SSA-D)', '31.12.2028', '6', '12 500', 'Ja', 'I bruk'],
    ['Brønnøy', '1813', 'Visma Enterprise', 'VISMA AS', '2025.3', 'Økonomi', 'Økonomi- og regnskapssystem', 'Økonomisjef', 'Økonomikonsulent', '30', 'Regnskap, faktura', 'Bank, lønn, fakturaløsning', 'Ja', 'Ja', 'Ja', 'Abonnement (SSA-L)', '31.12.2027', '6', '11 000', 'Ja', 'I bruk'],
    ['Alstahaug', '1820', 'Ephorte', 'Evry', '4.0', 'Arkiv og dokumentasjon', 'Sak/arkiv', 'Kommunedirektør', 'Arkivleder', '0', 'Historikk', '', 'Ja', 'Ja', 'Ja', 'Vedlikeholdsavtale', '31.12.2025', '3', '2 500', 'Ja, deponert IKA Nordland', 'Avviklet'],
    ['Rana', '1833', 'Familiebasen', 'Visma', '7.0', 'Barnevern', 'Fagsystem barnevern', 'Barnevernleder', '=Fagleder barnevern', '45', 'Saksbehandling', 'Folkeregisteret, SvarUt', 'Ja', 'Ja', 'Ja', 'Abonnement (SSA-L)', '31.12.2027', '6', '7 900', 'Ja', 'I bruk'],
    ['Alstahaug', '1820', 'Gerica', 'Tieto', '3.1', 'Pleie og omsorg', 'Pleie- og omsorgssystem', 'Kommunalsjef helse', 'Fagsystemansvarlig', 'mange', 'Tildeling, dokumentasjon', 'Helsenettet', 'Ja', 'Ja', 'Ja', 'Vedlikeholdsavtale', '31.12.2027', '6', '6 200', 'Ja', 'I bruk'],
    ['Vefsn', '1824', 'Visma Enterprise', 'Visma', '2025.3', 'Økonomi', 'Økonomi- og regnskapssystem', 'Økonomisjef', 'Økonomikonsulent', '48', 'Regnskap, faktura, budsjett', 'Bank, lønn, fakturaløsning', 'Ja', 'Ja', 'Ja', 'Abonnement (SSA-L)', '31.12.2027', '6', '21 000', 'Ja', 'I bruk'],
  ];
}

export function registerSheet(): SheetSpec {
  // Every cell is stored as text, exactly as a user's export would hold it: the register check parses
  // "18 500", "31.12.2028" and "ca. 140" itself (and flags «=Fagleder barnevern» as formula-like text).
  const rows: RawCellContent[][] = [[...REGISTER_HEADERS].map(textCell), ...registerRows().map((r) => r.map(textCell))];
  const widths: Record<number, number> = { 0: 95, 1: 85, 2: 140, 3: 90, 6: 190, 7: 140, 8: 160, 11: 200, 15: 150, 19: 180 };
  return { name: REGISTER_SHEET, rows, formats: { 1: 'text' }, widths };
}

/**
 * «Gevinst»: the DH_Gevinst template as a named table at A1 (what «Sett inn mal» creates), and below it the
 * benefit functions at work: DH.TIDSVERDI, DH.NETTOGEVINST, DH.NNV and DH.TILBAKEBETALING.
 */
export function gevinstSheet(): SheetSpec {
  const template = gevinstTemplate();
  const rows: RawCellContent[][] = [template.headers.map((h) => textCell(h)), ...template.rows.map((r) => r.map(ownedCellContent))];
  // The calculations start after the template and one blank row, however many example rows it has; the RPA example
  // (the template's second row, sheet row 3) feeds the cash flow.
  const at = (offset: number) => template.rows.length + 2 + offset; // 1-based sheet row of the calculation block
  rows.push([]); // the blank row ends the table
  rows.push([textCell('Beregninger med DH-funksjonene'), null, null, null, null]);
  rows.push([textCell('Tidsverdi RPA pr mnd (1 269 × 5 min × 695 kr/t)'), '=DH.TIDSVERDI(1269;5;695)']);
  rows.push([textCell('Nettogevinst RPA pr år (kostnad 16 500 kr/mnd)'), '=DH.NETTOGEVINST(16500;1269;5;695;12)']);
  rows.push([textCell('Netto pr år, rad 3 (Årlig gevinst − Årlig kostnad)'), '=M3-L3']); // at(4)
  rows.push([]);
  rows.push([textCell('År'), 0, 1, 2, 3, 4, 5]);
  const net = `=$B$${at(4)}`;
  rows.push([textCell('Kontantstrøm (investering 500 000)'), -500000, net, net, net, net, net]); // at(7)
  rows.push([textCell('Netto nåverdi (4 %, R-109)'), `=DH.NNV(B${at(7)}:G${at(7)})`]);
  rows.push([textCell('Netto nåverdi (2 %)'), `=DH.NNV(B${at(7)}:G${at(7)};0,02)`]);
  rows.push([textCell('Tilbakebetaling (år)'), `=DH.TILBAKEBETALING(500000;B${at(4)})`]);
  const formats: Record<number, 'kroner' | 'text' | 'general'> = {};
  GEVINST_HEADERS.forEach((h, i) => {
    if (/Investering|kostnad|gevinst$/i.test(h) && h !== 'Gevinst') formats[i] = 'kroner';
  });
  return { name: GEVINST_SHEET, rows, formats, widths: { 0: 320, 1: 120, 2: 90, 3: 90, 4: 200, 9: 260, 12: 120 } };
}

export const GEVINST_REGION: TableRegion = { name: 'DH_Gevinst', sheet: GEVINST_SHEET, row: 0, col: 0 };

/** Every sheet of the default workbook, in tab order, and the named tables inside them. */
export function defaultWorkbook(dataset: Dataset = HELGELAND_2026): { sheets: SheetSpec[]; options: PreviewWorkbookOptions } {
  return {
    sheets: [fordelingSheet(dataset), kommunerSheet(dataset), nokkelSheet(dataset), registerSheet(), gevinstSheet()],
    options: { regions: [GEVINST_REGION], activeSheet: FORDELING_SHEET },
  };
}
