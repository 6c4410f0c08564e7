// GENERERT av scripts/gen-excel-functions.ts fra core/catalog — ikke rediger for hånd.
// Kjør `npm run build` (eller `npx tsx scripts/gen-excel-functions.ts`) etter endringer i katalogen.
// Navnerommet DH står i manifest/manifest.xml; id-ene her er katalognavnene.
import { invoke } from './adapter.js';

/**
 * Kommunens bidrag for året etter fordelingsnøkkelen, eller kommunens årlige andel av et prosjekt (kr; bare for år med nøkkel fra prosjektets vedtaksår).
 * @customfunction KOSTNAD KOSTNAD
 * @param {any} kommune Kommunenavn eller kommunenummer, f.eks. "Rana" eller 1833.
 * @param {any} år Budsjettåret, f.eks. 2026.
 * @param {any} [prosjekt] Valgfritt prosjekt, f.eks. "RPA" eller "DUO" (årskostnad; bare år med fordelingsnøkkel fra vedtaksåret).
 * @returns {number} Beløp i kroner med to desimaler.
 */
export function kostnad(kommune: any, år: any, prosjekt?: any): number {
  return invoke('KOSTNAD', [kommune, år, prosjekt]) as number;
}

/**
 * Kommunens andel av totalen for året (brøk, formater som prosent), eller av et prosjekts årskostnad (bare for år med nøkkel fra vedtaksåret).
 * @customfunction ANDEL ANDEL
 * @param {any} kommune Kommunenavn eller kommunenummer, f.eks. "Rana" eller 1833.
 * @param {any} år Budsjettåret, f.eks. 2026.
 * @param {any} [prosjekt] Valgfritt prosjekt, f.eks. "RPA" eller "DUO" (årskostnad; bare år med fordelingsnøkkel fra vedtaksåret).
 * @returns {number} Andel mellom 0 og 1.
 */
export function andel(kommune: any, år: any, prosjekt?: any): number {
  return invoke('ANDEL', [kommune, år, prosjekt]) as number;
}

/**
 * Innbyggertallet fordelingsnøkkelen bruker for kommunen (og året).
 * @customfunction INNBYGGERE INNBYGGERE
 * @param {any} kommune Kommunenavn eller kommunenummer, f.eks. "Rana" eller 1833.
 * @param {any} [år] Valgfritt budsjettår; gir feil hvis året ikke har nøkkel.
 * @returns {number} Antall innbyggere.
 */
export function innbyggere(kommune: any, år?: any): number {
  return invoke('INNBYGGERE', [kommune, år]) as number;
}

/**
 * Kommunenummeret (fire sifre, som tekst) for et kommunenavn.
 * @customfunction KOMMUNENR KOMMUNENR
 * @param {any} kommune Kommunenavn eller kommunenummer, f.eks. "Rana" eller 1833.
 * @returns {string} Kommunenummer som tekst, f.eks. "1833".
 */
export function kommunenr(kommune: any): string {
  return invoke('KOMMUNENR', [kommune]) as string;
}

/**
 * Det offisielle kommunenavnet for et kommunenummer eller en skrivemåte.
 * @customfunction KOMMUNENAVN KOMMUNENAVN
 * @param {any} kommune Kommunenavn eller kommunenummer, f.eks. "Rana" eller 1833.
 * @returns {string} Kommunenavn.
 */
export function kommunenavn(kommune: any): string {
  return invoke('KOMMUNENAVN', [kommune]) as string;
}

/**
 * Fordeler et beløp på kommunene i området slik at delene summerer nøyaktig til beløpet (største rest).
 * @customfunction FORDEL FORDEL
 * @param {any} beløp Beløpet som skal fordeles (kr).
 * @param {any[][]} kommuner Område med kommunenavn eller -nummer, hver kommune én gang.
 * @param {any} [nøkkel] "innbyggere" (standard), "likt", "vekter", eller et år (fordel som årets nøkkel).
 * @param {any[][]} [vekter] Vekter i samme form som kommuner (når nøkkel er "vekter").
 * @returns {any[][]} Ett beløp per kommune, i samme form som området.
 */
