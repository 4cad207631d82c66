import { PAGE_BREAK } from './html.js';

/** One `<DOCUMENT>` of an EDGAR SGML submission (`.txt`). */
export interface SgmlDocument {
  /** The `<TYPE>` value, uppercase, for example `'10-K'` or `'EX-13'`. */
  readonly type: string;
  /** Offset of the document body (inside `<TEXT>`) in the submission. */
  readonly start: number;
  /** Offset just past the body. */
  readonly end: number;
}

/** Whether `input` is an EDGAR SGML submission or a bare `<DOCUMENT>` from one. */
export function isSgmlSubmission(input: string): boolean {
  const head = input.slice(0, 8000).toUpperCase();
  return head.includes('<DOCUMENT>') || head.includes('<SEC-DOCUMENT>') || head.includes('<SEC-HEADER>');
}

function indexOfCaseless(haystack: string, upperNeedle: string, from: number): number {
  // Tags in SGML submissions are uppercase in practice; try that first, then lowercase.
  const a = haystack.indexOf(upperNeedle, from);
  const b = haystack.indexOf(upperNeedle.toLowerCase(), from);
  if (a < 0) return b;
  if (b < 0) return a;
  return Math.min(a, b);
}

/** Every `<DOCUMENT>` in a submission, in order, with its type and `<TEXT>` body range. */
export function sgmlDocuments(input: string): SgmlDocument[] {
  const docs: SgmlDocument[] = [];
  let at = 0;
  for (;;) {
    const open = indexOfCaseless(input, '<DOCUMENT>', at);
    if (open < 0) break;
    const close = indexOfCaseless(input, '</DOCUMENT>', open + 10);
    const docEnd = close < 0 ? input.length : close;
    const typeAt = indexOfCaseless(input, '<TYPE>', open);
    let type = '';
    if (typeAt >= 0 && typeAt < docEnd) {
      let e = typeAt + 6;
      while (e < docEnd && e - typeAt < 80) {
        const c = input.charCodeAt(e);
        if (c === 10 || c === 13 || c === 60) break;
        e++;
      }
      type = input
        .slice(typeAt + 6, e)
        .trim()
        .toUpperCase();
    }
    const textAt = indexOfCaseless(input, '<TEXT>', open);
    let start = textAt >= 0 && textAt < docEnd ? textAt + 6 : open + 10;
    let end = docEnd;
    const textClose = indexOfCaseless(input, '</TEXT>', start);
    if (textClose >= 0 && textClose < docEnd) end = textClose;
    if (start > end) start = end;
    docs.push({ type, start, end });
    at = docEnd;
  }
  return docs;
}

const TABLE_MARKUP = /<\/?(?:S|C|CAPTION|FN|F\d{1,2})>/gi;
const NUMBER_TOKEN = /^[($\-–—]*\d[\d,.]*[)%]*$/;
const WORD_TOKEN = /[A-Za-z]{2}/;

// A plain-text `<TABLE>` block that is mostly figures (a financial table rather than a list).
function isFigureBlock(lines: readonly string[]): boolean {
  let figures = 0;
  let words = 0;
  for (const line of lines) {
    for (const token of line.split(/\s+/)) {
      if (token === '') continue;
      if (NUMBER_TOKEN.test(token)) figures++;
      else if (WORD_TOKEN.test(token)) words++;
    }
  }
  return figures >= 2 && figures * 2 >= words;
}

/**
 * Plain-text filing body to raw lines: `<PAGE>` becomes a page break, `<S>`/`<C>`/`<CAPTION>`/`<FN>`
 * markup goes, and `<TABLE>` blocks are kept as text unless they are mostly figures.
 */
export function plainTextToRaw(text: string): string {
  const lines = text.split(/\r?\n|\r/);
  const out: string[] = [];
  let table: string[] | null = null;
  for (const line of lines) {
    const trimmed = line.trim();
    const upper = trimmed.length <= 12 ? trimmed.toUpperCase() : '';
    if (upper.startsWith('<PAGE>')) {
      if (table === null) out.push(PAGE_BREAK);
      continue;
    }
    if (upper === '<TABLE>' || upper.startsWith('<TABLE ')) {
      if (table !== null) out.push(...table);
      table = [];
      continue;
    }
    if (upper === '</TABLE>') {
      if (table !== null && !isFigureBlock(table)) out.push(...table);
      table = null;
      continue;
    }
    const clean = line.includes('<') ? line.replace(TABLE_MARKUP, ' ') : line;
    if (table !== null) table.push(clean);
    else out.push(clean);
  }
  if (table !== null) out.push(...table);
  return out.join('\n');
}
