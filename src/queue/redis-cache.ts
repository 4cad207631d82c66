import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { EdgarCacheEntry, EdgarCacheStore } from '../edgar/index.js';
import { InvalidArgumentError } from '../errors/index.js';
import { checkNumber, checkOptions } from '../options/index.js';
import { defaultQueueNames, openRedis, type QueueConnection, queueKeys, resolveNames } from './connection.js';
import type { RedisClient } from './load.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Options of {@link createRedisCache}. */
export interface RedisCacheOptions {
  /** Where Redis is; or pass `redis`. */
  readonly connection?: QueueConnection;
  /**
   * An open ioredis client to use instead of `connection` (not closed by `close()`).
   * @default undefined
   */
  readonly redis?: RedisClient;
  /**
   * Key prefix; keys are `<prefix>:cache:<url>`.
   * @default 'fin-tabtext'
   */
  readonly prefix?: string;
  /**
   * Let Redis drop an entry this many milliseconds after it was stored, so the cache holds a
   * working set instead of every document ever fetched. `0` keeps entries until deleted.
   * (Freshness of submissions is decided by the client's `cacheTtlMs` either way.)
   * @default 0
   */
  readonly expireMs?: number;
  /**
   * gzip level, 1 (fastest) to 9 (smallest).
   * @default 6
   */
  readonly level?: number;
}

/** An {@link EdgarCacheStore} in Redis, plus `close()`. */
export interface RedisCacheStore extends EdgarCacheStore {
  /** Close the Redis connection this store opened (not one passed as `redis`). */
  close(): Promise<void>;
}

const KNOWN = ['connection', 'redis', 'prefix', 'expireMs', 'level'] as const;

interface Header {
  readonly url: string;
  readonly storedAt: number;
  readonly bytes: number;
  /** SHA-256 of the body, which the client checks on reading. */
  readonly sha256: string;
}

/**
 * A document cache every machine can share: one Redis key per SEC URL holding a one-line JSON
 * header (`url`, `storedAt`, `bytes`, `sha256`) and the gzip-compressed body. An entry is written with
 * one `SET`, so it is never half-written; an entry whose header, gzip stream or length does not
 * check out reads as a miss. Filing documents compress about 5-10x; plan Redis memory for
 * your working set, or set `expireMs` (see docs/scaling-out.md for the trade-off against a
 * shared folder).
 *
 * @param options - `connection` or `redis`, `prefix`, `expireMs`, `level`.
 * @returns A {@link RedisCacheStore} for `EdgarClient`'s `cacheStore` option.
 * @throws {InvalidArgumentError} for bad options or no connection.
 * @example
 * ```ts
 * import { EdgarClient } from 'fin-tabtext';
 * import { createRedisCache } from 'fin-tabtext/queue';
 * const cacheStore = createRedisCache({ connection: 'redis://127.0.0.1:6379' });
 * const client = new EdgarClient({ userAgent: 'Acme Research jane@acme.com', cacheStore });
 * await client.submissions('AAPL'); // the next machine reads it from Redis
 * await cacheStore.close();
 * ```
 */
export function createRedisCache(options: RedisCacheOptions): RedisCacheStore {
  const fn = 'createRedisCache';
  checkOptions(fn, options, KNOWN);
  const expireMs = checkNumber(fn, 'options.expireMs', options.expireMs, { min: 0, integer: true }) ?? 0;
  const level = checkNumber(fn, 'options.level', options.level, { min: 1, max: 9, integer: true }) ?? 6;
  if (options.redis === undefined && options.connection === undefined) {
    throw new InvalidArgumentError(
      'options.connection',
      `${fn}: give options.connection (a redis:// URL) or options.redis (an ioredis client); ` +
        `e.g. ${fn}({ connection: 'redis://127.0.0.1:6379' }).`,
    );
  }
  const prefix = queueKeys(resolveNames(fn, { prefix: options.prefix ?? defaultQueueNames.prefix })).cache;
  let client: Promise<RedisClient> | undefined =
    options.redis === undefined ? undefined : Promise.resolve(options.redis);
  const redis = (): Promise<RedisClient> => {
    client ??= openRedis(fn, options.connection);
    return client;
  };
  return {
    location: `redis ${prefix}*`,
    async get(url: string): Promise<EdgarCacheEntry | undefined> {
      const raw = await (await redis()).getBuffer(prefix + url);
      if (raw === null) return undefined;
      const newline = raw.indexOf(0x0a);
      if (newline < 0) return undefined;
      let header: Header;
      let body: Buffer;
      try {
        header = JSON.parse(raw.subarray(0, newline).toString('utf8')) as Header;
        body = await gunzipAsync(raw.subarray(newline + 1));
      } catch {
        return undefined;
      }
      if (header.url !== url || header.bytes !== body.length || typeof header.storedAt !== 'number') {
        return undefined;
      }
      return { url, storedAt: header.storedAt, body, sha256: header.sha256 };
    },
    async set(entry: EdgarCacheEntry): Promise<void> {
      const header: Header = {
        url: entry.url,
        storedAt: entry.storedAt,
        bytes: entry.body.length,
        sha256: entry.sha256 ?? createHash('sha256').update(entry.body).digest('hex'),
      };
      const packed = Buffer.concat([
        Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'),
        await gzipAsync(entry.body, { level }),
      ]);
      const r = await redis();
      if (expireMs > 0) await r.set(prefix + entry.url, packed, 'PX', expireMs);
      else await r.set(prefix + entry.url, packed);
    },
    async close(): Promise<void> {
      if (options.redis !== undefined || client === undefined) return;
      const r = await client;
      client = undefined;
      await r.quit().catch(() => r.disconnect());
    },
  };
}
