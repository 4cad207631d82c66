import { checkOptions } from '../options/index.js';
import { openRedis, type QueueConnection, type QueueNames, queueKeys, resolveNames } from './connection.js';
import { loadBullmq, type RedisClient } from './load.js';

/** Options of {@link queueStatus}. */
export interface QueueStatusOptions extends QueueNames {
  /** Where Redis is: `'redis://127.0.0.1:6379'` or `{ host, port }`. */
  readonly connection: QueueConnection;
}

/** Where a queue stands. */
export interface QueueStatus {
  /** Filings ever enqueued. */
  readonly listed: number;
  /** Rows stored (done, with or without `error`). */
  readonly done: number;
  /** Stored rows whose `error` is set. */
  readonly errors: number;
  /** Jobs waiting for a worker. */
  readonly waiting: number;
  /** Jobs being computed. */
  readonly active: number;
  /** Jobs waiting to be retried. */
  readonly delayed: number;
  /** Jobs that BullMQ gave up on (their row, if any, records the error). */
  readonly failed: number;
  /** Workers connected to the queue. */
  readonly workers: number;
  /** Milliseconds left of a rate-limit pause of every worker, or 0. */
  readonly pausedMs: number;
}

const KNOWN = ['connection', 'queueName', 'prefix'];

/**
 * The counts of a queue: filings listed, rows done (and with errors), jobs waiting, running,
 * delayed and failed, connected workers and any rate-limit pause left.
 *
 * @param options - `connection` (required), `queueName`, `prefix`.
 * @returns A {@link QueueStatus}.
 * @throws {MissingDependencyError} when bullmq or ioredis is not installed.
 * @example
 * ```ts
 * import { queueStatus } from 'fin-tabtext/queue';
 * const s = await queueStatus({ connection: 'redis://127.0.0.1:6379' });
 * console.log(`${s.done}/${s.listed} done, ${s.active} running on ${s.workers} workers`);
 * ```
 */
export async function queueStatus(options: QueueStatusOptions): Promise<QueueStatus> {
  const fn = 'queueStatus';
  checkOptions(fn, options, KNOWN);
  const names = resolveNames(fn, options);
  const keys = queueKeys(names);
  const { Queue } = await loadBullmq();
  const redis: RedisClient = await openRedis(fn, options.connection);
  const queue = new Queue(names.queueName, { connection: redis, prefix: names.prefix });
  try {
    const [counts, listed, done, workers, pausedTtl, rows] = await Promise.all([
      queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
      redis.zcard(keys.order),
      redis.hlen(keys.results),
      queue.getWorkersCount(),
      redis.pttl(keys.pausedUntil),
      countErrors(redis, keys.results),
    ]);
    const paused = Number((await redis.get(keys.pausedUntil)) ?? 0);
    const [seconds, micros] = await redis.time();
    const now = Number(seconds) * 1000 + Number(micros) / 1000;
    return {
      listed,
      done,
      errors: rows,
      waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      workers,
      pausedMs: pausedTtl > 0 ? Math.max(0, Math.ceil(paused - now)) : 0,
    };
  } finally {
    await queue.close();
    await redis.quit().catch(() => redis.disconnect());
  }
}

async function countErrors(redis: RedisClient, key: string): Promise<number> {
  let errors = 0;
  let cursor = '0';
  do {
    const [next, entries] = await redis.hscan(key, cursor, 'COUNT', 1000);
    cursor = next;
    for (let i = 1; i < entries.length; i += 2) {
      if (!entries[i]!.includes('"error":null')) errors++;
    }
  } while (cursor !== '0');
  return errors;
}
