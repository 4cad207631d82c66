import { type FormLayout, type ItemDefinition, isMdnaTitle } from './forms.js';
import {
  endsWithPageNumber,
  isTitleContinuation,
  isTitleLike,
  isUnfinishedTitle,
  type Line,
  normalizeTitle,
  parseLabel,
} from './headings.js';

/** A line (or lines) that may be a section heading. */
export interface Candidate {
  /** First line index of the heading. */
  readonly line: number;
  /** Offset of the heading in the clean text. */
  readonly start: number;
  /** Offset just past the heading (its last line). */
  readonly end: number;
  /** Heading text, its lines joined by spaces. */
  readonly heading: string;
  /** Title without the label. */
  readonly title: string;
  readonly kind: 'item' | 'part' | 'title';
  readonly part?: string;
  readonly item?: string;
  readonly through?: string;
  /** A table-of-contents or cross-reference-index row (ends with a page number). */
  readonly toc: boolean;
  /** The line before is prose broken mid-sentence ("... as discussed under" / "Item 13--..."). */
  readonly inProse?: boolean;
}

/** One located section. */
export interface Section {
  readonly candidate: Candidate;
  readonly definition: ItemDefinition | null;
  /** Offset where the section body starts (after the heading). */
  readonly start: number;
  /** Offset where the next chosen heading starts, or the text end. */
  readonly end: number;
  readonly next: Candidate | null;
}

const MAX_TITLE_LINES = 3;

function lineEnd(line: Line): number {
  return line.start + line.text.length;
}

// Join a label's title with the following lines while the title is unfinished.
// Also while the title so far is the start of a known title that the next line carries on
// ("Quantitative and Qualitative" over "Disclosures About Market Risk").
function completeTitle(
  lines: readonly Line[],
  k: number,
  rest: string,
  knownTitles: readonly string[] = [],
): { title: string; last: number } {
  let title = rest;
  let last = k;
  while (last - k < MAX_TITLE_LINES) {
    const next = lines[last + 1];
    if (next === undefined || !isTitleContinuation(next.text)) break;
    if (!isUnfinishedTitle(title) && !continuesKnownTitle(title, next.text, knownTitles)) break;
    title = title === '' ? next.text : `${title} ${next.text}`;
    last++;
  }
  return { title, last };
}

function continuesKnownTitle(title: string, next: string, knownTitles: readonly string[]): boolean {
  const so = normalizeTitle(title);
  if (so === '') return false;
  const joined = normalizeTitle(`${title} ${next}`);
  return knownTitles.some(
    (known) =>
      known.length > so.length &&
      known.startsWith(`${so} `) &&
      (known.startsWith(joined) || joined.startsWith(known)),
  );
}

/** Item and part heading candidates (labeled headings), in document order. */
export function labeledCandidates(lines: readonly Line[], knownTitles: readonly string[] = []): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const text = line.text;
    if (text.length > 400) continue;
    const c = text.charCodeAt(0);
    if (c !== 73 && c !== 105 && c !== 80 && c !== 112) continue; // I, i, P, p
    const label = parseLabel(text);
    if (label === null) continue;
    if (label.item === undefined) {
      // A part heading: short, "PART II", "PART I. FINANCIAL INFORMATION".
      if (text.length > 90 || !isTitleLike(label.rest)) continue;
      out.push({
        line: k,
        start: line.start,
        end: lineEnd(line),
        heading: text,
        title: label.rest,
        kind: 'part',
        part: label.part!,
        toc: endsWithPageNumber(text),
      });
      continue;
    }
    if (!isTitleLike(label.rest, knownTitles)) continue;
    const { title, last } = completeTitle(lines, k, label.rest, knownTitles);
    // "ITEM 7A." over "Quantitative ... (Continued)": a page's repeated heading, wherever the label sits;
    // so is a heading over a line that only says "(Continued)".
    if (last > k && /\bcontinued\)?$/i.test(title)) continue;
    if (/^[([]?continued[)\]]?[.:]?$/i.test(lines[last + 1]?.text ?? '')) continue;
    const end = lineEnd(lines[last]!);
    const heading = headingText(lines, k, last);
    const before = k > 0 ? lines[k - 1]!.text : '';
    out.push({
      line: k,
      start: line.start,
      end,
      heading,
      title,
      kind: 'item',
      ...(before.length >= 40 && /[a-z,]$/.test(before) ? { inProse: true } : {}),
      ...(label.part === undefined ? {} : { part: label.part }),
      item: label.item,
      ...(label.through === undefined ? {} : { through: label.through }),
      toc: endsWithPageNumber(heading),
    });
    k = last;
  }
  return out;
}

