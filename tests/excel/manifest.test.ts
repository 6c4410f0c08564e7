// manifest/manifest.xml (and the built dist/excel/manifest.xml), offline: structure, resids, URLs → built
// files, and the XSD schema with xmllint against the patched copy in tests/fixtures/office-manifest-xsd/
// (see its README: blockers 1–3 fixed, Runtimes added, nothing loosened). Broken manifests must fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_BASE_URL, manifestFor, MANIFEST_SOURCE } from '../../scripts/build-excel.js';
import { DIST_EXCEL, ensureExcelBuild, ROOT } from './helpers.js';

// ---------------------------------------------------------------------------------------------------
// A tiny XML reader: enough for a manifest (elements, attributes, text; comments and declarations skipped).

interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  readonly parent?: XmlElement;
}

function decode(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function parseXml(source: string): XmlElement {
  const xml = source.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '' };
  let current = root;
  const tag = /<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (m[5] !== undefined) {
      current.text += decode(m[5]).trim();
      continue;
    }
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      if (current.name !== name) throw new Error(`XML: </${name}> lukker <${current.name}>`);
      current = current.parent!;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of (rawAttrs ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]!] = decode(a[2] ?? a[3] ?? '');
    const element: XmlElement = { name: name!, attrs, children: [], text: '', parent: current };
    current.children.push(element);
    if (!selfClosing) current = element;
  }
  if (current !== root) throw new Error(`XML: <${current.name}> er ikke lukket`);
  return root.children[0]!;
}

function all(element: XmlElement, predicate: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (predicate(element)) out.push(element);
  for (const child of element.children) all(child, predicate, out);
  return out;
}

const local = (name: string) => name.replace(/^.*:/, '');
const byName = (root: XmlElement, name: string) => all(root, (e) => local(e.name) === name);
const one = (root: XmlElement, name: string) => {
  const found = byName(root, name);
  expect(found, `<${name}>`).toHaveLength(1);
  return found[0]!;
};
const child = (e: XmlElement, name: string) => e.children.find((c) => local(c.name) === name);

// ---------------------------------------------------------------------------------------------------

const RESOURCE_KIND: Record<string, string> = { Images: 'Image', Urls: 'Url', ShortStrings: 'ShortString', LongStrings: 'LongString' };

/** Resources by id → { kind, value }. */
function resources(root: XmlElement): Map<string, { kind: string; value: string }> {
  const out = new Map<string, { kind: string; value: string }>();
  const res = one(root, 'Resources');
  for (const group of res.children) {
    const kind = RESOURCE_KIND[local(group.name)];
    expect(kind, `ukjent ressursgruppe ${group.name}`).toBeDefined();
    for (const item of group.children) {
      const id = item.attrs.id!;
      expect(out.has(id), `ressurs-id ${id} er brukt to ganger`).toBe(false);
      out.set(id, { kind: kind!, value: item.attrs.DefaultValue! });
    }
  }
  return out;
}

/** The resource kind an element's resid must point at. */
function expectedKind(e: XmlElement): string {
  const name = local(e.name);
  if (name === 'Image') return 'Image';
  if (['SourceLocation', 'FunctionFile', 'LearnMoreUrl', 'Runtime'].includes(name)) return 'Url';
  if (name === 'Description') return 'LongString';
  return 'ShortString'; // Namespace, Title, Label
}

