import { describeType, InvalidArgumentError } from '../errors/index.js';
import { InlineXbrlError } from './errors.js';
import { decodeEntities, findTagEnd, isNameChar, readStartTag } from './markup.js';
import { parseDisplayedNumber, scaleDecimal } from './transforms.js';

/** One dimension of a fact's context: an axis and its member (`StatementClassOfStockAxis` = `CommonClassAMember`). */
export interface XbrlDimension {
  /** The axis, qualified as written (`us-gaap:StatementClassOfStockAxis`). */
  readonly dimension: string;
  /** The explicit member's QName, or a typed member's text. */
  readonly member: string;
  /** `true` for a typed member (`xbrldi:typedMember`). */
  readonly typed: boolean;
}

/** One numeric fact (`ix:nonFraction`) of an inline XBRL document, with its context and unit resolved. */
export interface InlineXbrlFact {
  /**
   * The concept, qualified with its taxonomy key (`us-gaap:Assets`, `dei:EntityCommonStockSharesOutstanding`,
   * `gme:SomeExtension`). Standard taxonomies get their usual key from the namespace URI, whatever
   * prefix the filer declared; extension concepts keep the filer's prefix.
   */
  readonly concept: string;
  /** The taxonomy key alone (`us-gaap`, `dei`, `ifrs-full`, `srt`, or the filer's prefix). */
  readonly taxonomy: string;
  /** The concept's local name (`Assets`). */
  readonly name: string;
  /** The value, with `scale` (× 10^scale) and `sign="-"` applied. */
  readonly value: number;
  /** The unit as SEC's company facts names it: `USD`, `shares`, `USD/shares`, `pure`. */
  readonly unit: string;
  /** The `contextRef`. */
  readonly contextId: string;
  /** Start of a duration, `YYYY-MM-DD`; absent for an instant. */
  readonly start?: string;
  /** End of the duration, or the instant, `YYYY-MM-DD`. */
  readonly end: string;
  /** The instant, `YYYY-MM-DD`; absent for a duration. */
  readonly instant?: string;
  /** The `decimals` attribute: a number, `'INF'`, or `null` when absent. */
  readonly decimals: number | 'INF' | null;
  /** `true` when the context has dimensions (a segment or scenario member); SEC's company facts leave these out. */
  readonly dimensional: boolean;
  /** The context's dimensions, `[]` when none. */
  readonly dimensions: readonly XbrlDimension[];
  /** The fact's `id` attribute, or `null`. */
  readonly id: string | null;
}

/** Cover-page (`dei`) text facts read alongside the numbers. */
export interface InlineXbrlCover {
  readonly registrantName: string | null;
  readonly centralIndexKey: string | null;
  readonly fiscalYearFocus: string | null;
  readonly fiscalPeriodFocus: string | null;
  readonly documentType: string | null;
  readonly documentPeriodEndDate: string | null;
}

/** Everything one scan of a document yields. */
export interface InlineXbrlScan {
  /** The numeric facts, in document order (duplicates included, as in the document). */
  readonly facts: InlineXbrlFact[];
  /** Facts or contexts that could not be read, in words. */
  readonly warnings: string[];
  /** `true` when the document has inline XBRL markup (`ix:header` or any `ix:` fact). */
  readonly inline: boolean;
  /** The cover-page text facts. */
  readonly cover: InlineXbrlCover;
  /** The entity identifier of the contexts (the CIK for SEC filings), or `null`. */
  readonly identifier: string | null;
}

const coverConcepts: Readonly<Record<string, keyof InlineXbrlCover>> = {
  EntityRegistrantName: 'registrantName',
  EntityCentralIndexKey: 'centralIndexKey',
  DocumentFiscalYearFocus: 'fiscalYearFocus',
  DocumentFiscalPeriodFocus: 'fiscalPeriodFocus',
  DocumentType: 'documentType',
  DocumentPeriodEndDate: 'documentPeriodEndDate',
};

type Kind =
  | 'fraction'
  | 'nonNumeric'
  | 'context'
  | 'leaf'
  | 'forever'
  | 'unit'
  | 'numerator'
  | 'denominator'
  | 'root'
  | 'header';

