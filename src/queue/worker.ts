import {
  type EdgarBaseUrls,
  type EdgarCacheStore,
  EdgarClient,
  EdgarHttpError,
  type RateLimiter,
} from '../edgar/index.js';
import { isFinTabTextError } from '../errors/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
import { createPipelinePool, type FilingRow, type FilingRowOptions } from '../pipeline/index.js';
import { computeFilingRow, failedRow } from './compute.js';
import { readQueueConfig, type StoredQueueConfig } from './config.js';
import { openRedis, type QueueConnection, type QueueNames, queueKeys, resolveNames } from './connection.js';
import type { TabTextJobData } from './jobs.js';
import { loadBullmq, type RedisClient } from './load.js';
import { createRedisCache } from './redis-cache.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

/** Options of {@link startWorker}. */
export interface StartWorkerOptions extends QueueNames {
  /** Where Redis is: `'redis://127.0.0.1:6379'` or `{ host, port }`. */
  readonly connection: QueueConnection;
  /**
   * Filings computed at once by this process (their SEC requests still share the one limiter).
   * @default 4
   */
  readonly concurrency?: number;
  /**
   * Threads that extract and score (the pipeline's pool); `0` scores in this thread. Keeping the
   * scoring off the main thread keeps the event loop free, so a granted SEC request goes out at
   * once. For more cores, start more worker processes (or raise this).
   * @default 1
   */
  readonly threads?: number;
  /**
   * The document cache: the shared Redis cache, any store (for example `createFileCache` on a
   * shared folder), or `false` for none.
   * @default createRedisCache({ connection })
   */
  readonly cache?: EdgarCacheStore | false;
  /**
   * The User-Agent sent to SEC.
   * @default the producer's, stored with the queue
   */
  readonly userAgent?: string;
  /**
   * SEC requests per second for all processes together (the shared Redis limiter's cap).
   * @default the producer's, stored with the queue (9 if none)
   */
  readonly maxRequestsPerSecond?: number;
  /**
   * Head-room of the shared limiter (see `createRedisRateLimiter`).
   * @default the producer's, stored with the queue (0.05 if none)
   */
  readonly safetyMargin?: number;
  /**
   * A limiter to use instead of the shared Redis one (a seam for tests and benchmarks against a
   * local server; against SEC, keep the default).
   * @default createRedisRateLimiter({ connection, maxRequestsPerSecond })
   */
  readonly limiter?: RateLimiter;
  /**
   * SEC hosts (a mirror or a test server).
   * @default { www: 'https://www.sec.gov', data: 'https://data.sec.gov' }
   */
  readonly baseUrls?: Partial<EdgarBaseUrls>;
  /**
   * How long to pause every worker after SEC's "Request Rate Threshold" page, which gives no
   * Retry-After (a 429 with Retry-After pauses for that long).
   * @default 600000 (10 minutes, SEC's block time)
   */
  readonly blockPauseMs?: number;
  /**
   * How long a job stays locked to this worker without a heartbeat: a worker that dies (even by
   * SIGKILL) loses its jobs to the others after about this long.
   * @default 30000
   */
  readonly lockDurationMs?: number;
  /**
   * How often workers look for jobs whose worker died.
   * @default 30000
   */
  readonly stalledIntervalMs?: number;
  /**
   * Stops the worker (as `close()`).
   * @default undefined
   */
  readonly signal?: AbortSignal;
  /**
   * Called as jobs start, finish and fail, and when SEC rate-limits.
   * @default undefined
   */
  readonly onEvent?: (event: QueueWorkerEvent) => void;
}

/** What a worker reports through `onEvent`. */
export type QueueWorkerEvent =
  | { readonly type: 'active'; readonly accessionNumber: string }
  | {
      readonly type: 'completed';
      readonly accessionNumber: string;
      /** `false` when the row was stored already (nothing computed). */
      readonly computed: boolean;
      /** The row's `error`, or `null`. */
      readonly error: string | null;
    }
  | { readonly type: 'retrying'; readonly accessionNumber: string; readonly error: string }
  | { readonly type: 'rate-limited'; readonly pauseMs: number; readonly url: string };

