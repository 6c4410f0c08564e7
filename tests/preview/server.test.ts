import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/start.js';

describe('npm start: the preview server', () => {
  it('serves dist/preview on localhost and nothing outside it', async () => {
    const server = await startServer({ port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/localhost:\d+\/$/);
      const index = await fetch(server.url.replace('localhost', '127.0.0.1'));
      expect(index.status).toBe(200);
      expect(index.headers.get('content-type')).toMatch(/text\/html/);
      const html = await index.text();
      expect(html).toContain('DH-forhåndsvisning');
      const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(asset).toBeDefined();
      expect((await fetch(server.url.replace('localhost', '127.0.0.1') + asset)).status).toBe(200);
      const escape = await fetch(server.url.replace('localhost', '127.0.0.1') + '%2e%2e/package.json');
      expect(escape.status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('tries the next port when the first is busy', async () => {
    const blocker = createServer();
    const busy = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    try {
      const server = await startServer({ port: busy, attempts: 5 });
      expect(server.port).toBeGreaterThan(busy);
      await server.close();
    } finally {
      blocker.close();
    }
  });
});