export function fordel(beløp: any, kommuner: any[][], nøkkel?: any, vekter?: any[][]): any[][] {
  return invoke('FORDEL', [beløp, kommuner, nøkkel, vekter]) as any[][];
}

/**
 * Verdien av spart tid: antall × minutter ÷ 60 × timesats (kr).
 * @customfunction TIDSVERDI TIDSVERDI
 * @param {any} antall Antall saker/håndteringer.
 * @param {any} minutter Minutter spart per sak.
 * @param {any} timesats Kroner per time.
 * @returns {number} Kroner.
 */
export function tidsverdi(antall: any, minutter: any, timesats: any): number {
  return invoke('TIDSVERDI', [antall, minutter, timesats]) as number;
}

/**
 * Netto gevinst: (verdien av spart tid − kostnad) × perioder. Positivt tall = gevinst.
 * @customfunction NETTOGEVINST NETTOGEVINST
 * @param {any} kostnad Kostnad per periode (kr).
 * @param {any} antall Antall saker per periode.
 * @param {any} minutter Minutter spart per sak.
 * @param {any} timesats Kroner per time.
 * @param {any} [perioder] Antall perioder (standard 1), f.eks. 12 for et år med månedstall.
 * @returns {number} Kroner.
 */
export function nettogevinst(kostnad: any, antall: any, minutter: any, timesats: any, perioder?: any): number {
  return invoke('NETTOGEVINST', [kostnad, antall, minutter, timesats, perioder]) as number;
}

/**
 * Netto nåverdi med reell rente (standard 4 % etter R-109). Første celle er år 0 og diskonteres ikke; en tom celle inne i området er 0 det året.
 * @customfunction NNV NNV
 * @param {any[][]} kontantstrøm Kontantstrøm per år fra år 0 (investering negativ), én celle per år.
 * @param {any} [rente] Reell diskonteringsrente, f.eks. 0,04 eller 4 % (tallet 4 alene er en feil).
 * @returns {number} Nåverdi i kroner.
 */
export function nnv(kontantstrøm: any[][], rente?: any): number {
  return invoke('NNV', [kontantstrøm, rente]) as number;
}

/**
 * Tilbakebetalingstid i år: når summen av årlige gevinster dekker investeringen (udiskontert).
 * @customfunction TILBAKEBETALING TILBAKEBETALING
 * @param {any} investering Investeringen (positivt beløp).
 * @param {any[][]} årlige_gevinster Gevinst per år fra år 1 (én verdi = lik hvert år; en tom celle inne i området = 0 det året).
 * @returns {number} År med to desimaler.
 */
export function tilbakebetaling(investering: any, årlige_gevinster: any[][]): number {
  return invoke('TILBAKEBETALING', [investering, årlige_gevinster]) as number;
}

/**
 * Andel av samarbeidets innbyggere som bor i de oppgitte kommunene (Akson-regelen krever 55 %).
 * @customfunction DEKNING DEKNING
 * @param {any[][]} kommuner Område med kommunene som har sluttet seg til.
 * @returns {number} Andel mellom 0 og 1.
 */
export function dekning(kommuner: any[][]): number {
  return invoke('DEKNING', [kommuner]) as number;
}

/**
 * Kontrollerer et systemregister (systemoversikt) med overskriftsrad; gir antall funn, eller listen med "liste".
 * @customfunction SJEKK SJEKK
 * @param {any[][]} register_område Registeret inkludert overskriftsraden.
 * @param {any} [visning] "antall" (standard), "feil" (bare feil) eller "liste" (alle funn som tabell).
 * @returns {any[][]} Antall funn, eller en tabell: alvorlighet, celle, regel, melding.
 */
export function sjekk(register_område: any[][], visning?: any): any[][] {
  return invoke('SJEKK', [register_område, visning]) as any[][];
}

