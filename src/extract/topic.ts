import { type FormLayout, isMdnaTitle } from './forms.js';
import { endsWithPageNumber, type Line, normalizeTitle, parseLabel } from './headings.js';
import type { Candidate } from './locate.js';

// Reports ordered by topic instead of by item (GE, Intel, JPMorgan): the body has no "Item 7"
// heading; the MD&A is a banner or a run-in heading listed in the report's own contents, and a
// "Form 10-K Cross-Reference Index" maps each item to pages or section titles.

/** Where a section without an item heading was found, in clean-text offsets. */
export interface TopicSpan {
  /** The heading as found (a run-in heading up to its period). */
  readonly heading: string;
  /** Offset of the body: after the heading line, or after a run-in heading on the same line. */
  readonly start: number;
  /** Offset of the next section's heading, or the text end. */
  readonly end: number;
  /** The next section's heading line; `null` when the MD&A runs to the end. */
  readonly next: string | null;
}

/** One row of a report's contents. */
interface Entry {
  readonly line: number;
  /** Normalized title without its page reference. */
  readonly title: string;
  /** The first page given; `null` for a group heading or a roman or letter-prefixed page. */
  readonly page: number | null;
  /** A heading over a group of rows, printed without a page ("Management's Discussion and Analysis"). */
  readonly group: boolean;
}

const INDEX_HEADING = /cross[\s-]*reference\s+(?:index|table|sheet|guide)/i;
const MAX_INDEX_GAP = 8;

// Strip the trailing page reference of a table-of-contents row.
function tocTitle(row: string): string {
  return normalizeTitle(
    row.replace(
      /(?:\s+(?:pages?\s+)?[A-Z]?-?\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)?(?:\s*,?\s*\([a-z0-9*]\))*[\s.,]*$/i,
      '',
    ),
  );
}

function firstPage(row: string): number | null {
  const m = /(\d{1,3})(?:\s*[-–—]\s*\d{1,3})?(?:\s*,?\s*\([a-z0-9*]\))*[\s.,]*$/.exec(row);
  return m === null || /[A-Z]-$/i.test(row.slice(0, m.index)) ? null : Number(m[1]);
}

function contentsEntries(lines: readonly Line[]): Entry[] {
  const isEntry = lines.map((l) => l.text.length <= 200 && endsWithPageNumber(l.text));
  const entries: Entry[] = [];
  for (let k = 0; k < lines.length; k++) {
    const row = lines[k]!.text;
    if (isEntry[k]) {
      entries.push({ line: k, title: tocTitle(row), page: firstPage(row), group: false });
    } else if (
      isEntry[k + 1] === true &&
      (isEntry[k - 1] === true || isEntry[k - 2] === true) &&
      row.length <= 100 &&
      /^[A-Z]/.test(row) &&
      !/[.;:,]$/.test(row) &&
      parseLabel(row) === null
    ) {
      entries.push({ line: k, title: normalizeTitle(row), page: null, group: true });
    }
  }
  return entries;
}

/**
 * Mark the rows of a cross-reference index ("Item 7. Management's Discussion ... Pages 21-47",
 * "Item 1B. Unresolved Staff Comments None", "Item 7. ...:" over rows of page lists) as contents
 * rows, so that they are never taken for the items' body headings.
 *
 * @param lines - The clean text's lines.
 * @param candidates - Heading candidates in document order.
 * @returns The candidates, index rows with `toc: true`.
 */
export function markIndexRows(lines: readonly Line[], candidates: readonly Candidate[]): Candidate[] {
  const headings: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const row = lines[k]!.text;
    if (row.length <= 80 && INDEX_HEADING.test(row) && !endsWithPageNumber(row)) headings.push(k);
  }
  if (headings.length === 0) return [...candidates];
  const out: Candidate[] = [];
  let h = 0;
  let last = -1; // line of the previous index row (or the index heading)
  for (const c of candidates) {
    while (h < headings.length && headings[h]! <= c.line) last = headings[h++]!;
    if (last >= 0 && c.line - last <= MAX_INDEX_GAP) {
      last = c.line;
      out.push(c.toc ? c : { ...c, toc: true });
    } else {
      last = -1;
      out.push(c);
    }
  }
  return out;
}

/** Page ranges the cross-reference index gives for an item: `[[6, 25]]`, `[[5, 6], [21, 47]]`. */
function indexRanges(
  lines: readonly Line[],
  item: { readonly part?: string; readonly item: string },
): number[][] {
  let inIndex = false;
  let part: string | undefined;
  for (let k = 0; k < lines.length; k++) {
    const row = lines[k]!.text;
    if (!inIndex) {
      inIndex = row.length <= 80 && INDEX_HEADING.test(row) && !endsWithPageNumber(row);
      continue;
    }
    const label = parseLabel(row);
    if (label === null) continue;
    if (label.item === undefined) {
      part = label.part;
      continue;
    }
    if (label.item !== item.item || (item.part !== undefined && part !== undefined && part !== item.part))
      continue;
    // The item's row and the rows under it, up to the next item row.
    let pages = '';
    for (let m = k; m < Math.min(lines.length, k + 6); m++) {
      if (m > k && parseLabel(lines[m]!.text) !== null) break;
      const tail =
        /(?:pages?\s+)?(\d{1,3}(?:\s*[-–—]\s*\d{1,3})?(?:\s*,\s*\d{1,3}(?:\s*[-–—]\s*\d{1,3})?)*)(?:\s*,?\s*\([a-z]\))*\s*$/i.exec(
          lines[m]!.text,
        );
      if (tail !== null) pages += `,${tail[1]}`;
    }
    const ranges: number[][] = [];
    for (const m of pages.matchAll(/(\d{1,3})(?:\s*[-–—]\s*(\d{1,3}))?/g)) {
      const from = Number(m[1]);
      const to = m[2] === undefined ? from : Number(m[2]);
      if (to >= from) ranges.push([from, to]);
    }
    return ranges;
  }
  return [];
}

