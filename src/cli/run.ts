import { isFinTabTextError } from '../errors/index.js';
import { VERSION } from '../version.js';
import { type Command, parseCommandArgs } from './command.js';
import { COMMANDS } from './commands/index.js';
import { type CliIo, processIo, UsageError } from './io.js';

/** Exit codes: 0 success, 1 failure while working, 2 bad usage or unreadable input. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

function topHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `fin-tabtext ${VERSION}: SEC filings to TabText features

Usage: fin-tabtext <command> [options]

Commands:
${list}

Options for every command:
  -h, --help     show the command's help, with an example
  -q, --quiet    no progress output
      --verbose  show stack traces on errors

Example:
  fin-tabtext demo --out ./demo-output
`;
}

function isUsageLike(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  if (isFinTabTextError(error) && error.code === 'INVALID_ARGUMENT') return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES';
}

/**
 * Run the CLI with `argv` (without `node` and the script). Returns the exit code; only
 * writes to `io`. Used by the bin and, in-process, by the tests.
 */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr.write(
      `fin-tabtext: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.\n`,
    );
    return EXIT.usage;
  }
  const verbose = rest.includes('--verbose');
  try {
    const { flags, positionals } = parseCommandArgs(command, rest);
    if (flags.help === true) {
      io.stdout.write(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
      return EXIT.ok;
    }
    return await command.run(flags, positionals, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`fin-tabtext ${command.name}: ${message}\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return isUsageLike(error) ? EXIT.usage : EXIT.failure;
  }
}
