import { bodyToMarkedText, selectBody } from './document-to-text.js';
import { extractEightKItems, isEightKForm } from './eight-k.js';
import { type FormLayout, formLayout, isAnnualReportMdnaTitle, isMdnaTitle } from './forms.js';
import { endsWithPageNumber, type Line, normalizeTitle, parseLabel, toLines } from './headings.js';
import {
  type Candidate,
  chooseSections,
  dropRunningRepeats,
  findMdnaSection,
  knownTitlesOf,
  labeledCandidates,
  type Section,
  signaturesHeading,
  titleCandidates,
} from './locate.js';
import { checkExtractOptions, checkInput, type ExtractOptions, resolveFormat } from './options.js';
import { referenceOf } from './pointer.js';
import { markIndexRows, topicOrderedMdna } from './topic.js';

/** One located item of a 10-K or 10-Q. Offsets index `documentToText(document)`. */
export interface ExtractedItem {
  /** `'I'`, `'II'`, ... for 10-Q items (whose numbers repeat across parts); absent for 10-K items. */
  readonly part?: string;
  /** Item number as printed, uppercase: `'7'`, `'7A'`, `'1C'`. */
  readonly item: string;
  /** The title as the heading gives it (without the label), or the usual title when it gives none. */
  readonly title: string;
  /** 8-K items only: the item's official title from SEC's Form 8-K General Instructions. */
  readonly officialTitle?: string;
  /** The heading as found, its lines joined by spaces. */
  readonly heading: string;
  /** The section body: clean text from after the heading to the next chosen heading, trimmed. */
  readonly text: string;
  /** Offset of the body's first character in the clean text. */
  readonly start: number;
  /** Offset just past the body's last character in the clean text. */
  readonly end: number;
}

/** How `extractMdna` found the MD&A. */
export type MdnaStatus = 'found' | 'incorporated-by-reference' | 'not-found';

/** Where an MD&A incorporated by reference lives. */
export interface MdnaReference {
  /** The document named: `'Exhibit 13'`, `'1999 Annual Report to Shareholders'`, `'Proxy Statement'`. */
  readonly target: string;
  /** The page range given, normalized to `'14-21'`, when the pointer names one. */
  readonly pages?: string;
  /** The section title named, when the pointer quotes one ("under the caption “Financial Review”"). */
  readonly section?: string;
  /** The pointer sentence itself. */
  readonly sentence: string;
}

/** The result of `extractMdna`. Offsets index `documentToText(document)`. */
export interface MdnaResult {
  readonly status: MdnaStatus;
  /** The MD&A body as clean text; `''` unless `status` is `'found'`. */
  readonly text: string;
  /** The MD&A heading as found (for `'incorporated-by-reference'` too); `null` when not found. */
  readonly heading: string | null;
  /** The heading that ends the MD&A; `null` when the MD&A runs to the end or was not found. */
  readonly nextHeading: string | null;
  /** Offset of the body (or of the pointer) in the clean text; `-1` when not found. */
  readonly start: number;
  /** Offset just past the body (the next heading starts at or after it); `-1` when not found. */
  readonly end: number;
  /** Set when `status` is `'incorporated-by-reference'`. */
  readonly reference?: MdnaReference;
}

interface Located {
  readonly text: string;
  readonly lines: readonly Line[];
  /** Line indexes of kept running page headers. */
  readonly running: ReadonlySet<number>;
  readonly layout: FormLayout;
}

function prepare(document: unknown, options: unknown, fn: string): Located {
  checkInput(document, 'document', `${fn}(html, { formType: '10-K' })`);
  const opts = checkExtractOptions(fn, options);
  const layout = formLayout(opts.formType);
  const format = resolveFormat(fn, opts.format);
  const documentType =
    layout.family === 'annual-report' ? opts.formType.trim().toUpperCase().replace(/\/A$/, '') : undefined;
  const { text, running } = bodyToMarkedText(selectBody(document, documentType), format);
  return { text, lines: toLines(text), running, layout };
}

function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

// Title headings that overlap a labeled heading are dropped: "Item 7." over "Quantitative and
// Qualitative Disclosures ..." is one heading (the title line joined to the label), and taking
// the title line again as Item 7A's heading gave Item 7 a body that ends before it starts.
function mergeSorted(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  for (const extra of b) {
    while (i < a.length && a[i]!.start <= extra.start) out.push(a[i++]!);
    const previous = out[out.length - 1];
    const next = a[i];
    const overlaps =
      (previous !== undefined && previous.end > extra.start) ||
      (next !== undefined && next.start < extra.end);
    if (!overlaps) out.push(extra);
  }
  while (i < a.length) out.push(a[i++]!);
  return out;
}

