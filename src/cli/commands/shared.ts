import { createReadStream, existsSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { readRecords } from '../../index.js';
import { detectRecordFormat, type RecordFormat } from '../../records/index.js';
import type { Flags } from '../command.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';

/** A path given on the command line, resolved against the command's working folder. */
export function resolvePath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

/** A comma-separated flag as trimmed, non-empty parts. */
export function parseList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Options of {@link requireInput}. */
export interface InputRule {
  /** A folder is fine (mdna reads every filing in it). @default false */
  readonly folder?: boolean;
  /** Refuse a file whose first bytes hold NUL bytes (an executable, an image). @default true */
  readonly text?: boolean;
}

/** The first `size` bytes of `path`, decompressed for `.gz` (streamed: a large file is not read whole). */
async function headBytes(path: string, size: number): Promise<Buffer> {
  const source = createReadStream(path);
  const stream = path.toLowerCase().endsWith('.gz') ? source.pipe(createGunzip()) : source;
  const parts: Buffer[] = [];
  let length = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parts.push(chunk);
      length += chunk.length;
      if (length >= size) break;
    }
  } finally {
    source.destroy();
    stream.destroy();
  }
  return Buffer.concat(parts).subarray(0, size);
}

/** True when the first 8 KB of `path` (decompressed for `.gz`) hold a NUL byte, or a `.gz` is not gzip. */
async function looksBinary(path: string): Promise<boolean> {
  try {
    return (await headBytes(path, 8192)).includes(0);
  } catch {
    return path.toLowerCase().endsWith('.gz');
  }
}

/**
 * Check an input before any work starts, so a typo gives a usage error (exit 2) naming the flag
 * and the path: missing, a folder where a file is wanted, or a binary file where text is wanted.
 */
export async function requireInput(
  io: CliIo,
  path: string,
  flag: string,
  rule: InputRule = {},
): Promise<string> {
  const full = resolvePath(io, path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(full);
  } catch {
    throw new UsageError(`Input not found for ${flag}: ${path} (looked at ${full}).`);
  }
  if (info.isDirectory()) {
    if (rule.folder === true) return full;
    throw new UsageError(`${flag} ${path} is a folder; give a file.`);
  }
  if (rule.text !== false && (await looksBinary(full))) {
    throw new UsageError(
      `${flag} ${path} is a binary file (it holds NUL bytes), not text; give a filing, a text, CSV or JSONL file.`,
    );
  }
  return full;
}

/** True when `path` is a folder. */
export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path)).isDirectory();
}

function canonical(path: string): string {
  return existsSync(path) ? realpathSync(path) : path;
}

/**
 * Register an output path and refuse it when it is one of the inputs (same file, also through a
 * link): writing there would replace the input the command is still reading.
 *
 * @param inputs - Pairs of flag and resolved input path.
 */
export function claimOutput(
  io: CliIo,
  out: string,
  inputs: readonly (readonly [string, string])[],
  flag = '--out',
): string {
  const target = canonical(out);
  for (const [inputFlag, input] of inputs) {
    if (canonical(input) === target) {
      throw new UsageError(
        `${flag} ${out} is the same file as ${inputFlag}; writing it would replace the input. Choose another ${flag}.`,
      );
    }
  }
  io.outputs?.add(out);
  return out;
}

/** The record format of an output path, or a usage error naming the flag. */
export function requireRecordPath(io: CliIo, path: string, flag: string, command: string): string {
  const format: RecordFormat | undefined = detectRecordFormat(path);
  if (format === undefined) {
    throw new UsageError(
      `${flag} must end in .csv or .jsonl (optionally .gz), got "${path}". ` +
        `Example: fin-tabtext ${command} ${flag} out.csv`,
    );
  }
  return resolvePath(io, path);
}

/** A flag that must be one of `choices`. */
export function optionalChoice<T extends string>(
  flags: Flags,
  name: string,
  choices: readonly T[],
  command: string,
): T | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new UsageError(
      `--${name} must be one of ${choices.join(', ')}, got "${String(value)}". ` +
        `See \`fin-tabtext ${command} --help\`.`,
    );
  }
  return value as T;
}

/** A positive integer flag. */
export function optionalPositiveInteger(flags: Flags, name: string, command: string): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const number = typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number <= 0) {
    throw new UsageError(
      `--${name} must be a positive integer, got "${String(value)}". See \`fin-tabtext ${command} --help\`.`,
    );
  }
  return number;
}

/** The `--csv-escape on|off` flag as writeRecords' `escapeFormulas` (on by default). */
export function csvEscape(flags: Flags, command: string): boolean {
  return optionalChoice(flags, 'csv-escape', ['on', 'off'], command) !== 'off';
}

/** The flag spec of `--csv-escape`, shared by every command that writes CSV. */
export const CSV_ESCAPE_OPTION = { 'csv-escape': { type: 'string' } } as const;

/** Help lines for `--csv-escape`. */
export const CSV_ESCAPE_HELP = `  --csv-escape on|off    CSV output: prefix text cells starting with = + - @ tab or CR
                         with ' so spreadsheets do not run them as formulas (default: on)`;

/** A text input read whole: gunzipped when `.gz`, decoded as UTF-8. */
export async function readText(path: string): Promise<string> {
  const bytes = await readFile(path);
  return (path.toLowerCase().endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Every record of a CSV/JSONL file, in memory (for the commands that join or summarize). */
export async function readAll(
  path: string,
  castNumbers = false,
  signal?: AbortSignal,
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of readRecords(path, { castNumbers, ...(signal ? { signal } : {}) })) rows.push(row);
  return rows;
}
