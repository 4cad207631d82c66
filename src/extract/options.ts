import { describeType, InvalidArgumentError } from '../errors/index.js';
import { checkEnum, checkOptions, didYouMean, renamedOption } from '../options/index.js';

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
   * heading has no item number). Required. An EDGAR filing's `formType` passes straight through:
   * `extractMdna(html, { formType: filing.formType })`.
   */
  readonly formType: string;
  /**
   * How to read the input, as in {@link DocumentToTextOptions.format}.
   * @default 'auto'
   */
  readonly format?: DocumentFormat;
}

/** The layout family a form type belongs to. */
export type FormFamily = 'annual' | 'quarterly' | 'annual-report';

const FORMATS = ['auto', 'html', 'text'] as const;

/** Option names of `extractItems` and `extractMdna`. */
export const EXTRACT_OPTION_KEYS: readonly string[] = Object.freeze(['formType', 'format']);
/** Option names of `documentToText`. */
export const DOCUMENT_TO_TEXT_OPTION_KEYS: readonly string[] = Object.freeze(['format', 'documentType']);

/**
 * Check the `format` option and return it resolved.
 * @param fn - The public function's name, for the message.
 * @param value - The option as given.
 */
export function resolveFormat(fn: string, value: unknown): DocumentFormat {
  return checkEnum(fn, 'options.format', value, FORMATS) ?? defaultDocumentToTextOptions.format;
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
 * Check the options of `extractItems` / `extractMdna`: an object whose `formType` names the EDGAR
 * form type, and no other key than `formType` and `format` (unknown keys get a "did you mean").
 * The old name `form` (before 0.2.0) is reported as such, with `formType` as the fix. Otherwise a
 * missing `formType` is reported first, naming any misspelled key beside it, since
 * `{ fromat: 'html' }` is most often a call that also forgot `formType`.
 *
 * @param fn - The public function's name.
 * @param options - What the caller passed.
 * @returns The options, typed, with `formType` a non-empty string.
 */
export function checkExtractOptions(fn: string, options: unknown): ExtractOptions {
  const example = `${fn}(html, { formType: '10-K' })`;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    checkOptions(fn, options as object | undefined, EXTRACT_OPTION_KEYS); // throws unless undefined
  }
  const opts = (options ?? {}) as Record<string, unknown>;
  // `{ form: '10-K' }` is a 0.1 call: say the key was renamed rather than that `formType` is missing.
  if (
    Object.keys(opts).some((k) => !EXTRACT_OPTION_KEYS.includes(k) && renamedOption(k, EXTRACT_OPTION_KEYS))
  ) {
    checkOptions(fn, opts, EXTRACT_OPTION_KEYS, 'options', example);
  }
  const formType = opts.formType;
  if (typeof formType !== 'string' || formType.trim() === '') {
    const unknown = Object.keys(opts).filter((k) => !EXTRACT_OPTION_KEYS.includes(k));
    const typos = unknown.map((k) => {
      const guess = didYouMean(k, EXTRACT_OPTION_KEYS);
      return ` Unknown option 'options.${k}'${guess === undefined ? '' : ` (did you mean '${guess}'?)`}.`;
    });
    throw new InvalidArgumentError(
      'options.formType',
      `${fn}: options.formType must name the EDGAR form type ('10-K', '10-Q', 'EX-13', ...), got ${describeType(formType)}.${typos.join('')} Call it as ${example}.`,
    );
  }
  checkOptions(fn, opts, EXTRACT_OPTION_KEYS);
  return opts as unknown as ExtractOptions;
}
