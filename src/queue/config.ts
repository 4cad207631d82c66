import { InvalidArgumentError } from '../errors/index.js';
import type { QueueKeys } from './connection.js';
import type { RedisClient } from './load.js';

/** What the producer asked for, stored once per queue so that every worker computes the same rows. */
export interface StoredQueueConfig {
  /** The row options given to `filingRow` (JSON). */
  readonly row: Readonly<Record<string, unknown>>;
  /** The producer's User-Agent, the workers' default. */
  readonly userAgent: string;
  /** The producer's cap, the workers' default. */
  readonly maxRequestsPerSecond: number;
  /** The producer's limiter head-room, the workers' default. */
  readonly safetyMargin: number;
}

/** The stored config of a queue, or `null` before the first `enqueueDataset`. */
export async function readQueueConfig(
  redis: RedisClient,
  keys: QueueKeys,
): Promise<StoredQueueConfig | null> {
  const raw = await redis.hgetall(keys.config);
  if (raw.row === undefined) return null;
  return {
    row: JSON.parse(raw.row) as Record<string, unknown>,
    userAgent: raw.userAgent ?? '',
    maxRequestsPerSecond: Number(raw.maxRequestsPerSecond ?? 9),
    safetyMargin: Number(raw.safetyMargin ?? 0.05),
  };
}

/**
 * Store the config, or check it against the one stored: a queue holds one data set, so a second
 * `enqueueDataset` with other row options (which would give rows of other columns) is refused.
 */
export async function storeQueueConfig(
  redis: RedisClient,
  keys: QueueKeys,
  queueName: string,
  config: StoredQueueConfig,
): Promise<void> {
  const row = JSON.stringify(config.row);
  const created = await redis.hsetnx(keys.config, 'row', row);
  if (created === 1) {
    await redis.hset(keys.config, {
      userAgent: config.userAgent,
      maxRequestsPerSecond: String(config.maxRequestsPerSecond),
      safetyMargin: String(config.safetyMargin),
      createdAt: new Date().toISOString(),
    });
    return;
  }
  const stored = await redis.hget(keys.config, 'row');
  if (stored !== row) {
    throw new InvalidArgumentError(
      'config',
      `enqueueDataset: queue '${queueName}' already holds a data set built with row options ${stored}, ` +
        `not ${row}; rows of both would not share columns. Use another queue, ` +
        `e.g. enqueueDataset(config, { connection, queueName: 'tabtext-with-text' }).`,
    );
  }
}
