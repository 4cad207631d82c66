import { decodeEntities } from './entities.js';

/** Marks a page break inside converted text; removed again by the page cleanup. */
export const PAGE_BREAK = '\f';

// Elements that start a new line. Cells (`td`, `th`) are handled by the table frames.
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'page',
]);

// Elements whose content is never text: skipped up to their closing tag without tokenizing.
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'noscript', 'xmp', 'template']);

// Elements that have no closing tag, so they never open a hidden region.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'wbr',
]);

// Tables nest deeper than this only in adversarial input; deeper tables are read as plain blocks
// so that copying cell text up the frames stays linear.
const MAX_TABLE_DEPTH = 24;

interface TableFrame {
  readonly rows: string[][];
  row: string[];
  cell: string;
}

function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 58 /* : */ ||
    c === 45 /* - */ ||
    c === 95 /* _ */ ||
    c === 46 /* . */
  );
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12;
}

// A cell that holds a figure: digits with currency, grouping, sign, percent or parentheses only.
// Returns 1 for a figure, 0 for text, -1 for a cell that says nothing ($, %, a bullet, blank).
function classifyCell(cell: string): -1 | 0 | 1 {
  let digits = 0;
  let letters = 0;
  let dashes = 0;
  let other = 0;
  const n = Math.min(cell.length, 200);
  for (let i = 0; i < n; i++) {
    const c = cell.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) letters++;
    else if (c === 45 || c === 0x2014 || c === 0x2013 || c === 0x2012 || c === 0x2212) dashes++;
    else if (c > 32 && c !== 160 && !'$%(),.+*€£¥'.includes(cell[i]!)) other++;
  }
  if (letters > 0) {
    // "1,234 million", "12%  bps" stay figures; a real word makes the cell text.
    return letters <= 3 && digits >= 2 && digits >= letters * 2 ? 1 : 0;
  }
  if (digits > 0) return 1;
  if (dashes > 0 && other === 0) return 1; // a dash stands for zero in financial tables
  return -1;
}

// An exhibit number as exhibit lists print it: "2.1", "10.1", "99", "104", "3.1*".
const EXHIBIT_NUMBER = /^\d{1,3}(?:\.\d{1,3})?[A-Za-z]?\*?$/;

// An exhibit list ("10.1 | Purchase Agreement, dated ..."): rows of an exhibit number and its
// description, maybe under a header of words. Prose with numbers, not a financial table.
function isExhibitList(frame: TableFrame): boolean {
  let listed = 0;
  for (const row of frame.rows) {
    const cells = row.filter((cell) => classifyCell(cell) !== -1);
    if (cells.every((cell) => classifyCell(cell) === 0)) continue;
    if (cells.length !== 2 || !EXHIBIT_NUMBER.test(cells[0]!) || classifyCell(cells[1]!) !== 0) return false;
    listed++;
  }
  return listed >= 2;
}

// Whether a finished table reads as a financial table (mostly figures) rather than layout.
function isFigureTable(frame: TableFrame): boolean {
  let figures = 0;
  let texts = 0;
  for (const row of frame.rows) {
    for (const cell of row) {
      const kind = classifyCell(cell);
      if (kind === 1) figures++;
      else if (kind === 0) texts++;
    }
  }
  return figures >= 2 && figures >= texts && !isExhibitList(frame);
}

// Blocks at the edges of a cell (a <div> or <p> around its text) must not split the row's line.
function pushCell(frame: TableFrame): void {
  const cell = frame.cell.trim();
  if (cell !== '') frame.row.push(cell);
  frame.cell = '';
}

/** Close the current row: its last cell, then the row itself when it has any cell. */
function endRow(frame: TableFrame): void {
  pushCell(frame);
  if (frame.row.length > 0) frame.rows.push(frame.row);
  frame.row = [];
}

function renderTable(frame: TableFrame): string {
  endRow(frame);
  if (isFigureTable(frame)) return '\n';
  let out = '\n';
  for (const row of frame.rows) {
    let line = '';
    for (const cell of row) {
      if (classifyCell(cell) === -1 && cell.trim().length <= 1) continue;
      line += line === '' ? cell : ` ${cell}`;
    }
    if (line !== '') out += `${line}\n`;
  }
  return out;
}