/** A running worker. */
export interface QueueWorker {
  /** Filings this worker stored a row for. */
  readonly completed: number;
  /** Stop taking jobs, finish the running ones, close the connections. */
  close(): Promise<void>;
}

const KNOWN = [
  'connection',
  'queueName',
  'prefix',
  'concurrency',
  'threads',
  'cache',
  'userAgent',
  'maxRequestsPerSecond',
  'safetyMargin',
  'limiter',
  'baseUrls',
  'blockPauseMs',
  'lockDurationMs',
  'stalledIntervalMs',
  'signal',
  'onEvent',
];

function messageOf(error: unknown): string {
  if (error instanceof Error)
    return isFinTabTextError(error) ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}

// A filing that is not there will not appear on a retry.
function isPermanent(error: unknown): boolean {
  return error instanceof EdgarHttpError && (error.status === 404 || error.status === 410);
}

/**
 * Start a worker: it takes filing jobs from the queue, fetches each filing (every SEC request of
 * every worker paced by one Redis limiter at the user's cap) and computes its row with the
 * pipeline's `filingRow`, then stores the row once, keyed by accession number. A 429 or SEC's
 * "Request Rate Threshold" page seen by any worker pauses the SEC requests of all of them (the
 * limiter's shared pause) and stops the queue handing out jobs (BullMQ's rate limit) for the
 * block time. A worker that dies loses nothing: BullMQ gives its locked jobs to another worker
 * after `lockDurationMs`. A filing that keeps failing gets a row with `error` set.
 *
 * @param options - `connection` (required), `concurrency`, `cache`, `userAgent`, caps and timings.
 * @returns A {@link QueueWorker}; call `close()` to stop.
 * @throws {InvalidArgumentError} for a bad option.
 * @throws {MissingDependencyError} when bullmq or ioredis is not installed.
 * @example
 * ```ts
 * import { startWorker } from 'fin-tabtext/queue';
 * const worker = await startWorker({ connection: 'redis://127.0.0.1:6379', concurrency: 4 });
 * process.on('SIGTERM', () => void worker.close());
 * ```
 */
