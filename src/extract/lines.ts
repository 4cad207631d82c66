import { PAGE_BREAK } from './html.js';

const SPACES = /\s+/g;

// "12", "- 12 -", "(12)", "Page 12", "F-12", "A-3", "xiv", "Page 3 of 90": a page number on its own line.
function isPageNumber(line: string): boolean {
  if (line.length > 24) return false;
  let s = line.toLowerCase();
  if (s.startsWith('page')) s = s.slice(4).trim();
  // strip one layer of decoration
  s = s.replace(/^[-–—([]\s*/, '').replace(/\s*[-–—)\]]$/, '');
  const of = s.indexOf(' of ');
  if (of > 0) s = s.slice(0, of);
  if (s === '') return false;
  if (/^\d{1,4}$/.test(s)) return true;
  if (/^[a-z]-\s?\d{1,3}$/.test(s)) return true;
  return /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/.test(s) && s.length > 0;
}

// A line drawn with dashes, underscores, equals or asterisks (underlines in plain-text filings).
function isRule(line: string): boolean {
  if (line.length < 3) return false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 45 && c !== 95 && c !== 61 && c !== 42 && c !== 32 && c !== 0x2014 && c !== 0x2013)
      return false;
  }
  return true;
}

function headerKey(line: string): string {
  // Case kept: a sentence-case item heading under an all-caps running header of the same words is
  // the real heading, not a repeat of the header.
  return line.replace(/\d+/g, '#');
}

/** How {@link cleanLines} treats blank lines: HTML blocks carry no meaning in blank lines, text does. */
export type LineMode = 'html' | 'text';

/**
 * Turn raw converted text (lines, with {@link PAGE_BREAK} lines) into clean text: whitespace
 * collapsed and trimmed per line, page numbers, rules and running page headers/footers removed.
 * A running header is a line that appears within the first four or last three lines of at least three
 * pages; the first line of each run of such pages is kept, because it is often the section heading.
 */
export function cleanLines(raw: string, mode: LineMode): string {
  return cleanLinesMarked(raw, mode).text;
}

/** Clean text and which of its lines are kept running headers (see {@link cleanLinesMarked}). */
export interface MarkedText {
  readonly text: string;
  /**
   * Line indexes (of `text.split('\n')`) of running page headers and footers that were kept: the
   * first line of each run of pages repeating it. Such a line may be a section's real heading (the
   * header of its first page) or a repeat above a later page ("PART II" / "Item 7").
   */
  readonly running: ReadonlySet<number>;
}

/** {@link cleanLines}, also reporting which kept lines are running headers. */
export function cleanLinesMarked(raw: string, mode: LineMode): MarkedText {
  const source = raw.split('\n');
  const lines: string[] = [];
  const pageOf: number[] = [];
  let page = 0;
  // Consecutive breaks (a CSS break before an <hr>, empty pages) start one page, not several,
  // so a running header on every printed page is seen on consecutive pages.
  let pageHasLines = false;
  const breakPage = (): void => {
    if (pageHasLines) page++;
    pageHasLines = false;
  };
  for (const rawLine of source) {
    if (rawLine.includes(PAGE_BREAK)) {
      // A break may share a line with text in plain-text input ("<PAGE>" handled by the caller).
      const parts = rawLine.split(PAGE_BREAK);
      for (let k = 0; k < parts.length; k++) {
        if (k > 0) breakPage();
        if (parts[k]!.trim() !== '') pushLine(parts[k]!);
      }
    } else {
      pushLine(rawLine);
    }
  }

  function pushLine(text: string): void {
    const line = text.replace(SPACES, ' ').trim();
    if (line === '') {
      if (mode === 'text' && lines.length > 0 && lines[lines.length - 1] !== '') {
        lines.push('');
        pageOf.push(page);
      }
      return;
    }
    if (isPageNumber(line) || isRule(line)) return;
    lines.push(line);
    pageOf.push(page);
    pageHasLines = true;
  }

  const marks = runningHeaderLines(lines, pageOf, page + 1);
  const kept: string[] = [];
  const running = new Set<number>();
  for (let k = 0; k < lines.length; k++) {
    if (marks[k] === REMOVED) continue;
    const line = lines[k]!;
    if (line !== '' || (kept.length > 0 && kept[kept.length - 1] !== '')) {
      if (marks[k] === KEPT_REPEAT) running.add(kept.length);
      kept.push(line);
    }
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return { text: kept.join('\n'), running };
}

// Running headers sit in the first four lines of a page (company, section title in two lines, units);
// footers in the last three.
const TOP_EDGE = 4;
const BOTTOM_EDGE = 3;
const MAX_HEADER_LENGTH = 160;
// Marks of runningHeaderLines: a repeat removed, or the kept first line of a run.
const REMOVED = 1;
const KEPT_REPEAT = 2;

// A mark per line: REMOVED for a repeat of a running header, KEPT_REPEAT for the first line of a run.
function runningHeaderLines(lines: readonly string[], pageOf: readonly number[], pages: number): Uint8Array {
  const marks = new Uint8Array(lines.length);
  if (pages < 4) return marks;
  // Edge line indexes of each page, and the top-edge lines of each page.
  const edges: number[] = [];
  const tops: number[][] = [];
  let k = 0;
  while (k < lines.length) {
    const p = pageOf[k]!;
    let end = k;
    while (end < lines.length && pageOf[end] === p) end++;
    const body: number[] = [];
    for (let m = k; m < end; m++) if (lines[m] !== '') body.push(m);
    if (body.length <= TOP_EDGE + BOTTOM_EDGE) edges.push(...body);
    else edges.push(...body.slice(0, TOP_EDGE), ...body.slice(-BOTTOM_EDGE));
    tops.push(body.slice(0, TOP_EDGE));
    k = end;
  }
  const pagesByKey = new Map<string, Set<number>>();
  for (const m of edges) {
    const line = lines[m]!;
    if (line.length > MAX_HEADER_LENGTH) continue;
    const key = headerKey(line);
    let set = pagesByKey.get(key);
    if (set === undefined) {
      set = new Set();
      pagesByKey.set(key, set);
    }
    set.add(pageOf[m]!);
  }
  // Keep the first line of each run of pages that repeat the header (a gap of more than two
  // pages starts a new run): it is often the section heading itself.
  const lastPage = new Map<string, number>();
  for (const m of edges) {
    const line = lines[m]!;
    if (line.length > MAX_HEADER_LENGTH) continue;
    const key = headerKey(line);
    if ((pagesByKey.get(key)?.size ?? 0) < 3) continue;
    const page = pageOf[m]!;
    const previous = lastPage.get(key);
    lastPage.set(key, page);
    marks[m] = previous === undefined || page - previous > 2 ? KEPT_REPEAT : REMOVED;
  }
  // A line right under a removed repeat at the top of a page belongs to the page's header block
  // even when it names a different section on each page ("PART II" over "ITEM 7A. QUANTITATIVE
  // ..." on the one page after the real Item 7A heading): kept, and marked as a header line.
  // Under a kept first line it may be the real heading (the sentence-case "Item 7. Management's
  // discussion ..." under the first "ITEM 7. MANAGEMENT'S DISCUSSION ..." banner), so not there.
  for (const top of tops) {
    for (let t = 1; t < top.length; t++) {
      if (marks[top[t]!] === 0 && marks[top[t - 1]!] === REMOVED) marks[top[t]!] = KEPT_REPEAT;
    }
  }
  return marks;
}