const SPACES = /\s+/g;
const INVISIBLE = /[\u200b\u00ad\ufeff]/g;

function normalizeInline(text: string): string {
  return decodeEntities(text).replace(SPACES, ' ').replace(INVISIBLE, '');
}

function normalizePre(text: string): string {
  return decodeEntities(text).replace(INVISIBLE, '').replace(/\r\n?/g, '\n');
}

function styleBreaks(style: string, which: 'before' | 'after'): boolean {
  const s = style.toLowerCase();
  const at = s.indexOf(`break-${which}`);
  if (at < 0) return false;
  const value = s.slice(at, at + 40);
  return value.includes('always') || value.includes('page');
}

function styleHides(style: string): boolean {
  const s = style.toLowerCase();
  const at = s.indexOf('display');
  if (at < 0) return false;
  return s
    .slice(at, at + 20)
    .replace(SPACES, '')
    .startsWith('display:none');
}

/**
 * Convert HTML (including inline XBRL) to lines of text in one left-to-right pass. Block elements
 * end lines, page breaks (`<hr>`, CSS `page-break-*`) become {@link PAGE_BREAK} lines, hidden
 * content (`display:none`, `ix:header`, scripts, styles) is dropped, and each table is either
 * kept as one line per row or dropped when most of its cells are figures.
 *
 * The result still needs line cleanup (trimming, page numbers, running headers).
 */
