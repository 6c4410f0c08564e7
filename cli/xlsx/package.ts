// Opens an .xlsx/.xlsm package for reading: what kind of file it is (encrypted, old .xls, Strict OOXML, …),
// its sheets, tables and defined names, and every worksheet's cells within the limits. Each refusal is one
// Norwegian line that names the file and, where it helps, the part.
import { promises as fs } from 'node:fs';
import { basename, posix } from 'node:path';
import type { CellValue } from '../../core/util/cells.js';
import { CliError } from '../io.js';
import { Budget, LimitError } from './limits.js';
import { parseAttrs, parseXml, SaxParser, XmlError } from './sax.js';
import { parseRangeRef, readSheet, type CellRange, type SheetRead } from './sheet.js';
import { readStyles } from './styles.js';
import { ZipFormatError, ZipPackage, type ZipEntry } from './zip.js';

export interface SheetData extends SheetRead {
  readonly name: string;
}

export interface TableDefinition {
  readonly name: string;
  readonly sheet: string;
  readonly range: CellRange;
  readonly totalsRow: boolean;
}

export interface DefinedName {
  readonly name: string;
  /** The first range it refers to, when it is a plain Sheet!A1:B2 reference. */
  readonly sheet?: string;
  readonly range?: CellRange;
}

export interface WorkbookData {
  readonly file: string;
  readonly sheets: readonly SheetData[];
  readonly tables: readonly TableDefinition[];
  readonly definedNames: readonly DefinedName[];
  /** Saved as Strict Open XML (ISO/IEC 29500 Strict): readable, but dh writes only the ordinary (transitional) form. */
  readonly strict: boolean;
}

const STRICT_NS = 'purl.oclc.org/ooxml/spreadsheetml/main';
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** Reads a workbook for the engine. A file that cannot be read is a CliError with one Norwegian line. */
export async function readWorkbookFile(path: string, budget = new Budget(basename(path))): Promise<WorkbookData> {
  const name = basename(path);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch {
    throw new CliError(`Kan ikke lese «${name}».`);
  }
  let part = '';
  try {
    return await readPackage(bytes, name, budget, (p) => (part = p));
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof XmlError) {
      throw new CliError(`Kan ikke lese «${name}»: delen «${part}» er ikke gyldig XML (ved tegn ${error.offset}). Filen er ikke endret; åpne og lagre den i Excel og prøv igjen.`);
    }
    if (error instanceof ZipFormatError) {
      throw new CliError(`Kan ikke lese «${name}» som en Excel-arbeidsbok (.xlsx): filen er skadet eller har feil format${part ? ` (delen «${part}» kan ikke pakkes ut). Filen er ikke endret` : ''}.`);
    }
    if (error instanceof RangeError) throw new LimitError('cells', part || name);
    throw new CliError(`Kan ikke lese «${name}»${part ? `: delen «${part}» kunne ikke tolkes` : ''}. Filen er ikke endret.`);
  }
}

