// The system-register template (SPEC §5): canonical columns, the header words users actually type, and
// finding the header row anywhere near the top of a sheet. Field names come from seed 003
// (Tabell 2 kartlegging of IKT-systemer, §5.9.3 systemeier, §6.3.1 avtaler; reference/inventory-fields.json).
import { normalizeKey } from '../util/text.js';

/** One column of the register, by its English identifier. */
export type RegisterField =
  | 'kommune'
  | 'kommunenr'
  | 'system'
  | 'supplier'
  | 'version'
  | 'serviceArea'
  | 'systemType'
  | 'systemOwner'
  | 'systemManager'
  | 'userCount'
  | 'modules'
  | 'integrations'
  | 'archiveWorthy'
  | 'preservationWorthy'
  | 'personalData'
  | 'contractType'
  | 'contractExpires'
  | 'noticeMonths'
  | 'monthlyCost'
  | 'yearlyCost'
  | 'extractPlan'
  | 'status';

/** The canonical template, in order: field → the header text DH's template uses. */
export const REGISTER_COLUMNS: readonly (readonly [RegisterField, string])[] = [
  ['kommune', 'Kommune'],
  ['kommunenr', 'Kommunenr'],
  ['system', 'System'],
  ['supplier', 'Leverandør'],
  ['version', 'Versjon'],
  ['serviceArea', 'Tjenesteområde'],
  ['systemType', 'Systemtype'],
  ['systemOwner', 'Systemeier'],
  ['systemManager', 'Systemansvarlig'],
  ['userCount', 'Antall brukere'],
  ['modules', 'Moduler i bruk'],
  ['integrations', 'Integrasjoner'],
  ['archiveWorthy', 'Arkivverdig'],
  ['preservationWorthy', 'Bevaringsverdig'],
  ['personalData', 'Personopplysninger'],
  ['contractType', 'Avtaletype'],
  ['contractExpires', 'Avtale utløper'],
  ['noticeMonths', 'Oppsigelsestid (mnd)'],
  ['monthlyCost', 'Kostnad pr mnd'],
  ['extractPlan', 'Uttrekk/depot'],
  ['status', 'Status'],
];

/** Columns the register reads besides the template's (SPEC §5): yearly cost, which many registers give instead. */
export const EXTRA_COLUMNS: readonly (readonly [RegisterField, string])[] = [['yearlyCost', 'Kostnad pr år']];

/** Canonical header text for a field ("Systemeier"), used when a column is missing from the sheet. */
export const FIELD_LABEL: Readonly<Record<RegisterField, string>> = Object.fromEntries([...REGISTER_COLUMNS, ...EXTRA_COLUMNS]) as Record<RegisterField, string>;

/**
 * Header words per field besides the canonical one. Written as users write them; compared after
 * {@link headerKey} (case, spaces, punctuation, diacritics and "per"/"pr."/"måned"/"mnd" folded).
 */