/** Elements the scanner acts on, by local name (XHTML is case-sensitive; lower-case spellings are tolerated). */
const tracked = new Map<string, Kind>([
  ['nonFraction', 'fraction'],
  ['nonfraction', 'fraction'],
  ['nonNumeric', 'nonNumeric'],
  ['nonnumeric', 'nonNumeric'],
  ['context', 'context'],
  ['identifier', 'leaf'],
  ['startDate', 'leaf'],
  ['endDate', 'leaf'],
  ['instant', 'leaf'],
  ['explicitMember', 'leaf'],
  ['typedMember', 'leaf'],
  ['measure', 'leaf'],
  ['forever', 'forever'],
  ['unit', 'unit'],
  ['unitNumerator', 'numerator'],
  ['unitDenominator', 'denominator'],
  ['html', 'root'],
  ['header', 'header'],
]);

interface RawFraction {
  readonly attributes: Map<string, string>;
  text: string;
}

interface RawContext {
  readonly id: string;
  identifier: string | null;
  scheme: string | null;
  start: string | null;
  end: string | null;
  instant: string | null;
  forever: boolean;
  readonly dimensions: XbrlDimension[];
}

interface RawUnit {
  readonly id: string;
  readonly numerator: string[];
  readonly denominator: string[];
  inDenominator: boolean;
}

interface Frame {
  readonly local: string;
  readonly kind: Kind;
  /** Text collected inside the element, or `null` when it is not needed. */
  readonly parts: string[] | null;
  readonly fraction?: RawFraction;
  readonly leafOf?: 'context' | 'unit';
  readonly attributes?: Map<string, string>;
  readonly coverField?: keyof InlineXbrlCover;
  readonly contextRef?: string;
}

/** Nesting deeper than this is not real iXBRL; past it, tracked elements are ignored (keeps the scan linear). */
const MAX_FRAMES = 256;
/** At most this many elements collect text at once (each text run is copied to each). */
const MAX_COLLECTING = 8;
/** Detailed warnings kept per scan; the rest are counted. */
const MAX_WARNINGS = 100;

class Warnings {
  readonly list: string[] = [];
  private dropped = 0;
  add(message: string): void {
    if (this.list.length < MAX_WARNINGS) this.list.push(message);
    else this.dropped++;
  }
  done(): string[] {
    if (this.dropped > 0) this.list.push(`… and ${this.dropped} more warnings like these`);
    return this.list;
  }
}

/**
 * Scan an inline XBRL document once, left to right: every `ix:nonFraction`, every `xbrli:context`
 * and `xbrli:unit` (wherever they are, normally in the hidden `ix:header`), and a few cover-page
 * `dei` text facts. Elements are matched by local name, so any prefix (`xbrli:`, `i:`, none) works.
 * The scan is a hand-written loop over `<` positions: linear in the input, no backtracking regex.
 *
 * @param html - The primary document (iXBRL XHTML).
 * @returns Facts, warnings, the cover-page facts and whether the document is inline XBRL at all.
 * @throws {InvalidArgumentError} When `html` is not a string.
 * @throws {InlineXbrlError} Only on an unexpected internal failure (never for malformed markup).
 * @example
 * ```ts
 * const scan = scanInlineXbrl(html);
 * scan.cover.registrantName; // 'GameStop Corp.'
 * ```
 */
export function scanInlineXbrl(html: string): InlineXbrlScan {
  if (typeof html !== 'string') {
    throw new InvalidArgumentError(
      'html',
      `readInlineXbrlFacts(html) needs the document text as a string, got ${describeType(html)}; e.g. readInlineXbrlFacts(readFileSync('gme-20240203.htm', 'utf8'))`,
    );
  }
  try {
    return scan(html);
  } catch (error) {
    throw new InlineXbrlError(`inline XBRL scan failed unexpectedly: ${(error as Error)?.message}`, {
      cause: error,
    });
  }
}

