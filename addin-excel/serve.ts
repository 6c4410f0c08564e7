// A minimal https static server for dist/excel on https://localhost:3000 (the manifest's DEV_BASE_URL),
// for sideloading. Uses the certificate `npm run certs:excel` (office-addin-dev-certs) installs in
// ~/.office-addin-dev-certs/. Run: `npx tsx addin-excel/serve.ts` (PORT=3000 by default).
import { createServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', 'dist', 'excel');
const certDir = join(homedir(), '.office-addin-dev-certs');
const port = Number(process.env.PORT ?? 3000);
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

if (!existsSync(join(root, 'manifest.xml'))) {
  console.error('dist/excel mangler: kjør `npm run build` først.');
  process.exit(2);
}
if (!existsSync(join(certDir, 'localhost.crt')) || !existsSync(join(certDir, 'localhost.key'))) {
  console.error('Fant ikke utviklersertifikatet: kjør `npm run certs:excel` først.');
  process.exit(2);
}

createServer({ cert: readFileSync(join(certDir, 'localhost.crt')), key: readFileSync(join(certDir, 'localhost.key')) }, (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'https://localhost').pathname);
  const file = normalize(join(root, path === '/' ? 'taskpane.html' : path));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Finnes ikke');
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', 'access-control-allow-origin': '*' });
  res.end(readFileSync(file));
}).listen(port, () => console.log(`DH for Excel: https://localhost:${port}/ (dist/excel)`));
