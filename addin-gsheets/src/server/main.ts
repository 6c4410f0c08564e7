// Entry of dist/gsheets/Code.js. The bundle only *defines* things: it assigns the implementations to
// globalThis.__DH. scripts/build-gsheets.ts appends the top-level functions Apps Script and Sheets see
// (DH_<NAME> per catalog entry, onOpen, showSidebar, the sidebar's dh* functions), each a one-line
// delegate to __DH under a different name, so no stub can ever call itself.
import type { DhGlobal } from '../shared/protocol.js';
import { serverApi } from './api.js';
import { callCatalog } from './functions.js';
import { BUILD_ID } from './inputs.js';
import { onInstall, onOpen, showSidebar } from './menu.js';
import { onEdit, recalculateFromMenu } from './recalc.js';
import { stats } from './stats.js';

const dh: DhGlobal = {
  call: callCatalog,
  server: serverApi,
  triggers: { onOpen, onInstall, showSidebar, recalculateDhFormulas: recalculateFromMenu, onEdit: (e?: unknown) => onEdit(e as Parameters<typeof onEdit>[0]) },
  stats: () => ({ ...stats }),
  buildId: BUILD_ID,
};

(globalThis as unknown as { __DH: DhGlobal }).__DH = dh;
