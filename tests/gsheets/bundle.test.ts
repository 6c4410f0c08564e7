// The built files in dist/gsheets: one global-scope Code.js with a generated DH_<NAME> per catalog entry,
// a self-contained sidebar.html, the least-privilege manifest, and no HyperFormula anywhere.
import { readdirSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, sheetsName } from '../../core/index.js';
import { SERVER_FUNCTIONS, SIDEBAR_CHUNK_FILE, TRIGGER_FUNCTIONS } from '../../addin-gsheets/src/shared/protocol.js';
import { SIDEBAR_GZIP_BUDGET, sidebarInitialGzip } from '../../scripts/build-gsheets.js';
import { DIST, distFile, distHtmlFiles, ensureBuilt, loadAddon, ROOT } from './helpers.js';
import { workerScriptOf } from '../../addin-gsheets/src/sidebar/panel-worker.js';

beforeAll(ensureBuilt);

/** The JSDoc block directly above `function NAME(`. */
function jsdocOf(code: string, name: string): string | undefined {
  const at = code.indexOf(`\nfunction ${name}(`);
  if (at < 0) return undefined;
  const end = code.lastIndexOf('*/', at);
  const start = code.lastIndexOf('/**', end);
  if (start < 0 || code.slice(end + 2, at).trim() !== '') return undefined;
  return code.slice(start, end + 2);
}

