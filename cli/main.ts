// The `dh` command (SPEC §7). run() is the whole CLI, importable and testable in-process; bin/dh.mjs
// only calls it. User errors are CliErrors: exit code 2 and one Norwegian line on stderr, never a stack.
import { fordeling } from './commands/fordeling.js';
import { innbyggere } from './commands/innbyggere.js';
import { kontroll } from './commands/kontroll.js';
import { kostnad } from './commands/kostnad.js';
import { oppdater } from './commands/oppdater.js';
import { CellAmountError } from '../core/money/kroner.js';
import { oneLine } from './format.js';
import { CliError, EXIT_OK, EXIT_UNUSABLE, processIo, type CliIo } from './io.js';
import { USAGE } from './usage.js';

export type { CliIo } from './io.js';
export { CliError } from './io.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = { kostnad, fordeling, kontroll, oppdater, innbyggere };

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
    const handler = COMMANDS[command.toLowerCase()];
    if (!handler) {
      throw new CliError(`Ukjent kommando «${command}». Kommandoene er kostnad, fordeling, kontroll, oppdater og innbyggere (se «dh --help»).`);
    }
    return await handler(rest, io);
  } catch (error) {
    io.stderr(oneLine(userMessage(error)) + '\n');
    return EXIT_UNUSABLE;
  }
}
