import { readdirSync, rmSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where a command writes: injectable so tests run commands in-process. */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT/SIGTERM (its reason an {@link Interrupted}); commands pass it to long work. */
  readonly signal?: AbortSignal;
  /** Output files the command is writing, so an interrupt can remove their temporary siblings. */
  readonly outputs?: Set<string>;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env };
}

/** A usage error: bad flags or arguments. Exit code 2, message only. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The reason of an aborted {@link CliIo.signal}: which signal stopped the run. */
export class Interrupted extends Error {
  readonly signal: 'SIGINT' | 'SIGTERM';
  constructor(signal: 'SIGINT' | 'SIGTERM') {
    super(`interrupted by ${signal}`);
    this.name = 'Interrupted';
    this.signal = signal;
  }
}

/** Exit code of a run stopped by `signal`: 128 + the signal number (SIGINT 2, SIGTERM 15). */
export function interruptExitCode(signal: 'SIGINT' | 'SIGTERM'): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/**
 * Remove this process's temporary siblings of `outputs` (`.<name>.<pid>-<id>.tmp` from
 * writeRecords, `.<name>.<pid>.<time>.tmp` from {@link writeFileAtomic}). Synchronous, so it also
 * works on the way out of an interrupted process.
 *
 * @returns The paths removed.
 */
export function removeTemporaryFiles(outputs: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const output of outputs) {
    const prefix = `.${basename(output)}.${process.pid}`;
    let names: string[];
    try {
      names = readdirSync(dirname(output));
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith(prefix) && name.endsWith('.tmp')) {
        rmSync(join(dirname(output), name), { force: true });
        removed.push(join(dirname(output), name));
      }
    }
  }
  return removed;
}

/**
 * Write a whole file atomically: a temporary sibling first, then a rename, so a crash or
 * an error never leaves a half-written output behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