/** The heading as one string: line `k` alone, or lines `k..last` joined when the title wraps. */
function headingText(lines: readonly Line[], k: number, last: number): string {
  if (last === k) return lines[k]!.text;
  return lines
    .slice(k, last + 1)
    .map((l) => l.text)
    .join(' ');
}

/** Items whose title signature matches a short line, as headings without item numbers. */
export function titleCandidates(lines: readonly Line[], definitions: readonly ItemDefinition[]): Candidate[] {
  const out: Candidate[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const text = line.text;
    if (text.length > 160 || text.length < 5) continue;
    const c = text.charCodeAt(0);
    if (!(c >= 65 && c <= 90)) continue;
    const normalized = normalizeTitle(text);
    const definition = definitions.find((d) => d.signatures.some((s) => normalized.startsWith(s)));
    if (definition === undefined) continue;
    if (normalized.length > normalizeTitle(definition.title).length + 24) continue;
    if (/[.;]$/.test(text) && !/\.\s*$/.test(text.slice(-4))) continue;
    const { title, last } = completeTitle(lines, k, text);
    const heading = headingText(lines, k, last);
    out.push({
      line: k,
      start: line.start,
      end: lineEnd(lines[last]!),
      heading,
      title,
      kind: 'title',
      ...(definition.part === undefined ? {} : { part: definition.part }),
      item: definition.item,
      toc: endsWithPageNumber(heading),
    });
    k = last;
  }
  return out;
}

/**
 * Drop item headings that are running page headers repeating the item above its later pages
 * ("PART II" / "Item 7" at the top of every MD&A page, or the all-caps "ITEM 7A. QUANTITATIVE
 * ..." over the page after the real, mid-page "Item 7A." heading). The cleanup keeps the first
 * line of each run of pages repeating a header, because it may be the section's only heading;
 * among consecutive headings of one item, such a kept repeat is dropped when a heading that is no
 * page header stands beside it, and otherwise only the first of them stays.
 *
 * @param candidates - Heading candidates in document order.
 * @param running - Line indexes of kept running headers (from the text cleanup).
 */
export function dropRunningRepeats(
  candidates: readonly Candidate[],
  running: ReadonlySet<number>,
): Candidate[] {
  if (running.size === 0) return [...candidates];
  const drop = new Set<Candidate>();
  let run: Candidate[] = [];
  const close = (): void => {
    if (run.length > 1 && run.some((c) => running.has(c.line))) {
      const plain = run.filter((c) => !running.has(c.line));
      if (plain.length > 0) for (const c of run) if (running.has(c.line)) drop.add(c);
      if (plain.length === 0) for (const c of run.slice(1)) drop.add(c);
    }
    run = [];
  };
  for (const candidate of candidates) {
    if (candidate.toc || candidate.kind === 'part') continue;
    const previous = run[run.length - 1];
    if (previous !== undefined && (previous.item !== candidate.item || previous.part !== candidate.part)) {
      close();
    }
    run.push(candidate);
  }
  close();
  return drop.size === 0 ? [...candidates] : candidates.filter((c) => !drop.has(c));
}

/**
 * The "SIGNATURES" heading that closes the last item: the first line reading only "Signatures"
 * (or "Signature") after the last item heading. What follows it (the signature block, an exhibit
 * index, financial statements appended after the signatures) belongs to no item.
 *
 * @param lines - The clean text's lines.
 * @param candidates - Heading candidates in document order.
 * @returns The heading as a candidate without an item, or `null` when there is none.
 */
export function signaturesHeading(
  lines: readonly Line[],
  candidates: readonly Candidate[],
): Candidate | null {
  let from = -1;
  for (const c of candidates) if (c.item !== undefined && !c.toc) from = c.line;
  if (from < 0) return null;
  for (let k = from + 1; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.text.length > 12) continue;
    const title = normalizeTitle(line.text);
    if (title === 'signatures' || title === 'signature') {
      return {
        line: k,
        start: line.start,
        end: lineEnd(line),
        heading: line.text,
        title: line.text,
        kind: 'title',
        toc: false,
      };
    }
  }
  return null;
}

interface Slot {
  readonly ordinal: number;
  readonly last: number;
  readonly definition: ItemDefinition | null;
}

/** Normalized usual titles and title signatures of a layout's items, longest first. */
export function knownTitlesOf(layout: FormLayout): string[] {
  const titles = new Set<string>();
  for (const { items } of layout.parts) {
    for (const definition of items) {
      titles.add(normalizeTitle(definition.title));
      for (const signature of definition.signatures) titles.add(signature);
    }
  }
  return [...titles].sort((a, b) => b.length - a.length);
}

