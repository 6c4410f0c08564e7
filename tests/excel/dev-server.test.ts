// The sideload dev server (addin-excel/serve.ts) serves dist/excel and nothing else (issue 16): paths are
// resolved and must stay inside the root with a separator, a malformed URI is 400 and the server lives on,
// no wildcard CORS, loopback only, and the task pane page carries a Content-Security-Policy.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASKPANE_CSP } from '../../addin-excel/dev/csp.js';
import { fileInside, staticHandler } from '../../addin-excel/dev/static-handler.js';

const base = mkdtempSync(join(tmpdir(), 'dh-serve-'));
const root = join(base, 'excel');
let server: Server;
let port = 0;

beforeAll(async () => {
  mkdirSync(root);
  mkdirSync(join(base, 'excel-secret'));
  writeFileSync(join(base, 'excel-secret', 'secret.txt'), 'hemmelig');
  writeFileSync(join(base, 'outside.txt'), 'utenfor');
  writeFileSync(join(root, 'taskpane.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'taskpane.js'), 'console.log(1)');
  symlinkSync(join(base, 'outside.txt'), join(root, 'lenke.txt'));
  server = createServer(staticHandler(root));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server?.close();
  rmSync(base, { recursive: true, force: true });
});

/** A raw GET: the path goes on the wire exactly as written (no client-side normalisation of ../). */
function get(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('dev server handler', () => {
  it('serves the task pane with its CSP and without wildcard CORS', async () => {
    const r = await get('/');
    expect(r.status).toBe(200);
    expect(r.headers['content-security-policy']).toBe(TASKPANE_CSP);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
    expect((await get('/taskpane.js')).body).toBe('console.log(1)');
  });

  it.each(['/..%2fexcel-secret%2fsecret.txt', '/../excel-secret/secret.txt', '/%2e%2e/outside.txt', '/..%5coutside.txt', '/lenke.txt', '/taskpane.html%00.js'])('%s is not served', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(r.body).not.toMatch(/hemmelig|utenfor/);
  });

  it('a malformed URI is 400 and the server keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/taskpane.js')).status).toBe(200);
  });

  it('fileInside needs a separator after the root, not just its prefix', () => {
    expect(fileInside(root, '/../excel-secret/secret.txt')).toBeUndefined();
    expect(fileInside(root, '/taskpane.js')).toBe(resolve(root, 'taskpane.js'));
    expect(() => fileInside(root, '/%E0%A4%A')).toThrow(URIError);
  });
});

describe('serve.ts', () => {
  const source = readFileSync(resolve(import.meta.dirname, '../../addin-excel/serve.ts'), 'utf8');
  it('listens on loopback addresses only', () => {
    const listens = [...source.matchAll(/\.listen\(\s*port\s*,\s*'([^']+)'/g)].map((m) => m[1]);
    expect(listens.length).toBeGreaterThan(0);
    expect(listens.every((host) => host === '127.0.0.1' || host === '::1')).toBe(true);
    expect(source).not.toMatch(/\.listen\(\s*port\s*[,)]\s*(\(|\))/);
    expect(source).not.toMatch(/access-control-allow-origin/i);
  });
});

describe('task pane CSP', () => {
  const page = resolve(import.meta.dirname, '../../dist/excel/taskpane.html');
  it.skipIf(!existsSync(page))('the built page carries the policy before any script, and allows every script it loads', () => {
    const html = readFileSync(page, 'utf8');
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    expect(meta).toBeGreaterThan(0);
    expect(meta).toBeLessThan(html.indexOf('<script'));
    expect(html).toContain(TASKPANE_CSP);
    const scriptSrc = TASKPANE_CSP.split('; ').find((d) => d.startsWith('script-src'))!.split(' ').slice(1);
    for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) {
      const allowed = /^https?:/.test(src!) ? scriptSrc.some((s) => src!.startsWith(s)) : scriptSrc.includes("'self'");
      expect(allowed, src).toBe(true);
    }
    expect(TASKPANE_CSP).not.toMatch(/\*|'unsafe-eval'/);
  });
});
