import type * as Bullmq from 'bullmq';
import type * as IoRedis from 'ioredis';
import { MissingDependencyError } from './errors.js';

/** The BullMQ module. */
export type BullmqModule = typeof Bullmq;
/** The ioredis client class. */
export type RedisClass = typeof IoRedis.Redis;
/** An ioredis client. */
export type RedisClient = IoRedis.Redis;

type Importer = (name: string) => Promise<unknown>;

// Through a function so that bundlers leave the optional packages out of fin-tabtext's core.
const importPackage: Importer = (name) => import(name);

function isMissing(error: unknown, name: string): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    (message.includes(`'${name}'`) || message.includes(`"${name}"`) || message.includes(`/${name}/`))
  );
}

/**
 * Load an optional peer dependency, or throw a {@link MissingDependencyError} naming it.
 *
 * @param name - `'bullmq'` or `'ioredis'`.
 * @param importer - How to import it (tests pass one that fails).
 * @returns The module namespace.
 * @throws {MissingDependencyError} when the package is not installed.
 */
export async function loadOptional(
  name: 'bullmq' | 'ioredis',
  importer: Importer = importPackage,
): Promise<unknown> {
  try {
    return await importer(name);
  } catch (error) {
    if (isMissing(error, name)) throw new MissingDependencyError(name, { cause: error });
    throw error;
  }
}

/** BullMQ, or a {@link MissingDependencyError}. */
export async function loadBullmq(importer?: Importer): Promise<BullmqModule> {
  return (await loadOptional('bullmq', importer)) as BullmqModule;
}

/** ioredis' client class, or a {@link MissingDependencyError}. */
export async function loadRedis(importer?: Importer): Promise<RedisClass> {
  const module = (await loadOptional('ioredis', importer)) as { Redis?: RedisClass; default?: RedisClass };
  const Redis = module.Redis ?? module.default;
  if (typeof Redis !== 'function') throw new MissingDependencyError('ioredis');
  return Redis;
}
