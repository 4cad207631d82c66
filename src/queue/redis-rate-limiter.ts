import { reasonOf } from '../edgar/clock.js';
import type { RateLimiter } from '../edgar/index.js';
import { validateCap } from '../edgar/rate-limiter.js';
import { InvalidArgumentError } from '../errors/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
import { defaultQueueNames, openRedis, type QueueConnection, queueKeys, resolveNames } from './connection.js';
import type { RedisClient } from './load.js';

/** Options of {@link createRedisRateLimiter}. */
export interface RedisRateLimiterOptions {
  /** Where Redis is (a URL or host and port); or pass `redis`. */
  readonly connection?: QueueConnection;
  /**
   * An open ioredis client to use instead of `connection` (not closed by `close()`).
   * @default undefined
   */
  readonly redis?: RedisClient;
  /**
   * Key prefix; every limiter of one prefix shares one budget.
   * @default 'fin-tabtext'
   */
  readonly prefix?: string;
  /**
   * Requests per second for all processes together, at most 10 (SEC fair access).
   * @default 9
   */
  readonly maxRequestsPerSecond?: number;
  /**
   * Head-room as a fraction of a second, as in `createRateLimiter`: any `maxRequestsPerSecond`
   * consecutive grants span at least `1000 * (1 + safetyMargin)` ms. Across machines it must
   * cover the spread of their one-way latencies to SEC; a grant that reaches its process more
   * than half of it late is dropped unused (it still counts against the budget), so a stalled
   * process never sends a request into a later second.
   * @default 0.05
   */
  readonly safetyMargin?: number;
}

/** A {@link RateLimiter} whose budget lives in Redis, plus `close()`. */
export interface RedisRateLimiter extends RateLimiter {
  /** Close the Redis connection this limiter opened (not one passed as `redis`). */
  close(): Promise<void>;
}

// Grant now, or say how long to wait. Times are Redis' clock (TIME), so machines whose clocks
// disagree still share one budget. The rule is the in-process limiter's: a grant waits for the
// previous grant to be 0.9 intervals old and for the one `span` grants back to be `span`
// intervals old, and for any pause. KEYS: grants list (newest first), paused-until.
// ARGV: interval ms, span. Returns { granted (1/0), wait ms, paused-until } as strings, since
// Redis truncates Lua numbers to integers.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
local ready = paused
local last = redis.call('LINDEX', KEYS[1], 0)
if last then ready = math.max(ready, tonumber(last) + 0.9 * interval) end
local first = redis.call('LINDEX', KEYS[1], span - 1)
if first then ready = math.max(ready, tonumber(first) + span * interval) end
if now >= ready then
  redis.call('LPUSH', KEYS[1], string.format('%.3f', now))
  redis.call('LTRIM', KEYS[1], 0, span - 1)
  redis.call('PEXPIRE', KEYS[1], 60000)
  return { '1', '0', string.format('%.3f', paused - now) }
end
return { '0', string.format('%.3f', ready - now), string.format('%.3f', paused - now) }
`;

// Pause every process: paused-until = max(itself, now + ms). KEYS: paused-until. ARGV: ms.
const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local target = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if target > current then
  redis.call('SET', KEYS[1], string.format('%.3f', target), 'PX', math.ceil(tonumber(ARGV[1])) + 60000)
  current = target
end
return string.format('%.3f', current - now)
`;

