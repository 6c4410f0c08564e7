import { CliError } from './io.js';

export interface ParsedArgs {
  readonly positional: readonly string[];
  readonly flags: ReadonlyMap<string, string | true>;
  /** Every value of a repeatable option, in the order given (`--med A=1 --med B=2`). */
  readonly lists: ReadonlyMap<string, readonly string[]>;
}

/** An option a command accepts: its canonical name, the spellings users type, and whether it takes a value. */
export interface OptionSpec {
  readonly name: string;
  readonly spellings: readonly string[];
  readonly value: boolean;
  /** Norwegian placeholder for the value in messages, e.g. "arbeidsbok.xlsx". */
  readonly placeholder?: string;
  /** The option may be given more than once; every value is kept in `lists`. */
  readonly repeat?: boolean;
}

export const OPTIONS = {
  json: { name: 'json', spellings: ['--json'], value: false },
  help: { name: 'help', spellings: ['--help', '-h', '--hjelp'], value: false },
  fil: { name: 'fil', spellings: ['--fil', '-f'], value: true, placeholder: 'arbeidsbok.xlsx' },
  prosjekt: { name: 'prosjekt', spellings: ['--prosjekt', '-p'], value: true, placeholder: 'prosjekt' },
  dato: { name: 'dato', spellings: ['--dato', '-d'], value: true, placeholder: 'ÅÅÅÅ-MM-DD' },
  ut: { name: 'ut', spellings: ['-o', '--ut', '--output'], value: true, placeholder: 'ut.xlsx' },
  aar: { name: 'aar', spellings: ['--år', '--aar', '--ar'], value: true, placeholder: 'år' },
  kvartal: { name: 'kvartal', spellings: ['--kvartal', '-k'], value: true, placeholder: 'ÅÅÅÅKn, f.eks. 2025K2' },
  kommuner: { name: 'kommuner', spellings: ['--kommuner'], value: true, placeholder: 'kommunenr,kommunenr,…' },
  svar: { name: 'svar', spellings: ['--svar'], value: true, placeholder: 'svar.json' },
  uten: { name: 'uten', spellings: ['--uten'], value: true, placeholder: 'KOMMUNE[,KOMMUNE…]', repeat: true },
  med: { name: 'med', spellings: ['--med'], value: true, placeholder: 'KOMMUNE=INNBYGGERE', repeat: true },
  fast: { name: 'fast', spellings: ['--fast'], value: true, placeholder: 'BELØP' },
  sats: { name: 'sats', spellings: ['--sats'], value: true, placeholder: 'KR' },
  andelLikt: { name: 'andelLikt', spellings: ['--andel-likt'], value: true, placeholder: 'PROSENT' },
  sammeSum: { name: 'sammeSum', spellings: ['--samme-sum'], value: false },
} as const satisfies Record<string, OptionSpec>;

/**
 * Splits argv into positional arguments and the options `allowed` for the command. Accepts
 * "--fil x" and "--fil=x"; "--" ends the options. Unknown options and missing values are errors.
 */
export function parseArgs(argv: readonly string[], allowed: readonly OptionSpec[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  const lists = new Map<string, string[]>();
  let onlyPositional = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (onlyPositional || !arg.startsWith('-') || /^-\d/.test(arg) || arg === '-') {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositional = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const spelling = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = allowed.find((o) => o.spellings.includes(spelling.toLowerCase()));
    if (!spec) throw new CliError(`Ukjent valg «${spelling}». Skriv «dh --help» for å se hva som kan brukes.`);
    if (!spec.value) {
      if (eq > 0) throw new CliError(`Valget «${spelling}» tar ingen verdi.`);
      flags.set(spec.name, true);
      continue;
    }
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && (!argv[i + 1]!.startsWith('-') || /^-\d/.test(argv[i + 1]!))) value = argv[++i];
    if (value === undefined || value === '') throw new CliError(`Valget «${spelling}» mangler verdi (${spec.placeholder ?? 'verdi'}).`);
    if (!spec.repeat && flags.has(spec.name)) throw new CliError(`Valget «${spelling}» er gitt to ganger: gi det én gang.`);
    flags.set(spec.name, value);
    if (spec.repeat) lists.set(spec.name, [...(lists.get(spec.name) ?? []), value]);
  }
  return { positional, flags, lists };
}

/** The year argument: a whole number between 1900 and 2200. */
export function parseYear(text: string | undefined, what = 'år'): number {
  if (text === undefined || text.trim() === '') throw new CliError(`Oppgi ${what}, f.eks. 2026.`);
  const t = text.trim();
  if (!/^\d{4}$/.test(t) || Number(t) < 1900 || Number(t) > 2200) throw new CliError(`«${t}» er ikke et gyldig år (skriv f.eks. 2026).`);
  return Number(t);
}

/** --dato ÅÅÅÅ-MM-DD, a real calendar date. */
export function parseIsoDate(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (m) {
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    if (d.getUTCFullYear() === +m[1]! && d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!) return text.trim();
  }
  throw new CliError(`«${text}» er ikke en gyldig dato: bruk ÅÅÅÅ-MM-DD, f.eks. 2026-01-15.`);
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}