/** Ordinals of the layout: each part heading, then its items, in filing order. */
function ordinalTable(layout: FormLayout): {
  readonly partOrdinal: Map<string, number>;
  readonly itemOrdinal: Map<string, { ordinal: number; definition: ItemDefinition }[]>;
} {
  const partOrdinal = new Map<string, number>();
  const itemOrdinal = new Map<string, { ordinal: number; definition: ItemDefinition }[]>();
  let ordinal = 0;
  for (const { part, items } of layout.parts) {
    partOrdinal.set(part, ordinal++);
    for (const definition of items) {
      const list = itemOrdinal.get(definition.item) ?? [];
      list.push({ ordinal: ordinal++, definition });
      itemOrdinal.set(definition.item, list);
    }
  }
  return { partOrdinal, itemOrdinal };
}

function slotsOf(candidate: Candidate, layout: FormLayout, table: ReturnType<typeof ordinalTable>): Slot[] {
  if (candidate.kind === 'part') {
    const ordinal = table.partOrdinal.get(candidate.part!);
    return ordinal === undefined ? [] : [{ ordinal, last: ordinal, definition: null }];
  }
  const options = table.itemOrdinal.get(candidate.item!) ?? [];
  const slots: Slot[] = [];
  for (const { ordinal, definition } of options) {
    if (layout.partScoped && candidate.part !== undefined && definition.part !== candidate.part) continue;
    let last = ordinal;
    if (candidate.through !== undefined) {
      const through = (table.itemOrdinal.get(candidate.through) ?? []).find(
        (o) => o.ordinal > ordinal && o.definition.part === definition.part,
      );
      if (through !== undefined) last = through.ordinal;
    }
    slots.push({ ordinal, last, definition });
  }
  return slots;
}

/**
 * Choose the body headings: the chain of candidates, in document order, whose item order strictly
 * increases and whose total weight is largest. A candidate weighs the logarithm of the text that
 * follows it before the next candidate, so table-of-contents rows (a line apart) lose to body
 * headings, and a cross-reference that starts a line inside a section cannot also take the
 * section's real heading. Ties go to the later candidate. Runs in O(candidates × items).
 */
export function chooseSections(
  candidates: readonly Candidate[],
  layout: FormLayout,
  textLength: number,
): Section[] {
  const table = ordinalTable(layout);
  let ordinals = 0;
  for (const { items } of layout.parts) ordinals += items.length + 1;
  // best[o]: best chain ending at ordinal o, as an index into `nodes`.
  const best = new Int32Array(ordinals).fill(-1);
  const nodes: { candidate: number; slot: Slot; score: number; previous: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const candidate = candidates[i]!;
    if (candidate.toc) continue;
    const nextStart = candidates[i + 1]?.start ?? textLength;
    const weight = Math.log2(2 + Math.max(0, nextStart - candidate.end));
    const pending: { ordinal: number; node: number }[] = [];
    for (const slot of slotsOf(candidate, layout, table)) {
      let previous = -1;
      let score = 0;
      for (let o = 0; o < slot.ordinal; o++) {
        const node = best[o]!;
        if (node < 0) continue;
        const candidateScore = nodes[node]!.score;
        // Equal chains: keep the one that ends later (body headings come after the contents).
        if (
          previous < 0 ||
          candidateScore > score ||
          (candidateScore === score && nodes[node]!.candidate > nodes[previous]!.candidate)
        ) {
          score = candidateScore;
          previous = node;
        }
      }
      nodes.push({ candidate: i, slot, score: score + weight, previous });
      pending.push({ ordinal: slot.last, node: nodes.length - 1 });
    }
    for (const { ordinal, node } of pending) {
      const current = best[ordinal]!;
      if (current < 0 || nodes[node]!.score >= nodes[current]!.score) best[ordinal] = node;
    }
  }
  let top = -1;
  for (let o = 0; o < ordinals; o++) {
    const node = best[o]!;
    if (node < 0) continue;
    if (top < 0 || nodes[node]!.score > nodes[top]!.score) top = node;
  }
  const chain: { candidate: Candidate; definition: ItemDefinition | null }[] = [];
  for (let node = top; node >= 0; node = nodes[node]!.previous) {
    chain.push({ candidate: candidates[nodes[node]!.candidate]!, definition: nodes[node]!.slot.definition });
  }
  chain.reverse();
  return sectionsOf(withOutOfOrderItems(chain, candidates, layout), textLength);
}

type Link = { readonly candidate: Candidate; readonly definition: ItemDefinition | null };

