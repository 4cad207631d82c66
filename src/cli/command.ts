import { type ParseArgsConfig, parseArgs } from 'node:util';
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
  /** Runs the command; returns the exit code. */
  run(flags: Flags, positionals: string[], io: CliIo): Promise<number>;
}

/** Flags every command accepts. */
export const COMMON_OPTIONS: OptionSpec = {
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
};

/** Parse argv for a command, turning parseArgs' errors into usage errors that name the flag. */
export function parseCommandArgs(command: Command, argv: string[]): { flags: Flags; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    return { flags: values as Flags, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message}\nRun \`fin-tabtext ${command.name} --help\` for usage.`);
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
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new UsageError(
      `--${name} must be a number, got "${value}". See \`fin-tabtext ${command} --help\`.`,
    );
  }
  return number;
}
