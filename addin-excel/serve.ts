// A minimal https static server for dist/excel on https://localhost:3000 (the manifest's DEV_BASE_URL),
// for sideloading. Uses the certificate `npm run certs:excel` (office-addin-dev-certs) installs in
// ~/.office-addin-dev-certs/. Run: `npx tsx addin-excel/serve.ts` (PORT=3000 by default). It listens on the
// loopback addresses only (IPv4 and, where there is one, IPv6), never on the network.
import { createServer } from 'node:https';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { staticHandler } from './dev/static-handler.js';

const root = resolve(import.meta.dirname, '..', 'dist', 'excel');
const certDir = join(homedir(), '.office-addin-dev-certs');
const port = Number(process.env.PORT ?? 3000);

if (!existsSync(join(root, 'manifest.xml'))) {
  console.error('dist/excel mangler: kjør `npm run build` først.');
  process.exit(2);
}
if (!existsSync(join(certDir, 'localhost.crt')) || !existsSync(join(certDir, 'localhost.key'))) {
  console.error('Fant ikke utviklersertifikatet: kjør `npm run certs:excel` først.');
  process.exit(2);
}

const options = { cert: readFileSync(join(certDir, 'localhost.crt')), key: readFileSync(join(certDir, 'localhost.key')) };
const handler = staticHandler(root);
createServer(options, handler)
  .on('error', (error: NodeJS.ErrnoException) => {
    console.error(`Kan ikke lytte på port ${port} (${error.code ?? 'ukjent årsak'}): er serveren allerede i gang? Velg en annen med PORT=…`);
    process.exit(2);
  })
  .listen(port, '127.0.0.1', () => console.log(`DH for Excel: https://localhost:${port}/ (dist/excel, bare denne maskinen)`));
// «localhost» may resolve to ::1 first; serve it there too, and carry on without IPv6 where the machine has none.
createServer(options, handler)
  .on('error', () => undefined)
  .listen(port, '::1');
