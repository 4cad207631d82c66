import { isFinTabTextError } from '../errors/index.js';
import { didYouMean } from '../options/index.js';
import { VERSION } from '../version.js';
import { type Command, parseCommandArgs } from './command.js';
import { COMMANDS } from './commands/index.js';
import {
  type CliIo,
  Interrupted,
  interruptExitCode,
  processIo,
  removeTemporaryFiles,
  UsageError,
} from './io.js';
import { inCliTerms } from './terms.js';

/** Exit codes: 0 success, 1 failure while working, 2 bad usage or unreadable input, 130/143 interrupted. */
export const EXIT = { ok: 0, failure: 1, usage: 2, sigint: 130, sigterm: 143 } as const;

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `fin-tabtext ${VERSION}: SEC filings to TabText features

Usage: fin-tabtext <command> [options]
       fin-tabtext help <command>

Commands:
${list}

Options for every command:
  -h, --help     show the command's help, with an example
  -q, --quiet    no progress output
      --verbose  show stack traces on errors

Exit codes: 0 done, 1 failed while working, 2 bad flags or unreadable input,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM); an interrupted run leaves no partial files.

Example:
  fin-tabtext demo --out ./demo-output
`;
}

function isUsageLike(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  if (isFinTabTextError(error) && error.code === 'INVALID_ARGUMENT') return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'ENOTDIR';
}

/**
 * Run the CLI with `argv` (without `node` and the script). Returns the exit code; only
 * writes to `io`. Used by the bin and, in-process, by the tests.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    io.stdout.write(topHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) {
      io.stdout.write(topHelp());
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === topic);
    if (command === undefined) {
      io.stderr.write(`fin-tabtext help: ${unknownCommand(topic)}\n`);
      return EXIT.usage;
    }
    io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(`fin-tabtext: ${unknownCommand(name)}\n`);
    return EXIT.usage;
  }
  const verbose = rest.includes('--verbose');
  try {
    const { flags, positionals } = parseCommandArgs(command, rest);
    if (flags.help === true) {
      io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
      return EXIT.ok;
    }
    const code = await command.run(flags, positionals, io);
    const stopped = interrupted(io);
    return stopped === undefined ? code : stop(io, command, stopped);
  } catch (error) {
    const stopped = interrupted(io);
    if (stopped !== undefined) return stop(io, command, stopped);
    const raw = error instanceof Error ? error.message : String(error);
    const message = error instanceof UsageError ? raw : inCliTerms(raw, command.fields);
    io.stderr.write(`fin-tabtext ${command.name}: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return isUsageLike(error) ? EXIT.usage : EXIT.failure;
  }
}

function unknownCommand(name: string): string {
  const names = COMMANDS.map((c) => c.name);
  const guess = didYouMean(name, names);
  return `unknown command "${name}".${guess === undefined ? '' : ` Did you mean "${guess}"?`} Commands: ${names.join(', ')}. Run \`fin-tabtext --help\`.`;
}

function interrupted(io: CliIo): Interrupted | undefined {
  const reason: unknown = io.signal?.aborted === true ? io.signal.reason : undefined;
  return reason instanceof Interrupted ? reason : undefined;
}

/** The one line of an interrupted run, after removing what it was writing. */
function stop(io: CliIo, command: Command, reason: Interrupted): number {
  const removed = removeTemporaryFiles(io.outputs ?? []);
  io.stderr.write(
    `fin-tabtext ${command.name}: ${reason.message}; stopped${removed.length > 0 ? ` and removed ${removed.length} temporary file${removed.length === 1 ? '' : 's'}` : ''}, no partial output left\n`,
  );
  return interruptExitCode(reason.signal);
}
