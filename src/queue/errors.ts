import { FinTabTextError } from '../errors/index.js';

/**
 * An optional peer dependency of `fin-tabtext/queue` (`bullmq` or `ioredis`) is not installed.
 * The message names the package and the install command.
 *
 * @example
 * ```ts
 * import { MissingDependencyError } from 'fin-tabtext/queue';
 * new MissingDependencyError('bullmq').message;
 * // "fin-tabtext/queue needs the optional package 'bullmq': npm install bullmq ioredis"
 * ```
 */
export class MissingDependencyError extends FinTabTextError {
  static override readonly errorName: string = 'MissingDependencyError';

  /** The package that could not be loaded. */
  readonly packageName: string;

  /**
   * @param packageName - The missing package.
   * @param options - The loader's error, as `cause`.
   */
  constructor(packageName: string, options: { readonly cause?: unknown } = {}) {
    super(
      `fin-tabtext/queue needs the optional package '${packageName}', which is not installed: ` +
        'npm install bullmq ioredis (only machines that scale out need them).',
      { code: 'MISSING_DEPENDENCY', cause: options.cause },
    );
    this.packageName = packageName;
  }
}
