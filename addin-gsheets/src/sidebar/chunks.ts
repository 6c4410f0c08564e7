// The sidebar's module loader. esbuild splits the sidebar into chunks as it does the Excel task pane (views other
// than the first load when their tab is opened), but Apps Script serves one HTML file per page and nothing else
// by URL. scripts/build-gsheets.ts therefore turns every chunk into a call `define(name, factory)`: the chunks of
// the first load are inline in sidebar.html, the others are in project files (sidebar_chunk_N.html) whose text
// load() fetches through google.script.run (dhSidebarChunks) and runs as a <script> element — the same kind of
// inline script as the page's own, so no eval, Blob URL or module URL is needed in HtmlService's iframe sandbox.

/** A chunk's code: CommonJS-shaped (esbuild's ESM → CJS), with the loader's own import() as `load`. */
export type ChunkFactory = (module: { exports: unknown }, exports: unknown, require: (name: string) => unknown, load: (name: string) => Promise<unknown>) => void;

export interface ChunkManifest {
  /** Per chunk name (./x.js): the project file holding it when it is not in sidebar.html, and every chunk it needs at once. */
  readonly [name: string]: { readonly file?: string; readonly deps: readonly string[] };
}

export interface ChunkLoader {
  define(name: string, factory: ChunkFactory): void;
  require(name: string): unknown;
  load(name: string): Promise<unknown>;
}

/**
 * @param fetchTexts the project files' texts, in order (google.script.run.dhSidebarChunks)
 * @param run runs one file's text (it calls define for its chunk)
 */
export function createChunkLoader(manifest: ChunkManifest, fetchTexts: (files: string[]) => Promise<string[]>, run: (text: string) => void): ChunkLoader {
  const factories = new Map<string, ChunkFactory>();
  const modules = new Map<string, { exports: unknown }>();
  const pending = new Map<string, Promise<unknown>>();

  const require = (name: string): unknown => {
    const known = modules.get(name);
    if (known) return known.exports;
    const factory = factories.get(name);
    if (!factory) throw new Error(`Delen ${name} av DH-panelet er ikke lastet.`);
    // Registered before it runs, as CommonJS does, so a cycle sees the exports made so far.
    const module = { exports: {} as unknown };
    modules.set(name, module);
    factory(module, module.exports, require, load);
    return module.exports;
  };

  /** Per project file: its fetch and run, shared by every load that needs it (and kept once it succeeded). */
  const files = new Map<string, Promise<void>>();

  const fetchFiles = (wanted: readonly string[]): Promise<void>[] => {
    const fresh = wanted.filter((file) => !files.has(file));
    if (fresh.length) {
      const batch = fetchTexts(fresh).then((texts) => {
        if (!Array.isArray(texts) || texts.length !== fresh.length) throw new Error('Serveren sendte ikke alle delene av DH-panelet.');
        for (const text of texts) run(text);
      });
      for (const file of fresh) files.set(file, batch);
      // A failed fetch (no network, server error) may be tried again when the view is opened again.
      batch.catch(() => fresh.forEach((file) => files.delete(file)));
    }
    return wanted.map((file) => files.get(file)!);
  };

  const load = (name: string): Promise<unknown> => {
    let promise = pending.get(name);
    if (promise) return promise;
    promise = (async () => {
      const needed = [name, ...(manifest[name]?.deps ?? [])].filter((chunk) => !factories.has(chunk));
      const wanted = needed.map((chunk) => manifest[chunk]?.file);
      if (wanted.some((file) => file === undefined)) throw new Error(`DH-panelet kjenner ikke delen ${name}.`);
      // One file may hold several chunks, and two loads at once may need the same file: each is fetched once.
      await Promise.all(fetchFiles([...new Set(wanted as string[])]));
      const missing = needed.filter((chunk) => !factories.has(chunk));
      if (missing.length) throw new Error(`Delene ${missing.join(', ')} av DH-panelet kunne ikke kjøres.`);
      return require(name);
    })();
    promise.catch(() => pending.delete(name));
    pending.set(name, promise);
    return promise;
  };

  return { define: (name, factory) => void factories.set(name, factory), require, load };
}
