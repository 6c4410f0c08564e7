// Would writing through exceljs lose part of the user's workbook? exceljs keeps cells, styles, tables,
// images, comments, validations, hyperlinks and conditional formatting, but silently drops charts,
// pivot tables, slicers, form controls, macros, external links, sparklines and more. Rather than trust
// a list of what it supports, this compares the .xlsx package read from disk with the package exceljs
// is about to write: the parts each sheet reaches through its relationships (by relationship type),
// the sheets themselves, the tables by name, each worksheet's top-level settings and extensions, and
// the workbook's defined names and protection. Whatever the input has and the output lacks is a loss,
// except parts that are legitimately rebuilt on every save (styles, shared strings, calc chain, theme,
// document properties, printer driver settings).
import JSZip from 'jszip';
import { joinWords } from '../core/util/text.js';
import { isOwnedTableName } from '../core/workbook/table.js';
import { decodeXml, relsPath, resolveTarget } from './package/opc.js';

/** What would be lost, in words a user knows, and how many where countable. */
export interface Loss {
  /** The sheet it sits on; undefined for the workbook as a whole. */
  readonly sheet?: string;
  readonly label: Label;
  readonly count: number;
}

export interface Label {
  /** "et diagram" — or the whole phrase when the thing is not counted ("makroer (VBA)"). */
  readonly one: string;
  /** "diagrammer" (after a number); absent when the thing is not counted. */
  readonly many?: string;
  /** Shown only when nothing else is lost (e.g. the drawing a lost chart sat in). */
  readonly minor?: boolean;
}

const L = {
  chart: { one: 'et diagram', many: 'diagrammer' },
  chartParts: { one: 'diagramformatering', minor: true },
  drawing: { one: 'figurer eller andre tegneobjekter', minor: true },
  vml: { one: 'eldre tegneobjekter (VML)', minor: true },
  image: { one: 'et bilde', many: 'bilder' },
  pivot: { one: 'en pivottabell', many: 'pivottabeller' },
  pivotCache: { one: 'pivotdata', minor: true },
  slicer: { one: 'slicere' },
  slicerCache: { one: 'slicerdata', minor: true },
  timeline: { one: 'tidslinjer' },
  timelineCache: { one: 'tidslinjedata', minor: true },
  vba: { one: 'makroer (VBA)' },
  vbaSignature: { one: 'makrosignatur', minor: true },
  externalLink: { one: 'en kobling til en annen arbeidsbok', many: 'koblinger til andre arbeidsbøker' },
  formControl: { one: 'skjemakontroller' },
  activeX: { one: 'ActiveX-kontroller' },
  ole: { one: 'innebygde objekter' },
  comments: { one: 'kommentarer' },
  threadedComments: { one: 'kommentartråder' },
  queryTable: { one: 'en spørringstabell', many: 'spørringstabeller' },
  connections: { one: 'datatilkoblinger' },
  customXml: { one: 'egendefinerte XML-data (for eksempel SharePoint-egenskaper)' },
  customXmlProps: { one: 'egenskaper for egendefinerte XML-data', minor: true },
  customProperties: { one: 'egendefinerte dokumentegenskaper (for eksempel en følsomhetsetikett)' },
  sensitivityLabel: { one: 'følsomhetsetiketten' },
  metadata: { one: 'dynamiske matriseformler eller celledata (metadata)' },
  richData: { one: 'datatyper eller bilder i celler' },
  webExtension: { one: 'Office-tillegg som er knyttet til arbeidsboken' },
  namedSheetViews: { one: 'arkvisninger' },
  revisions: { one: 'endringsloggen for en delt arbeidsbok' },
  sparklines: { one: 'minidiagrammer (sparklines)' },
  conditionalFormatting: { one: 'betinget formatering' },
  dataValidation: { one: 'datavalidering' },
  protectedRanges: { one: 'beskyttede områder' },
  sheetProtection: { one: 'arkbeskyttelse' },
  scenarios: { one: 'scenarioer' },
  autoFilter: { one: 'autofilter' },
  sortState: { one: 'sorteringsoppsett' },
  dataConsolidate: { one: 'konsolideringsoppsett' },
  customViews: { one: 'egendefinerte visninger' },
  mergeCells: { one: 'sammenslåtte celler' },
  hyperlinks: { one: 'hyperkoblinger' },
  pageBreaks: { one: 'sideskift' },
  headerFooter: { one: 'topptekst eller bunntekst' },
  sheetProperties: { one: 'egendefinerte arkegenskaper' },
  cellWatches: { one: 'overvåkede celler' },
  smartTags: { one: 'smartkoder' },
  webPublish: { one: 'oppsett for webpublisering' },
  extensions: { one: 'utvidede Excel-innstillinger' },
  workbookProtection: { one: 'beskyttelsen av arbeidsbokens struktur' },
  fileSharing: { one: 'skrivebeskyttelsen (passord for å endre)' },
} satisfies Record<string, Label>;

