export {
  cacheFilePath,
  createFileCache,
  defaultCacheDir,
  type EdgarCacheEntry,
  type EdgarCacheStore,
  type EdgarResourceKind,
  resourceKind,
} from './cache.js';
export { type Clock, systemClock } from './clock.js';
export { EdgarCacheMissError, EdgarHttpError, type EdgarHttpErrorDetails } from './errors.js';
export {
  createRateLimiter,
  type RateLimiter,
  type RateLimiterOptions,
  SEC_MAX_REQUESTS_PER_SECOND,
} from './rate-limiter.js';