/**
 * Oppsigelse av en avtale: med "opphør" (standard) er dato dagen oppsigelsen gis, og svaret er første dag uten avtale; med "frist" er dato dagen avtalen skal være ute, og svaret er siste dag oppsigelsen kan gis. Regel "fra dato" (standard: 16.10.2025 + 3 mnd = 16.01.2026) eller "fra månedsslutt" (fristen løper fra utgangen av måneden). Formater cellen som dato.
 * @customfunction OPPSIGELSE OPPSIGELSE
 * @param {any} dato Oppsigelsesdato (f.eks. vedtaksdato 16.10.2025), eller med "frist" datoen avtalen skal være ute.
 * @param {any} oppsigelsestid_mnd Oppsigelsestid i hele måneder, f.eks. 3.
 * @param {any} [hva] "opphør" (standard) eller "frist".
 * @param {any} [regel] "fra dato" (standard) eller "fra månedsslutt".
 * @returns {number} En dato (serienummer; formater som dato).
 */
export function oppsigelse(dato: any, oppsigelsestid_mnd: any, hva?: any, regel?: any): number {
  return invoke('OPPSIGELSE', [dato, oppsigelsestid_mnd, hva, regel]) as number;
}

/**
 * Kommunens bidrag i et «hva om»-scenario: uten noen medlemmer og/eller med nytt fast beløp, ny sats eller andel likt. Samme nøkkel som standard; med samme_sum=SANN skaleres fast beløp og sats med én faktor så summen blir som i dag.
 * @customfunction SCENARIO SCENARIO
 * @param {any} kommune Kommunenavn eller kommunenummer, f.eks. "Vefsn".
 * @param {any} år Budsjettåret, f.eks. 2026.
 * @param {any[][]} [uten] Valgfritt område (eller én kommune) som melder seg ut og betaler 0.
 * @param {any} [fast] Valgfritt nytt fast beløp pr kommune (kr).
 * @param {any} [sats] Valgfri ny sats pr innbygger (kr).
 * @param {any} [andel_likt] Valgfritt: sum å fordele med denne andelen likt (f.eks. 40 %), resten etter innbyggertall.
 * @param {any} [samme_sum] SANN: samme sum som i dag (nøkkelen skaleres). USANN eller tom: samme nøkkel.
 * @returns {number} Beløp i kroner med to desimaler (0 for en kommune som er tatt ut).
 */
export function scenario(kommune: any, år: any, uten?: any[][], fast?: any, sats?: any, andel_likt?: any, samme_sum?: any): number {
  return invoke('SCENARIO', [kommune, år, uten, fast, sats, andel_likt, samme_sum]) as number;
}

/**
 * Kommunens regnskap for året: hva den betaler (nøkkel og prosjekter), hva den dokumentert får igjen (RPA, DUO, DH_Gevinst, tilskudd) og netto, hver linje med kilde. Netto = betaler − får igjen, som i styrets tabeller: negativt betyr at kommunen får mer igjen enn den betaler.
 * @customfunction BALANSE BALANSE
 * @param {any} kommune Kommunenavn eller kommunenummer, f.eks. "Vefsn".
 * @param {any} år Budsjettåret, f.eks. 2026.
 * @returns {any[][]} Tre kolonner (Post, Kr, Kilde): betaler (positivt), får igjen (negativt) og netto.
 */
export function balanse(kommune: any, år: any): any[][] {
  return invoke('BALANSE', [kommune, år]) as any[][];
}

/** Id → function, in catalog order (functions.ts associates each with CustomFunctions). */
export const GENERATED_FUNCTIONS: Readonly<Record<string, (...args: any[]) => unknown>> = {
  KOSTNAD: kostnad,
  ANDEL: andel,
  INNBYGGERE: innbyggere,
  KOMMUNENR: kommunenr,
  KOMMUNENAVN: kommunenavn,
  FORDEL: fordel,
  TIDSVERDI: tidsverdi,
  NETTOGEVINST: nettogevinst,
  NNV: nnv,
  TILBAKEBETALING: tilbakebetaling,
  DEKNING: dekning,
  SJEKK: sjekk,
  OPPSIGELSE: oppsigelse,
  SCENARIO: scenario,
  BALANSE: balanse,
};
