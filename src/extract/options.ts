import { describeType, InvalidArgumentError } from '../errors/index.js';

/** What kind of input {@link documentToText} reads. */
export type DocumentFormat = 'auto' | 'html' | 'text';

/** Options of `documentToText`. */
export interface DocumentToTextOptions {
  /**
   * How to read the input: `'html'` (HTML and inline XBRL), `'text'` (plain-text filings and
   * already-clean text), or `'auto'` to detect. SGML submissions are always unwrapped first.
   * @default 'auto'
   */
  readonly format?: DocumentFormat;
  /**
   * For SGML submissions (`.txt` with `<DOCUMENT>` blocks): the `<TYPE>` of the document to
   * convert, e.g. `'EX-13'` (also matches `'EX-13.1'`). `undefined` takes the first document,
   * which is the main form.
   * @default undefined
   */
  readonly documentType?: string | undefined;
}

/** The defaults of {@link DocumentToTextOptions}. */
export const defaultDocumentToTextOptions: Readonly<{
  format: DocumentFormat;
  documentType: string | undefined;
}> = Object.freeze({ format: 'auto', documentType: undefined });

/** Options of `extractItems` and `extractMdna`. */
export interface ExtractOptions {
  /**
   * The EDGAR form type of the document: `'10-K'`, `'10-K405'`, `'10-KSB'`, `'10-KT'`, `'10-K/A'`,
   * `'10-Q'`, `'10-QSB'`, `'10-Q/A'`, or `'EX-13'` (an annual report to shareholders, whose MD&A
   * heading has no item number). Required.
   */
  readonly form: string;
  /**
   * How to read the input, as in {@link DocumentToTextOptions.format}.
   * @default 'auto'
   */
  readonly format?: DocumentFormat;
}

/** The layout family a form type belongs to. */
export type FormFamily = 'annual' | 'quarterly' | 'annual-report';

const FORMATS: readonly DocumentFormat[] = ['auto', 'html', 'text'];

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : describeType(value);
}

/**
 * Check the `format` option and return it resolved.
 * @param value - The option as given.
 * @param example - A correct call, shown in the error message.
 */
export function resolveFormat(value: unknown, example: string): DocumentFormat {
  if (value === undefined) return defaultDocumentToTextOptions.format;
  if (typeof value !== 'string' || !FORMATS.includes(value as DocumentFormat)) {
    throw new InvalidArgumentError(
      'options.format',
      `options.format must be 'auto', 'html' or 'text', got ${show(value)}. Call it as ${example}.`,
    );
  }
  return value as DocumentFormat;
}

/**
 * Check that the document argument is a string.
 * @param value - The argument as given.
 * @param name - Its name in the signature.
 * @param example - A correct call, shown in the error message.
 */
export function checkInput(value: unknown, name: string, example: string): asserts value is string {
  if (typeof value !== 'string') {
    throw new InvalidArgumentError(
      name,
      `${name} must be a string of HTML, SGML or text, got ${describeType(value)}. Call it as ${example}.`,
    );
  }
}

/**
 * Check an options argument is an object (or absent).
 * @param value - The argument as given.
 * @param example - A correct call, shown in the error message.
 */
export function checkOptions(value: unknown, example: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(
      'options',
      `options must be an object, got ${show(value)}. Call it as ${example}.`,
    );
  }
  return value as Record<string, unknown>;
}
