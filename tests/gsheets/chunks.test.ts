// The sidebar's chunk loader (addin-gsheets/src/sidebar/chunks.ts) without a browser: which project files it asks
// the server for, in which order chunks run, and what a failed or incomplete fetch does.
import { describe, expect, it } from 'vitest';
import { createChunkLoader, type ChunkFactory, type ChunkLoader } from '../../addin-gsheets/src/sidebar/chunks.js';

/** A loader whose "project files" hold factories; run() defines the chunk a file holds. */
function setup(files: Record<string, { name: string; factory: ChunkFactory }[]>, manifest: Parameters<typeof createChunkLoader>[0]) {
  const fetched: string[][] = [];
  let fail = false;
  let loader: ChunkLoader;
  const fetchTexts = async (names: string[]) => {
    fetched.push(names);
    if (fail) throw new Error('nettverket er borte');
    return names.map((n) => n);
  };
  loader = createChunkLoader(manifest, fetchTexts, (text) => {
    for (const chunk of files[text] ?? []) loader.define(chunk.name, chunk.factory);
  });
  return { loader, fetched, failNext: (value: boolean) => (fail = value) };
}

describe('createChunkLoader', () => {
  const order: string[] = [];
  const shared: ChunkFactory = (module) => {
    order.push('shared');
    module.exports = { answer: 42 };
  };
  const view: ChunkFactory = (module, _exports, require) => {
    order.push('view');
    const dep = require('./shared.js') as { answer: number };
    module.exports = { View: `view ${dep.answer}` };
  };
  const manifest = {
    './main.js': { deps: [] },
    './view.js': { file: 'sidebar_chunk_2', deps: ['./shared.js'] },
    './shared.js': { file: 'sidebar_chunk_1', deps: [] },
    './other.js': { file: 'sidebar_chunk_3', deps: ['./shared.js'] },
  };
  const files = { sidebar_chunk_1: [{ name: './shared.js', factory: shared }], sidebar_chunk_2: [{ name: './view.js', factory: view }] };

  it('fetches a chunk and the chunks it needs in one call, runs them once, and never fetches them again', async () => {
    order.length = 0;
    const { loader, fetched } = setup(files, manifest);
    await expect(loader.load('./view.js')).resolves.toEqual({ View: 'view 42' });
    expect(fetched).toEqual([['sidebar_chunk_2', 'sidebar_chunk_1']]);
    expect(order).toEqual(['view', 'shared']);
    await loader.load('./view.js');
    expect(fetched).toHaveLength(1);
    expect(order).toEqual(['view', 'shared']);
  });

  it('asks only for what is not there yet (a chunk already inline in sidebar.html is never fetched)', async () => {
    const { loader, fetched } = setup(files, manifest);
    loader.define('./shared.js', shared);
    await loader.load('./view.js');
    expect(fetched).toEqual([['sidebar_chunk_2']]);
  });

  it('a file holding several chunks is asked for once', async () => {
    const oneFile = { './view.js': { file: 'sidebar_chunk_1', deps: ['./shared.js'] }, './shared.js': { file: 'sidebar_chunk_1', deps: [] } };
    const { loader, fetched } = setup({ sidebar_chunk_1: [...files.sidebar_chunk_1, ...files.sidebar_chunk_2] }, oneFile);
    await expect(loader.load('./view.js')).resolves.toEqual({ View: 'view 42' });
    expect(fetched).toEqual([['sidebar_chunk_1']]);
  });

  it('two loads at once that need the same file fetch it once', async () => {
    const oneFile = { './view.js': { file: 'sidebar_chunk_1', deps: ['./shared.js'] }, './shared.js': { file: 'sidebar_chunk_1', deps: [] } };
    const { loader, fetched } = setup({ sidebar_chunk_1: [...files.sidebar_chunk_1, ...files.sidebar_chunk_2] }, oneFile);
    const [a, b] = await Promise.all([loader.load('./view.js'), loader.load('./shared.js')]);
    expect(a).toEqual({ View: 'view 42' });
    expect(b).toEqual({ answer: 42 });
    expect(fetched).toEqual([['sidebar_chunk_1']]);
  });

  it('a failed fetch rejects with a Norwegian message and may be tried again', async () => {
    const { loader, fetched, failNext } = setup(files, manifest);
    failNext(true);
    await expect(loader.load('./view.js')).rejects.toThrow('nettverket er borte');
    failNext(false);
    await expect(loader.load('./view.js')).resolves.toEqual({ View: 'view 42' });
    expect(fetched).toHaveLength(2);
  });

  it('refuses a chunk the manifest does not know, and one whose file did not define it', async () => {
    const { loader } = setup(files, manifest);
    await expect(loader.load('./nowhere.js')).rejects.toThrow('DH-panelet kjenner ikke delen ./nowhere.js');
    await expect(loader.load('./other.js')).rejects.toThrow('./other.js av DH-panelet kunne ikke kjøres');
    expect(() => loader.require('./other.js')).toThrow('er ikke lastet');
  });
});