export async function startWorker(options: StartWorkerOptions): Promise<QueueWorker> {
  const fn = 'startWorker';
  checkOptions(fn, options, KNOWN);
  const concurrency =
    checkNumber(fn, 'options.concurrency', options.concurrency, { min: 1, max: 1000, integer: true }) ?? 4;
  const lockDuration =
    checkNumber(fn, 'options.lockDurationMs', options.lockDurationMs, { min: 500, integer: true }) ?? 30_000;
  const stalledInterval =
    checkNumber(fn, 'options.stalledIntervalMs', options.stalledIntervalMs, { min: 100, integer: true }) ??
    30_000;
  const threads =
    checkNumber(fn, 'options.threads', options.threads, { min: 0, max: 256, integer: true }) ?? 1;
  const blockPauseMs = checkNumber(fn, 'options.blockPauseMs', options.blockPauseMs, {
    min: 0,
    integer: true,
  });
  const names = resolveNames(fn, options);
  const keys = queueKeys(names);
  const { Queue, Worker } = await loadBullmq();
  const pool = await createPipelinePool({ workers: threads });
  // Warm the scoring threads (word lists, lexicons, CMUdict) before the first job is taken.
  await Promise.all(
    Array.from({ length: Math.max(1, threads) }, () =>
      pool.run({ kind: 'scores', texts: [''], options: undefined }),
    ),
  );
  const redis: RedisClient = await openRedis(fn, options.connection);
  const queue = new Queue<TabTextJobData>(names.queueName, { connection: redis, prefix: names.prefix });
  const cacheStore = options.cache ?? createRedisCache({ redis, prefix: names.prefix });

  let setup: Promise<{ client: EdgarClient; row: FilingRowOptions }> | undefined;
  let setupFor: string | undefined;
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  // One client per worker process, built from the queue's stored config on the first job (workers
  // may start before the producer has run).
  const clientFor = (stored: StoredQueueConfig): Promise<{ client: EdgarClient; row: FilingRowOptions }> => {
    const id = JSON.stringify(stored);
    if (setup !== undefined && setupFor === id) return setup;
    setupFor = id;
    const limiter =
      options.limiter ??
      createRedisRateLimiter({
        redis,
        prefix: names.prefix,
        maxRequestsPerSecond: options.maxRequestsPerSecond ?? stored.maxRequestsPerSecond,
        safetyMargin: options.safetyMargin ?? stored.safetyMargin,
      });
    const client = new EdgarClient({
      userAgent: options.userAgent ?? stored.userAgent,
      limiter,
      ...(cacheStore === false ? { cacheDir: false } : { cacheStore }),
      ...(options.baseUrls === undefined ? {} : { baseUrls: options.baseUrls }),
      ...(blockPauseMs === undefined ? {} : { blockPauseMs }),
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type !== 'rate-limited') return;
        // The limiter has paused every worker's SEC requests; this also stops BullMQ handing
        // out new jobs to any worker until the block is over.
        void queue.rateLimit(event.pauseMs).catch(() => {});
        options.onEvent?.({ type: 'rate-limited', pauseMs: event.pauseMs, url: event.url });
      },
    });
    setup = Promise.resolve({ client, row: stored.row as FilingRowOptions });
    return setup;
  };

  let completed = 0;
  const worker = new Worker<TabTextJobData>(
    names.queueName,
    async (job) => {
      const accession = job.data.ref.accessionNumber;
      options.onEvent?.({ type: 'active', accessionNumber: accession });
      if ((await redis.hexists(keys.results, accession)) === 1) {
        options.onEvent?.({ type: 'completed', accessionNumber: accession, computed: false, error: null });
        return;
      }
      const stored = await readQueueConfig(redis, keys);
      if (stored === null)
        throw new Error(`queue '${names.queueName}' has no config: run enqueueDataset first`);
      const { client, row: rowOptions } = await clientFor(stored);
      let row: FilingRow;
      try {
        row = await computeFilingRow(client, job.data.ref, rowOptions, async (document, meta) => {
          const [computed] = (await pool.run({
            kind: 'rows',
            items: [{ document, meta }],
            options: rowOptions,
          })) as FilingRow[];
          return computed!;
        });
      } catch (error) {
        if (controller.signal.aborted) throw error;
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (!last && !isPermanent(error)) {
          options.onEvent?.({ type: 'retrying', accessionNumber: accession, error: messageOf(error) });
          throw error;
        }
        row = failedRow(job.data.ref, rowOptions, error);
      }
      // HSET by accession: a job retried after its worker died mid-write still leaves one row.
      await redis.hset(keys.results, accession, JSON.stringify(row));
      completed++;
      options.onEvent?.({
        type: 'completed',
        accessionNumber: accession,
        computed: true,
        error: typeof row.error === 'string' ? row.error : null,
      });
    },
    {
      connection: redis,
      prefix: names.prefix,
      concurrency,
      lockDuration,
      stalledInterval,
      maxStalledCount: 3,
      // A job limit far above any SEC rate: present so that queue.rateLimit() (a block) holds
      // every worker; the real pacing is the request limiter.
      limiter: { max: 100_000, duration: 1000 },
      autorun: true,
    },
  );
  worker.on('error', () => {});

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      options.signal?.removeEventListener('abort', onAbort);
      await worker.close();
      controller.abort();
      await queue.close();
      await pool.close();
      await redis.quit().catch(() => redis.disconnect());
    })();
    return closing;
  };
  options.signal?.addEventListener('abort', () => void close(), { once: true });
  await worker.waitUntilReady();
  return {
    get completed(): number {
      return completed;
    },
    close,
  };
}
