import { InvalidArgumentError } from '../errors/index.js';
import { checkOptions } from '../options/index.js';
import { ExtractionError } from './errors.js';
import { htmlToRawText } from './html.js';
import { cleanLinesMarked, type MarkedText } from './lines.js';
import {
  checkInput,
  DOCUMENT_TO_TEXT_OPTION_KEYS,
  type DocumentFormat,
  type DocumentToTextOptions,
  resolveFormat,
} from './options.js';
import { isSgmlSubmission, plainTextToRaw, sgmlDocuments } from './sgml.js';

const HTML_MARKERS = [
  '<html',
  '<body',
  '<div',
  '<p>',
  '<p ',
  '<font',
  '<br',
  '<td',
  '<span',
  '<ix:',
  '<?xml',
];

/** Whether a body reads as HTML rather than plain text (looks at its first 100,000 characters). */
export function looksLikeHtml(body: string): boolean {
  const head = body.slice(0, 100_000).toLowerCase();
  return HTML_MARKERS.some((marker) => head.includes(marker));
}

function typeMatches(type: string, wanted: string): boolean {
  return type === wanted || type.startsWith(`${wanted}.`);
}

/** The body to convert: the chosen `<DOCUMENT>` of an SGML submission, or the input itself. */
export function selectBody(input: string, documentType: string | undefined): string {
  if (!isSgmlSubmission(input)) return input;
  const docs = sgmlDocuments(input);
  if (docs.length === 0) return input;
  let doc = docs[0]!;
  if (documentType !== undefined) {
    const wanted = documentType.trim().toUpperCase();
    const found = docs.find((d) => typeMatches(d.type, wanted));
    if (found === undefined) {
      throw new ExtractionError(
        'DOCUMENT_NOT_FOUND',
        `options.documentType '${documentType}' is not in this submission; it holds ${docs
          .map((d) => d.type || '(untyped)')
          .slice(0, 20)
          .join(
            ', ',
          )}. Call it as documentToText(submission, { documentType: '${docs[0]!.type || '10-K'}' }).`,
      );
    }
    doc = found;
  }
  return input.slice(doc.start, doc.end);
}

/** Convert an already-selected body with a known or detected format. */
export function bodyToText(body: string, format: DocumentFormat): string {
  return bodyToMarkedText(body, format).text;
}

/** {@link bodyToText}, also reporting which lines are kept running page headers. */
export function bodyToMarkedText(body: string, format: DocumentFormat): MarkedText {
  const html = format === 'html' || (format === 'auto' && looksLikeHtml(body));
  return html
    ? cleanLinesMarked(htmlToRawText(body), 'html')
    : cleanLinesMarked(plainTextToRaw(body), 'text');
}

/**
 * Convert a filing (HTML, inline XBRL, an EDGAR SGML `.txt` submission, or plain text) to clean
 * text. Block elements and table rows become lines; entities are decoded; scripts, styles,
 * hidden content and the inline-XBRL header are dropped; tables that are mostly figures are
 * dropped while layout tables (headings and prose in cells) are kept; page numbers, rules and
 * running page headers are removed. For an SGML submission the main `<DOCUMENT>` is taken
 * (or `options.documentType`). HTML output has one block per line; plain-text input keeps its
 * lines and single blank lines between paragraphs. The scan is linear in the input length and the
 * output is stable: converting the output again returns it unchanged.
 *
 * @param input - The filing as a string.
 * @param options - See {@link DocumentToTextOptions}.
 * @returns The clean text (`''` for an empty document).
 * @throws {InvalidArgumentError} When `input` is not a string or an option is malformed.
 * @throws {ExtractionError} `DOCUMENT_NOT_FOUND` when `documentType` is not in the submission.
 * @example
 * ```ts
 * import { documentToText } from 'fin-tabtext';
 * documentToText('<p>Item 7.&nbsp;Management&#8217;s Discussion</p><p>Sales rose.</p>');
 * // "Item 7. Management’s Discussion\nSales rose."
 * ```
 */
export function documentToText(input: string, options?: DocumentToTextOptions): string {
  const fn = 'documentToText';
  checkInput(input, 'input', "documentToText(html, { format: 'auto' })");
  const opts: DocumentToTextOptions = checkOptions(fn, options, DOCUMENT_TO_TEXT_OPTION_KEYS);
  const format = resolveFormat(fn, opts.format);
  const documentType = opts.documentType;
  if (documentType !== undefined && typeof documentType !== 'string') {
    throw new InvalidArgumentError(
      'options.documentType',
      "options.documentType must be a string such as 'EX-13'. Call it as documentToText(submission, { documentType: 'EX-13' }).",
    );
  }
  return bodyToText(selectBody(input, documentType), format);
}
