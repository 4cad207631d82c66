import { type ParseArgsConfig, parseArgs } from 'node:util';
import { didYouMean, isIsoDate } from '../options/index.js';
import type { CliIo } from './io.js';
import { UsageError } from './io.js';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed flags: strings, booleans and repeated strings. */
export type Flags = Record<string, string | boolean | string[] | undefined>;

/** One sub-command of the `fin-tabtext` CLI. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text, with an example. */
  readonly help: string;
  readonly options: OptionSpec;
  /**
   * Library option fields (`options.textColumn`, `userAgent`) and the flag that sets each, so an
   * error from the library is reported in flag terms (`--text-column`).
   */
  readonly fields?: Readonly<Record<string, string>>;
  /** Runs the command; returns the exit code. */
  run(flags: Flags, positionals: string[], io: CliIo): Promise<number>;
}

/** Flags every command accepts. */
export const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/**
 * `--price -3` as `--price=-3`: Node's parser takes a value starting with `-` for a flag and
 * refuses it as ambiguous, so a negative number after a string flag is joined to it first.
 */
function joinNegativeValues(argv: readonly string[], options: OptionSpec): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const name = arg.startsWith('--') && !arg.includes('=') ? arg.slice(2) : undefined;
    if (
      name !== undefined &&
      options[name]?.type === 'string' &&
      next !== undefined &&
      NEGATIVE_NUMBER.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** Flags renamed in 0.2.0 (one name per concept), old to new, so the old name suggests the new one. */
const RENAMED_FLAGS: Readonly<Record<string, string>> = Object.freeze({
  accession: 'accession-number',
  form: 'form-type',
  filed: 'filing-date',
});

/** Parse argv for a command, turning parseArgs' errors into usage errors that name the flag. */
export function parseCommandArgs(command: Command, argv: string[]): { flags: Flags; positionals: string[] } {
  const options = { ...COMMON_OPTIONS, ...command.options };
  const seeHelp = `Run \`fin-tabtext ${command.name} --help\` for usage.`;
  try {
    const { values, positionals } = parseArgs({
      args: joinNegativeValues(argv, options),
      options,
      allowPositionals: true,
      strict: true,
    });
    return { flags: values as Flags, positionals };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = /'(-[^'\s]+)'/.exec(message)?.[1] ?? message;
      const bare = flag.replace(/^-+/, '').split('=')[0]!;
      const renamed = Object.hasOwn(RENAMED_FLAGS, bare) ? RENAMED_FLAGS[bare] : undefined;
      const guess =
        renamed !== undefined && renamed in options ? renamed : didYouMean(bare, Object.keys(options));
      throw new UsageError(
        `unknown flag ${flag.split('=')[0]}.${guess === undefined ? '' : ` Did you mean --${guess}?`} ${seeHelp}`,
      );
    }
    throw new UsageError(`${message}\n${seeHelp}`);
  }
}

/** A required string flag, or a usage error naming it. */
export function requireString(flags: Flags, name: string, command: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(`Missing --${name}. Run \`fin-tabtext ${command} --help\` for usage.`);
  }
  return value;
}

/** An optional string flag. */
export function optionalString(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A number flag, validated. */
export function optionalNumber(flags: Flags, name: string, command: string): number | undefined {
  const value = optionalString(flags, name);
  if (value === undefined) return undefined;
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) {
    throw new UsageError(
      `--${name} must be a number, got "${value}". See \`fin-tabtext ${command} --help\`.`,
    );
  }
  return number;
}

/** A date flag: `YYYY-MM-DD` and a real calendar date (the one date rule of every command). */
export function optionalDate(flags: Flags, name: string, command: string): string | undefined {
  const value = optionalString(flags, name);
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) {
    throw new UsageError(
      `--${name} must be a calendar date YYYY-MM-DD, got "${value}". See \`fin-tabtext ${command} --help\`.`,
    );
  }
  return value;
}
