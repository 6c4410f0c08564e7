/// <reference types="office-js" />
// What the shared runtime does when a workbook opens, before anyone opens the panel:
// 1. Asks Office to load the runtime at document open from now on (Office.addin.setStartupBehavior(load),
//    SharedRuntime 1.1: "Run code in your Office Add-in when the document opens", learn.microsoft.com).
//    Without it the runtime starts only when the panel opens or a DH function is first calculated, and that
//    first calculation uses the embedded Helgeland data instead of the workbook's DH_Kommuner.
// 2. Reads DH_Kommuner / DH_Nokkel / DH_Prosjekter into the functions' model; until that read is done the
//    custom functions wait for it (adapter.ts: the model store's `loading` promise), so no cell is computed
//    from the wrong data.
// 3. Watches those tables for edits — also when one is created later: WorksheetCollection.onAdded
//    (ExcelApi 1.7) and TableCollection.onAdded (ExcelApi 1.9, asked for with isSetSupported so this module
//    never raises the manifest's minimum) register onChanged on a new DH_Kommuner at once.
import { WATCHED_INPUT_TABLES, type ExcelHost } from './excel-host.js';
import { getModelStore } from '../functions/model-store.js';

/** Longest the functions wait for the first read of the workbook's tables before they compute anyway. */
export const STARTUP_WAIT_MS = 15_000;

/** Asks Office to start this add-in's runtime whenever a document that uses it opens. */
export async function loadAtDocumentOpen(office: typeof Office = Office): Promise<boolean> {
  if (!office.context?.requirements?.isSetSupported('SharedRuntime', '1.1')) return false;
  await office.addin.setStartupBehavior(office.StartupBehavior.load);
  return true;
}

type Reloader = Pick<ExcelHost, 'inputsChanged' | 'scheduleReload'>;
type SetCheck = (set: string, version: string) => boolean;

/** Office.context.requirements.isSetSupported, or false outside Office. */
function officeSupports(set: string, version: string): boolean {
  return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(set, version);
}

/**
 * Registers onChanged on every watched input table (or sheet of that name) not yet watched, plus one
 * onAdded handler each for tables and sheets, so a table created after startup is watched as well.
 */
export class InputTableWatcher {
  private readonly watched = new Set<string>();
  private listening = false;

  constructor(
    private readonly host: Reloader,
    private readonly isSetSupported: SetCheck = officeSupports,
    private readonly names: readonly string[] = WATCHED_INPUT_TABLES,
  ) {}

  /** Names watched so far (lower case). */
  watchedNames(): string[] {
    return [...this.watched];
  }

  /** Watches what exists now (and, the first time, listens for tables/sheets added later); returns the newly watched names. */
  async attach(): Promise<string[]> {
    return Excel.run(async (context) => {
      const workbook = context.workbook;
      const lookups = this.names
        .filter((name) => !this.watched.has(name.toLowerCase()))
        .map((name) => ({ name, table: workbook.tables.getItemOrNullObject(name), sheet: workbook.worksheets.getItemOrNullObject(name) }));
      await context.sync();
      const added: string[] = [];
      const onChanged = async () => this.host.scheduleReload();
      for (const l of lookups) {
        if (!l.table.isNullObject) l.table.onChanged.add(onChanged);
        else if (!l.sheet.isNullObject) l.sheet.onChanged.add(onChanged);
        else continue;
        this.watched.add(l.name.toLowerCase());
        added.push(l.name);
      }
      if (!this.listening) {
        const onAdded = async () => {
          const fresh = await this.attach();
          if (fresh.length) this.host.scheduleReload();
        };
        workbook.worksheets.onAdded.add(onAdded);
        // TableCollection.onAdded is ExcelApi 1.9: a table inserted on an existing sheet is then seen at once;
        // on an older host it is picked up when the panel next reloads the model.
        if (this.isSetSupported('ExcelApi', '1.9')) workbook.tables.onAdded.add(onAdded);
        this.listening = true;
      }
      await context.sync();
      return added;
    });
  }
}

/**
 * Startup in the shared runtime: load-at-open, first read of the input tables (the functions wait for it),
 * then watching. Errors are reported through `report` in Norwegian; the functions then use the embedded data.
 */
export async function startInputs(host: Reloader, report: (message: string) => void, office: typeof Office = Office): Promise<InputTableWatcher> {
  const store = getModelStore();
  const watcher = new InputTableWatcher(host, (set, version) => !!office.context?.requirements?.isSetSupported(set, version));
  const first = (async () => {
    try {
      await loadAtDocumentOpen(office);
    } catch (error) {
      report(`Kunne ikke be Excel starte tillegget når arbeidsboken åpnes: ${error instanceof Error ? error.message : String(error)}`);
    }
    const watched = await watcher.attach();
    if (watched.length) await host.inputsChanged();
  })();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, STARTUP_WAIT_MS));
  const loading = Promise.race([first, timeout]).catch(() => undefined);
  store.loading = loading;
  try {
    await first;
  } catch (error) {
    report(`Funksjonene bruker innebygde data: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    if (store.loading === loading) store.loading = undefined;
  }
  return watcher;
}
