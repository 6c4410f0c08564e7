// `npm start`: builds the preview workbench when dist/preview is missing or stale, serves it on localhost
// (PORT or 5173, the next free port if busy) and prints one line with the URL.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensurePreviewBuilt, PREVIEW_OUT } from './build-preview.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StartOptions {
  /** First port to try; the next ones are tried while busy. 0 = any free port. Default: PORT or 5173. */
  readonly port?: number;
  /** Folder to serve. Default dist/preview. */
  readonly root?: string;
  /** Build first if dist/preview is missing or stale (default true). */
  readonly buildIfStale?: boolean;
  /** How many ports to try after the first (default 20). */
  readonly attempts?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Resolves a request path inside root, or undefined for anything that would escape it. */
function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (path.endsWith('/')) path += 'index.html';
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  return full;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, '127.0.0.1');
  });
}

/** Starts the static server; builds dist/preview first when needed. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const root = normalize(options.root ?? PREVIEW_OUT);
  if ((options.buildIfStale ?? true) && root === normalize(PREVIEW_OUT)) await ensurePreviewBuilt({ quiet: true });
  if (!existsSync(join(root, 'index.html'))) throw new Error(`Fant ikke ${join(root, 'index.html')}: kjør npm run build.`);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(root, req.url ?? '/');
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Finnes ikke');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });

  const first = options.port ?? (process.env.PORT ? Number(process.env.PORT) : 5173);
  const attempts = first === 0 ? 1 : (options.attempts ?? 20);
  let port = -1;
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      port = await listen(server, first === 0 ? 0 : first + i);
      break;
    } catch (error) {
      lastError = error;
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') break;
    }
  }
  if (port < 0) {
    const reason = (lastError as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' ? `portene ${first}–${first + attempts - 1} er opptatt` : String(lastError);
    throw new Error(`Kunne ikke starte forhåndsvisningen: ${reason}.`);
  }
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return {
    url: `http://localhost:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { url } = await startServer();
    console.log(`DH-forhåndsvisning: ${url}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
}
