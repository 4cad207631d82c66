import { access, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { detectRecordFormat, type RecordFormat, readRecords } from '../../index.js';
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

/**
 * Check that an input exists before any work starts, so a typo gives a usage error
 * (exit 2) naming the path instead of Node's bare ENOENT.
 */
export async function requireInput(io: CliIo, path: string, flag: string): Promise<string> {
  const full = resolvePath(io, path);
  try {
    await access(full);
  } catch {
    throw new UsageError(`Input not found for ${flag}: ${path} (looked at ${full}).`);
  }
  return full;
}

/** True when `path` is a folder. */
export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path)).isDirectory();
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

/** Every record of a CSV/JSONL file, in memory (for the commands that join or summarise). */
export async function readAll(path: string, castNumbers = false): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for await (const row of readRecords(path, { castNumbers })) rows.push(row);
  return rows;
}
