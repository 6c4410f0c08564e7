// The `dh` command (SPEC §7). run() is the whole CLI, importable and testable in-process; bin/dh.mjs
// only calls it. User errors are CliErrors: exit code 2 and one Norwegian line on stderr, never a stack.
import { CellAmountError } from '../core/money/kroner.js';
import { oneLine } from './format.js';
import { CliError, EXIT_OK, EXIT_UNUSABLE, processIo, type CliIo } from './io.js';
import { USAGE } from './usage.js';

export type { CliIo } from './io.js';
export { CliError } from './io.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * Each command is imported when it is run, never at start-up: `dh kostnad` must not load (or, in the bundle built by
 * scripts/build-cli.ts, even parse) the file reader, the reconciliation or the package writer of the other commands.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  kostnad: async () => (await import('./commands/kostnad.js')).kostnad,
  fordeling: async () => (await import('./commands/fordeling.js')).fordeling,
  kontroll: async () => (await import('./commands/kontroll.js')).kontroll,
  oppdater: async () => (await import('./commands/oppdater.js')).oppdater,
  innbyggere: async () => (await import('./commands/innbyggere.js')).innbyggere,
};

/**
 * The one Norwegian line a user sees for anything thrown. CliErrors and core's CellAmountError carry their own
 * sentence; anything else is a fault in dh, and its internal (English) text is not shown: the line says what
 * happened to the file instead.
 */
export function userMessage(error: unknown): string {
  if (error instanceof CliError || error instanceof CellAmountError) return error.message;
  if (error instanceof RangeError && /allocation|memory|heap|Invalid (array|string) length/i.test(error.message)) {
    return 'dh gikk tom for minne på denne filen og stoppet. Ingenting er skrevet; del arbeidsboken i mindre filer og prøv igjen.';
  }
  return 'dh stoppet på en intern feil, og ingenting er skrevet. Meld gjerne fra med kommandoen og filen, så blir det rettet.';
}

/** Runs `dh <argv…>` and returns the exit code: 0 no errors, 1 error findings, 2 unusable input. */
export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || ['--help', '-h', '--hjelp', 'help', 'hjelp'].includes(command)) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    const load = Object.hasOwn(COMMANDS, command.toLowerCase()) ? COMMANDS[command.toLowerCase()] : undefined;
    if (!load) {
      throw new CliError(`Ukjent kommando «${command}». Kommandoene er kostnad, fordeling, kontroll, oppdater og innbyggere (se «dh --help»).`);
    }
    const handler = await load();
    return await handler(rest, io);
  } catch (error) {
    io.stderr(oneLine(userMessage(error)) + '\n');
    return EXIT_UNUSABLE;
  }
}
