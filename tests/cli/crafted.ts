// Hostile and huge .xlsx files, generated at test time (nothing big is committed): a raw zip writer with its
// own parts, so a file can be shaped the way exceljs never writes one (a cell in XFD, a validation over the
// whole sheet, 50 000 merges, an entity bomb, an encrypted container, Strict OOXML).
import { writeFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { REGISTER_HEADER } from './workbooks.js';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export type PartContent = string | Buffer | Iterable<string>;

function toBuffer(content: PartContent): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  let pending: string[] = [];
  let size = 0;
  for (const s of content) {
    pending.push(s);
    size += s.length;
    if (size > 1 << 22) {
      chunks.push(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      size = 0;
    }
  }
  chunks.push(Buffer.from(pending.join(''), 'utf8'));
  return Buffer.concat(chunks);
}

/** A zip file of the given parts, deflated. */
export function zipParts(parts: Record<string, PartContent>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(parts)) {
    const data = toBuffer(content);
    const packed = deflateRawSync(data, { level: 6 });
    const crc = crc32(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(parts).length, 8);
  end.writeUInt16LE(Object.keys(parts).length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface CraftedSheet {
  readonly name: string;
  /** The worksheet part; build it with worksheet(). */
  readonly xml: PartContent;
}

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An .xlsx package: one part per sheet, optional shared strings, transitional namespaces. */
export function xlsx(sheets: readonly CraftedSheet[], sharedStrings?: readonly string[]): Buffer {
  const parts: Record<string, PartContent> = {
    '[Content_Types].xml':
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      (sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
      `</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
      `</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL}">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      (sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      `</Relationships>`,
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = s.xml));
  if (sharedStrings) {
    parts['xl/sharedStrings.xml'] = (function* () {
      yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${sharedStrings.length}" uniqueCount="${sharedStrings.length}">`;
      for (const s of sharedStrings) yield `<si><t xml:space="preserve">${esc(s)}</t></si>`;
      yield `</sst>`;
    })();
  }
  return zipParts(parts);
}

/** A worksheet part around rows of `<c>` elements, with what follows sheetData (merges, validations). */
export function* worksheet(rows: Iterable<string>, after = ''): Generator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
  yield* rows;
  yield `</sheetData>${after}</worksheet>`;
}

export const num = (ref: string, n: number) => `<c r="${ref}"><v>${n}</v></c>`;
export const str = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
export const sst = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;

/** 20 000 numbers in column A and one cell in XFD1: the used range is 20 000 × 16 384. */
export function sparseWide(values = 20_000): Buffer {
  return xlsx([{
    name: 'Ark1',
    xml: worksheet((function* () {
      yield `<row r="1">${num('A1', 1)}${str('XFD1', 'langt ute')}</row>`;
      for (let r = 2; r <= values; r++) yield `<row r="${r}">${num(`A${r}`, r)}</row>`;
    })()),
  }]);
}

const KOMMUNER = [['Rana', '1833'], ['Vefsn', '1824'], ['Alstahaug', '1820'], ['Brønnøy', '1813'], ['Hemnes', '1832']] as const;

/**
 * A system register of `rows` data rows under the SPEC §5 header, as Excel writes it (shared strings).
 * The strings are a small shared set plus one unique system name per row, like a real register.
 */
export function bigRegister(rows: number): Buffer {
  const strings: string[] = [...REGISTER_HEADER, 'Systemoversikt', 'Sikri AS', 'Ola Nordmann', 'Ja', 'Nei', 'I bruk', '31.12.2027', ...KOMMUNER.flat()];
  const index = new Map(strings.map((s, i) => [s, i]));
  const at = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const cols = 'ABCDEFGHIJKL';
  const lines: string[] = [];
  lines.push(`<row r="1">${sst('A1', at('Systemoversikt'))}</row>`);
  lines.push(`<row r="2">${REGISTER_HEADER.map((h, c) => sst(`${cols[c]}2`, at(h))).join('')}</row>`);
  const body = (function* () {
    yield* lines;
    for (let i = 0; i < rows; i++) {
      const r = i + 3;
      const [kommune, nr] = KOMMUNER[i % KOMMUNER.length]!;
      yield `<row r="${r}">${sst(`A${r}`, at(kommune))}${sst(`B${r}`, at(nr))}${sst(`C${r}`, at(`System ${i}`))}${sst(`D${r}`, at('Sikri AS'))}${sst(`E${r}`, at('Ola Nordmann'))}${sst(`F${r}`, at('Ola Nordmann'))}${sst(`G${r}`, at(i % 2 ? 'Ja' : 'Nei'))}${sst(`I${r}`, at('31.12.2027'))}${num(`J${r}`, 3)}${num(`K${r}`, 1000 + (i % 97))}${sst(`L${r}`, at('I bruk'))}</row>`;
    }
  })();
  // The sheet must be generated before the strings are complete: materialise it first.
  const sheet = toBuffer(worksheet(body));
  return xlsx([{ name: 'Systemoversikt', xml: sheet }], strings);
}

/** A small table with `count` whole-column list validations (A:A, B:B, …) and one over the whole sheet. */
export function wholeColumnValidation(count = 3): Buffer {
  const validations = Array.from({ length: count }, (_, i) => {
    const col = String.fromCharCode(65 + i);
    return `<dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="${col}1:${col}1048576"><formula1>"Ja,Nei"</formula1></dataValidation>`;
  });
  validations.push(`<dataValidation type="whole" sqref="A1:XFD1048576"><formula1>0</formula1></dataValidation>`);
  return xlsx([{
    name: 'Ark1',
    xml: worksheet([`<row r="1">${str('A1', 'Kommune')}${str('B1', 'Innbyggere')}</row>`, `<row r="2">${str('A2', 'Rana')}${num('B2', 26000)}</row>`], `<dataValidations count="${validations.length}">${validations.join('')}</dataValidations>`),
  }]);
}

/** `count` merged 2×1 ranges down column A:B. */
export function manyMerges(count = 50_000): Buffer {
  const rows = (function* () {
    for (let r = 1; r <= count; r++) yield `<row r="${r}">${str(`A${r}`, `Avsnitt ${r}`)}</row>`;
  })();
  const merges = Array.from({ length: count }, (_, i) => `<mergeCell ref="A${i + 1}:B${i + 1}"/>`).join('');
  return xlsx([{ name: 'Ark1', xml: worksheet(rows, `<mergeCells count="${count}">${merges}</mergeCells>`) }]);
}

/** A sheet whose XML is about `megabytes` MB: rows of numbers and text in ten columns. */
export function largeSheet(megabytes: number): Buffer {
  const rowXml = (r: number) => `<row r="${r}">${'ABCDEFGHIJ'.split('').map((c, i) => (i % 2 ? num(`${c}${r}`, r * 10 + i) : str(`${c}${r}`, `tekst ${r}`))).join('')}</row>`;
  const perRow = rowXml(100_000).length;
  const rows = Math.ceil((megabytes * 1024 * 1024) / perRow);
  return xlsx([{ name: 'Stort', xml: worksheet((function* () { for (let r = 1; r <= rows; r++) yield rowXml(r); })()) }]);
}

/** Billion laughs in a sheet's DOCTYPE: the reader must never expand it. */
export function entityBomb(): Buffer {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
  const xml = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol0 "lol">${levels}]><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
  return xlsx([{ name: 'Ark1', xml }]);
}

