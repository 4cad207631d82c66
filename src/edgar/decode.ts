const utf8 = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Decode a response body: UTF-8 when it is valid UTF-8, otherwise Windows-1252 (what older
 * EDGAR filings declared as ISO-8859-1 really are), so no byte turns into U+FFFD.
 *
 * @param body - Raw bytes.
 * @returns The text, without a byte-order mark.
 */
export function decodeBody(body: Uint8Array): string {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    text = windows1252.decode(body);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parse a JSON body; throws `SyntaxError` on a cut-off or damaged body. */
export function parseJsonBody(body: Uint8Array): unknown {
  return JSON.parse(decodeBody(body));
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date; `null` when absent or unreadable.
 *
 * @param value - The header value.
 * @param now - Current epoch milliseconds, for HTTP dates.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
