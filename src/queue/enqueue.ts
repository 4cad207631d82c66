import { reasonOf } from '../edgar/clock.js';
import {
  type EdgarBaseUrls,
  type EdgarCacheStore,
  EdgarClient,
  type FilingRef,
  type ListFilingsQuery,
  normalizeFilingsQuery,
  validateUserAgent,
} from '../edgar/index.js';
import { describeType, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
import { type FilingRowOptions, pipelineColumns } from '../pipeline/index.js';
import { FILING_ROW_OPTION_KEYS } from '../pipeline/options.js';
import { storeQueueConfig } from './config.js';
import { openRedis, type QueueConnection, type QueueNames, queueKeys, resolveNames } from './connection.js';
import { jobIdOf, type TabTextJobData } from './jobs.js';
import { loadBullmq, type RedisClient } from './load.js';
import { createRedisCache } from './redis-cache.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

/**
 * What to enqueue: the filings query of `buildDataset` (`tickersOrCiks`, `formTypes`,
 * `filingDateStart`, `filingDateEnd`, `includeAmendments`), its row options (`includeText`,
 * `summary`, `scores`, `altman`, `altmanVariant`) and who asks SEC (`userAgent`).
 */
export interface EnqueueDatasetConfig extends Partial<ListFilingsQuery>, FilingRowOptions {
  /**
   * Filings to enqueue instead of a query (e.g. from `client.listFilings`); `tickersOrCiks` is
   * then not needed and nothing is listed.
   * @default undefined (list them from `tickersOrCiks`, `formTypes`, `filingDateStart`, `filingDateEnd`)
   */
  readonly filings?: readonly FilingRef[];
  /** Your name or company and a contact email, as SEC requires; the workers' default too. */
  readonly userAgent: string;
  /**
   * SEC requests per second for all machines together (the producer's listing and every
   * worker), at most 10; stored with the queue as the workers' default.
   * @default 9
   */
  readonly maxRequestsPerSecond?: number;
  /**
   * Head-room of the shared limiter (see `createRedisRateLimiter`), stored as the workers' default.
   * @default 0.05
   */
  readonly safetyMargin?: number;
  /**
   * SEC hosts (a mirror or a test server).
   * @default { www: 'https://www.sec.gov', data: 'https://data.sec.gov' }
   */
  readonly baseUrls?: Partial<EdgarBaseUrls>;
  /**
   * How long a cached submissions listing stays fresh.
   * @default 86400000 (1 day)
   */
  readonly cacheTtlMs?: number;
}

/** Options of {@link enqueueDataset}. */
export interface EnqueueDatasetOptions extends QueueNames {
  /** Where Redis is: `'redis://127.0.0.1:6379'` or `{ host, port }`. */
  readonly connection: QueueConnection;
  /**
   * Where listings are cached: the shared Redis cache, or any store (`false`: none).
   * @default createRedisCache({ connection })
   */
  readonly cache?: EdgarCacheStore | false;
  /**
   * Attempts per filing before its row records the error.
   * @default 3
   */
  readonly attempts?: number;
  /**
   * Cancels listing and enqueueing.
   * @default undefined
   */
  readonly signal?: AbortSignal;
}

/** What {@link enqueueDataset} did. */
export interface EnqueueDatasetResult {
  /** Filings that matched the query. */
  readonly listed: number;
  /** Jobs added now. */
  readonly added: number;
  /** Filings skipped: their row is stored already, or their job is queued or running. */
  readonly skipped: number;
  /** Companies that could not be listed, with the reason (nothing was enqueued for them). */
  readonly failed: readonly { readonly input: string; readonly error: string }[];
}

const CONFIG_KEYS = [
  'filings',
  'tickersOrCiks',
  'formTypes',
  'filingDateStart',
  'filingDateEnd',
  'includeAmendments',
  'userAgent',
  'maxRequestsPerSecond',
  'safetyMargin',
  'baseUrls',
  'cacheTtlMs',
  ...FILING_ROW_OPTION_KEYS,
];
const OPTION_KEYS = ['connection', 'queueName', 'prefix', 'cache', 'attempts', 'signal'];
const BATCH = 500;

function messageOf(error: unknown): string {
  if (error instanceof Error)
    return isFinTabTextError(error) ? `${error.code}: ${error.message}` : error.message;
  return String(error);
}

/** The row options of a config, with only the keys the caller gave. */
function rowOptionsOf(config: EnqueueDatasetConfig): FilingRowOptions {
  const row: Record<string, unknown> = {};
  for (const key of FILING_ROW_OPTION_KEYS) {
    const value = (config as unknown as Record<string, unknown>)[key];
    if (value !== undefined) row[key] = value;
  }
  return row as FilingRowOptions;
}

/**
 * Fill a queue with one job per filing of a data set: the producer lists the filings (its SEC
 * requests paced by the shared Redis limiter, listings kept in the shared cache) and adds one
 * BullMQ job per filing whose job id is the accession number. A filing whose row is stored, or
 * whose job is already queued or running, is skipped, so enqueueing the same query again adds
 * nothing and a widened query adds only the new filings. Start workers with {@link startWorker}
 * (before or after), watch with {@link queueStatus}, write the table with {@link exportDataset}.
 *
 * @param config - Companies, forms and dates as for `buildDataset`, the row options, `userAgent`.
 * @param options - `connection` (required), `queueName`, `prefix`, `cache`, `attempts`, `signal`.
 * @returns How many filings were listed, added and skipped, and companies that failed.
 * @throws {InvalidArgumentError} for a bad query, option or User-Agent (nothing is sent), or row
 *   options that differ from those the queue was filled with.
 * @throws {MissingDependencyError} when bullmq or ioredis is not installed.
 * @example
 * ```ts
 * import { enqueueDataset } from 'fin-tabtext/queue';
 * const result = await enqueueDataset(
 *   { tickersOrCiks: ['AAPL', 'MSFT'], formTypes: ['10-K', '10-Q'], filingDateStart: '2019-01-01',
 *     filingDateEnd: '2020-12-31', userAgent: 'Acme Research jane@acme.com' },
 *   { connection: 'redis://127.0.0.1:6379' },
 * );
 * console.log(`${result.added} filings queued, ${result.skipped} already there`);
 * ```
 */
export async function enqueueDataset(
  config: EnqueueDatasetConfig,
  options: EnqueueDatasetOptions,
): Promise<EnqueueDatasetResult> {
  const fn = 'enqueueDataset';
  checkOptions(fn, config, CONFIG_KEYS, 'config');
  checkOptions(fn, options, OPTION_KEYS);
  validateUserAgent(config.userAgent);
  if (config?.filings !== undefined && !Array.isArray(config.filings)) {
    throw new InvalidArgumentError(
      'config.filings',
      `${fn}: config.filings must be an array of filings (from client.listFilings), got ${describeType(config.filings)}.`,
    );
  }
  const query =
    config.filings === undefined
      ? normalizeFilingsQuery({
          tickersOrCiks: config.tickersOrCiks,
          formTypes: config.formTypes,
          filingDateStart: config.filingDateStart,
          filingDateEnd: config.filingDateEnd,
          includeAmendments: config.includeAmendments,
        } as ListFilingsQuery)
      : undefined;
  const row = rowOptionsOf(config);
  pipelineColumns(row); // validates the row options before anything is sent
  const cap = config.maxRequestsPerSecond ?? 9;
  const safetyMargin =
    checkNumber(fn, 'config.safetyMargin', config.safetyMargin, { min: 0, max: 1 }) ?? 0.05;
  const attempts =
    checkNumber(fn, 'options.attempts', options.attempts, { min: 1, max: 100, integer: true }) ?? 3;
  const names = resolveNames(fn, options);
  const keys = queueKeys(names);
  const signal = options.signal;
  if (options.connection === undefined) {
    throw new InvalidArgumentError(
      'options.connection',
      `${fn}: options.connection is required; e.g. ${fn}(config, { connection: 'redis://127.0.0.1:6379' }).`,
    );
  }
  const { Queue } = await loadBullmq();
  const redis: RedisClient = await openRedis(fn, options.connection);
  const limiter = createRedisRateLimiter({
    redis,
    prefix: names.prefix,
    maxRequestsPerSecond: cap,
    safetyMargin,
  });
  const cacheStore = options.cache ?? createRedisCache({ redis, prefix: names.prefix });
  const queue = new Queue<TabTextJobData>(names.queueName, { connection: redis, prefix: names.prefix });
  try {
    await storeQueueConfig(redis, keys, names.queueName, {
      row: row as Readonly<Record<string, unknown>>,
      userAgent: config.userAgent,
      maxRequestsPerSecond: cap,
      safetyMargin,
    });
    const client = new EdgarClient({
      userAgent: config.userAgent,
      limiter,
      ...(cacheStore === false ? { cacheDir: false } : { cacheStore }),
      ...(config.baseUrls === undefined ? {} : { baseUrls: config.baseUrls }),
      ...(config.cacheTtlMs === undefined ? {} : { cacheTtlMs: config.cacheTtlMs }),
      ...(signal === undefined ? {} : { signal }),
      onProgress: (event) => {
        if (event.type === 'rate-limited') void queue.rateLimit(event.pauseMs);
      },
    });
    const failed: { input: string; error: string }[] = [];
    const listed = await Promise.all(
      (query?.tickersOrCiks ?? []).map(async (input): Promise<FilingRef[]> => {
        try {
          return await client.listCompanyFilings(await client.resolveCompany(input), query!);
        } catch (error) {
          if (signal?.aborted) throw reasonOf(signal);
          failed.push({ input, error: messageOf(error) });
          return [];
        }
      }),
    );
    const refs = config.filings ?? listed.flat();
    let added = 0;
    for (let start = 0; start < refs.length; start += BATCH) {
      if (signal?.aborted) throw reasonOf(signal);
      const batch = refs.slice(start, start + BATCH);
      const check = redis.pipeline();
      for (const ref of batch) {
        check.hexists(keys.results, ref.accessionNumber);
        check.exists(`${names.prefix}:${names.queueName}:${jobIdOf(ref.accessionNumber)}`);
      }
      const answers = (await check.exec()) ?? [];
      const fresh = batch.filter((_, i) => answers[2 * i]?.[1] === 0 && answers[2 * i + 1]?.[1] === 0);
      if (fresh.length === 0) continue;
      // Listing order, for export: the first enqueue of a filing fixes its place.
      const first = Number(await redis.incrby(keys.sequence, fresh.length)) - fresh.length;
      const order = redis.pipeline();
      for (const [i, ref] of fresh.entries()) order.zadd(keys.order, 'NX', first + i, ref.accessionNumber);
      await order.exec();
      await queue.addBulk(
        fresh.map((ref) => ({
          name: 'filing',
          data: { ref },
          opts: {
            jobId: jobIdOf(ref.accessionNumber),
            attempts,
            backoff: { type: 'exponential', delay: 2000 },
            removeOnComplete: true,
            removeOnFail: false,
          },
        })),
      );
      added += fresh.length;
    }
    return { listed: refs.length, added, skipped: refs.length - added, failed };
  } finally {
    await queue.close();
    await redis.quit().catch(() => redis.disconnect());
  }
}
