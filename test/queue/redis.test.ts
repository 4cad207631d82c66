// The Redis pieces of fin-tabtext/queue on a real Redis: the shared document cache, the shared
// limiter's pause, and the error when an optional package is missing. Rates are measured at the
// SEC test server in queue.test.ts, not here.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EdgarClient } from '../../src/edgar/index.js';
import { isFinTabTextError } from '../../src/errors/index.js';
import { MissingDependencyError } from '../../src/queue/errors.js';
import { loadOptional } from '../../src/queue/load.js';
import { createRedisCache } from '../../src/queue/redis-cache.js';
import { createRedisRateLimiter } from '../../src/queue/redis-rate-limiter.js';
import { type EdgarTestServer, startEdgarServer } from '../support/edgar-server.js';
import { readFixture } from '../support/fixtures.js';
import { redisSkipReason, startRedis, type TestRedis } from '../support/redis.js';

const skip = redisSkipReason();
if (skip !== null) console.warn(`test/queue/redis.test.ts skipped: ${skip}`);

describe.skipIf(skip !== null)('fin-tabtext/queue on a real Redis', () => {
  let redis: TestRedis;
  let client: Redis;
  const prefix = `t${process.pid}r${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    redis = await startRedis();
    client = new Redis(redis.url);
  });
  afterAll(async () => {
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length > 0) await client.del(...keys);
    await client.quit();
    await redis.stop();
  });

  it('stores a real filing compressed and reads it back byte for byte', async () => {
    const cache = createRedisCache({ redis: client, prefix });
    const body = Buffer.from(readFixture('filings/mcd_10-K_2024-02-22.htm'), 'utf8');
    const url = 'https://www.sec.gov/Archives/edgar/data/63908/000006390824000011/mcd-20231231.htm';
    expect(await cache.get(url)).toBeUndefined();
    await cache.set({ url, storedAt: 1_700_000_000_000, body });
    const entry = await cache.get(url);
    expect(entry?.storedAt).toBe(1_700_000_000_000);
    expect(Buffer.from(entry!.body).equals(body)).toBe(true);
    const stored = await client.getBuffer(`${prefix}:cache:${url}`);
    expect(stored!.length).toBeLessThan(body.length / 4);
  });

  it('reads a damaged entry as a miss', async () => {
    const cache = createRedisCache({ redis: client, prefix });
    const url = 'https://data.sec.gov/submissions/CIK0000063908.json';
    await client.set(
      `${prefix}:cache:${url}`,
      `${JSON.stringify({ url, storedAt: 1, bytes: 10 })}\nnot gzip`,
    );
    expect(await cache.get(url)).toBeUndefined();
    await client.set(`${prefix}:cache:${url}`, 'no header at all');
    expect(await cache.get(url)).toBeUndefined();
  });

  it('serves a second client from the cache the first one filled (no second request)', async () => {
    const server: EdgarTestServer = await startEdgarServer();
    try {
      const make = (): EdgarClient =>
        new EdgarClient({
          userAgent: 'fin-tabtext tests tests@example.com',
          baseUrls: server.baseUrls,
          cacheStore: createRedisCache({ redis: client, prefix }),
        });
      const first = await make().submissions('320193');
      expect(server.requests).toHaveLength(1);
      const second = await make().submissions('320193');
      expect(second).toEqual(first);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('a pause from one limiter holds every limiter of the prefix', async () => {
    const other = new Redis(redis.url);
    try {
      const a = createRedisRateLimiter({ redis: client, prefix, maxRequestsPerSecond: 10 });
      const b = createRedisRateLimiter({ redis: other, prefix, maxRequestsPerSecond: 10 });
      await b.acquire();
      a.pause(600);
      await a.acquire(); // waits out its own pause
      const start = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      a.pause(400);
      await new Promise((resolve) => setTimeout(resolve, 50));
      await b.acquire();
      expect(Date.now() - start).toBeGreaterThanOrEqual(380);
      expect(b.pausedUntil).toBeGreaterThan(start);
    } finally {
      await other.quit();
    }
  });

  it('rejects a cap above SEC fair access and a missing connection, naming the field', () => {
    expect(() => createRedisRateLimiter({ redis: client, maxRequestsPerSecond: 11 })).toThrow(
      /maxRequestsPerSecond must be a number above 0 and at most 10/,
    );
    expect(() => createRedisRateLimiter({})).toThrow(/options\.connection/);
    expect(() => createRedisCache({ redis: client, levl: 3 } as never)).toThrow(/Did you mean 'level'/);
  });

  it('aborts a wait on the shared limiter', async () => {
    const limiter = createRedisRateLimiter({ redis: client, prefix: `${prefix}x`, maxRequestsPerSecond: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

describe('a missing optional package', () => {
  it('names the package and the install command', async () => {
    const missing = async (): Promise<never> => {
      const error = new Error("Cannot find package 'bullmq' imported from /app/dist/queue.js") as Error & {
        code: string;
      };
      error.code = 'ERR_MODULE_NOT_FOUND';
      throw error;
    };
    const error = await loadOptional('bullmq', missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingDependencyError);
    expect(isFinTabTextError(error)).toBe(true);
    expect((error as MissingDependencyError).packageName).toBe('bullmq');
    expect((error as Error).message).toMatch(/optional package 'bullmq'.*npm install bullmq ioredis/);
  });

  it('passes other load errors through', async () => {
    const broken = async (): Promise<never> => {
      throw new SyntaxError('Unexpected token');
    };
    await expect(loadOptional('ioredis', broken)).rejects.toThrow(SyntaxError);
  });
});
