/** The registry symbol every copy of fin-tabtext brands its errors with. */
const FIN_TABTEXT_ERROR: unique symbol = Symbol.for('fin-tabtext.error') as never;

/**
 * Base class of every error thrown by fin-tabtext. Catch it, or test with
 * {@link isFinTabTextError}, to tell our errors from anything else.
 *
 * @example
 * ```ts
 * import { scoreText, isFinTabTextError } from 'fin-tabtext';
 * try {
 *   scoreText(42 as unknown as string);
 * } catch (error) {
 *   if (isFinTabTextError(error)) console.error(error.code, error.message);
 * }
 * ```
 */
export class FinTabTextError extends Error {
  /**
   * The class's name as `error.name` gives it. Written out in every subclass, not read from the
   * class, because minifiers rename classes and `error.name` would become a mangled one.
   */
  static readonly errorName: string = 'FinTabTextError';

  /** A stable machine-readable code, for example `'INVALID_ARGUMENT'`. */
  readonly code: string;

  /**
   * The brand {@link isFinTabTextError} reads: `true` on every fin-tabtext error, from any copy of
   * the package (a bundle and `node_modules`, ESM and CJS), and unchanged by minifiers, which
   * rename classes.
   */
  get [FIN_TABTEXT_ERROR](): true {
    return true;
  }

  /**
   * @param message - What went wrong, naming the bad field and showing a correct call.
   * @param options - `code` (default `'FIN_TABTEXT_ERROR'`) and an optional `cause`.
   */
  constructor(message: string, options: { readonly code?: string; readonly cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = (new.target as typeof FinTabTextError).errorName;
    this.code = options.code ?? 'FIN_TABTEXT_ERROR';
  }
}

/**
 * A bad argument or option: the message names the field and shows a correct call.
 *
 * @example
 * ```ts
 * import { InvalidArgumentError } from 'fin-tabtext';
 * throw new InvalidArgumentError('text', 'scoreText(text) needs a string, got number');
 * ```
 */
export class InvalidArgumentError extends FinTabTextError {
  static override readonly errorName: string = 'InvalidArgumentError';

  /** The name of the argument or option field that was rejected. */
  readonly field: string;

  /**
   * @param field - The argument or option name, for example `'options.summarySize'`.
   * @param message - The full message.
   */
  constructor(field: string, message: string, options: { readonly cause?: unknown } = {}) {
    super(message, { code: 'INVALID_ARGUMENT', cause: options.cause });
    this.field = field;
  }
}

/**
 * Type guard for errors thrown by fin-tabtext. It reads a brand registered with `Symbol.for`, so
 * it works across copies of the package (ESM and CJS builds, a bundle beside `node_modules`) and
 * after minification, where class names change.
 *
 * @param value - Anything caught.
 * @returns `true` when `value` is a {@link FinTabTextError}.
 * @example
 * ```ts
 * import { isFinTabTextError } from 'fin-tabtext';
 * isFinTabTextError(new Error('x')); // false
 * ```
 */
export function isFinTabTextError(value: unknown): value is FinTabTextError {
  return (
    value instanceof FinTabTextError ||
    (value !== null &&
      typeof value === 'object' &&
      (value as Record<symbol, unknown>)[FIN_TABTEXT_ERROR] === true)
  );
}

/** Describe a value's type for error messages: `number`, `null`, `array`, `object`. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
