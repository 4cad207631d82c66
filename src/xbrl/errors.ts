import { FinTabTextError } from '../errors/index.js';

/**
 * Reading inline XBRL failed in a way the scanner did not foresee (`code` `'INLINE_XBRL_FAILED'`).
 * Malformed markup is not an error: it yields fewer facts and warnings. This error only wraps an
 * unexpected internal failure, with the original as `cause`, so callers only ever see a
 * {@link FinTabTextError}.
 *
 * @example
 * ```ts
 * import { companyFactsFromInlineXbrl, isFinTabTextError } from 'fin-tabtext';
 * try {
 *   companyFactsFromInlineXbrl(html, { accessionNumber: '0001326380-24-000012', formType: '10-K', filingDate: '2024-03-26' });
 * } catch (error) {
 *   if (isFinTabTextError(error)) console.error(error.code, error.message);
 * }
 * ```
 */
export class InlineXbrlError extends FinTabTextError {
  static override readonly errorName: string = 'InlineXbrlError';

  /**
   * @param message - What failed.
   * @param options - The underlying `cause`.
   */
  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super(message, { code: 'INLINE_XBRL_FAILED', cause: options.cause });
  }
}