function sectionsOf(chain: readonly Link[], textLength: number): Section[] {
  return chain.map((link, k) => {
    const next = chain[k + 1]?.candidate ?? null;
    return {
      candidate: link.candidate,
      definition: link.definition,
      start: link.candidate.end,
      end: Math.max(link.candidate.end, next === null ? textLength : next.start),
      next,
    };
  });
}

/** The item a heading names by its title, among the items with its number. */
function definitionByTitle(candidate: Candidate, layout: FormLayout): ItemDefinition | undefined {
  const title = normalizeTitle(candidate.title);
  if (title === '') return undefined;
  for (const { items } of layout.parts) {
    for (const d of items) {
      if (d.item !== candidate.item) continue;
      if (layout.partScoped && candidate.part !== undefined && d.part !== candidate.part) continue;
      const known = [normalizeTitle(d.title), ...d.signatures];
      if (known.some((k) => title.startsWith(k))) return d;
    }
  }
  return undefined;
}

/**
 * Items printed out of their usual order (a 10-Q with the MD&A before the financial statements):
 * the chain takes items in order only, so an item heading that falls inside another section is
 * missed, and that section runs on through it. A labeled heading of an item missing from the
 * chain is added back when its title is the item's usual title and it is not one row of a list
 * (no other heading on the line before or after it). Of several such headings of one item, the
 * one followed by the most text is taken.
 */
function withOutOfOrderItems(
  chain: readonly Link[],
  candidates: readonly Candidate[],
  layout: FormLayout,
): Link[] {
  if (!chain.some((l) => l.definition !== null)) return [...chain];
  const have = new Set(chain.map((l) => l.definition).filter((d) => d !== null));
  // "Items 7 and 7A" covers Item 7A too.
  for (const { candidate, definition } of chain) {
    if (candidate.through === undefined || definition === null) continue;
    for (const { items } of layout.parts) {
      for (const d of items) if (d.item === candidate.through && d.part === definition.part) have.add(d);
    }
  }
  const best = new Map<ItemDefinition, { candidate: Candidate; length: number }>();
  const used = new Map<Candidate, ItemDefinition | null>(chain.map((l) => [l.candidate, l.definition]));
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    if (c.kind !== 'item' || c.toc || c.inProse === true || c.through !== undefined) continue;
    // A row of a list of items (a contents page without page numbers) is no heading.
    const next = candidates[i + 1];
    const previous = candidates[i - 1];
    if (next?.kind === 'item' && next.start - c.end <= 1) continue;
    if (previous?.kind === 'item' && c.start - previous.end <= 1) continue;
    const definition = definitionByTitle(c, layout);
    if (definition === undefined) continue;
    // A heading the chain already took for another item stays with it.
    const taken = used.get(c);
    if (taken !== undefined && taken !== definition) continue;
    const length = (next?.start ?? Number.MAX_SAFE_INTEGER) - c.end;
    const current = best.get(definition);
    if (current === undefined || length > current.length) best.set(definition, { candidate: c, length });
  }
  const out = chain.map((link) => {
    // The chain took a contents row for the item (its real heading sits out of order, after a
    // later item): the heading followed by far more text replaces it.
    const better = link.definition === null ? undefined : best.get(link.definition);
    if (better === undefined || better.candidate === link.candidate) return link;
    const index = candidates.indexOf(link.candidate);
    const length = (candidates[index + 1]?.start ?? Number.MAX_SAFE_INTEGER) - link.candidate.end;
    return better.length >= Math.max(MIN_RELOCATED, RELOCATE_RATIO * length)
      ? { candidate: better.candidate, definition: link.definition }
      : link;
  });
  for (const [definition, { candidate }] of best)
    if (!have.has(definition)) out.push({ candidate, definition });
  return out.sort((a, b) => a.candidate.start - b.candidate.start);
}

// An out-of-order heading replaces the chain's choice when followed by this much more text.
const RELOCATE_RATIO = 4;
const MIN_RELOCATED = 2000;

/** The MD&A section of a chain, if any. */
export function findMdnaSection(sections: readonly Section[], layout: FormLayout): Section | undefined {
  const byTitle = sections.find(
    (s) => s.candidate.kind !== 'part' && isMdnaTitle(normalizeTitle(s.candidate.title)),
  );
  if (byTitle !== undefined) return byTitle;
  const { part, item } = layout.mdnaItem;
  return sections.find(
    (s) =>
      s.definition !== null &&
      s.definition.item === item &&
      (part === undefined || s.definition.part === part) &&
      (s.candidate.title.trim() === '' || /discussion|analysis|plan of operation/i.test(s.candidate.title)),
  );
}