function scan(s: string): InlineXbrlScan {
  const n = s.length;
  const warnings = new Warnings();
  const namespaces = new Map<string, string>();
  const fractions: RawFraction[] = [];
  const contexts = new Map<string, RawContext>();
  const units = new Map<string, RawUnit>();
  const coverFacts: { field: keyof InlineXbrlCover; contextRef: string; value: string }[] = [];
  const frames: Frame[] = [];
  let collecting = 0;
  let context: RawContext | null = null;
  let unit: RawUnit | null = null;
  let inline = false;
  let tooDeep = false;
  let textFrom = 0;
  let i = 0;

  const collect = (from: number, to: number): void => {
    if (collecting === 0 || to <= from) return;
    const text = s.slice(from, to);
    for (const frame of frames) frame.parts?.push(text);
  };

  const close = (frame: Frame): void => {
    if (frame.parts !== null) collecting--;
    switch (frame.kind) {
      case 'fraction': {
        const fraction = frame.fraction!;
        fraction.text = frame.parts === null ? '' : frame.parts.join('');
        fractions.push(fraction);
        return;
      }
      case 'nonNumeric':
        if (frame.coverField !== undefined && frame.parts !== null) {
          const value = decodeEntities(frame.parts.join('')).replace(/\s+/g, ' ').trim();
          coverFacts.push({ field: frame.coverField, contextRef: frame.contextRef ?? '', value });
        }
        return;
      case 'context':
        if (context !== null) {
          if (!contexts.has(context.id)) contexts.set(context.id, context);
          else warnings.add(`context ${context.id} is defined twice; kept the first`);
        }
        context = null;
        return;
      case 'unit':
        if (unit !== null && !units.has(unit.id)) units.set(unit.id, unit);
        unit = null;
        return;
      case 'denominator':
        if (unit !== null) unit.inDenominator = false;
        return;
      case 'leaf': {
        const text = decodeEntities((frame.parts ?? []).join('')).trim();
        if (frame.leafOf === 'unit') {
          if (unit !== null && frame.local === 'measure') {
            (unit.inDenominator ? unit.denominator : unit.numerator).push(text);
          }
          return;
        }
        if (context === null) return;
        const attributes = frame.attributes!;
        if (frame.local === 'identifier') {
          context.identifier = text;
          context.scheme = attributes.get('scheme') ?? null;
        } else if (frame.local === 'startDate') context.start = text;
        else if (frame.local === 'endDate') context.end = text;
        else if (frame.local === 'instant') context.instant = text;
        else if (frame.local === 'explicitMember' || frame.local === 'typedMember') {
          context.dimensions.push({
            dimension: attributes.get('dimension') ?? '',
            member: text.replace(/\s+/g, ' '),
            typed: frame.local === 'typedMember',
          });
        }
        return;
      }
      default:
        return;
    }
  };

  const push = (frame: Frame): void => {
    if (frames.length >= MAX_FRAMES) {
      if (!tooDeep) warnings.add(`elements nested deeper than ${MAX_FRAMES} levels were ignored`);
      tooDeep = true;
      return;
    }
    if (frame.parts !== null) collecting++;
    frames.push(frame);
  };

  while (i < n) {
    const lt = s.indexOf('<', i);
    if (lt < 0) break;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      collect(textFrom, lt);
      if (s.startsWith('<!--', lt)) {
        const e = s.indexOf('-->', lt + 4);
        i = e < 0 ? n : e + 3;
      } else if (s.startsWith('<![CDATA[', lt)) {
        const e = s.indexOf(']]>', lt + 9);
        collect(lt + 9, e < 0 ? n : e);
        i = e < 0 ? n : e + 3;
      } else {
        const e = s.indexOf('>', lt + 2);
        i = e < 0 ? n : e + 1;
      }
      textFrom = i;
      continue;
    }
    if (c1 === 63 /* ? */) {
      collect(textFrom, lt);
      const e = s.indexOf('?>', lt + 2);
      i = e < 0 ? n : e + 2;
      textFrom = i;
      continue;
    }
    const closing = c1 === 47; /* / */
    const nameStart = closing ? lt + 2 : lt + 1;
    let j = nameStart;
    let colon = -1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (!isNameChar(c)) break;
      if (c === 58) colon = j;
      j++;
    }
    if (j === nameStart) {
      i = lt + 1; // a bare `<` in text: part of the text run
      continue;
    }
    if (closing) {
      if (frames.length === 0) {
        i = j;
        continue;
      }
      collect(textFrom, lt);
      const e = s.indexOf('>', j);
      i = e < 0 ? n : e + 1;
      textFrom = i;
      const local = s.slice(colon < 0 ? nameStart : colon + 1, j);
      if (!tracked.has(local)) continue;
      let k = frames.length - 1;
      while (k >= 0 && frames[k]!.local !== local) k--;
      if (k < 0) continue;
      while (frames.length > k + 1) {
        const unclosed = frames.pop()!;
        if (unclosed.parts !== null) collecting--;
        if (unclosed.kind === 'context') context = null;
        if (unclosed.kind === 'unit') unit = null;
        if (unclosed.kind === 'fraction') {
          warnings.add(
            `ix:nonFraction ${unclosed.fraction!.attributes.get('name') ?? ''} is never closed; skipped`,
          );
        }
      }
      close(frames.pop()!);
      continue;
    }
    const local = s.slice(colon < 0 ? nameStart : colon + 1, j);
    const kind = tracked.get(local);
    if (kind === undefined) {
      if (collecting > 0) {
        collect(textFrom, lt);
        const e = findTagEnd(s, j);
        i = e + 1;
        textFrom = i;
      } else {
        i = j;
      }
      continue;
    }
    collect(textFrom, lt);
    const tag = readStartTag(s, j);
    i = tag.end + 1;
    textFrom = i;
    for (const [name, value] of tag.attributes) {
      if (name.startsWith('xmlns:') && !namespaces.has(name.slice(6))) namespaces.set(name.slice(6), value);
    }
    const prefix = colon < 0 ? '' : s.slice(nameStart, colon);
    switch (kind) {
      case 'fraction': {
        inline = true;
        const fraction: RawFraction = { attributes: tag.attributes, text: '' };
        if (tag.selfClosing) fractions.push(fraction);
        else {
          const parts = collecting < MAX_COLLECTING ? [] : null;
          if (parts === null) warnings.add(`ix:nonFraction nested too deeply: ${tag.attributes.get('name')}`);
          push({ local, kind, parts, fraction });
        }
        break;
      }
      case 'nonNumeric': {
        inline = true;
        if (tag.selfClosing) break;
        const name = tag.attributes.get('name') ?? '';
        const colonAt = name.indexOf(':');
        const field = Object.hasOwn(coverConcepts, name.slice(colonAt + 1))
          ? coverConcepts[name.slice(colonAt + 1)]
          : undefined;
        const wanted = field !== undefined && isDeiPrefix(name.slice(0, colonAt), namespaces);
        push({
          local,
          kind,
          parts: wanted && collecting < MAX_COLLECTING ? [] : null,
          coverField: wanted ? field : undefined,
          contextRef: tag.attributes.get('contextRef'),
        });
        break;
      }
      case 'context': {
        const id = tag.attributes.get('id');
        if (id === undefined || tag.selfClosing) break;
        context = {
          id,
          identifier: null,
          scheme: null,
          start: null,
          end: null,
          instant: null,
          forever: false,
          dimensions: [],
        };
        push({ local, kind, parts: null });
        break;
      }
      case 'leaf': {
        const leafOf =
          local === 'measure' ? (unit !== null ? 'unit' : null) : context !== null ? 'context' : null;
        if (leafOf === null || tag.selfClosing) break;
        push({
          local,
          kind,
          parts: collecting < MAX_COLLECTING ? [] : null,
          leafOf,
          attributes: tag.attributes,
        });
        break;
      }
      case 'forever':
        if (context !== null) context.forever = true;
        break;
      case 'unit': {
        const id = tag.attributes.get('id');
        if (id === undefined || tag.selfClosing) break;
        unit = { id, numerator: [], denominator: [], inDenominator: false };
        push({ local, kind, parts: null });
        break;
      }
      case 'numerator':
      case 'denominator':
        if (unit === null || tag.selfClosing) break;
        unit.inDenominator = kind === 'denominator';
        push({ local, kind, parts: null });
        break;
      case 'header':
        if (prefix !== '') inline = true;
        break;
      default:
        break;
    }
  }
  collect(textFrom, n);
  for (const frame of frames) {
    if (frame.kind === 'fraction') {
      warnings.add(`ix:nonFraction ${frame.fraction!.attributes.get('name') ?? ''} is never closed; skipped`);
    }
  }

  const facts = resolveFacts(fractions, contexts, units, namespaces, warnings);
  const cover: Record<keyof InlineXbrlCover, string | null> = {
    registrantName: null,
    centralIndexKey: null,
    fiscalYearFocus: null,
    fiscalPeriodFocus: null,
    documentType: null,
    documentPeriodEndDate: null,
  };
  // Non-dimensional contexts first: a cover fact may also be repeated per share class.
  for (const pass of [false, true]) {
    for (const fact of coverFacts) {
      const dimensional = (contexts.get(fact.contextRef)?.dimensions.length ?? 0) > 0;
      if (dimensional === pass && cover[fact.field] === null && fact.value !== '')
        cover[fact.field] = fact.value;
    }
  }
  let identifier: string | null = null;
  for (const c of contexts.values()) {
    if (c.identifier !== null && c.identifier !== '') {
      identifier = c.identifier;
      break;
    }
  }
  return { facts, warnings: warnings.done(), inline, cover, identifier };
}

