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

// The tags that frame a document, in the order tagOf numbers them.
const FRAME_TAGS = ['<DOCUMENT>', '</DOCUMENT>', '<TYPE>', '<TEXT>', '</TEXT>'] as const;
const DOCUMENT_OPEN = 0;
const DOCUMENT_CLOSE = 1;
const TYPE = 2;
const TEXT_OPEN = 3;
const TEXT_CLOSE = 4;

// Which frame tag starts at `at` (a '<'), letters compared without case; -1 for none.
function tagOf(input: string, at: number): number {
  // Most '<' open HTML tags: reject them on the second character ('d', 't' or '/').
  const second = input.charCodeAt(at + 1) | 32;
  if (second !== 100 && second !== 116 && second !== 47) return -1;
  for (let t = 0; t < FRAME_TAGS.length; t++) {
    const tag = FRAME_TAGS[t]!;
    if (at + tag.length > input.length) continue;
    let k = 1;
    for (; k < tag.length; k++) {
      const want = tag.charCodeAt(k);
      const got = input.charCodeAt(at + k);
      if (want >= 65 && want <= 90 ? (got | 32) !== (want | 32) : got !== want) break;
    }
    if (k === tag.length) return t;
  }
  return -1;
}

function typeValue(input: string, typeAt: number, docEnd: number): string {
  let e = typeAt + 6;
  while (e < docEnd && e - typeAt < 80) {
    const c = input.charCodeAt(e);
    if (c === 10 || c === 13 || c === 60) break;
    e++;
  }
  return input
    .slice(typeAt + 6, e)
    .trim()
    .toUpperCase();
}

/**
 * Every `<DOCUMENT>` in a submission, in order, with its type and `<TEXT>` body range. One pass
 * over the input: each `<` is looked at once, so the time is linear in the submission's size
 * whatever the number of documents (searching for each tag afresh rescanned to the end).
 */
export function sgmlDocuments(input: string): SgmlDocument[] {
  const docs: SgmlDocument[] = [];
  // State of the open document: offsets of its tags, -1 until seen.
  let open = -1;
  let typeAt = -1;
  let textAt = -1;
  let textClose = -1;
  const finish = (docEnd: number): void => {
    let start = textAt >= 0 ? textAt + 6 : open + 10;
    const end = textClose >= 0 ? textClose : docEnd;
    if (start > end) start = end;
    docs.push({ type: typeAt >= 0 ? typeValue(input, typeAt, docEnd) : '', start, end });
    open = -1;
  };
  for (let at = input.indexOf('<'); at >= 0; at = input.indexOf('<', at + 1)) {
    const tag = tagOf(input, at);
    if (tag < 0) continue;
    if (open < 0) {
      if (tag !== DOCUMENT_OPEN) continue;
      open = at;
      typeAt = -1;
      textAt = -1;
      textClose = -1;
      continue;
    }
    if (tag === DOCUMENT_CLOSE) {
      if (at >= open + 10) finish(at);
    } else if (tag === TYPE) {
      if (typeAt < 0) typeAt = at;
    } else if (tag === TEXT_OPEN) {
      if (textAt < 0) {
        textAt = at;
        textClose = -1; // a stray </TEXT> before <TEXT> does not end the body
      }
    } else if (tag === TEXT_CLOSE) {
      // The body ends at the first </TEXT> after the body starts.
      if (textClose < 0 && at >= (textAt >= 0 ? textAt + 6 : open + 10)) textClose = at;
    }
  }
  if (open >= 0) finish(input.length);
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
