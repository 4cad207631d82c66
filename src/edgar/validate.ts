import type { EdgarTransportResponse } from './transport.js';

/**
 * What an SEC page sent instead of the data means: `blocked` (the request-rate block or the
 * "Undeclared Automated Tool" page: all traffic pauses) or `unavailable` (service unavailable or
 * maintenance: a transient failure, retried).
 */
export type SecErrorPageKind = 'blocked' | 'unavailable';

/** An SEC error page recognized in a response body. */
export interface SecErrorPage {
  readonly kind: SecErrorPageKind;
  /** What the page says, e.g. `'Request Rate Threshold Exceeded'`. */
  readonly title: string;
}

// Signatures of the pages SEC's front end serves instead of the requested file, whatever the
// status. They are matched only in the title or headings of a short HTML page, so a filing that
// quotes these words in its text is never mistaken for one.
const SIGNATURES: readonly { readonly pattern: RegExp; readonly kind: SecErrorPageKind }[] = [
  { pattern: /Request Rate Threshold Exceeded/i, kind: 'blocked' },
  { pattern: /Exceeded the SEC.{0,12}s Traffic Limit/i, kind: 'blocked' },
  { pattern: /Undeclared Automated Tool/i, kind: 'blocked' },
  { pattern: /Service Unavailable/i, kind: 'unavailable' },
  {
    pattern: /(?:Site|System|Scheduled|Under|EDGAR) ?Maintenance|Maintenance in Progress/i,
    kind: 'unavailable',
  },
];
const ERROR_PAGE_MAX_BYTES = 200_000;
const HEAD_TEXT = /<(title|h1|h2)\b[^>]*>([\s\S]{0,300}?)<\/\1\s*>/gi;

/**
 * Recognize SEC's block and error pages (request-rate threshold, "Undeclared Automated Tool",
 * "Service Unavailable", maintenance) by the title or headings of a short HTML body.
 *
 * @param body - A response body (decompressed).
 * @returns The page, or `null` when the body is not one of them.
 * @example
 * ```ts
 * import { recognizeSecErrorPage } from 'fin-tabtext/edgar';
 * recognizeSecErrorPage(new TextEncoder().encode('<html><title>SEC.gov | Service Unavailable</title></html>'));
 * // { kind: 'unavailable', title: 'SEC.gov | Service Unavailable' }
 * ```
 */
export function recognizeSecErrorPage(body: Uint8Array): SecErrorPage | null {
  if (body.length > ERROR_PAGE_MAX_BYTES) return null;
  const text = Buffer.from(body.subarray(0, 20_000)).toString('latin1');
  if (!/^\s*</.test(text) || !/<(?:html|title|head|body)\b/i.test(text)) return null;
  for (const match of text.matchAll(HEAD_TEXT)) {
    const heading = (match[2] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    for (const signature of SIGNATURES) {
      if (signature.pattern.test(heading)) return { kind: signature.kind, title: heading };
    }
  }
  return null;
}

/**
 * Refuse a body cut short of its `Content-Length` (for a transport that does not check it itself).
 * Only identity-encoded bodies can be compared; a decompressed body is longer than the header.
 *
 * @returns The reason, or `null` when it checks out or cannot be checked.
 */
export function contentLengthMismatch(response: EdgarTransportResponse): string | null {
  const declared = response.headers['content-length'];
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (declared === undefined || (encoding !== '' && encoding !== 'identity')) return null;
  const length = Number(declared);
  if (!Number.isInteger(length) || length === response.body.length) return null;
  return `Content-Length ${length} but ${response.body.length} bytes arrived`;
}

/** The outermost element of a markup document, after declarations, doctypes and comments. */
function outermostElement(text: string): string | null {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i]!)) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i);
      if (end < 0) return null;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i);
      if (end < 0) return null;
      i = end + 3;
    } else if (text.startsWith('<!', i)) {
      const end = text.indexOf('>', i);
      if (end < 0) return null;
      i = end + 1;
    } else break;
  }
  const match = /^<([A-Za-z][A-Za-z0-9:_-]*)/.exec(text.slice(i, i + 200));
  return match === null ? null : match[1]!;
}

/** The text with trailing whitespace and trailing comments removed. */
function trimTail(text: string): string {
  let end = text.length;
  for (;;) {
    while (end > 0 && /[\s\0]/.test(text[end - 1]!)) end--;
    if (end >= 3 && text.slice(end - 3, end) === '-->') {
      const start = text.lastIndexOf('<!--', end - 3);
      if (start < 0) break;
      end = start;
    } else break;
  }
  return text.slice(0, end);
}

/**
 * Why a filing document's text does not look like a whole filing document, or `null` when it does.
 *
 * The rule: the text is not empty and is not an SEC error page; when it starts with markup (an
 * HTML, XHTML, XML or SGML document; a declaration, doctype or comments may come first), it ends
 * with the closing tag of its outermost element (`</html>`, `</DOCUMENT>`, `</SEC-DOCUMENT>`,
 * `</xbrl>`, ...), trailing whitespace and comments allowed. Plain text (no leading markup) is
 * taken as it is: it carries no end marker to check.
 *
 * @param text - The decoded document.
 * @returns The reason it is refused, or `null`.
 * @example
 * ```ts
 * import { documentProblem } from 'fin-tabtext/edgar';
 * documentProblem('<html><body>Item 7.</body></html>'); // null
 * documentProblem('<html><body>Item 7. Management'); // 'an <html> document without its closing </html> (cut short?)'
 * ```
 */
export function documentProblem(text: string): string | null {
  if (text.trim() === '') return 'an empty document';
  const head = text.slice(0, 4096);
  if (!/^\s*</.test(head)) return null;
  const name = outermostElement(head);
  if (name === null) return 'markup whose first element cannot be read (cut short?)';
  const tail = trimTail(text.slice(-4096));
  const closing = new RegExp(`</${name.replace(/[-:]/g, '\\$&')}\\s*>$`, 'i');
  if (!closing.test(tail)) return `an <${name}> document without its closing </${name}> (cut short?)`;
  return null;
}
