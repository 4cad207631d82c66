/** Small XML/XHTML helpers for the inline XBRL scanner: names, attributes, entities. */

/** Whether `c` can be part of an XML name (ASCII letters, digits, `-`, `.`, `_`, `:`, and non-ASCII). */
export function isNameChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 58) ||
    c === 45 ||
    c === 46 ||
    c === 95 ||
    c > 127
  );
}

/** The attributes of one start tag, and where the tag ends. */
export interface StartTag {
  /** Attribute values by name as written (`contextRef`, `xmlns:us-gaap`), entities decoded. */
  readonly attributes: Map<string, string>;
  /** Index of the closing `>` (or the string length when the tag never closes). */
  readonly end: number;
  /** `true` for `<x/>`. */
  readonly selfClosing: boolean;
}

/**
 * Index of the `>` that ends a tag whose name ends at `from`, skipping quoted attribute values
 * (which may hold `>`); the string length when there is none.
 */
export function findTagEnd(s: string, from: number): number {
  const n = s.length;
  let quote = 0;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62 /* > */) {
      return i;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 60 /* < */) {
      // A `<` cannot occur inside a tag: the tag is broken; end it here so the scan resumes.
      return i - 1;
    }
  }
  return n;
}

/**
 * Parse the attributes of a start tag whose name ends at `from`. Tolerant: unquoted values and
 * attributes without values are accepted; a `<` inside the tag ends it.
 */
export function readStartTag(s: string, from: number): StartTag {
  const attributes = new Map<string, string>();
  const n = s.length;
  let i = from;
  while (i < n) {
    let c = s.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
    if (i >= n) return { attributes, end: n, selfClosing: false };
    if (c === 60 /* < */) return { attributes, end: i - 1, selfClosing: false };
    if (c === 62 /* > */) return { attributes, end: i, selfClosing: false };
    if (c === 47 /* / */) {
      if (s.charCodeAt(i + 1) === 62) return { attributes, end: i + 1, selfClosing: true };
      i++;
      continue;
    }
    const nameStart = i;
    while (i < n && isNameChar(s.charCodeAt(i))) i++;
    if (i === nameStart) {
      i++; // a stray character such as a lone quote
      continue;
    }
    const name = s.slice(nameStart, i);
    c = s.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
    if (c !== 61 /* = */) {
      attributes.set(name, '');
      continue;
    }
    c = s.charCodeAt(++i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = s.charCodeAt(++i);
    let value: string;
    if (c === 34 || c === 39) {
      const close = s.indexOf(c === 34 ? '"' : "'", i + 1);
      const stop = close < 0 ? n : close;
      value = s.slice(i + 1, stop);
      i = stop + 1;
    } else {
      const valueStart = i;
      while (i < n) {
        const d = s.charCodeAt(i);
        if (d === 32 || d === 9 || d === 10 || d === 13 || d === 62 || d === 60) break;
        i++;
      }
      value = s.slice(valueStart, i);
    }
    if (!attributes.has(name)) attributes.set(name, value.includes('&') ? decodeEntities(value) : value);
  }
  return { attributes, end: n, selfClosing: false };
}

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '\u2014',
  ndash: '\u2013',
  minus: '\u2212',
  rsquo: '\u2019',
  lsquo: '\u2018',
  rdquo: '\u201d',
  ldquo: '\u201c',
  hellip: '\u2026',
  shy: '\u00ad',
};

/** Decode character references (`&#160;`, `&#x2014;`) and the common named entities. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.charCodeAt(0) === 35 /* # */) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(namedEntities, ref) ? namedEntities[ref]! : whole;
  });
}