/** Locate sections: labeled headings first; unnumbered title headings fill the items they miss. */
function locateSections(located: Located): Section[] {
  const { lines, layout, text } = located;
  const all = markIndexRows(
    lines,
    dropRunningRepeats(labeledCandidates(lines, knownTitlesOf(layout)), located.running),
  );
  const first = chooseUntilSignatures(lines, all, layout, text.length);
  if (findMdnaSection(first, layout) !== undefined) return withoutTrailingParts(text, first);
  const have = new Set(first.filter((s) => s.definition !== null).map((s) => s.definition!));
  const missing = layout.parts.flatMap((p) => p.items).filter((d) => !have.has(d));
  const extra = titleCandidates(lines, missing);
  if (extra.length === 0) return withoutTrailingParts(text, first);
  return withoutTrailingParts(
    text,
    chooseUntilSignatures(lines, mergeSorted(all, extra), layout, text.length),
  );
}

// The items end at the SIGNATURES heading; headings after it (appended reports) are no items.
function chooseUntilSignatures(
  lines: readonly Line[],
  candidates: readonly Candidate[],
  layout: FormLayout,
  textLength: number,
): Section[] {
  const signatures = signaturesHeading(lines, candidates);
  if (signatures === null) return chooseSections(candidates, layout, textLength);
  const sections = chooseSections(
    candidates.filter((c) => c.start < signatures.start),
    layout,
    signatures.start,
  );
  const last = sections[sections.length - 1];
  if (last !== undefined) {
    sections[sections.length - 1] = {
      ...last,
      end: Math.max(last.start, signatures.start),
      next: signatures,
    };
  }
  return sections;
}

// A part heading that the chain could not take ("PART IV" over an old-style Item 14, or a
// running "PART II" page header just before the next item) does not end the previous item.
function withoutTrailingParts(text: string, sections: Section[]): Section[] {
  return sections.map((section) => {
    let end = section.end;
    for (;;) {
      const body = text.slice(section.start, end).trimEnd();
      const cut = body.lastIndexOf('\n');
      const last = body.slice(cut + 1);
      const label = last.length <= 90 ? parseLabel(last) : null;
      if (cut < 0 || label === null || label.item !== undefined || label.part === undefined) break;
      end = section.start + cut;
    }
    return end === section.end ? section : { ...section, end };
  });
}

/**
 * Locate every item of a 10-K (Items 1–16) or 10-Q (Part I Items 1–4, Part II Items 1–6). The
 * table of contents is skipped, 10-Q items are scoped by part, cross-references that start a line
 * are not taken for headings, and headings may be split over lines or table cells, use
 * `.`, `:`, dashes or no space after the number, or cover two items (`Items 7 and 7A`).
 *
 * For a Form 8-K (`formType: '8-K'`, `'8-K/A'`, ...) it returns Items 1.01–9.01, or Items 1–12 of
 * the numbering before August 2004, each with its `officialTitle` (see docs/extraction-8k.md).
 *
 * @param document - The filing: HTML, inline XBRL, an SGML `.txt` submission, or clean text.
 * @param options - `formType` (required), `format`; see {@link ExtractOptions}.
 * @returns The items found, in document order (none for an `'EX-13'`).
 * @throws {InvalidArgumentError} When `document` is not a string or `formType` is missing.
 * @throws {ExtractionError} `UNSUPPORTED_FORM` for forms other than 10-K, 10-Q and 8-K variants.
 * @example
 * ```ts
 * import { extractItems } from 'fin-tabtext';
 * const items = extractItems(html, { formType: '10-Q' });
 * items.find((i) => i.part === 'II' && i.item === '1A')?.text; // the risk factors update
 * ```
 */
export function extractItems(document: string, options: ExtractOptions): ExtractedItem[] {
  if (isEightKForm((options as { formType?: unknown } | undefined)?.formType))
    return extractEightKItems(document, options);
  const located = prepare(document, options, 'extractItems');
  if (located.layout.family === 'annual-report') return [];
  const out: ExtractedItem[] = [];
  for (const section of locateSections(located)) {
    if (section.definition === null) continue;
    const { start, end } = trimRange(located.text, section.start, section.end);
    const title = section.candidate.title.trim() || section.definition.title;
    out.push({
      ...(located.layout.partScoped && section.definition.part !== undefined
        ? { part: section.definition.part }
        : {}),
      item: section.definition.item,
      title,
      heading: section.candidate.heading,
      text: located.text.slice(start, end),
      start,
      end,
    });
  }
  return out;
}

const NOT_FOUND: MdnaResult = Object.freeze({
  status: 'not-found',
  text: '',
  heading: null,
  nextHeading: null,
  start: -1,
  end: -1,
});

function resultOf(
  text: string,
  heading: string,
  start: number,
  end: number,
  next: string | null,
): MdnaResult {
  const range = trimRange(text, start, end);
  const body = text.slice(range.start, range.end);
  if (body === '') return NOT_FOUND;
  const reference = referenceOf(body);
  if (reference !== null) {
    return {
      status: 'incorporated-by-reference',
      text: '',
      heading,
      nextHeading: next,
      start: range.start,
      end: range.end,
      reference,
    };
  }
  return { status: 'found', text: body, heading, nextHeading: next, start: range.start, end: range.end };
}

