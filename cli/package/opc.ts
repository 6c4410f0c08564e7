// An .xlsx file as the package it is (Open Packaging Conventions): zip entries, relationships, content types.
// dh oppdater edits only the entries the owned tables need; every other entry is handed back to the zip
// writer untouched, so its bytes are the bytes that were read.
import JSZip from 'jszip';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRels: 'http://schemas.openxmlformats.org/package/2006/relationships',
} as const;

export const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
} as const;

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Last segment of the type, lower case: "worksheet", "table", … */
  readonly kind: string;
  /** Resolved package path, no leading slash. */
  readonly target: string;
  readonly external: boolean;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

/** Attributes of one start tag, by qualified name as written (values decoded). */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** An attribute by local name (any prefix, no xmlns). */
export function attr(tag: string, local: string): string | undefined {
  for (const [name, value] of attributes(tag)) {
    if (name.startsWith('xmlns')) continue;
    if ((name.includes(':') ? name.slice(name.indexOf(':') + 1) : name) === local) return value;
  }
  return undefined;
}

/** Sets (or adds) an attribute in a start tag, keeping everything else of the tag as written. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

export function removeAttr(tag: string, name: string): string {
  return tag.replace(new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`), '');
}

/** The prefix (with colon, or '') the document binds to `namespace`, read from its root element. */
export function prefixFor(xml: string, namespace: string): string | undefined {
  const root = /<(?!\?|!)[^>]*>/.exec(xml)?.[0] ?? '';
  for (const [name, value] of attributes(root)) {
    if (value !== namespace) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return undefined;
}

export function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against its source part, as a package path without a leading slash. */
export function resolveTarget(source: string, target: string): string {
  let path = target;
  try {
    path = decodeURI(target);
  } catch {
    // keep as written
  }
  const segments = path.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of path.replace(/^\//, '').split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** `target` (a package path) as seen from `source`'s folder: "../tables/table1.xml". */
export function relativeTarget(source: string, target: string): string {
  const from = source.split('/').slice(0, -1);
  const to = target.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common]!.toLowerCase() === to[common]!.toLowerCase()) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

export class XlsxPackage {
  /** Entries whose text was replaced, by their real (stored) name. */
  private readonly edited = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** Lower-case name → stored name: part names compare case-insensitively (OPC). */
  private readonly names = new Map<string, string>();

  private constructor(private readonly zip: JSZip) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name]!.dir) this.names.set(name.toLowerCase(), name);
  }

  static async load(bytes: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(bytes));
  }

  entries(): string[] {
    return [...this.names.values()].filter((n) => !this.removed.has(n));
  }

  stored(path: string): string | undefined {
    const name = this.names.get(path.replace(/^\//, '').toLowerCase());
    return name && !this.removed.has(name) ? name : undefined;
  }

  has(path: string): boolean {
    return this.stored(path) !== undefined;
  }

  async text(path: string): Promise<string | undefined> {
    const name = this.stored(path);
    if (!name) return undefined;
    if (this.edited.has(name)) return this.edited.get(name);
    return this.zip.file(name)!.async('string');
  }

  async bytes(path: string): Promise<Uint8Array | undefined> {
    const name = this.stored(path);
    return name ? this.zip.file(name)!.async('uint8array') : undefined;
  }

  /** Replaces (or adds) a part's text. */
  setText(path: string, text: string): void {
    const name = this.stored(path) ?? path.replace(/^\//, '');
    this.names.set(name.toLowerCase(), name);
    this.removed.delete(name);
    this.edited.set(name, text);
  }

  remove(path: string): void {
    const name = this.stored(path);
    if (name) {
      this.removed.add(name);
      this.edited.delete(name);
    }
  }

  /** A part name not yet in the package: xl/tables/table7.xml for ("xl/tables/table", ".xml"). */
  freeName(stem: string, ext: string): string {
    for (let i = 1; ; i++) if (!this.has(`${stem}${i}${ext}`)) return `${stem}${i}${ext}`;
  }

  async relationships(source: string): Promise<Relationship[]> {
    const xml = await this.text(source === '' ? '_rels/.rels' : relsPath(source));
    if (!xml) return [];
    const out: Relationship[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const type = attr(m[0], 'Type') ?? '';
      const target = attr(m[0], 'Target') ?? '';
      const external = (attr(m[0], 'TargetMode') ?? '').toLowerCase() === 'external';
      out.push({ id: attr(m[0], 'Id') ?? '', type, kind: type.split('/').pop()!.toLowerCase(), target: external ? target : resolveTarget(source, target), external });
    }
    return out;
  }

  /** Adds a relationship from `source` to `target` (a package path); returns its new id. */
  async addRelationship(source: string, type: string, target: string): Promise<string> {
    const path = source === '' ? '_rels/.rels' : relsPath(source);
    const xml = (await this.text(path)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRels}"></Relationships>`;
    const used = new Set((await this.relationships(source)).map((r) => r.id));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const prefix = prefixFor(xml, NS.packageRels) ?? '';
    // Relative, as Excel writes them (some readers, exceljs among them, resolve nothing else).
    const element = `<${prefix}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(relativeTarget(source, target))}"/>`;
    const close = new RegExp(`</${prefix}Relationships>`);
    this.setText(path, close.test(xml) ? xml.replace(close, `${element}$&`) : xml.replace(/<(\w+:)?Relationships\b([^>]*)\/>/, `<$1Relationships$2>${element}</$1Relationships>`));
    return id;
  }

  async removeRelationship(source: string, id: string): Promise<void> {
    const path = source === '' ? '_rels/.rels' : relsPath(source);
    const xml = await this.text(path);
    if (!xml) return;
    this.setText(path, xml.replace(new RegExp(`<(?:\\w+:)?Relationship\\b[^>]*\\bId\\s*=\\s*["']${id}["'][^>]*/>`), ''));
  }

  async addOverride(part: string, contentType: string): Promise<void> {
    const xml = (await this.text('[Content_Types].xml')) ?? '';
    const prefix = /<(\w+:)?Types\b/.exec(xml)?.[1] ?? '';
    if (new RegExp(`PartName\\s*=\\s*["']/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`, 'i').test(xml)) return;
    this.setText('[Content_Types].xml', xml.replace(new RegExp(`</${prefix}Types>`), `<${prefix}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>$&`));
  }

  async removeOverride(part: string): Promise<void> {
    const xml = await this.text('[Content_Types].xml');
    if (!xml) return;
    this.setText('[Content_Types].xml', xml.replace(new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName\\s*=\\s*["']/${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'][^>]*/>`, 'i'), ''));
  }

  /** The package as zip bytes: untouched entries are copied as stored; only edited ones are written anew. */
  async generate(): Promise<Uint8Array> {
    for (const name of this.removed) this.zip.remove(name);
    for (const [name, text] of this.edited) this.zip.file(name, text, { createFolders: false });
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}