describe('dist/gsheets/Code.js', () => {
  it.each(CATALOG.map((e) => [sheetsName(e), e] as const))('%s is a top-level function with @customfunction JSDoc', (name, entry) => {
    const code = distFile('Code.js');
    expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    const doc = jsdocOf(code, name);
    expect(doc, `JSDoc over ${name}`).toBeDefined();
    expect(doc).toContain('@customfunction');
    expect(doc).toContain(entry.description);
    for (const p of entry.params) {
      expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]? ${p.optional ? '\\(valgfri\\) ' : ''}`));
      expect(doc).toContain(p.description);
    }
    expect(doc).toMatch(/@return \{[^}]+\} /);
    // the stub delegates to __DH under another name: it can never call itself
    expect(code).toContain(`function ${name}(${entry.params.map((p) => p.name).join(', ')}) {\n  return globalThis.__DH.call(${JSON.stringify(entry.name)}, `);
  });

  it('has no DH_ function that is not in the catalog (the list is generated, not hand-kept)', () => {
    const declared = [...distFile('Code.js').matchAll(/^function (DH_[A-Z0-9_]+)\(/gm)].map((m) => m[1]);
    expect(declared.sort()).toEqual(CATALOG.map(sheetsName).sort());
  });

  it('declares onOpen, onInstall, showSidebar and every sidebar server function at top level', () => {
    const code = distFile('Code.js');
    for (const name of [...Object.keys(TRIGGER_FUNCTIONS), ...Object.keys(SERVER_FUNCTIONS)]) {
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('loads in a bare Apps Script global scope and exposes every function', () => {
    const { runtime } = loadAddon();
    const g = runtime.newExecution();
    for (const entry of CATALOG) expect(typeof g[sheetsName(entry)]).toBe('function');
    for (const name of [...Object.keys(TRIGGER_FUNCTIONS), ...Object.keys(SERVER_FUNCTIONS)]) expect(typeof g[name]).toBe('function');
    expect(typeof g.__DH.call).toBe('function');
    expect(g.__DH.buildId).toMatch(/^[0-9a-f]{12}$/);
  });

  it('touches no Apps Script service while loading (onOpen may run in AuthMode.NONE)', () => {
    const { fake, runtime } = loadAddon();
    runtime.newExecution();
    expect([...fake.counts.keys()]).toEqual([]);
  });
});

describe('dist/gsheets', () => {
  it('contains exactly Code.js, sidebar.html, panel-worker.html, appsscript.json and the sidebar\'s on-demand parts (sidebar_chunk_N.html)', () => {
    const files = readdirSync(DIST);
    const chunks = files.filter((f) => SIDEBAR_CHUNK_FILE.test(f.replace(/\.html$/, '')) && f.endsWith('.html'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(files.filter((f) => !chunks.includes(f)).sort()).toEqual(['Code.js', 'appsscript.json', 'panel-worker.html', 'sidebar.html']);
  });

  it('panel-worker.html is the panel worker in one <script>, and dhSidebarChunks gives it as written', () => {
    const html = distFile('panel-worker.html');
    const script = workerScriptOf(html);
    expect(() => new Script(script)).not.toThrow();
    expect(script).toContain('check-register');
    const { runtime } = loadAddon();
    expect(runtime.execute((g) => g.dhSidebarChunks(['panel-worker']))).toEqual([html]);
    expect(() => runtime.execute((g) => g.dhSidebarChunks(['sidebar']))).toThrow(/ikke en del av DH-panelet/);
  });

  it('contains no HyperFormula (GPL-3.0)', () => {
    for (const file of readdirSync(DIST)) {
      const text = readFileSync(join(DIST, file), 'utf8');
      expect(text.includes('hyperformula'), file).toBe(false);
      expect(text.includes('HyperFormula'), file).toBe(false);
      expect(/hyperformula/i.test(text), file).toBe(false);
    }
  });

  it('appsscript.json: V8, Europe/Oslo, Stackdriver logging and exactly the least-privilege scopes', () => {
    const manifest = JSON.parse(distFile('appsscript.json'));
    expect(manifest.timeZone).toBe('Europe/Oslo');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    // No SSB import in this add-on, so no script.external_request (SPEC §8).
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(JSON.parse(readFileSync(join(ROOT, 'addin-gsheets/appsscript.json'), 'utf8'))).toEqual(manifest);
  });

  it('sidebar.html is one self-contained file: inline script and style, no local src/href', () => {
    const html = distFile('sidebar.html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<div id="root"></div>');
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    expect(html).not.toMatch(/<link[^>]*\shref\s*=/i);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]!.length).toBeGreaterThan(10_000);
    // the panel and its Sheets host are in it
    expect(html).toContain('google.script.run finnes ikke');
    expect(html).toContain('dhWriteOwnedTable');
  });

  it('the sidebar\'s first load (all of sidebar.html, gzipped) is within budget', () => {
    const html = distFile('sidebar.html');
    const gzip = sidebarInitialGzip(html);
    expect(gzip).toBe(gzipSync(html, { level: 9 }).length);
    console.log(`sidefeltet, første last: ${(gzip / 1024).toFixed(1)} kB gzip`);
    expect(gzip).toBeLessThanOrEqual(SIDEBAR_GZIP_BUDGET);
  });

  it('views other than the first are in on-demand files, not in sidebar.html', () => {
    const html = distFile('sidebar.html');
    const chunks = Object.entries(distHtmlFiles()).filter(([name]) => name !== 'sidebar.html');
    expect(html).toContain('view-fordeling');
    for (const view of ['view-styremote', 'view-register', 'view-gevinst']) {
      expect(html, view).not.toContain(view);
      expect(chunks.filter(([, text]) => text.includes(view)).length, view).toBe(1);
    }
  });

  it('dhSidebarChunks gives the on-demand parts by name and refuses any other file', () => {
    const { runtime } = loadAddon();
    const files = Object.keys(distHtmlFiles()).filter((f) => f !== 'sidebar.html').map((f) => f.replace(/\.html$/, ''));
    const texts = runtime.execute((g) => g.dhSidebarChunks(files)) as string[];
    expect(texts).toEqual(files.map((f) => readFileSync(join(DIST, `${f}.html`), 'utf8')));
    for (const bad of ['sidebar', 'Code', 'sidebar_chunk_x', '../sidebar_chunk_1', 42]) {
      expect(() => runtime.execute((g) => g.dhSidebarChunks([bad])), String(bad)).toThrow(/er ikke en del av DH-panelet/);
    }
  });

  it('.clasp.json.example points clasp at dist/gsheets', () => {
    const clasp = JSON.parse(readFileSync(join(ROOT, 'addin-gsheets/.clasp.json.example'), 'utf8'));
    expect(clasp).toEqual({ scriptId: '<din-script-id>', rootDir: 'dist/gsheets' });
  });
});

describe('menu and sidebar', () => {
  // "If you intend to publish the add-on, always use Ui.createAddonMenu" (developers.google.com, "Custom menus for
  // Editor add-ons"): the fake moves a createMenu menu under the add-on menu when published, as Sheets does, so
  // only a check of which call was made can tell.
  it('onOpen always builds the add-on menu (never createMenu): «Åpne DH-panelet» and «Regn ut DH-formler på nytt»', () => {
    const { fake, runtime } = loadAddon();
    runtime.execute((g) => g.onOpen({ authMode: 'NONE' }), 'simpleTrigger');
    expect(fake.ui.topLevelMenus).toEqual([]);
    expect(fake.ui.menus).toHaveLength(1);
    expect(fake.ui.menus[0]!.caption).toBeNull();
    expect(fake.ui.menus[0]!.items).toEqual([
      { caption: 'Åpne DH-panelet', functionName: 'showSidebar' },
      { caption: 'Regn ut DH-formler på nytt', functionName: 'recalculateDhFormulas' },
    ]);
    // onOpen touches only the UI service (it may run in AuthMode.NONE)
    expect([...fake.counts.keys()].every((k) => k === 'SpreadsheetApp.getUi')).toBe(true);
  });

  it('published or container-bound, onInstall gives the same add-on menu', () => {
    for (const addonOnly of [true, false]) {
      const { fake, runtime } = loadAddon();
      fake.ui.addonOnly = addonOnly;
      runtime.execute((g) => g.onInstall({}), 'simpleTrigger');
      expect(fake.ui.topLevelMenus).toEqual([]);
      expect(fake.ui.menus[0]!.caption).toBeNull();
      expect(fake.ui.menus[0]!.items[0]).toEqual({ caption: 'Åpne DH-panelet', functionName: 'showSidebar' });
    }
  });

  it('showSidebar serves sidebar.html titled DH', () => {
    const { fake, runtime } = loadAddon();
    runtime.execute((g) => g.showSidebar());
    expect(fake.ui.sidebars).toHaveLength(1);
    expect(fake.ui.sidebars[0]!.getTitle()).toBe('DH');
    expect(fake.ui.sidebars[0]!.getContent()).toBe(distFile('sidebar.html'));
  });
});
