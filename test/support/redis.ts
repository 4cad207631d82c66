/**
 * A real Redis for tests: the one `.ci/run` started (env `FIN_TABTEXT_REDIS_URL`), or a
 * `redis-server` started here on 127.0.0.1, on a free port, in a temporary folder, with
 * persistence off. When no binary exists and the run is not CI (`CI` unset), tests skip and
 * print why; under CI a missing Redis is an error.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** A running Redis. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stop it (a no-op for the Redis that `.ci/run` owns). */
  stop(): Promise<void>;
}

/** Where `redis-server` is, or `null`. */
export function findRedisServer(env: NodeJS.ProcessEnv = process.env): string | null {
  const dirs = [
    ...(env.PATH ?? '').split(delimiter),
    '/usr/bin',
    '/usr/sbin',
    '/usr/local/bin',
    '/opt/homebrew/bin',
  ];
  for (const dir of dirs) {
    if (dir === '') continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Why Redis tests cannot run here, or `null` when they can. Never a reason under CI: there a
 * missing Redis must fail the run, not skip it.
 */
export function redisSkipReason(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.FIN_TABTEXT_REDIS_URL) return null;
  if (findRedisServer(env) !== null) return null;
  if (env.CI) return null;
  return 'no redis-server binary found on PATH and CI is not set (install Debian package redis-server, or run .ci/run)';
}

/**
 * The Redis to test against: `FIN_TABTEXT_REDIS_URL` when set, else a fresh `redis-server`.
 *
 * @throws when no Redis can be started (always under CI).
 */
export async function startRedis(env: NodeJS.ProcessEnv = process.env): Promise<TestRedis> {
  const given = env.FIN_TABTEXT_REDIS_URL;
  if (given) return { url: given, stop: async () => {} };
  const binary = findRedisServer(env);
  if (binary === null) {
    throw new Error(
      'redis-server not found: install Debian package redis-server (apt-get install -y redis-server)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'fin-tabtext-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${String(code)}:\n${output}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.removeAllListeners('exit');
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