/** Relationship types (last path segment, lower case) that are rebuilt on every save, or compared otherwise. */
const REBUILT_KINDS = new Set([
  'officedocument', 'worksheet', 'chartsheet', 'dialogsheet', 'macrosheet', 'xlmacrosheet', 'xlintlmacrosheet',
  'sharedstrings', 'styles', 'theme', 'calcchain', 'core-properties', 'extended-properties', 'printersettings',
  'thumbnail', 'table', 'person', 'hyperlink',
]);

/** The label for a part reached through a relationship of this type (its last segment, lower case). */
function kindLabel(kind: string): Label {
  const known: Record<string, Label> = {
    chart: L.chart, chartusershapes: L.chartParts, chartstyle: L.chartParts, chartcolorstyle: L.chartParts,
    drawing: L.drawing, vmldrawing: L.vml, image: L.image,
    pivottable: L.pivot, pivotcachedefinition: L.pivotCache, pivotcacherecords: L.pivotCache,
    slicer: L.slicer, slicercache: L.slicerCache, timeline: L.timeline, timelinecache: L.timelineCache,
    vbaproject: L.vba, vbaprojectsignature: L.vbaSignature, vbaprojectsignatureagile: L.vbaSignature, vbaprojectsignaturev3: L.vbaSignature,
    externallink: L.externalLink, externallinkpath: L.externalLink,
    ctrlprop: L.formControl, control: L.activeX, activexcontrolbinary: L.activeX,
    oleobject: L.ole, package: L.ole,
    comments: L.comments, threadedcomment: L.threadedComments, threadedcomments: L.threadedComments,
    querytable: L.queryTable, connections: L.connections,
    customxml: L.customXml, customxmlprops: L.customXmlProps, 'custom-properties': L.customProperties, classificationlabels: L.sensitivityLabel,
    sheetmetadata: L.metadata,
    webextensiontaskpanes: L.webExtension, webextension: L.webExtension,
    namedsheetview: L.namedSheetViews, revisionheaders: L.revisions, revisionlog: L.revisions, usernames: L.revisions,
  };
  if (known[kind]) return known[kind]!;
  if (kind.startsWith('rdrichvalue') || kind.startsWith('richvalue') || kind.startsWith('rdarray') || kind.startsWith('rdsupportingpropertybag')) return L.richData;
  return { one: `andre deler av arbeidsboken («${kind}»)` };
}

/** Worksheet elements that are layout exceljs rewrites, or that the part comparison already covers. */
const REBUILT_ELEMENTS = new Set([
  'sheetpr', 'dimension', 'sheetviews', 'sheetformatpr', 'cols', 'sheetdata', 'sheetcalcpr', 'pagemargins', 'pagesetup',
  'printoptions', 'phoneticpr', 'ignorederrors', 'extlst', 'drawing', 'legacydrawing', 'legacydrawinghf', 'drawinghf',
  'picture', 'tableparts',
]);