function isDeiPrefix(prefix: string, namespaces: ReadonlyMap<string, string>): boolean {
  return taxonomyOf(prefix, namespaces) === 'dei';
}

/**
 * The company-facts taxonomy key of a prefix, from its namespace URI: `http://fasb.org/us-gaap/2023`
 * → `us-gaap`, `http://xbrl.sec.gov/dei/2023` → `dei`, `https://xbrl.ifrs.org/taxonomy/2023-03-23/ifrs-full`
 * → `ifrs-full`. Filer extensions (and undeclared prefixes) keep their prefix.
 */
export function taxonomyOf(prefix: string, namespaces: ReadonlyMap<string, string>): string {
  const uri = namespaces.get(prefix);
  if (uri === undefined) return prefix;
  const standard = /^https?:\/\/(?:xbrl\.)?(?:fasb\.org|sec\.gov)\/([A-Za-z][\w-]*)\//.exec(uri);
  if (standard !== null) return standard[1]!.toLowerCase();
  if (/^https?:\/\/xbrl\.ifrs\.org\//.test(uri)) {
    const last = uri.replace(/\/+$/, '');
    return last.slice(last.lastIndexOf('/') + 1);
  }
  return prefix;
}

const datePrefix = /^\d{4}-\d{2}-\d{2}/;