/**
 * Length of the heading at the start of `row` when it reads `title`: the whole line, or an
 * all-caps run-in heading ended by a period or colon ("SEGMENT OPERATIONS. Segment revenues
 * ..."); `-1` otherwise.
 */
function headingLength(row: string, title: string): number {
  if (row.length <= 160 && !endsWithPageNumber(row) && normalizeTitle(row) === title) return row.length;
  const stop = /[.:](?=\s)/.exec(row.slice(0, 220));
  if (stop === null) return -1;
  const head = row.slice(0, stop.index);
  if (/[a-z]/.test(head) || normalizeTitle(head) !== title) return -1;
  return stop.index + 1;
}

function findHeading(
  lines: readonly Line[],
  from: number,
  title: string,
): { line: number; length: number } | null {
  for (let k = from; k < lines.length; k++) {
    const length = headingLength(lines[k]!.text, title);
    if (length > 0) return { line: k, length };
  }
  return null;
}

/**
 * The MD&A of a report ordered by topic: found by its title in the report's own contents, in the
 * body under that title (a banner line or a run-in heading), and ended at the next top-level
 * contents entry. The next entry is the next group heading when the MD&A is one (Intel: "Risk
 * Factors and Other Key Information"); otherwise the first entry past the last page that the
 * cross-reference index gives for the MD&A item (GE: Item 7 on pages 6-25, so "Other Financial
 * Data 26"); without an index, an entry whose body heading opens directly on its first
 * sub-entry, or that carries another item's usual title.
 *
 * @param lines - The clean text's lines.
 * @param layout - The form's layout (for the MD&A item and the other items' titles).
 * @returns The span, or `null` when the contents list no MD&A or its heading is not in the body.
 */
export function topicOrderedMdna(lines: readonly Line[], layout: FormLayout): TopicSpan | null {
  const entries = contentsEntries(lines);
  const at = entries.findIndex((e) => isMdnaTitle(e.title) && parseLabel(lines[e.line]!.text) === null);
  if (at < 0) return null;
  const entry = entries[at]!;
  const heading = findHeading(lines, entry.line + 1, entry.title);
  if (heading === null) return null;
  const endTitle = nextEntryTitle(lines, entries, at, layout);
  let endLine = -1;
  if (endTitle !== null) endLine = findHeading(lines, heading.line + 1, endTitle)?.line ?? -1;
  if (endLine < 0 && !entry.group) endLine = stackedEnd(lines, entries, at, heading.line, layout);
  const head = lines[heading.line]!;
  const end =
    endLine < 0 ? (lines.at(-1)?.start ?? 0) + (lines.at(-1)?.text.length ?? 0) : lines[endLine]!.start;
  return {
    heading: head.text.slice(0, heading.length),
    start: head.start + heading.length,
    end,
    next: endLine < 0 ? null : lines[endLine]!.text,
  };
}

function nextEntryTitle(
  lines: readonly Line[],
  entries: readonly Entry[],
  at: number,
  layout: FormLayout,
): string | null {
  const entry = entries[at]!;
  if (entry.group) return entries.slice(at + 1).find((e) => e.group)?.title ?? null;
  const ranges = indexRanges(lines, layout.mdnaItem);
  const first = entry.page;
  // A single page is where the item starts (McDonald's: "Item 7 ... Page 8"), not where it ends.
  const range = first === null ? undefined : ranges.find(([a, b]) => a! <= first && first <= b! && a! < b!);
  if (range === undefined) return null;
  const last = range[1]!;
  return entries.slice(at + 1).find((e) => e.page !== null && e.page > last)?.title ?? null;
}

// Without an index: a later contents entry whose body heading is directly followed by the heading
// of the next contents entry (a section opening on its first subsection), or one whose title is
// another item's usual title.
function stackedEnd(
  lines: readonly Line[],
  entries: readonly Entry[],
  at: number,
  headingLine: number,
  layout: FormLayout,
): number {
  const later = new Set(entries.slice(at + 1, at + 80).map((e) => e.title));
  const otherItems = layout.parts
    .flatMap((p) => p.items)
    .flatMap((d) => d.signatures)
    .filter((s) => !isMdnaTitle(s));
  for (let k = headingLine + 1; k < lines.length; k++) {
    const row = lines[k]!.text;
    if (row.length > 160) continue;
    const title = normalizeTitle(row);
    if (!later.has(title)) continue;
    const next = lines[k + 1]?.text ?? '';
    const stacked = next.length <= 160 && later.has(normalizeTitle(next));
    if (stacked || otherItems.some((s) => title.startsWith(s))) return k;
  }
  return -1;
}
