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
export { createRedisCache, type RedisCacheOptions, type RedisCacheStore } from './redis-cache.js';
export {
  createRedisRateLimiter,
  type RedisRateLimiter,
  type RedisRateLimiterOptions,
} from './redis-rate-limiter.js';
export { type QueueStatus, type QueueStatusOptions, queueStatus } from './status.js';
export { type QueueWorker, type QueueWorkerEvent, type StartWorkerOptions, startWorker } from './worker.js';
