// The request handler of the sideload dev server (addin-excel/serve.ts), kept apart so tests can run it on
// plain http: it serves files under one root and nothing else, answers a malformed URL with 400, sends no
// wildcard CORS header, and gives the task pane page its Content-Security-Policy.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { TASKPANE_CSP } from './csp.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

/**
 * The file a URL path names inside `root`, or undefined. The decoded path is resolved and must stay inside
 * the root with a separator after it (a plain prefix test lets /dist/excel-secret through for /dist/excel),
 * also after symbolic links are followed. Throws URIError for a malformed percent-encoding.
 */
export function fileInside(root: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const file = resolve(base, `.${sep}${decoded === '/' ? 'taskpane.html' : decoded}`);
  const inside = (p: string, b: string) => p.startsWith(b.endsWith(sep) ? b : b + sep);
  if (!inside(file, base)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  if (!inside(realpathSync(file), realpathSync(base))) return undefined;
  return file;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' }).end(text);
}

export function staticHandler(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Bare GET og HEAD');
    let file: string | undefined;
    try {
      file = fileInside(root, new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return plain(res, 400, 'Ugyldig adresse');
    }
    if (!file) return plain(res, 404, 'Finnes ikke');
    const ext = extname(file);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (ext === '.html') headers['content-security-policy'] = TASKPANE_CSP;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  };
}