const KNOWN = ['connection', 'redis', 'prefix', 'maxRequestsPerSecond', 'safetyMargin'] as const;

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(reasonOf(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(reasonOf(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A rate limiter shared by every process and machine that uses the same Redis and prefix: the
 * one budget SEC allows per user (10 requests per second, all machines together). Pass it to
 * `EdgarClient` (option `limiter`); a rate-limit block seen by one process (`pause`) pauses all.
 * A grant is decided inside Redis in one script, on Redis' clock, so it holds under any number
 * of processes; a process waits by sleeping until its turn, then asks again.
 *
 * @param options - `connection` or `redis`, `prefix`, `maxRequestsPerSecond`, `safetyMargin`.
 * @returns A {@link RedisRateLimiter}.
 * @throws {InvalidArgumentError} for a cap outside (0, 10], a bad margin or no connection.
 * @throws {MissingDependencyError} (on first use) when ioredis is not installed.
 * @example
 * ```ts
 * import { EdgarClient } from 'fin-tabtext';
 * import { createRedisRateLimiter } from 'fin-tabtext/queue';
 * const limiter = createRedisRateLimiter({ connection: 'redis://127.0.0.1:6379', maxRequestsPerSecond: 9 });
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', limiter });
 * await client.submissions('AAPL'); // paced with every other process on this Redis
 * await limiter.close();
 * ```
 */
export function createRedisRateLimiter(options: RedisRateLimiterOptions): RedisRateLimiter {
  const fn = 'createRedisRateLimiter';
  checkOptions(fn, options, KNOWN);
  const cap = options.maxRequestsPerSecond ?? 9;
  validateCap(cap, 'maxRequestsPerSecond');
  const margin = checkNumber(fn, 'options.safetyMargin', options.safetyMargin, { min: 0, max: 1 }) ?? 0.05;
  if (options.redis === undefined && options.connection === undefined) {
    throw new InvalidArgumentError(
      'options.connection',
      `${fn}: give options.connection (a redis:// URL) or options.redis (an ioredis client); ` +
        `e.g. ${fn}({ connection: 'redis://127.0.0.1:6379' }).`,
    );
  }
  const keys = queueKeys(resolveNames(fn, { prefix: options.prefix ?? defaultQueueNames.prefix }));
  const interval = (1000 / cap) * (1 + margin);
  const span = Math.max(1, Math.floor(cap));
  // A grant older than this when its reply is read is not used: it would reach SEC late enough
  // to share a one-second window with grants made after it.
  const staleMs = Math.max(2, (1000 * margin) / 2);
  let client: Promise<RedisClient> | undefined =
    options.redis === undefined ? undefined : Promise.resolve(options.redis);
  const redis = (): Promise<RedisClient> => {
    client ??= openRedis(fn, options.connection);
    return client;
  };
  let pausedUntil = Number.NEGATIVE_INFINITY;
  const notePause = (remainingMs: number): void => {
    if (remainingMs > 0) pausedUntil = Math.max(pausedUntil, Date.now() + remainingMs);
  };
  let pending: Promise<unknown> = Promise.resolve();

  return {
    maxRequestsPerSecond: cap,
    get pausedUntil(): number {
      return pausedUntil;
    },
    async acquire(signal?: AbortSignal): Promise<void> {
      if (signal?.aborted) throw reasonOf(signal);
      const r = await redis();
      // A pause this process just sent goes first.
      await pending;
      for (;;) {
        const asked = performance.now();
        const [granted, wait, paused] = (await r.eval(
          ACQUIRE,
          2,
          keys.grants,
          keys.pausedUntil,
          interval,
          span,
        )) as [string, string, string];
        notePause(Number(paused));
        if (granted === '1') {
          if (performance.now() - asked <= staleMs) return;
          // Read too late (a stalled event loop): sending now could crowd a later second.
          signal?.throwIfAborted();
          continue;
        }
        // A little jitter so that processes woken for the same slot do not all ask at once.
        await sleep(Math.max(1, Math.ceil(Number(wait))) + Math.random() * 3, signal);
      }
    },
    pause(ms: number): void {
      if (!(ms > 0)) return;
      notePause(ms);
      pending = redis()
        .then((r) => r.eval(PAUSE, 1, keys.pausedUntil, ms))
        .then((remaining) => notePause(Number(remaining)))
        .catch(() => {});
    },
    async close(): Promise<void> {
      if (options.redis !== undefined || client === undefined) return;
      const r = await client;
      client = undefined;
      await r.quit().catch(() => r.disconnect());
    },
  };
}