const ELEMENT_LABELS: Record<string, Label> = {
  sheetprotection: L.sheetProtection, protectedranges: L.protectedRanges, scenarios: L.scenarios, autofilter: L.autoFilter,
  sortstate: L.sortState, dataconsolidate: L.dataConsolidate, customsheetviews: L.customViews, mergecells: L.mergeCells,
  conditionalformatting: L.conditionalFormatting, datavalidations: L.dataValidation, hyperlinks: L.hyperlinks,
  rowbreaks: L.pageBreaks, colbreaks: L.pageBreaks, headerfooter: L.headerFooter, customproperties: L.sheetProperties,
  cellwatches: L.cellWatches, smarttags: L.smartTags, webpublishitems: L.webPublish, oleobjects: L.ole, controls: L.formControl,
};

/** Worksheet extLst entries by their uri (lower case). */
const EXTENSION_LABELS: Record<string, Label> = {
  '{05c60535-1f16-4fd2-b633-f4f36f0b64e0}': L.sparklines,
  '{78c0d931-6437-407d-a8ee-f0aad7539e65}': L.conditionalFormatting,
  '{cce6a557-97bc-4b89-add6-d9c93caab3df}': L.dataValidation,
  '{a8765ba9-456a-4dab-b4f3-acf838c121de}': L.slicer,
  '{3a4cf648-6aed-40f4-86ff-dc5316d8aed3}': L.slicer,
  '{7e03d99c-dc04-49d9-9315-930204a7b6e9}': L.timeline,
  '{fc87aee6-9edd-4a0a-b7fb-166176984837}': L.protectedRanges,
  '{f7c9ee02-42e1-4005-9d12-6889affd525c}': L.webExtension,
};

const WORKBOOK_ELEMENTS: Record<string, Label> = {
  workbookprotection: L.workbookProtection,
  filesharing: L.fileSharing,
  customworkbookviews: L.customViews,
};

// ---------------------------------------------------------------------------------------------------
// A shallow XML reader: element names, attributes and children down to a few levels. Enough for
// package bookkeeping; cell data (sheetData) is cut out before scanning so big sheets stay cheap.

