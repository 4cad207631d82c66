import { InvalidArgumentError } from '../errors/index.js';
import { loadRedis, type RedisClient } from './load.js';

/** Where Redis is: a `redis://` / `rediss://` URL, or host, port and credentials. */
export type QueueConnection = string | QueueConnectionOptions;

/** Host, port and credentials of a Redis server. */
export interface QueueConnectionOptions {
  /**
   * Host name or address.
   * @default '127.0.0.1'
   */
  readonly host?: string;
  /**
   * TCP port.
   * @default 6379
   */
  readonly port?: number;
  /**
   * ACL user name.
   * @default undefined
   */
  readonly username?: string;
  /**
   * Password.
   * @default undefined
   */
  readonly password?: string;
  /**
   * Database number.
   * @default 0
   */
  readonly db?: number;
}

/** Names shared by every function of `fin-tabtext/queue`: the queue and the Redis key prefix. */
export interface QueueNames {
  /**
   * The BullMQ queue name: one data set per queue.
   * @default 'tabtext'
   */
  readonly queueName?: string;
  /**
   * Prefix of every Redis key (BullMQ's and ours). The SEC rate limiter and the document
   * cache live under the prefix, not the queue, so every queue of one prefix shares one budget.
   * @default 'fin-tabtext'
   */
  readonly prefix?: string;
}

/** The defaults of {@link QueueNames}. */
export const defaultQueueNames: Readonly<Required<QueueNames>> = Object.freeze({
  queueName: 'tabtext',
  prefix: 'fin-tabtext',
});

const NAME = /^[A-Za-z0-9._-]+$/;

/** Validated names. */
export function resolveNames(fn: string, names: QueueNames): Required<QueueNames> {
  const queueName = names.queueName ?? defaultQueueNames.queueName;
  const prefix = names.prefix ?? defaultQueueNames.prefix;
  for (const [field, value] of [
    ['queueName', queueName],
    ['prefix', prefix],
  ] as const) {
    if (typeof value !== 'string' || !NAME.test(value)) {
      throw new InvalidArgumentError(
        `options.${field}`,
        `${fn}: options.${field} must be letters, digits, '.', '_' or '-', got ${JSON.stringify(value)}; ` +
          `e.g. ${fn}({ connection: 'redis://127.0.0.1:6379', ${field}: 'tabtext' }).`,
      );
    }
  }
  return { queueName, prefix };
}

/** Every Redis key this module writes besides BullMQ's own. */
export interface QueueKeys {
  /** Hash: accession number → the row as JSON. */
  readonly results: string;
  /** Sorted set: accession number, scored by listing order. */
  readonly order: string;
  /** Counter behind `order`. */
  readonly sequence: string;
  /** Hash: what the producer asked for (row options, user agent, cap). */
  readonly config: string;
  /** List: grant times of the shared SEC limiter. */
  readonly grants: string;
  /** String: epoch ms (Redis clock) until which SEC requests are paused. */
  readonly pausedUntil: string;
  /** Prefix of document-cache keys. */
  readonly cache: string;
}

/** The keys of one queue. */
export function queueKeys(names: Required<QueueNames>): QueueKeys {
  const base = `${names.prefix}:${names.queueName}`;
  return {
    results: `${base}:results`,
    order: `${base}:order`,
    sequence: `${base}:sequence`,
    config: `${base}:config`,
    grants: `${names.prefix}:sec:grants`,
    pausedUntil: `${names.prefix}:sec:paused-until`,
    cache: `${names.prefix}:cache:`,
  };
}

/**
 * Open an ioredis client. `maxRetriesPerRequest: null` is what BullMQ's workers need: a command
 * waits through a Redis restart instead of failing.
 *
 * @param fn - The calling function, for messages.
 * @param connection - A URL or connection options.
 * @returns A connected client.
 * @throws {InvalidArgumentError} for a connection that is neither.
 * @throws {MissingDependencyError} when ioredis is not installed.
 */
export async function openRedis(fn: string, connection: QueueConnection | undefined): Promise<RedisClient> {
  const Redis = await loadRedis();
  if (typeof connection === 'string') {
    if (!/^rediss?:\/\//.test(connection)) {
      throw new InvalidArgumentError(
        'options.connection',
        `${fn}: options.connection must be a redis:// URL or { host, port }, got ${JSON.stringify(connection)}; ` +
          `e.g. ${fn}({ connection: 'redis://127.0.0.1:6379' }).`,
      );
    }
    return new Redis(connection, { maxRetriesPerRequest: null });
  }
  if (connection === null || typeof connection !== 'object' || Array.isArray(connection)) {
    throw new InvalidArgumentError(
      'options.connection',
      `${fn}: options.connection is required: a redis:// URL or { host, port }; ` +
        `e.g. ${fn}({ connection: 'redis://127.0.0.1:6379' }).`,
    );
  }
  return new Redis({ ...connection, maxRetriesPerRequest: null });
}
