/**
 * `fin-tabtext/queue`: the TabText pipeline on BullMQ and Redis (optional peer dependencies):
 * `enqueueDataset`, `startWorker`, `exportDataset`, `queueStatus`, under one Redis-side SEC rate limit.
 * @module fin-tabtext/queue
 */

export { FinTabTextError, InvalidArgumentError, isFinTabTextError } from '../errors/index.js';
export {
  defaultQueueNames,
  type QueueConnection,
  type QueueConnectionOptions,
  type QueueNames,
} from './connection.js';
export {
  type EnqueueDatasetConfig,
  type EnqueueDatasetOptions,
  type EnqueueDatasetResult,
  enqueueDataset,
} from './enqueue.js';
export { MissingDependencyError } from './errors.js';
export { type ExportDatasetOptions, type ExportDatasetResult, exportDataset } from './export.js';
export type { RedisClient } from './load.js';
export { createRedisCache, type RedisCacheOptions, type RedisCacheStore } from './redis-cache.js';
export {
  createRedisRateLimiter,
  type RedisRateLimiter,
  type RedisRateLimiterOptions,
} from './redis-rate-limiter.js';
export { type QueueStatus, type QueueStatusOptions, queueStatus } from './status.js';
export { type QueueWorker, type QueueWorkerEvent, type StartWorkerOptions, startWorker } from './worker.js';