export function htmlToRawText(html: string): string {
  const n = html.length;
  const tables: TableFrame[] = [];
  let out = '';
  let pre = 0;
  let hiddenName: string | null = null;
  let hiddenDepth = 0;
  let breakAfter: string | null = null;
  let deepTables = 0;

  const emit = (s: string): void => {
    const top = tables[tables.length - 1];
    if (top === undefined) out += s;
    else top.cell += s;
  };

  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i && hiddenName === null) {
      const raw = html.slice(i, textEnd);
      emit(pre > 0 ? normalizePre(raw) : normalizeInline(raw));
    }
    if (lt < 0) break;
    i = lt;
    const c1 = i + 1 < n ? html.charCodeAt(i + 1) : 0;

    if (c1 === 33 /* ! */ || c1 === 63 /* ? */) {
      if (html.startsWith('<!--', i)) {
        const close = html.indexOf('-->', i + 4);
        i = close < 0 ? n : close + 3;
      } else if (html.startsWith('<![CDATA[', i)) {
        const close = html.indexOf(']]>', i + 9);
        const end = close < 0 ? n : close;
        if (hiddenName === null) emit(normalizeInline(html.slice(i + 9, end)));
        i = close < 0 ? n : close + 3;
      } else {
        const close = html.indexOf('>', i + 2);
        i = close < 0 ? n : close + 1;
      }
      continue;
    }

    const closing = c1 === 47; /* / */
    let j = closing ? i + 2 : i + 1;
    const nameStart = j;
    while (j < n && isNameChar(html.charCodeAt(j))) j++;
    if (j === nameStart) {
      // A lone "<" (as in "a < b"): text, not markup.
      if (hiddenName === null) emit('<');
      i += 1;
      continue;
    }
    const name = html.slice(nameStart, j).toLowerCase();

    // Attributes: only `style` matters. Quoted values may hold ">".
    let style = '';
    let selfClosing = false;
    while (j < n) {
      const c = html.charCodeAt(j);
      if (c === 62 /* > */) break;
      if (c === 47 /* / */) {
        selfClosing = j + 1 < n && html.charCodeAt(j + 1) === 62;
        j++;
        continue;
      }
      if (isSpace(c)) {
        j++;
        continue;
      }
      const attrStart = j;
      while (j < n) {
        const a = html.charCodeAt(j);
        if (isSpace(a) || a === 61 /* = */ || a === 62 || a === 47) break;
        j++;
      }
      if (j === attrStart) {
        j++;
        continue;
      }
      const attr = html.slice(attrStart, j);
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      if (j < n && html.charCodeAt(j) === 61) {
        j++;
        while (j < n && isSpace(html.charCodeAt(j))) j++;
        const q = j < n ? html.charCodeAt(j) : 0;
        let valueStart = j;
        let valueEnd: number;
        if (q === 34 || q === 39) {
          const close = html.indexOf(q === 34 ? '"' : "'", j + 1);
          const gt = html.indexOf('>', j + 1);
          if (close < 0) {
            // An unterminated quote: end the tag at the next ">" as a lenient reader would.
            valueEnd = gt < 0 ? n : gt;
            j = valueEnd;
          } else {
            valueStart = j + 1;
            valueEnd = close;
            j = close + 1;
          }
        } else {
          while (j < n) {
            const a = html.charCodeAt(j);
            if (isSpace(a) || a === 62) break;
            j++;
          }
          valueEnd = j;
        }
        if (attr.length === 5 && attr.toLowerCase() === 'style') style = html.slice(valueStart, valueEnd);
      }
    }
    i = j < n ? j + 1 : n;

    if (hiddenName !== null) {
      if (name === hiddenName && !VOID.has(name)) {
        if (closing) hiddenDepth--;
        else if (!selfClosing) hiddenDepth++;
        if (hiddenDepth === 0) hiddenName = null;
      }
      continue;
    }

    if (closing) {
      if (name === 'table') {
        if (deepTables > 0) {
          deepTables--;
          emit('\n');
        } else {
          const frame = tables.pop();
          if (frame !== undefined) emit(renderTable(frame));
        }
      } else if (name === 'tr' || name === 'td' || name === 'th') {
        const top = tables[tables.length - 1];
        if (top === undefined || deepTables > 0) emit(name === 'tr' ? '\n' : ' ');
        else if (name === 'tr') endRow(top);
      } else if (BLOCK.has(name)) {
        if (name === 'pre' && pre > 0) pre--;
        emit('\n');
      }
      if (breakAfter === name) {
        breakAfter = null;
        emit(`\n${PAGE_BREAK}\n`);
      }
      continue;
    }

    if (RAW_TEXT.has(name) && !selfClosing) {
      i = skipRawText(html, i, name);
      continue;
    }
    if (name === 'ix:header' || (style !== '' && !VOID.has(name) && styleHides(style))) {
      if (!selfClosing) {
        hiddenName = name;
        hiddenDepth = 1;
      }
      continue;
    }
    if (style !== '') {
      if (styleBreaks(style, 'before')) emit(`\n${PAGE_BREAK}\n`);
      if (styleBreaks(style, 'after')) {
        if (VOID.has(name) || selfClosing) emit(`\n${PAGE_BREAK}\n`);
        else breakAfter = name;
      }
    }
    if (name === 'hr') {
      emit(`\n${PAGE_BREAK}\n`);
    } else if (name === 'table') {
      if (tables.length >= MAX_TABLE_DEPTH || deepTables > 0) {
        deepTables++;
        emit('\n');
      } else if (!selfClosing) {
        tables.push({ rows: [], row: [], cell: '' });
      }
    } else if (name === 'tr' || name === 'td' || name === 'th') {
      const top = tables[tables.length - 1];
      if (top === undefined || deepTables > 0) emit(name === 'tr' ? '\n' : ' ');
      else if (name === 'tr') endRow(top);
      else pushCell(top);
    } else if (BLOCK.has(name)) {
      if (name === 'pre') pre++;
      emit('\n');
    }
  }
  // Unclosed tables at the end of input are kept as they are.
  while (tables.length > 0) {
    const frame = tables.pop()!;
    emit(renderTable(frame));
  }
  return out;
}

// Index just past the closing tag of a raw-text element, or the end of input.
function skipRawText(html: string, from: number, name: string): number {
  let at = from;
  for (;;) {
    const close = html.indexOf('</', at);
    if (close < 0) return html.length;
    if (html.slice(close + 2, close + 2 + name.length).toLowerCase() === name) {
      const gt = html.indexOf('>', close);
      return gt < 0 ? html.length : gt + 1;
    }
    at = close + 2;
  }
}
