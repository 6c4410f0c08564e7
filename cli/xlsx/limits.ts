// The CLI's budgets for one run. A file past one of them is refused with one Norwegian line naming the limit
// and what to do (exit 2, nothing written) instead of running out of memory or time. README lists them.
import { StopRequested } from '../../core/util/stop.js';
import { CliError } from '../io.js';

function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

export const LIMITS = {
  /** Decompressed bytes of one sheet or shared-strings part (streamed, never held whole). */
  partBytes: fromEnv('DH_MAKS_DEL_MB', 1024) * 1024 * 1024,
  /** Decompressed bytes of a part read whole (workbook, styles, tables, relationships). */
  smallPartBytes: 64 * 1024 * 1024,
  /** Cells with content on one sheet. */
  cellsPerSheet: fromEnv('DH_MAKS_CELLER', 12_000_000),
  /** Cells with content in the whole workbook. */
  cellsTotal: fromEnv('DH_MAKS_CELLER', 12_000_000) * 2,
  /** Wall-clock budget for reading and checking one file. */
  timeMs: fromEnv('DH_TIDSGRENSE_S', 50) * 1000,
};

export type LimitKind = 'part' | 'cells' | 'cellsTotal' | 'time';

const nb = (n: number) => n.toLocaleString('nb-NO').replace(/\u00a0/g, ' ');

/** A limit exceeded: a CliError whose text names the limit; `where` is the part or sheet. */
export class LimitError extends CliError {
  readonly limit: LimitKind;
  /** `checking`: the time ran out while checking, after the file was read. */
  constructor(limit: LimitKind, where: string, checking = false) {
    super(limitText(limit, where, checking));
    this.limit = limit;
  }
}

export function limitError(limit: LimitKind, where: string): LimitError {
  return new LimitError(limit, where);
}

function limitText(limit: LimitKind, where: string, checking: boolean): string {
  switch (limit) {
    case 'part':
      return `Delen «${where}» er større enn grensen på ${nb(Math.round(LIMITS.partBytes / 1024 / 1024))} MB utpakket. Del arbeidsboken i mindre filer eller fjern ark dh ikke trenger, og prøv igjen. Ingenting er skrevet.`;
    case 'cells':
      return `Arket «${where}» har flere enn ${nb(LIMITS.cellsPerSheet)} celler med innhold, grensen for ett ark. Flytt data dh ikke trenger til en annen fil og prøv igjen. Ingenting er skrevet.`;
    case 'cellsTotal':
      return `Arbeidsboken har flere enn ${nb(LIMITS.cellsTotal)} celler med innhold (stoppet ved arket «${where}»), grensen for én fil. Del arbeidsboken og prøv igjen. Ingenting er skrevet.`;
    case 'time':
      return `${checking ? 'Kontrollen' : 'Lesingen'} av «${where}» tok lengre enn tidsgrensen på ${nb(LIMITS.timeMs / 1000)} sekunder og ble stoppet. Del arbeidsboken i mindre filer og prøv igjen. Ingenting er skrevet.`;
  }
}

/** A deadline for one run: check() throws the time limit once it has passed. */
export class Budget {
  private readonly end: number;
  constructor(readonly file: string, ms = LIMITS.timeMs) {
    this.end = Date.now() + ms;
  }
  check(): void {
    if (this.expired()) throw new LimitError('time', this.file);
  }
  /** True once the time is up: for core's shouldStop (core/util/stop.ts), which knows no clock. */
  expired(): boolean {
    // At the deadline, not a millisecond after it: a limit of 0 is spent at once, however fast the first check comes.
    return Date.now() >= this.end;
  }
  /** Runs a check in core with this deadline as its shouldStop; a stop becomes the time limit's refusal. */
  checking<T>(work: (shouldStop: () => boolean) => T): T {
    try {
      return work(() => this.expired());
    } catch (error) {
      if (error instanceof StopRequested) throw new LimitError('time', this.file, true);
      throw error;
    }
  }
}