const SYNONYMS: Readonly<Record<RegisterField, readonly string[]>> = {
  kommune: ['Kommune', 'Kommunenavn', 'Kommune navn', 'Navn på kommune', 'Kommunens navn'],
  kommunenr: ['Kommunenr', 'Kommunenr.', 'Kommunenummer', 'Kommune nr', 'Kommune nummer', 'Knr', 'Komnr', 'Kommune-nr', 'Kommunenr (4 siffer)'],
  system: [
    'System', 'Systemnavn', 'System navn', 'Navn på system', 'Systemets navn', 'Navn', 'Fagsystem', 'Fagsystemer', 'Løsning', 'Løsningsnavn',
    'Applikasjon', 'Applikasjonsnavn', 'Program', 'Programvare', 'IKT-system', 'IT-system', 'Systemer',
  ],
  supplier: ['Leverandør', 'Leverandor', 'Leverandørnavn', 'Produsent', 'Leverandør/produsent', 'Systemleverandør', 'Vendor'],
  version: ['Versjon', 'Versjonsnr', 'Versjonsnummer', 'Versjon nr', 'Versjon i bruk', 'Gjeldende versjon'],
  serviceArea: ['Tjenesteområde', 'Tjenesteomrade', 'Fagområde', 'Område', 'Sektor', 'Virksomhetsområde', 'Tjeneste', 'Tjenester', 'Avdeling', 'Enhet'],
  systemType: ['Systemtype', 'Type system', 'Type', 'Systemkategori', 'Kategori', 'Løsningstype', 'Systemtype (kategori)'],
  systemOwner: ['Systemeier', 'System eier', 'Eier', 'Systemeier (leder)', 'Ansvarlig systemeier', 'Eier av systemet'],
  systemManager: ['Systemansvarlig', 'System ansvarlig', 'Systemforvalter', 'Forvalter', 'Systemadministrator', 'Fagansvarlig', 'Ansvarlig', 'Superbruker/systemansvarlig'],
  userCount: ['Antall brukere', 'Ant brukere', 'Ant. brukere', 'Brukere', 'Antall brukere (ca)', 'Brukere (antall)', 'Antall lisensbrukere'],
  modules: ['Moduler i bruk', 'Moduler', 'Modul', 'Moduler brukt', 'Moduler som brukes', 'Aktive moduler'],
  integrations: ['Integrasjoner', 'Integrasjon', 'Integrasjoner mot', 'Integrasjoner mot andre systemer', 'Integrerte systemer', 'Integrasjoner (system)', 'Grensesnitt'],
  archiveWorthy: ['Arkivverdig', 'Arkivverdige data', 'Arkivverdig data', 'Arkivverdig (ja/nei)', 'Inneholder arkivverdig', 'Arkivverdige opplysninger', 'Arkivverdig dokumentasjon'],
  preservationWorthy: ['Bevaringsverdig', 'Bevaringsverdige data', 'Bevaringsverdig data', 'Skal bevares', 'Bevares', 'Bevaringsverdig (ja/nei)'],
  personalData: [
    'Personopplysninger', 'Personopplysning', 'Persondata', 'Inneholder personopplysninger', 'Behandler personopplysninger',
    'Personopplysninger (ja/nei)', 'Personsensitive opplysninger', 'Sensitive personopplysninger',
  ],
  contractType: ['Avtaletype', 'Type avtale', 'Kontraktstype', 'Type kontrakt', 'Avtaleform', 'Avtale', 'Rammeavtale/kontrakt'],
  contractExpires: [
    'Avtale utløper', 'Avtalen utløper', 'Avtale utløp', 'Utløper', 'Utløpsdato', 'Avtalens utløpsdato', 'Utløpsdato avtale', 'Kontrakt utløper',
    'Kontraktsutløp', 'Kontrakten utløper', 'Avtaleslutt', 'Sluttdato', 'Avtale til', 'Gyldig til', 'Avtale gyldig til', 'Avtaleperiode slutt',
    'Avtalen løper til', 'Løper til', 'Utløp',
  ],
  noticeMonths: [
    'Oppsigelsestid (mnd)', 'Oppsigelsestid', 'Oppsigelsestid måneder', 'Oppsigelsestid i måneder', 'Oppsigelse (mnd)', 'Oppsigelsesfrist (mnd)',
    'Oppsigelsesfrist måneder', 'Oppsigelse måneder', 'Mnd oppsigelse',
  ],
  monthlyCost: [
    'Kostnad pr mnd', 'Kostnad pr. mnd', 'Kostnad per mnd', 'Kostnad per måned', 'Kostnad pr måned', 'Månedskostnad', 'Månedlig kostnad',
    'Kostnad mnd', 'Kost pr mnd', 'Lisenskostnad pr mnd', 'Lisens pr mnd', 'Pris pr mnd', 'Månedspris', 'Kostnad pr mnd (kr)', 'Kostnad/mnd',
    'Kr pr mnd', 'Månedlig lisenskostnad',
  ],
  yearlyCost: [
    'Kostnad pr år', 'Kostnad pr. år', 'Kostnad per år', 'Kostnad år', 'Kostnad/år', 'Årlig kostnad', 'Årskostnad', 'Årlige kostnader', 'Kostnad årlig',
    'Lisenskostnad pr år', 'Lisenskostnad per år', 'Årlig lisenskostnad', 'Lisens pr år', 'Pris pr år', 'Årspris', 'Kr pr år', 'Årlig pris',
    'Driftskostnad pr år', 'Årlig driftskostnad', 'Kostnad pr år (kr)', 'Årlig kostnad (kr)', 'Lisenskostnad (pr år)',
  ],
  extractPlan: [
    'Uttrekk/depot', 'Uttrekk', 'Depot', 'Depotplan', 'Uttrekksplan', 'Uttrekk og depot', 'Uttrekk/depotplan', 'Deponering', 'Plan for uttrekk',
    'Uttrekk og deponering', 'Avlevering', 'Depotordning', 'Arkivuttrekk', 'Plan for uttrekk/depot', 'Avlevering til depot',
  ],
  status: ['Status', 'I bruk', 'Systemstatus', 'Driftsstatus', 'Status (i bruk/utfaset)', 'Tilstand', 'Bruksstatus'],
};