// Headings that follow the MD&A in an annual report to shareholders (EX-13).
const ANNUAL_REPORT_NEXT = [
  'report of independent registered public accounting firm',
  'reports of independent registered public accounting firm',
  'report of independent auditors',
  'report of independent accountants',
  'independent auditors report',
  'report of independent certified public accountants',
  'managements report',
  'management report',
  'report of management',
  'consolidated statements of',
  'consolidated statement of',
  'consolidated balance sheet',
  'statements of consolidated',
  'quantitative and qualitative disclosures about market risk',
  'notes to consolidated financial statements',
  'financial statements',
  'selected financial data',
];

function annualReportMdna(located: Located): MdnaResult {
  const { lines, text } = located;
  const mdna: Candidate[] = [];
  const ends: number[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.text.length > 160 || line.text.length < 5) continue;
    const label = parseLabel(line.text);
    const title = label?.item !== undefined ? label.rest : line.text;
    const normalized = normalizeTitle(title);
    if (
      (isMdnaTitle(normalized) || isAnnualReportMdnaTitle(normalized)) &&
      !normalized.endsWith('continued') &&
      !endsWithPageNumber(line.text)
    ) {
      if (normalized.length <= 110) {
        mdna.push({
          line: k,
          start: line.start,
          end: line.start + line.text.length,
          heading: line.text,
          title,
          kind: 'title',
          toc: false,
        });
      }
    } else if (
      line.text.length <= 120 &&
      /^[A-Z]/.test(line.text) &&
      ANNUAL_REPORT_NEXT.some((s) => normalized.startsWith(s)) &&
      !/[.;:]$/.test(line.text)
    ) {
      ends.push(k);
    }
  }
  let bestStart: Candidate | null = null;
  let bestEnd = -1;
  let bestLength = -1;
  for (const candidate of mdna) {
    const endLine = ends.find((e) => e > candidate.line);
    const end = endLine === undefined ? text.length : lines[endLine]!.start;
    if (end - candidate.end > bestLength) {
      bestLength = end - candidate.end;
      bestStart = candidate;
      bestEnd = endLine ?? -1;
    }
  }
  if (bestStart === null) return NOT_FOUND;
  const next = bestEnd < 0 ? null : lines[bestEnd]!;
  return resultOf(
    text,
    bestStart.heading,
    bestStart.end,
    next === null ? text.length : next.start,
    next?.text ?? null,
  );
}

/**
 * Extract the MD&A ("Management's Discussion and Analysis of Financial Condition and Results of
 * Operations") of a 10-K (Item 7; Item 6 of a 10-KSB), a 10-Q (Part I, Item 2) or an annual
 * report exhibit (EX-13, heading without an item number). When the filing only points to the
 * MD&A elsewhere ("incorporated by reference to pages 14–21 of the Annual Report", the usual
 * Exhibit 13 arrangement before 2010) the status is `'incorporated-by-reference'` and `reference`
 * names the target, so a loader can fetch EX-13 and call `extractMdna(ex13, { formType: 'EX-13' })`.
 *
 * @param document - The filing: HTML, inline XBRL, an SGML `.txt` submission, or clean text.
 * @param options - `formType` (required), `format`; see {@link ExtractOptions}.
 * @returns `{ status, text, heading, nextHeading, start, end, reference? }`; offsets index
 *   `documentToText(document)`. A filing without an MD&A gives `status: 'not-found'`, not an error.
 * @throws {InvalidArgumentError} When `document` is not a string or `formType` is missing.
 * @throws {ExtractionError} `UNSUPPORTED_FORM` for forms other than 10-K, 10-Q and EX-13 variants;
 *   `DOCUMENT_NOT_FOUND` for an SGML submission without the EX-13 asked for.
 * @example
 * ```ts
 * import { extractMdna } from 'fin-tabtext';
 * const mdna = extractMdna(html, { formType: '10-K' });
 * if (mdna.status === 'found') console.log(mdna.text.slice(0, 200));
 * else if (mdna.status === 'incorporated-by-reference') console.log(mdna.reference?.target); // 'Exhibit 13'
 * ```
 */
export function extractMdna(document: string, options: ExtractOptions): MdnaResult {
  const located = prepare(document, options, 'extractMdna');
  if (located.layout.family === 'annual-report') return annualReportMdna(located);
  const sections = locateSections(located);
  const section = findMdnaSection(sections, located.layout);
  if (section === undefined) {
    const span = topicOrderedMdna(located.lines, located.layout);
    if (span === null) return NOT_FOUND;
    return resultOf(located.text, span.heading, span.start, span.end, span.next);
  }
  return resultOf(
    located.text,
    section.candidate.heading,
    section.start,
    section.end,
    section.next?.heading ?? null,
  );
}
