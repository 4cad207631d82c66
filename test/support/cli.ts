import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/io.js';
import { readRecords } from '../../src/index.js';

/** A CLI io whose stdout and stderr are collected as strings, for in-process `runCli` tests. */
export interface Captured {
  readonly io: CliIo;
  readonly out: () => string;
  readonly err: () => string;
}

/** Capture stdout/stderr of a command run in `cwd` with the environment `env`. */
export function capture(cwd: string, env: NodeJS.ProcessEnv = {}): Captured {
  let out = '';
  let err = '';
  const sink = (append: (s: string) => void): Writable =>
    new Writable({
      write(chunk, _encoding, callback) {
        append(String(chunk));
        callback();
      },
    });
  const stdout = sink((s) => {
    out += s;
  });
  const stderr = sink((s) => {
    err += s;
  });
  return { io: { stdout, stderr, cwd, env }, out: () => out, err: () => err };
}

/** Every record of a CSV/JSONL output file, numbers cast. */
export async function rows(path: string): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  for await (const row of readRecords(path, { castNumbers: true })) all.push(row);
  return all;
}
