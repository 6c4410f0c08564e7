// Critical system types and their critical integrations, transcribed by hand (no script) from
// shared/reference/system-priorities.json, which extracts the prioritisation tables in seed 003:
// "Sluttrapport for FoU-prosjektet «Digitale konsekvenser av en kommunesammenslåing»" (PA Consulting for KS),
// chapter 5 (Tabell 5, 8, 12, 18, 21, 25, 37, 61, 64, 67). Only systems with prioritet «Kritisk» are listed, each
// with the integrations the source lists under «kritiske». Checked line by line against the JSON.
//
// What is ours, not the source's (kept pragmatic and documented):
// - `match`: words that identify the system type in a register's Systemtype (or System) column.
// - `keywords` per integration: words that show the integration is listed in the Integrasjoner column.
// - `conditional`: the source makes the integration conditional ("evt.", "Når … gjøres tilgjengelig"); such
//   integrations are transcribed but not required.
// - The three «Kommunikasjonsløsning(er) for meldingsutveksling / mot Helsenettet» rows (Tabell 18, 21, 25) are
//   merged into one type whose critical integration is "one of" the health record systems they serve.
// - NON_CRITICAL_TYPES lists the source's other system types (prioritet Middels/Lav) so that, e.g., "Turnus
//   (pleie og omsorg)" or "Kart- og oppmålingssystem" is not mistaken for a critical type.
//
// Keywords are matched case-, space- and diacritic-insensitively at the start of a word ("lønn" matches
// "Lønnssystem" and "Visma Lønn", not "Bekreftelønn"); keywords of three letters or fewer must be a whole word
// ("HR", "NAV", "EPJ").

export interface CriticalIntegration {
  /** What the integration is with, as a Norwegian label for messages. */
  readonly label: string;
  /** The source's wording (seed 003). */
  readonly source: string;
  readonly keywords: readonly string[];
  /** The source makes it conditional ("evt.", "når … tilgjengelig"): not required by the check. */
  readonly conditional?: boolean;
}

export interface CriticalSystemType {
  readonly id: string;
  /** The system type as the source names it. */
  readonly name: string;
  /** Source table in seed 003. */
  readonly table: string;
  readonly match: readonly string[];
  readonly integrations: readonly CriticalIntegration[];
}

const ECONOMY: CriticalIntegration = {
  label: 'økonomi- og regnskapssystem',
  source: 'Integrasjon mot økonomi- og regnskapssystem',
  keywords: ['økonomi', 'regnskap', 'ERP', 'hovedbok'],
};
const PAYROLL_KEYWORDS = ['lønn', 'personal', 'HR', 'HRM'];
const MESSAGING_KEYWORDS = [
  'meldingsutveksling', 'kommunikasjonsløsning', 'helsenett', 'e-melding', 'elektroniske meldinger', 'PLO', 'dialogmelding', 'meldingstjener',
  'meldingsformidl', 'EDI',
];
const HEALTH_REGISTERS: CriticalIntegration = {
  label: 'helseregistre og kvalitetsregistre',
  source: 'Integrasjon mot relevante helseregistre og kvalitetsregistre',
  keywords: ['helseregist', 'kvalitetsregist', 'KPR', 'IPLOS', 'pasient- og brukerregist'],
};
const MATRIKKEL: CriticalIntegration = {
  label: 'Matrikkelen',
  source: 'Integrasjon mot Matrikkelen for innhenting og avlevering av opplysninger om fast eiendom',
  keywords: ['matrikkel'],
};
const GRUNNBOK: CriticalIntegration = {
  label: 'Grunnboken',
  source: 'Integrasjon mot Grunnboken for innhenting og avlevering av informasjon om rettigheter i eiendom',
  keywords: ['grunnbok', 'tinglys'],
};

/**
 * Critical system types, in match order: the first type whose `match` words occur in the Systemtype text wins,
 * so the more specific types come first (skatteregnskap before økonomi, sosial before økonomi because of
 * "økonomisk sosialhjelp", helsestasjon and legevakt before pleie og omsorg).
 */