/** SEC's unit names: the local names of the measures, `*` between multiplied ones, `/` for a ratio. */
function unitName(unit: RawUnit): string {
  const local = (measure: string): string => measure.slice(measure.lastIndexOf(':') + 1);
  const numerator = unit.numerator.map(local).join('*');
  return unit.denominator.length === 0 ? numerator : `${numerator}/${unit.denominator.map(local).join('*')}`;
}

function resolveFacts(
  fractions: readonly RawFraction[],
  contexts: ReadonlyMap<string, RawContext>,
  units: ReadonlyMap<string, RawUnit>,
  namespaces: ReadonlyMap<string, string>,
  warnings: Warnings,
): InlineXbrlFact[] {
  const facts: InlineXbrlFact[] = [];
  const unitNames = new Map<string, string>();
  for (const [id, unit] of units) unitNames.set(id, unitName(unit));
  const badContexts = new Set<string>();
  for (const raw of fractions) {
    const a = raw.attributes;
    const qname = a.get('name') ?? '';
    const nil = a.get('xsi:nil') ?? a.get('nil');
    if (nil === 'true' || nil === '1') continue;
    const colon = qname.indexOf(':');
    const label = qname || '(unnamed)';
    if (colon <= 0 || colon === qname.length - 1) {
      warnings.add(`ix:nonFraction with name "${qname}" is not a prefixed concept name; skipped`);
      continue;
    }
    const contextId = a.get('contextRef') ?? '';
    const context = contexts.get(contextId);
    if (context === undefined) {
      warnings.add(`${label}: context "${contextId}" is not defined; skipped`);
      continue;
    }
    const instant = context.instant !== null ? context.instant.slice(0, 10) : null;
    const start = context.start !== null ? context.start.slice(0, 10) : null;
    const end = instant ?? (context.end !== null ? context.end.slice(0, 10) : null);
    if (
      end === null ||
      !datePrefix.test(end) ||
      (instant === null && (start === null || !datePrefix.test(start)))
    ) {
      if (!badContexts.has(contextId)) {
        warnings.add(
          context.forever
            ? `context ${contextId} has a forever period; its facts are skipped`
            : `context ${contextId} has no readable period; its facts are skipped`,
        );
        badContexts.add(contextId);
      }
      continue;
    }
    const unitId = a.get('unitRef') ?? '';
    const unit = unitNames.get(unitId);
    if (unit === undefined || unit === '') {
      warnings.add(`${label}: unit "${unitId}" is not defined; skipped`);
      continue;
    }
    const parsed = parseDisplayedNumber(decodeEntities(raw.text), a.get('format'));
    if (!parsed.ok) {
      warnings.add(`${label} (context ${contextId}): ${parsed.reason}; skipped`);
      continue;
    }
    const scaleText = (a.get('scale') ?? '0').trim();
    const scale = /^[-+]?\d{1,3}$/.test(scaleText) ? Number(scaleText) : Number.NaN;
    if (!(Math.abs(scale) <= 100)) {
      warnings.add(`${label} (context ${contextId}): scale "${scaleText}" is not an integer; skipped`);
      continue;
    }
    let value = scaleDecimal(parsed.decimal, scale);
    if (!Number.isFinite(value)) {
      warnings.add(`${label} (context ${contextId}): value out of range; skipped`);
      continue;
    }
    if (a.get('sign') === '-' && value !== 0) value = -value;
    const decimalsText = a.get('decimals')?.trim();
    const decimals =
      decimalsText === undefined
        ? null
        : decimalsText === 'INF'
          ? 'INF'
          : /^[-+]?\d{1,3}$/.test(decimalsText)
            ? Number(decimalsText)
            : null;
    const prefix = qname.slice(0, colon);
    const name = qname.slice(colon + 1);
    const taxonomy = taxonomyOf(prefix, namespaces);
    const fact: InlineXbrlFact = {
      concept: `${taxonomy}:${name}`,
      taxonomy,
      name,
      value,
      unit,
      contextId,
      ...(instant === null ? { start: start! } : {}),
      end,
      ...(instant === null ? {} : { instant }),
      decimals,
      dimensional: context.dimensions.length > 0,
      dimensions: context.dimensions,
      id: a.get('id') ?? null,
    };
    facts.push(fact);
  }
  return facts;
}

