import { FinTabTextError } from '../errors/index.js';

/**
 * The company facts do not hold what was asked for: no annual report for the accession or
 * fiscal-year end, or no facts in the requested currency. `code` is `'REPORT_NOT_FOUND'`.
 *
 * @example
 * ```ts
 * import { altmanInputsFromCompanyFacts } from 'fin-tabtext/finance';
 * import { CompanyFactsError } from 'fin-tabtext';
 * try {
 *   altmanInputsFromCompanyFacts(facts, { periodEnd: '1999-12-31' });
 * } catch (error) {
 *   if (error instanceof CompanyFactsError) console.error(error.message); // lists the periods found
 * }
 * ```
 */
export class CompanyFactsError extends FinTabTextError {
  static override readonly errorName: string = 'CompanyFactsError';

  /**
   * @param message - What was not found, and what the facts do hold.
   * @param options - An optional `cause`.
   */
  constructor(message: string, options: { readonly cause?: unknown } = {}) {
    super(message, { code: 'REPORT_NOT_FOUND', cause: options.cause });
  }
}
