import { FinTabTextError } from '../errors/index.js';

/** Machine-readable reasons an extraction can fail. */
export type ExtractionErrorCode = 'UNSUPPORTED_FORM' | 'DOCUMENT_NOT_FOUND';

/**
 * The extractor cannot work on this input: the form type has no known item layout
 * (`'UNSUPPORTED_FORM'`), or an SGML submission holds no `<DOCUMENT>` of the requested type
 * (`'DOCUMENT_NOT_FOUND'`). A filing whose MD&A simply is not there is not an error: it gives
 * `status: 'not-found'`.
 *
 * @example
 * ```ts
 * import { extractMdna, ExtractionError } from 'fin-tabtext';
 * try {
 *   extractMdna(html, { formType: '8-K' });
 * } catch (error) {
 *   if (error instanceof ExtractionError) console.error(error.code); // 'UNSUPPORTED_FORM'
 * }
 * ```
 */
export class ExtractionError extends FinTabTextError {
  static override readonly errorName: string = 'ExtractionError';

  /** Why the extraction failed. */
  declare readonly code: ExtractionErrorCode;

  /**
   * @param code - The reason, see {@link ExtractionErrorCode}.
   * @param message - What went wrong and a correct call.
   * @param options - An optional `cause`.
   */
  constructor(code: ExtractionErrorCode, message: string, options: { readonly cause?: unknown } = {}) {
    super(message, { code, cause: options.cause });
  }
}
