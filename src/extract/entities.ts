// HTML character references seen in EDGAR filings. The table holds the HTML 4 Latin-1, symbol and
// special sets (what SEC filer software emits); rarer HTML5 names are left as written.
const NAMED: Readonly<Record<string, number>> = {
  quot: 34,
  amp: 38,
  apos: 39,
  lt: 60,
  gt: 62,
  nbsp: 160,
  iexcl: 161,
  cent: 162,
  pound: 163,
  curren: 164,
  yen: 165,
  brvbar: 166,
  sect: 167,
  uml: 168,
  copy: 169,
  ordf: 170,
  laquo: 171,
  not: 172,
  shy: 173,
  reg: 174,
  macr: 175,
  deg: 176,
  plusmn: 177,
  sup2: 178,
  sup3: 179,
  acute: 180,
  micro: 181,
  para: 182,
  middot: 183,
  cedil: 184,
  sup1: 185,
  ordm: 186,
  raquo: 187,
  frac14: 188,
  frac12: 189,
  frac34: 190,
  iquest: 191,
  Agrave: 192,
  Aacute: 193,
  Acirc: 194,
  Atilde: 195,
  Auml: 196,
  Aring: 197,
  AElig: 198,
  Ccedil: 199,
  Egrave: 200,
  Eacute: 201,
  Ecirc: 202,
  Euml: 203,
  Igrave: 204,
  Iacute: 205,
  Icirc: 206,
  Iuml: 207,
  ETH: 208,
  Ntilde: 209,
  Ograve: 210,
  Oacute: 211,
  Ocirc: 212,
  Otilde: 213,
  Ouml: 214,
  times: 215,
  Oslash: 216,
  Ugrave: 217,
  Uacute: 218,
  Ucirc: 219,
  Uuml: 220,
  Yacute: 221,
  THORN: 222,
  szlig: 223,
  agrave: 224,
  aacute: 225,
  acirc: 226,
  atilde: 227,
  auml: 228,
  aring: 229,
  aelig: 230,
  ccedil: 231,
  egrave: 232,
  eacute: 233,
  ecirc: 234,
  euml: 235,
  igrave: 236,
  iacute: 237,
  icirc: 238,
  iuml: 239,
  eth: 240,
  ntilde: 241,
  ograve: 242,
  oacute: 243,
  ocirc: 244,
  otilde: 245,
  ouml: 246,
  divide: 247,
  oslash: 248,
  ugrave: 249,
  uacute: 250,
  ucirc: 251,
  uuml: 252,
  yacute: 253,
  thorn: 254,
  yuml: 255,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  fnof: 402,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  oline: 8254,
  frasl: 8260,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  uarr: 8593,
  rarr: 8594,
  darr: 8595,
  harr: 8596,
  minus: 8722,
  lowast: 8727,
  le: 8804,
  ge: 8805,
  ne: 8800,
  asymp: 8776,
  loz: 9674,
  spades: 9824,
  clubs: 9827,
  hearts: 9829,
  diams: 9830,
  check: 10003,
  squ: 9633,
  square: 9633,
  emsp13: 8196,
  emsp14: 8197,
  numsp: 8199,
  puncsp: 8200,
  hairsp: 8202,
  zwsp: 8203,
};

// The names a browser also accepts without the trailing semicolon (legacy HTML, common in 1990s filings).
const WITHOUT_SEMICOLON = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'copy', 'reg']);

// Windows-1252 code points that numeric references in the 128-159 range mean in practice.
const CP1252: Readonly<Record<number, number>> = {
  128: 8364,
  130: 8218,
  131: 402,
  132: 8222,
  133: 8230,
  134: 8224,
  135: 8225,
  136: 710,
  137: 8240,
  138: 352,
  139: 8249,
  140: 338,
  142: 381,
  145: 8216,
  146: 8217,
  147: 8220,
  148: 8221,
  149: 8226,
  150: 8211,
  151: 8212,
  152: 732,
  153: 8482,
  154: 353,
  155: 8250,
  156: 339,
  158: 382,
  159: 376,
};

function lookup(name: string): number | undefined {
  return Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function fromCodePoint(n: number): string {
  if (n >= 128 && n <= 159) return String.fromCharCode(CP1252[n] ?? 32);
  if (n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

/**
 * Decode character references (`&amp;`, `&#8217;`, `&#x2019;`, `&nbsp`) in one left-to-right scan.
 * Unknown names are kept as written. Each reference is at most 32 characters, so the scan is linear.
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let last = 0;
  const n = text.length;
  while (amp >= 0) {
    let i = amp + 1;
    let decoded: string | null = null;
    if (i < n && text.charCodeAt(i) === 35 /* # */) {
      i++;
      let value = 0;
      let digits = 0;
      const hex = i < n && (text.charCodeAt(i) | 32) === 120; /* x */
      if (hex) i++;
      while (i < n && digits < 8) {
        const c = text.charCodeAt(i);
        let d = -1;
        if (c >= 48 && c <= 57) d = c - 48;
        else if (hex && (c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
        if (d < 0) break;
        value = value * (hex ? 16 : 10) + d;
        digits++;
        i++;
      }
      if (digits > 0) {
        if (i < n && text.charCodeAt(i) === 59 /* ; */) i++;
        decoded = fromCodePoint(value);
      }
    } else {
      const start = i;
      while (i < n && i - start < 32 && isAlnum(text.charCodeAt(i))) i++;
      if (i > start) {
        const name = text.slice(start, i);
        const code = lookup(name) ?? lookup(name.toLowerCase());
        if (code !== undefined) {
          if (i < n && text.charCodeAt(i) === 59) {
            decoded = String.fromCharCode(code);
            i++;
          } else if (WITHOUT_SEMICOLON.has(name.toLowerCase())) {
            decoded = String.fromCharCode(code);
          }
        }
      }
    }
    if (decoded !== null) {
      out += text.slice(last, amp) + decoded;
      last = i;
    }
    amp = text.indexOf('&', decoded === null ? amp + 1 : i);
  }
  return out + text.slice(last);
}