interface XmlNode {
  /** Local name, lower case. */
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlNode[];
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(ATTR)) {
    const name = m[1]!;
    const local = name.includes(':') && !name.startsWith('xmlns') ? name.slice(name.indexOf(':') + 1) : name;
    attrs[local] = decodeXml(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

/** The root element with its children down to `depth` levels below it. */
function parseXml(xml: string, depth = 3): XmlNode | undefined {
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  for (const m of xml.matchAll(TOKEN)) {
    const local = m[2];
    if (local === undefined) continue;
    if (m[1] === '/') {
      stack.pop();
      continue;
    }
    const node: XmlNode = { name: local.toLowerCase(), attrs: stack.length <= depth ? parseAttrs(m[3] ?? '') : {}, children: [] };
    const parent = stack.at(-1);
    if (parent && stack.length <= depth) parent.children.push(node);
    if (!parent && !root) root = node;
    if (m[4] !== '/') stack.push(node);
  }
  return root;
}

/** A worksheet without its cell data (which can be hundreds of megabytes and holds no parts). */
function withoutSheetData(xml: string): string {
  const open = /<(?:[A-Za-z_][\w.-]*:)?sheetData(?=[\s>/])[^>]*?(\/?)>/.exec(xml);
  if (!open || open[1] === '/') return xml;
  const prefix = /^<([A-Za-z_][\w.-]*:)?/.exec(open[0])?.[1] ?? '';
  const close = xml.indexOf(`</${prefix}sheetData>`, open.index);
  return close < 0 ? xml : xml.slice(0, open.index + open[0].length) + xml.slice(close);
}

// ---------------------------------------------------------------------------------------------------
// The package: parts, relationships, sheets.

const WORKBOOK = '\u0000arbeidsbok';

interface Sheet {
  readonly name: string;
  /** worksheet | chartsheet | dialogsheet | macrosheet … (relationship type, lower case) */
  readonly kind: string;
  readonly part: string;
}

interface PackageSummary {
  readonly sheets: readonly Sheet[];
  /** owner (sheet name, lower case, or WORKBOOK) → kind → the parts of that kind it reaches. */
  readonly parts: Map<string, Map<string, Set<string>>>;
  /** Excel tables by name (lower case) → the sheet they sit on. */
  readonly tables: Map<string, { name: string; sheet: string }>;
  /** Worksheet name (lower case) → its features: element names and extension uris. */
  readonly features: Map<string, Map<string, Label>>;
  /** Defined names: "name|sheet" (lower case) → display name. */
  readonly names: Map<string, string>;
  readonly workbookFeatures: Map<string, Label>;
}

class Zip {
  private readonly byLowerName = new Map<string, JSZip.JSZipObject>();
  constructor(zip: JSZip) {
    zip.forEach((path, file) => {
      if (!file.dir) this.byLowerName.set(path.toLowerCase(), file);
    });
  }
  has(part: string): boolean {
    return this.byLowerName.has(part.toLowerCase());
  }
  async text(part: string): Promise<string | undefined> {
    return this.byLowerName.get(part.toLowerCase())?.async('string');
  }
  async bytes(part: string): Promise<Uint8Array | undefined> {
    return this.byLowerName.get(part.toLowerCase())?.async('uint8array');
  }
}

interface Relationship {
  readonly id: string;
  /** Last segment of the type, lower case: "chart", "worksheet", … */
  readonly kind: string;
  readonly target: string;
}

async function relationships(zip: Zip, source: string): Promise<Relationship[]> {
  const xml = await zip.text(source === '' ? '_rels/.rels' : relsPath(source));
  if (!xml) return [];
  const root = parseXml(xml, 1);
  return (root?.children ?? [])
    .filter((r) => r.name === 'relationship' && (r.attrs.TargetMode ?? '').toLowerCase() !== 'external' && r.attrs.Target)
    .map((r) => ({
      id: r.attrs.Id ?? '',
      kind: (r.attrs.Type ?? '').split('/').pop()!.toLowerCase(),
      target: resolveTarget(source, r.attrs.Target!),
    }));
}

const SHEET_KINDS = new Set(['worksheet', 'chartsheet', 'dialogsheet', 'macrosheet', 'xlmacrosheet', 'xlintlmacrosheet']);

async function summarize(bytes: Uint8Array): Promise<PackageSummary> {
  const zip = new Zip(await JSZip.loadAsync(bytes));
  const parts = new Map<string, Map<string, Set<string>>>();
  const record = (owner: string, kind: string, part: string) => {
    const kinds = parts.get(owner) ?? new Map<string, Set<string>>();
    parts.set(owner, kinds);
    const set = kinds.get(kind) ?? new Set<string>();
    kinds.set(kind, set);
    set.add(part.toLowerCase());
  };

  // Everything a part reaches belongs to the same owner (a sheet's drawing, that drawing's charts, …).
  const visited = new Set<string>();
  const walk = async (owner: string, part: string): Promise<void> => {
    const key = `${owner}\u0000${part.toLowerCase()}`;
    if (visited.has(key)) return;
    visited.add(key);
    for (const rel of await relationships(zip, part)) {
      if (!zip.has(rel.target)) continue;
      record(owner, rel.kind, rel.target);
      await walk(owner, rel.target);
    }
  };

  let workbookPart: string | undefined;
  for (const rel of await relationships(zip, '')) {
    if (rel.kind === 'officedocument') workbookPart = rel.target;
    else if (zip.has(rel.target)) {
      record(WORKBOOK, rel.kind, rel.target);
      await walk(WORKBOOK, rel.target);
    }
  }
  const sheets: Sheet[] = [];
  const names = new Map<string, string>();
  const workbookFeatures = new Map<string, Label>();
  if (workbookPart) {
    const root = parseXml((await zip.text(workbookPart)) ?? '', 2);
    const rels = await relationships(zip, workbookPart);
    const byId = new Map(rels.map((r) => [r.id, r]));
    const sheetNodes = root?.children.find((c) => c.name === 'sheets')?.children.filter((c) => c.name === 'sheet') ?? [];
    for (const node of sheetNodes) {
      const rel = byId.get(node.attrs.id ?? '');
      if (node.attrs.name && rel && SHEET_KINDS.has(rel.kind)) sheets.push({ name: node.attrs.name, kind: rel.kind, part: rel.target });
    }
    for (const rel of rels) {
      if (SHEET_KINDS.has(rel.kind) || !zip.has(rel.target)) continue;
      record(WORKBOOK, rel.kind, rel.target);
      await walk(WORKBOOK, rel.target);
    }
    for (const sheet of sheets) await walk(sheet.name.toLowerCase(), sheet.part);
    const definedNames = root?.children.find((c) => c.name === 'definednames')?.children.filter((c) => c.name === 'definedname') ?? [];
    for (const node of definedNames) {
      const name = node.attrs.name ?? '';
      if (!name || name.toLowerCase() === '_xlnm._filterdatabase') continue;
      const local = node.attrs.localSheetId !== undefined ? sheetNodes[Number(node.attrs.localSheetId)]?.attrs.name ?? '' : '';
      names.set(`${name.toLowerCase()}|${local.toLowerCase()}`, local ? `${displayName(name)} (for arket «${local}»)` : displayName(name));
    }
    for (const node of root?.children ?? []) {
      const label = WORKBOOK_ELEMENTS[node.name];
      // An empty <workbookProtection/> (LibreOffice writes one in every file) protects nothing.
      if (label && (Object.keys(node.attrs).length > 0 || node.children.length > 0)) workbookFeatures.set(node.name, label);
    }
  }

  const tables = new Map<string, { name: string; sheet: string }>();
  const features = new Map<string, Map<string, Label>>();
  for (const sheet of sheets) {
    const owner = sheet.name.toLowerCase();
    for (const part of parts.get(owner)?.get('table') ?? []) {
      const root = parseXml((await zip.text(part)) ?? '', 0);
      const name = root?.attrs.displayName ?? root?.attrs.name;
      if (name) tables.set(name.toLowerCase(), { name, sheet: sheet.name });
    }
    if (sheet.kind === 'worksheet') {
      const xml = await zip.text(sheet.part);
      if (xml) features.set(owner, sheetFeatures(withoutSheetData(xml)));
    }
  }
  return { sheets, parts, tables, features, names, workbookFeatures };
}

/** "_xlnm.Print_Area" is what Excel calls the print area; other names as they are. */
function displayName(name: string): string {
  const builtin: Record<string, string> = { '_xlnm.print_area': 'utskriftsområdet', '_xlnm.print_titles': 'utskriftstitlene' };
  return builtin[name.toLowerCase()] ?? `«${name}»`;
}

/** A worksheet's settings that carry user content: its top-level elements and extension uris. */
function sheetFeatures(xml: string): Map<string, Label> {
  const found = new Map<string, Label>();
  const root = parseXml(xml, 3);
  const visit = (node: XmlNode) => {
    if (node.name === 'alternatecontent') {
      const choice = node.children.find((c) => c.name === 'choice') ?? node.children.find((c) => c.name === 'fallback');
      choice?.children.forEach(visit);
      return;
    }
    if (node.name === 'extlst') {
      for (const ext of node.children.filter((c) => c.name === 'ext')) {
        const uri = (ext.attrs.uri ?? '').toLowerCase();
        found.set(`ext:${uri}`, EXTENSION_LABELS[uri] ?? L.extensions);
      }
      return;
    }
    if (REBUILT_ELEMENTS.has(node.name)) return;
    // An empty element says nothing (<headerFooter/> is what some writers put in every sheet).
    if (node.children.length === 0 && (node.name === 'headerfooter' || Object.keys(node.attrs).length === 0)) return;
    found.set(node.name, ELEMENT_LABELS[node.name] ?? { one: `innstillinger i arket («${node.name}»)` });
  };
  root?.children.forEach(visit);
  return found;
}

// ---------------------------------------------------------------------------------------------------

export interface LossOptions {
  /** Sheets the refresh removes on purpose (stale owned tables): their absence is not a loss. */
  readonly removedSheets?: readonly string[];
}

/** What `before` has that `after` lacks, per sheet and for the workbook. Empty: nothing is lost. */
export async function findLosses(before: Uint8Array, after: Uint8Array, options: LossOptions = {}): Promise<Loss[]> {
  const [a, b] = await Promise.all([summarize(before), summarize(after)]);
  const removed = new Set((options.removedSheets ?? []).map((s) => s.toLowerCase()));
  const losses: Loss[] = [];
  const add = (sheet: string | undefined, label: Label, count = 1) => {
    const same = losses.find((l) => l.sheet === sheet && l.label === label);
    if (same) (same as { count: number }).count = Math.max(same.count, count);
    else losses.push({ ...(sheet !== undefined ? { sheet } : {}), label, count });
  };

  const outSheets = new Set(b.sheets.map((s) => s.name.toLowerCase()));
  const lostSheets = new Set<string>();
  for (const sheet of a.sheets) {
    const key = sheet.name.toLowerCase();
    if (outSheets.has(key) || removed.has(key)) continue;
    lostSheets.add(key);
    const what = { chartsheet: 'diagramarket', dialogsheet: 'dialogarket', worksheet: 'arket' }[sheet.kind] ?? 'makroarket';
    add(undefined, { one: `${what} «${sheet.name}»` });
  }

  const sheetName = new Map(a.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  for (const [owner, kinds] of a.parts) {
    if (lostSheets.has(owner)) continue;
    const where = owner === WORKBOOK ? undefined : sheetName.get(owner) ?? owner;
    for (const [kind, set] of kinds) {
      if (REBUILT_KINDS.has(kind)) continue;
      const kept = b.parts.get(owner)?.get(kind)?.size ?? 0;
      if (kept < set.size) add(where, kindLabel(kind), set.size - kept);
    }
  }

  for (const [key, table] of a.tables) {
    if (b.tables.has(key) || isOwnedTableName(table.name) || lostSheets.has(table.sheet.toLowerCase())) continue;
    add(table.sheet, { one: `tabellen «${table.name}»` });
  }

  for (const [owner, features] of a.features) {
    if (lostSheets.has(owner) || removed.has(owner)) continue;
    const kept = b.features.get(owner) ?? new Map<string, Label>();
    for (const [feature, label] of features) if (!kept.has(feature)) add(sheetName.get(owner) ?? owner, label);
  }

  const lostNames = [...a.names].filter(([key]) => !b.names.has(key) && !removed.has(key.slice(key.indexOf('|') + 1))).map(([, name]) => name);
  if (lostNames.length) add(undefined, { one: lostNames.length === 1 ? `navnet ${lostNames[0]}` : `navnene ${joinWords(lostNames)}` });
  for (const [feature, label] of a.workbookFeatures) if (!b.workbookFeatures.has(feature)) add(undefined, label);

  // In the workbook's own order: sheet by sheet, then what belongs to the workbook as a whole.
  const order = new Map(a.sheets.map((s, i) => [s.name, i]));
  const rank = (l: Loss) => (l.sheet === undefined ? a.sheets.length : order.get(l.sheet) ?? a.sheets.length - 0.5);
  const sorted = losses.map((l, i) => ({ l, i })).sort((x, y) => rank(x.l) - rank(y.l) || x.i - y.i).map((x) => x.l);
  const major = sorted.filter((l) => !l.label.minor);
  return major.length ? major : sorted;
}

function phrase(loss: Loss): string {
  return loss.count > 1 && loss.label.many ? `${loss.count} ${loss.label.many}` : loss.label.one;
}


/** One Norwegian line: what would be lost, where, that nothing was written, and what to do instead. */
export function lossMessage(losses: readonly Loss[]): string {
  const groups: string[] = [];
  const workbook = losses.filter((l) => l.sheet === undefined).map(phrase);
  const sheets = [...new Set(losses.filter((l) => l.sheet !== undefined).map((l) => l.sheet!))];
  for (const sheet of sheets) groups.push(`${joinWords(losses.filter((l) => l.sheet === sheet).map(phrase))} på arket «${sheet}»`);
  groups.push(...workbook);
  return (
    `Arbeidsboken har ${joinWords(groups)} som dh ikke kan ta vare på når filen skrives. Ingenting er skrevet. ` +
    'Oppdater tabellene med DH-tillegget i Excel i stedet; det rører bare sine egne tabeller.'
  );}

// ---------------------------------------------------------------------------------------------------
// Parts carried over unchanged. A sensitivity label (Microsoft Purview / MIP) lives in the document's custom
// properties and, in newer Office, in docMetadata/LabelInfo.xml: both describe the file, not its cells, so
// they are copied into the package exceljs wrote instead of making the refresh impossible.

/** Package-level relationship types (last segment, lower case) whose parts are copied over as they are. */
const CARRIED_KINDS = new Set(['custom-properties', 'classificationlabels']);

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Copies the document-level parts exceljs does not write (custom document properties, sensitivity label
 * information) from the file that was read into the package about to be written: the part, its content type
 * and its relationship from the package root. Returns `after` unchanged when there is nothing to copy.
 */
export async function carryOverDocumentParts(before: Uint8Array, after: Uint8Array): Promise<Uint8Array> {
  const sourceZip = new Zip(await JSZip.loadAsync(before));
  const wanted = (await relationships(sourceZip, '')).filter((rel) => CARRIED_KINDS.has(rel.kind) && sourceZip.has(rel.target));
  if (wanted.length === 0) return after;
  const target = await JSZip.loadAsync(after);
  const targetZip = new Zip(target);
  const present = new Set((await relationships(targetZip, '')).map((rel) => rel.kind));
  const rootRels = parseXml((await sourceZip.text('_rels/.rels')) ?? '', 1)?.children ?? [];
  const sourceTypes = (await sourceZip.text('[Content_Types].xml')) ?? '';
  let rels = (await targetZip.text('_rels/.rels')) ?? '';
  let types = (await targetZip.text('[Content_Types].xml')) ?? '';
  let copied = 0;
  for (const rel of wanted) {
    if (present.has(rel.kind) || targetZip.has(rel.target)) continue;
    const content = await sourceZip.bytes(rel.target);
    const node = rootRels.find((r) => r.attrs.Id === rel.id);
    if (!content || !node || !rels.includes('</Relationships>') || !types.includes('</Types>')) continue;
    target.file(rel.target, content);
    let id = 'rIdDh' + (copied + 1);
    while (rels.includes(`Id="${id}"`)) id += 'x';
    rels = rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${escapeAttribute(node.attrs.Type ?? '')}" Target="/${escapeAttribute(rel.target)}"/></Relationships>`);
    const override = new RegExp(`<Override[^>]*PartName="/${rel.target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`, 'i').exec(sourceTypes)?.[0];
    if (override && !types.toLowerCase().includes(`partname="/${rel.target.toLowerCase()}"`)) types = types.replace('</Types>', `${override}</Types>`);
    copied++;
  }
  if (copied === 0) return after;
  target.file('_rels/.rels', rels);
  target.file('[Content_Types].xml', types);
  return target.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