/** Folds a header cell to the key the synonym table uses. */
export function headerKey(text: string): string {
  return normalizeKey(text)
    .replace(/\b(per|pr)\b/g, 'pr')
    .replace(/\b(maned|maneder|mnd|mndr|md)\b/g, 'mnd')
    .replace(/\baar\b/g, 'ar')
    .replace(/\b(nr|nummer)\b/g, 'nr');
}

const HEADER_INDEX: ReadonlyMap<string, RegisterField> = (() => {
  const index = new Map<string, RegisterField>();
  for (const [field, words] of Object.entries(SYNONYMS) as [RegisterField, readonly string[]][]) {
    for (const word of words) {
      const key = headerKey(word);
      const previous = index.get(key);
      if (previous && previous !== field) throw new Error(`Overskriften «${word}» er brukt for både ${previous} og ${field}`);
      index.set(key, field);
    }
  }
  return index;
})();

/** Unit and hint words that may trail a header ("Kostnad pr mnd (kr)", "Arkivverdig (J/N)"). */
const TRAILING_HINTS = /\s+(kr|nok|ja nei|j n|x|dato|dd mm aaaa|eks mva|ekskl mva|inkl mva)$/;

/** The field a header cell names, or undefined. */
export function fieldForHeader(value: unknown): RegisterField | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.length === 0 || value.length > 80) return undefined;
  const key = headerKey(value);
  if (!key) return undefined;
  const direct = HEADER_INDEX.get(key);
  if (direct) return direct;
  // "Oppsigelsestid (mnd)" → without the parenthesis; "Kostnad pr mnd (kr)" → without the unit.
  const withoutParens = headerKey(value.replace(/\([^)]*\)/g, ' '));
  const viaParens = withoutParens ? HEADER_INDEX.get(withoutParens) : undefined;
  if (viaParens) return viaParens;
  let stripped = key;
  for (let i = 0; i < 3 && TRAILING_HINTS.test(stripped); i++) stripped = stripped.replace(TRAILING_HINTS, '');
  return stripped !== key ? HEADER_INDEX.get(stripped) : undefined;
}

export interface RegisterHeader {
  /** 0-based index of the header row within the cells. */
  readonly row: number;
  /** Field → 0-based column index (the first column that names it). */
  readonly columns: Map<RegisterField, number>;
  /**
   * 0-based index of a sub-header row directly under `row`, when the header takes two rows: group labels above
   * («Avtale», «Arkiv») with the field names under them («Type | Utløper | Oppsigelse (mnd)»), the other columns
   * merged over both rows. Data starts under it. Undefined for a one-row header.
   */
  readonly subRow?: number;
}

/** How many rows from the top are searched for the header (title rows, notes and blank rows may come first). */
export const HEADER_SCAN_ROWS = 50;

/** A header cell's text, trimmed with spaces collapsed ("" for anything but text). */
function headerText(v: unknown): string {
  return typeof v === 'string' ? v.trim().replace(/\s+/g, ' ') : '';
}

/**
 * The group label over column c of a sub-header row: the header cell above it, or, when that is blank (a merged
 * group label is in the first column of its span), the nearest header text to the left across columns that all have
 * sub-labels. "" when the column has no group.
 */
function groupLabel(header: readonly unknown[], sub: readonly unknown[], c: number): string {
  const own = headerText(header[c]);
  if (own) return own;
  for (let g = c - 1; g >= 0; g--) {
    const above = headerText(header[g]);
    const below = headerText(sub[g]);
    if (!below || below === above) return '';
    if (above) return above;
  }
  return '';
}