/**
 * Read every numeric fact (`ix:nonFraction`) of an inline XBRL 10-K/10-Q primary document, with
 * its context (period, dimensions) and unit resolved, `scale` and `sign` applied and the displayed
 * text read under its `format` (`ixt:num-dot-decimal`, `ixt:numdotdecimal`, `ixt:fixed-zero`,
 * `ixt:zerodash`, `ixt-sec:numwordsen` such as "no" or "none", comma-decimal formats…).
 *
 * Facts are returned in document order, repeats included (iXBRL shows many facts more than once);
 * {@link companyFactsFromInlineXbrl} deduplicates them. Nil facts, facts with an undefined context
 * or unit, and text that does not read as a number are skipped. A document without inline XBRL
 * (plain HTML, text) gives `[]`.
 *
 * @param html - The primary document's text (XHTML with `ix:` markup).
 * @returns The numeric facts.
 * @throws {InvalidArgumentError} When `html` is not a string.
 * @throws {InlineXbrlError} Only on an unexpected internal failure; malformed markup never throws.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { readInlineXbrlFacts } from 'fin-tabtext/finance';
 * const facts = readInlineXbrlFacts(readFileSync('gme-20240203.htm', 'utf8'));
 * facts.find((f) => f.concept === 'us-gaap:Assets' && f.end === '2024-02-03')?.value; // 2709000000
 * ```
 */
export function readInlineXbrlFacts(html: string): InlineXbrlFact[] {
  return scanInlineXbrl(html).facts;
}