export const CRITICAL_SYSTEM_TYPES: readonly CriticalSystemType[] = [
  {
    id: 'meldingsutveksling',
    name: 'Kommunikasjonsløsning for meldingsutveksling',
    table: 'Tabell 18, 21 og 25',
    match: ['kommunikasjonsløsning', 'meldingsutveksling', 'meldingstjener', 'meldingsformidl', 'helsenett'],
    integrations: [
      {
        label: 'pleie- og omsorgssystem, helsestasjonssystem eller legevaktsystem',
        source: 'Integrasjon mot pleie- og omsorgssystem / helsestasjonssystem / legevaktsystem for utveksling av elektroniske meldinger med fastleger og helseforetak',
        keywords: ['pleie', 'omsorg', 'EPJ', 'pasientjournal', 'journal', 'helsestasjon', 'legevakt'],
      },
    ],
  },
  { id: 'skatteregnskap', name: 'System for skatteregnskap', table: 'Tabell 5', match: ['skatteregnskap'], integrations: [] },
  {
    id: 'konkurransegjennomforing',
    name: 'System for konkurransegjennomføring',
    table: 'Tabell 8',
    match: ['konkurransegjennomføring', 'konkurransegjennomforing', 'KGV'],
    integrations: [],
  },
  {
    id: 'sosial',
    name: 'Sosialsystem',
    table: 'Tabell 37',
    match: ['sosial', 'økonomisk sosialhjelp'],
    integrations: [
      {
        label: 'NAV sine systemer',
        source: 'Integrasjon mot NAV sine systemer (håndteres av NAV i tett dialog med kommunen)',
        keywords: ['NAV', 'NAVs'],
      },
    ],
  },
  {
    id: 'personal-lonn',
    name: 'Personal- og lønnssystem',
    table: 'Tabell 12',
    match: PAYROLL_KEYWORDS,
    integrations: [
      { label: 'bankløsning for utbetaling av lønn', source: 'Integrasjon mot bankløsninger for utbetaling av lønn', keywords: ['bank', 'utbetaling', 'remitter', 'betaling'] },
      {
        label: 'A-meldingen',
        source: 'Integrasjon mot nasjonal løsning for A-meldingen for rapportering av arbeidsforhold, lønn og ytelser, skattetrekk og arbeidsgiveravgift',
        keywords: ['a-melding', 'amelding', 'a-ordning', 'aordning', 'altinn'],
      },
      { ...ECONOMY, source: 'Integrasjon mot økonomi- og regnskapssystem for bokføring av utbetalt lønn og innhenting av lønnsbudsjett' },
    ],
  },
  {
    id: 'okonomi',
    name: 'Økonomi- og regnskapssystem',
    table: 'Tabell 5',
    match: ['økonomi', 'regnskap', 'ERP'],
    integrations: [
      {
        label: 'bank-, innfordrings- og fakturaløsninger',
        source: 'Integrasjon mot bank-, innfordring- og fakturaløsninger for håndtering av inn- og utbetalinger',
        keywords: ['bank', 'innfordring', 'inkasso', 'faktura', 'efaktura', 'EHF', 'betaling', 'remitter'],
      },
      {
        label: 'personal- og lønnssystem',
        source: 'Integrasjon mot personal- og lønnssystem for bokføring av lønn og innhenting av grunndata om ansatte',
        keywords: PAYROLL_KEYWORDS,
      },
    ],
  },
  {
    id: 'bank-innfordring-faktura',
    name: 'Løsninger for bank, innfordring og faktura',
    table: 'Tabell 5',
    match: ['bank', 'innfordring', 'inkasso', 'faktura', 'efaktura', 'betalingsløsning'],
    integrations: [{ ...ECONOMY, source: 'Integrasjon mot økonomi- og regnskapssystem for håndtering av inn- og utbetalinger' }],
  },
  {
    id: 'helsestasjon',
    name: 'Helsestasjonssystem',
    table: 'Tabell 21',
    match: ['helsestasjon', 'skolehelsetjeneste'],
    integrations: [
      {
        label: 'kommunikasjonsløsning for meldingsutveksling (fastleger, helseforetak, HELFO)',
        source:
          'Integrasjon mot kommunikasjonsløsning for utveksling av elektroniske meldinger med fastleger og helseforetak og innsendelse av refusjonskrav til HELFO',
        keywords: [...MESSAGING_KEYWORDS, 'HELFO'],
      },
      { label: 'SYSVAK (vaksinasjonsregisteret)', source: 'Integrasjon mot sentralt vaksinasjonsregister/SYSVAK', keywords: ['SYSVAK', 'vaksinasjonsregist', 'vaksineregist'] },
      { ...HEALTH_REGISTERS, source: 'Integrasjon mot andre relevante helseregistre og kvalitetsregistre' },
      { label: 'e-resept', source: 'Når e-resept rulles ut på helsestasjoner: e-resept for effektiv utskriving av resepter', keywords: ['e-resept', 'resept'], conditional: true },
      { label: 'kjernejournal', source: 'Når kjernejournal gjøres tilgjengelig: integrasjon mot kjernejournal', keywords: ['kjernejournal'], conditional: true },
      {
        label: 'helsenorge.no',
        source: 'Når selvbetjeningsløsninger på helsenorge.no gjøres tilgjengelige for helsestasjoner: integrasjon mot helsenorge.no',
        keywords: ['helsenorge'],
        conditional: true,
      },
    ],
  },
  {
    id: 'legevakt',
    name: 'Legevaktsystem',
    table: 'Tabell 25',
    match: ['legevakt'],
    integrations: [
      {
        label: 'kommunikasjonsløsning mot Helsenettet (HELFO, e-resept, kjernejournal)',
        source:
          'Integrasjon mot kommunikasjonsløsning for innsendelse av refusjonskrav mot HELFO, formidling av e-resepter (gjennom Reseptformidleren), tilgang til kjernejournal og evt. elektronisk kommunikasjon med fastleger og helseforetak',
        keywords: [...MESSAGING_KEYWORDS, 'HELFO', 'e-resept', 'reseptformidl'],
      },
      { label: 'system for mottak av alarmer', source: 'Integrasjon mot evt. system for mottak av alarmer', keywords: ['alarm'], conditional: true },
      { label: 'Nasjonal kjernejournal', source: 'Integrasjon mot Nasjonal kjernejournal', keywords: ['kjernejournal'] },
      HEALTH_REGISTERS,
    ],
  },
  {
    id: 'pleie-omsorg',
    name: 'Pleie- og omsorgssystem',
    table: 'Tabell 18',
    match: ['pleie', 'omsorg', 'EPJ', 'pasientjournal', 'hjemmetjeneste', 'sykehjem'],
    integrations: [
      {
        label: 'kommunikasjonsløsning for meldingsutveksling (fastleger og helseforetak)',
        source: 'Integrasjon mot kommunikasjonsløsning for utveksling av elektroniske meldinger med fastleger og helseforetak',
        keywords: MESSAGING_KEYWORDS,
      },
      { label: 'velferdsteknologiske løsninger', source: 'Integrasjon mot evt. velferdsteknologiske løsninger', keywords: ['velferdsteknologi', 'VFT', 'trygghetsalarm'], conditional: true },
      { label: 'kjernejournal', source: 'Når kjernejournal gjøres tilgjengelig: integrasjon mot kjernejournal', keywords: ['kjernejournal'], conditional: true },
      HEALTH_REGISTERS,
    ],
  },
  {
    id: 'arealplan',
    name: 'System/modul for arealplanlegging',
    table: 'Tabell 61',
    match: ['arealplan', 'plansystem', 'planregister', 'reguleringsplan', 'planbehandling'],
    integrations: [MATRIKKEL, GRUNNBOK],
  },
  {
    id: 'byggesak',
    name: 'System/modul for byggesaksbehandling',
    table: 'Tabell 61',
    match: ['byggesak'],
    integrations: [MATRIKKEL, GRUNNBOK],
  },
  {
    id: 'fdv',
    name: 'FDV-systemer',
    table: 'Tabell 67',
    match: ['FDV', 'byggforvaltning', 'eiendomsforvaltning', 'forvaltning, drift og vedlikehold'],
    integrations: [MATRIKKEL],
  },
  {
    id: 'tekniske',
    name: 'Tekniske systemer',
    table: 'Tabell 64',
    match: ['teknisk', 'tekniske', 'vann', 'avløp', 'VA', 'renovasjon'],
    integrations: [
      MATRIKKEL,
      {
        label: 'det offentlige kartgrunnlaget',
        source: 'Integrasjon mot det offentlige kartgrunnlaget for innhenting og avlevering av kartdata',
        keywords: ['kart', 'DOK', 'FKB', 'geodata', 'GIS', 'Norge digitalt'],
      },
    ],
  },
];

/**
 * The source's system types with prioritet Middels or Lav (seed 003, same tables). A Systemtype that matches
 * one of these first is not critical, whatever else it mentions.
 */
export const NON_CRITICAL_TYPES: readonly string[] = [
  'reiseregning', 'timeregistrering', 'rekruttering', 'kompetanse', 'innkjøp', 'turnus', 'kvalitetssystem', 'PPT', 'barnevern', 'flyktning',
  'flykning', 'barnehage', 'skoleadministrativ', 'læringsplattform', 'læremid', 'læremild', 'voksenopplæring', 'bibliotek', 'kulturskole',
  'analyse', 'statistikk', 'kart- og oppmåling', 'oppmåling',
];