/**
 * The field a sub-label names under its group label: the two together first ("Avtale utløper", "Type avtale",
 * "Avtaletype"), so «Type» under «Avtale» is the contract type, not Systemtype; else the sub-label alone
 * («Oppsigelse (mnd)», «Arkivverdig»).
 */
function subLabelField(group: string, sub: string): RegisterField | undefined {
  if (group) {
    const combined = fieldForHeader(`${group} ${sub}`) ?? fieldForHeader(`${sub} ${group}`) ?? fieldForHeader(group + sub);
    if (combined) return combined;
  }
  return fieldForHeader(sub);
}

/**
 * Reads row `sub` as a sub-header of header row `header`: only text, placed under group labels or in columns blank
 * in the header row (text repeating the header cell above is a merged main column, as exceljs and some hosts read
 * merged cells), mostly naming fields, nothing under System. Returns the field per sub-labelled column (null for a
 * sub-label that names none), or undefined when the row is no sub-header (data, a note).
 */
function readSubHeader(header: readonly unknown[], sub: unknown, systemColumn: number): (RegisterField | null | undefined)[] | undefined {
  if (!Array.isArray(sub)) return undefined;
  const fields: (RegisterField | null | undefined)[] = [];
  let named = 0;
  let unnamed = 0;
  for (let c = 0; c < sub.length; c++) {
    const v: unknown = sub[c];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string') return undefined; // numbers, dates, booleans: a data row
    const text = headerText(v);
    if (!text || text === headerText(header[c])) continue;
    if (c === systemColumn) return undefined; // a system name: a data row
    const field = subLabelField(groupLabel(header, sub, c), text);
    fields[c] = field ?? null;
    if (field) named++;
    else unnamed++;
  }
  return named > 0 && named >= unnamed ? fields : undefined;
}

/**
 * Finds the register's header row among the first {@link HEADER_SCAN_ROWS} rows: the first row that names System
 * and, with a sub-header row under it if there is one (see RegisterHeader.subRow), at least two other canonical
 * fields. Returns undefined when no row qualifies.
 */
export function findRegisterHeader(cells: readonly (readonly unknown[])[]): RegisterHeader | undefined {
  if (!Array.isArray(cells)) return undefined;
  const limit = Math.min(cells.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = cells[r];
    if (!Array.isArray(row)) continue;
    const columns = new Map<RegisterField, number>();
    for (let c = 0; c < row.length; c++) {
      const field = fieldForHeader(row[c]);
      if (field && !columns.has(field)) columns.set(field, c);
    }
    if (!columns.has('system')) continue;
    const sub = r + 1 < cells.length ? readSubHeader(row, cells[r + 1], columns.get('system')!) : undefined;
    if (sub) {
      const both = new Map<RegisterField, number>();
      const width = Math.max(row.length, sub.length);
      for (let c = 0; c < width; c++) {
        const field = sub[c] !== undefined ? (sub[c] ?? undefined) : fieldForHeader(row[c]);
        if (field && !both.has(field)) both.set(field, c);
      }
      if (both.has('system') && both.size >= 3) return { row: r, columns: both, subRow: r + 1 };
    }
    if (columns.size >= 3) return { row: r, columns };
  }
  return undefined;
}

/**
 * The column's header as findings show it: the header cell's text; under a two-row header, «Avtale – Utløper» for
 * a sub-label under its group (or the header text alone when the sub-label is only a hint such as «dd.mm.åååå»).
 * "" when neither row names the column.
 */
export function headerLabel(cells: readonly (readonly unknown[])[], header: RegisterHeader, c: number): string {
  const top = cells[header.row] ?? [];
  const main = headerText(top[c]);
  if (header.subRow === undefined) return main;
  const subRow = cells[header.subRow] ?? [];
  const sub = headerText(subRow[c]);
  if (!sub || sub === main) return main;
  if (main && fieldForHeader(sub) === undefined && fieldForHeader(main) !== undefined) return main;
  const group = groupLabel(top, subRow, c);
  return group ? `${group} – ${sub}` : sub;
}