function checkManifest(xml: string, base: string): void {
  const root = parseXml(xml);
  expect(local(root.name)).toBe('OfficeApp');
  expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
  expect(one(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  expect(one(root, 'Version').text).toBe('1.0.0.0');
  expect(one(root, 'DefaultLocale').text).toBe('nb-NO');
  expect(one(root, 'Permissions').text).toBe('ReadWriteDocument');
  expect(child(root, 'DisplayName')!.attrs.DefaultValue).toMatch(/Digitale Helgeland/);
  expect(child(root, 'Description')!.attrs.DefaultValue).toMatch(/Kostnadsfordeling.*og/);
  expect(child(child(root, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
  const sets = Object.fromEntries(byName(root, 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]));
  // ExcelApi's version is the one the code needs (tests/excel/startup.test.ts derives it from the code).
  expect(sets).toEqual({ ExcelApi: expect.stringMatching(/^1\.\d+$/), SharedRuntime: '1.1', CustomFunctionsRuntime: '1.1' });

  // Every resid resolves, to a resource of the right kind; every resource is used.
  const res = resources(root);
  const refs = all(root, (e) => e.attrs.resid !== undefined);
  expect(refs.length).toBeGreaterThan(10);
  const used = new Set<string>();
  for (const ref of refs) {
    const target = res.get(ref.attrs.resid!);
    expect(target, `resid «${ref.attrs.resid}» på <${ref.name}> finnes ikke i Resources`).toBeDefined();
    expect(target!.kind, `resid «${ref.attrs.resid}» på <${ref.name}>`).toBe(expectedKind(ref));
    expect(ref.attrs.resid!.length).toBeLessThanOrEqual(32);
    used.add(ref.attrs.resid!);
  }
  expect([...res.keys()].filter((id) => !used.has(id)), 'ubrukte ressurser').toEqual([]);

  // Custom functions in the shared runtime: namespace DH; page = the runtime = the task pane = FunctionFile.
  const cf = all(root, (e) => local(e.name) === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions');
  expect(cf).toHaveLength(1);
  const sourceOf = (name: string) => child(child(cf[0]!, name)!, 'SourceLocation')!.attrs.resid!;
  expect(res.get(child(cf[0]!, 'Namespace')!.attrs.resid!)!.value).toBe('DH');
  expect(res.get(sourceOf('Script'))!.value).toBe(`${base}functions.js`);
  expect(res.get(sourceOf('Metadata'))!.value).toBe(`${base}functions.json`);
  const runtime = one(root, 'Runtime');
  expect(runtime.attrs.lifetime).toBe('long');
  expect(sourceOf('Page')).toBe(runtime.attrs.resid);
  expect(one(root, 'FunctionFile').attrs.resid).toBe(runtime.attrs.resid);
  const action = all(root, (e) => local(e.name) === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane');
  expect(action).toHaveLength(1);
  expect(child(action[0]!, 'TaskpaneId')!.text).toBe('ButtonId1');
  expect(child(action[0]!, 'SourceLocation')!.attrs.resid).toBe(runtime.attrs.resid);
  expect(res.get(runtime.attrs.resid!)!.value).toBe(`${base}taskpane.html`);
  expect(child(one(root, 'DefaultSettings'), 'SourceLocation')!.attrs.DefaultValue).toBe(`${base}taskpane.html`);

  // Every URL uses the one base and names a file the build wrote.
  const urls = [
    ...all(root, (e) => /^https?:/.test(e.attrs.DefaultValue ?? '')).map((e) => e.attrs.DefaultValue!),
    ...[...res.values()].filter((r) => r.kind === 'Url' || r.kind === 'Image').map((r) => r.value),
  ];
  expect(urls.length).toBeGreaterThan(8);
  for (const url of urls) {
    expect(url.startsWith(base), `${url} bruker ikke grunnadressen ${base}`).toBe(true);
    const file = resolve(DIST_EXCEL, url.slice(base.length).split(/[?#]/)[0]!);
    expect(existsSync(file), `${url} → ${file} finnes ikke i dist/excel`).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------------

const XSD = resolve(ROOT, 'tests/fixtures/office-manifest-xsd/OfficeAppManifestV1_1.xsd');
const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
const hasXmllint = !xmllint.error && xmllint.status === 0;
if (!hasXmllint) console.warn('HOPPER OVER skjemavalidering av manifestet: xmllint finnes ikke (apt-get install libxml2-utils; CI installerer det).');

function validate(xml: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dh-manifest-'));
  const file = join(dir, 'manifest.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

let source: string;
let built: string;

beforeAll(async () => {
  await ensureExcelBuild();
  source = readFileSync(MANIFEST_SOURCE, 'utf8');
  built = readFileSync(resolve(DIST_EXCEL, 'manifest.xml'), 'utf8');
});

describe('Excel manifest (offline)', () => {
  it('manifest/manifest.xml: ids resolve, URLs map to built files, namespace DH, least privilege, nb-NO', () => {
    checkManifest(source, DEV_BASE_URL);
  });

  it('dist/excel/manifest.xml is the source with its base URL (DH_BASE_URL) applied', () => {
    const base = /<SourceLocation DefaultValue="(https:\/\/[^"]*?)taskpane\.html"/.exec(built)![1]!;
    expect(built).toBe(manifestFor(base, source));
    checkManifest(built, base);
  });

  it('the base URL is written once and rewritten everywhere', () => {
    const moved = manifestFor('https://dh.example.no/tillegg/', source);
    expect(moved).not.toContain('localhost');
    expect(moved.match(/https:\/\/dh\.example\.no\/tillegg\//g)!.length).toBe(source.split(DEV_BASE_URL).length - 1);
  });

  it('the built task pane page loads functions.js, commands.js and taskpane.js from dist/excel', () => {
    const html = readFileSync(resolve(DIST_EXCEL, 'taskpane.html'), 'utf8');
    for (const script of ['functions.js', 'commands.js', 'taskpane.js']) {
      expect(html).toContain(`src="${script}"`);
      expect(existsSync(resolve(DIST_EXCEL, script))).toBe(true);
    }
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });

  it('icons are PNGs of the sizes the manifest names', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(resolve(DIST_EXCEL, `assets/icon-${size}.png`));
      expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
});

describe.skipIf(!hasXmllint)('Excel manifest against the XSD (xmllint)', () => {
  it('manifest/manifest.xml and dist/excel/manifest.xml validate', () => {
    for (const xml of [source, built]) {
      const result = validate(xml);
      expect(result.output).toMatch(/validates/);
      expect(result.ok, result.output).toBe(true);
    }
  });

  const broken: [string, (xml: string) => string, RegExp][] = [
    ['an invalid Permissions value', (x) => x.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>'), /Permissions/],
    ['a bad GUID', (x) => x.replace(/<Id>[^<]+<\/Id>/, '<Id>ikke-en-guid</Id>'), /Id/],
    ['a resid longer than 32 characters', (x) => x.split('"Taskpane.Url"').join('"Taskpane.Url.Som.Er.Altfor.Lang.X"'), /attribute 'resid': \[facet 'maxLength'\]/],
    ['a Runtime lifetime that does not exist', (x) => x.replace('lifetime="long"', 'lifetime="forever"'), /lifetime/],
    ['a CustomFunctions extension point without <Page>', (x) => x.replace(/<Page>[\s\S]*?<\/Page>/, ''), /Expected is .*Page/],
    ['a five-part Version', (x) => x.replace('<Version>1.0.0.0</Version>', '<Version>1.0.0.0.0</Version>'), /Version/],
    ['a bad DefaultLocale', (x) => x.replace('<DefaultLocale>nb-NO</DefaultLocale>', '<DefaultLocale>nb_NO</DefaultLocale>'), /DefaultLocale/],
  ];
  for (const [what, breakIt, message] of broken) {
    it(`rejects a manifest with ${what}`, () => {
      const xml = breakIt(source);
      expect(xml).not.toBe(source);
      const result = validate(xml);
      expect(result.ok, `skulle feilet: ${what}`).toBe(false);
      expect(result.output).toMatch(message);
      expect(result.output).toMatch(/fails to validate/);
    });
  }
});