async function readPackage(bytes: Buffer, name: string, budget: Budget, at: (part: string) => void): Promise<WorkbookData> {
  if (bytes.subarray(0, 8).equals(CFB_MAGIC)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new CliError(`«${name}» er passordbeskyttet: åpne den i Excel og lagre uten passord (Fil → Info → Beskytt arbeidsbok → Krypter med passord, tøm feltet), og prøv igjen.`);
    }
    throw new CliError(`«${name}» er en eldre Excel-fil (.xls-format). Åpne den i Excel og lagre som Excel-arbeidsbok (.xlsx), og prøv igjen.`);
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) {
    throw new CliError(`Kan ikke lese «${name}» som en Excel-arbeidsbok (.xlsx): filen er skadet eller har feil format.`);
  }
  const zip = new ZipPackage(bytes);
  const mimetype = zip.entry('mimetype');
  if (mimetype && zip.read(mimetype).toString('utf8').includes('opendocument')) {
    throw new CliError(`«${name}» er et OpenDocument-regneark (.ods). Lagre det som Excel-arbeidsbok (.xlsx) og prøv igjen.`);
  }
  const rootRels = relationships(zip, '_rels/.rels', '', at);
  const office = [...rootRels.values()].find((r) => r.type.endsWith('/officeDocument'));
  if (!office) throw new CliError(`«${name}» er ikke en Excel-arbeidsbok (fant ingen arbeidsbokdel i pakken).`);
  if (office.target.toLowerCase().endsWith('.bin')) {
    throw new CliError(`«${name}» er en binær Excel-arbeidsbok (.xlsb). Lagre den som Excel-arbeidsbok (.xlsx) og prøv igjen.`);
  }
  const workbookPart = office.target;
  const workbookEntry = zip.entry(workbookPart);
  if (!workbookEntry) throw new CliError(`Kan ikke lese «${name}»: arbeidsbokdelen «${workbookPart}» mangler i pakken. Filen er ikke endret.`);
  const rels = relationships(zip, relsPath(workbookPart), posix.dirname(workbookPart), at);

  at(workbookPart);
  const workbookBytes = zip.read(workbookEntry);
  const strict = workbookBytes.subarray(0, 4096).toString('utf8').includes(STRICT_NS);
  let date1904 = false;
  const sheetRefs: { name: string; id: string }[] = [];
  const names: { name: string; localSheetId?: number; text: string }[] = [];
  let currentName: { name: string; localSheetId?: number; text: string } | undefined;
  parseXml(workbookBytes, {
    open(el, attrs) {
      if (el === 'workbookPr') {
        const v = parseAttrs(attrs).date1904;
        date1904 = v === '1' || v === 'true';
      } else if (el === 'sheet') {
        const a = parseAttrs(attrs);
        if (a.name && a.id) sheetRefs.push({ name: a.name, id: a.id });
      } else if (el === 'definedName') {
        const a = parseAttrs(attrs);
        currentName = { name: a.name ?? '', text: '', ...(a.localSheetId !== undefined ? { localSheetId: Number(a.localSheetId) } : {}) };
      }
    },
    close(el) {
      if (el === 'definedName' && currentName) {
        names.push(currentName);
        currentName = undefined;
      }
    },
    text(t) {
      if (currentName) currentName.text += t;
    },
  });

  const shared = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'));
  const sharedStrings = shared ? await readSharedStrings(zip, shared.target, budget, at) : [];
  const stylesRel = [...rels.values()].find((r) => r.type.endsWith('/styles'));
  const stylesEntry = stylesRel ? zip.entry(stylesRel.target) : undefined;
  if (stylesRel) at(stylesRel.target);
  const styles = readStyles(stylesEntry ? zip.read(stylesEntry) : undefined);

  const sheets: SheetData[] = [];
  const tables: TableDefinition[] = [];
  let cellsBefore = 0;
  for (const ref of sheetRefs) {
    const rel = rels.get(ref.id);
    if (!rel || !rel.type.endsWith('/worksheet')) continue; // chart sheets, dialog and macro sheets hold no cells
    const entry = zip.entry(rel.target);
    if (!entry) throw new CliError(`Kan ikke lese «${name}»: arket «${ref.name}» (${rel.target}) mangler i pakken. Filen er ikke endret.`);
    budget.check();
    at(rel.target);
    const read = await readSheet(zip, entry, { name: ref.name, sharedStrings, styles, date1904, budget, cellsBefore });
    cellsBefore += read.cellCount;
    sheets.push({ name: ref.name, ...read });
    const sheetRels = relationships(zip, relsPath(rel.target), posix.dirname(rel.target), at);
    for (const r of sheetRels.values()) {
      if (!r.type.endsWith('/table')) continue;
      const tableEntry = zip.entry(r.target);
      if (!tableEntry) continue;
      at(r.target);
      const table = readTableDefinition(zip.read(tableEntry), ref.name);
      if (table) tables.push(table);
    }
  }
  if (sheets.length === 0) throw new CliError(`«${name}» har ingen regneark.`);

  const definedNames = names.map((n) => definedName(n, sheetRefs.map((s) => s.name)));
  return { file: name, sheets, tables, definedNames, strict };
}

function relsPath(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}

/** A part's relationships by id, targets resolved to package paths (no leading slash). */
function relationships(zip: ZipPackage, path: string, base: string, at: (part: string) => void): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const entry = zip.entry(path);
  if (!entry) return out;
  at(path);
  parseXml(zip.read(entry), {
    open(el, attrs) {
      if (el !== 'Relationship') return;
      const a = parseAttrs(attrs);
      if (!a.Id || !a.Target || a.TargetMode === 'External') return;
      const target = a.Target.startsWith('/') ? a.Target.slice(1) : posix.normalize(posix.join(base, a.Target));
      out.set(a.Id, { type: a.Type ?? '', target });
    },
    close() {},
    text() {},
  });
  return out;
}

async function readSharedStrings(zip: ZipPackage, path: string, budget: Budget, at: (part: string) => void): Promise<string[]> {
  const entry: ZipEntry | undefined = zip.entry(path);
  if (!entry) return [];
  at(path);
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let phonetic = 0;
  const parser = new SaxParser({
    open(el, _attrs, selfClosing) {
      if (el === 'si') current = '';
      else if (el === 'rPh') phonetic++;
      else if (el === 't' && !selfClosing && phonetic === 0) inText = true;
    },
    close(el) {
      if (el === 'si') strings.push(current);
      else if (el === 'rPh') phonetic--;
      else if (el === 't') inText = false;
    },
    text(t) {
      if (inText) current += t;
    },
  });
  for await (const chunk of zip.stream(entry)) {
    budget.check();
    parser.feedBytes(chunk);
  }
  parser.end();
  return strings;
}

function readTableDefinition(bytes: Uint8Array, sheet: string): TableDefinition | undefined {
  let found: TableDefinition | undefined;
  parseXml(bytes, {
    open(el, attrs) {
      if (el !== 'table' || found) return;
      const a = parseAttrs(attrs);
      const range = parseRangeRef(a.ref ?? '');
      const name = a.displayName || a.name;
      if (range && name) found = { name, sheet, range, totalsRow: Number(a.totalsRowCount ?? 0) > 0 };
    },
    close() {},
    text() {},
  });
  return found;
}

function definedName(n: { name: string; localSheetId?: number; text: string }, sheetNames: readonly string[]): DefinedName {
  const first = n.text.split(',')[0]?.trim() ?? '';
  const m = /^(?:'((?:[^']|'')+)'|([^!'"]+))!(.+)$/.exec(first);
  if (!m) return { name: n.name };
  const sheet = (m[1]?.replace(/''/g, "'") ?? m[2] ?? '').trim();
  const range = parseRangeRef(m[3]!);
  if (!range || !sheetNames.some((s) => s.toLowerCase() === sheet.toLowerCase())) return { name: n.name };
  return { name: n.name, sheet, range };
}

export type { CellValue };
