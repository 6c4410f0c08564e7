// The first script of sidebar.html (an IIFE ahead of the panel's chunks): puts the chunk loader on
// globalThis.__dhSidebar. The build fills in which chunk needs which and where the on-demand ones are kept.
import { createChunkLoader, type ChunkManifest } from './chunks.js';

declare const __DH_SIDEBAR_CHUNKS__: ChunkManifest;

interface ScriptRunLike {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunLike;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunLike;
  dhSidebarChunks(files: string[]): void;
}

function fetchTexts(files: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const run = (globalThis as { google?: { script?: { run?: ScriptRunLike } } }).google?.script?.run;
    if (!run) {
      reject(new Error('google.script.run finnes ikke: panelet må åpnes fra menyen DH i Google Sheets.'));
      return;
    }
    run
      .withSuccessHandler((texts) => resolve(texts as string[]))
      .withFailureHandler((error) => reject(new Error(`Kunne ikke hente en del av DH-panelet: ${error instanceof Error ? error.message : String(error)}`)))
      .dhSidebarChunks(files);
  });
}

/** Runs a chunk's text as an inline script, the way the page's own script runs. */
function runScript(text: string): void {
  const script = document.createElement('script');
  script.textContent = text;
  document.head.appendChild(script);
  script.remove();
}

(globalThis as { __dhSidebar?: unknown }).__dhSidebar = createChunkLoader(__DH_SIDEBAR_CHUNKS__, fetchTexts, runScript);