/** A deflate bomb: a part of `megabytes` MB of spaces in a few hundred kilobytes. */
export function deflateBomb(megabytes: number): Buffer {
  const filler = Buffer.alloc(megabytes * 1024 * 1024, 0x20);
  return xlsx([{ name: 'Ark1', xml: Buffer.concat([Buffer.from(`<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>`), filler, Buffer.from('</sheetData></worksheet>')]) }]);
}

/**
 * The same workbook in Strict Open XML: ISO/IEC 29500 Strict namespaces (what Excel's «Strict Open XML-
 * regneark» writes). Only the namespaces differ for plain cells.
 */
export function strictXlsx(): Buffer {
  const strict = (s: string) =>
    s
      .replaceAll('http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main')
      .replaceAll('http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships');
  const sheet = [...worksheet([`<row r="1">${str('A1', 'Kommune')}${str('B1', 'Innbyggere')}</row>`, `<row r="2">${str('A2', 'Rana')}${num('B2', 26000)}</row>`])].join('');
  return zipParts({
    '[Content_Types].xml': `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': strict(`<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strict(`<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}" conformance="strict"><sheets><sheet name="Kommuner" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strict(`<?xml version="1.0"?><Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    'xl/worksheets/sheet1.xml': strict(sheet),
  });
}

/**
 * The outer shape of a password-encrypted OOXML file (MS-OFFCRYPTO §2.3.4.4 / MS-CFB): a compound file whose
 * directory holds EncryptionInfo and EncryptedPackage streams. Only the header and the directory names are
 * real; that is all a reader can see before it would need the password.
 */
export function encryptedContainer(): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const sector = Buffer.alloc(1024);
  Buffer.from('EncryptionInfo', 'utf16le').copy(sector, 0);
  Buffer.from('EncryptedPackage', 'utf16le').copy(sector, 128);
  return Buffer.concat([header, Buffer.alloc(504), sector]);
}

/** A well-formed package whose sheet XML breaks off in the middle of a cell. */
export function brokenSheetXml(): Buffer {
  return xlsx([{ name: 'Ark1', xml: `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></sheetData></worksheet>` }]);
}

export function writeTo(path: string, bytes: Buffer): string {
  writeFileSync(path, bytes);
  return path;
}
