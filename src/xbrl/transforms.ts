/**
 * Inline XBRL number transformations (the `format` attribute of `ix:nonFraction`): the displayed
 * text to a plain decimal string. The rules follow the XBRL Transformation Registries 1–4 and
 * SEC's `ixt-sec` registry, by their local names with hyphens dropped, so `ixt:num-dot-decimal`
 * (TR3/4) and `ixt:numdotdecimal` (TR1/2) are one rule.
 */

/** A parsed displayed number: the unsigned decimal string, or why it could not be read. */
export type ParsedNumber =
  | { readonly ok: true; readonly decimal: string }
  | { readonly ok: false; readonly reason: string };

const dotDecimal = new Set([
  'numdotdecimal',
  'numcommadot',
  'numspacedot',
  'numdotdecimalin',
  'numdotdecimalapos',
]);
const commaDecimal = new Set([
  'numcommadecimal',
  'numdotcomma',
  'numspacecomma',
  'numcomma',
  'numcommadecimalapos',
]);
const unitDecimal = new Set(['numunitdecimal', 'numunitdecimalin', 'numunitdecimalapos']);
const zero = new Set(['fixedzero', 'zerodash', 'nocontent', 'numzerodash']);
const words = new Set(['numwordsen', 'numwords']);

/** `ixt:num-dot-decimal` → `numdotdecimal`; `undefined` (no format) → `''`. */
export function formatKey(format: string | undefined): string {
  if (format === undefined) return '';
  const local = format.slice(format.lastIndexOf(':') + 1);
  return local.toLowerCase().replaceAll('-', '').replaceAll('_', '');
}

/**
 * Read the displayed text of a numeric fact under its format.
 *
 * @param text - The text content (tags stripped, entities decoded).
 * @param format - The `format` attribute as written, or `undefined`.
 * @returns The unsigned decimal string (`'1234.5'`), or the reason it is unreadable.
 */
export function parseDisplayedNumber(text: string, format: string | undefined): ParsedNumber {
  const key = formatKey(format);
  if (zero.has(key)) return { ok: true, decimal: '0' };
  if (key === '' || dotDecimal.has(key)) return separated(text, 46 /* . */);
  if (commaDecimal.has(key)) return separated(text, 44 /* , */);
  if (unitDecimal.has(key)) return unitSeparated(text);
  if (words.has(key)) return wordNumber(text);
  return { ok: false, reason: `unsupported format ${format}` };
}

/** Digits with group separators of any kind and one decimal separator (`decimalCode`). */
function separated(text: string, decimalCode: number): ParsedNumber {
  let whole = '';
  let fraction = '';
  let seenDecimal = false;
  let digits = 0;
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : -1;
    const isDigit = c >= 48 && c <= 57;
    if (isDigit) {
      if (runStart < 0) runStart = i;
      digits++;
      continue;
    }
    if (runStart >= 0) {
      if (seenDecimal) fraction += text.slice(runStart, i);
      else whole += text.slice(runStart, i);
      runStart = -1;
    }
    if (c === decimalCode) {
      if (seenDecimal) return { ok: false, reason: `"${clip(text)}" has two decimal separators` };
      seenDecimal = true;
    }
  }
  if (digits === 0) return { ok: false, reason: `"${clip(text)}" has no digits` };
  return { ok: true, decimal: join(whole, fraction) };
}

/** `ixt:num-unit-decimal`: "5 dollars and 10 cents" → 5.10 (the second run of digits is the fraction). */
function unitSeparated(text: string): ParsedNumber {
  const runs = text.match(/\d+/g) ?? [];
  if (runs.length === 0 || runs.length > 2)
    return { ok: false, reason: `"${clip(text)}" is not a unit-decimal number` };
  return { ok: true, decimal: join(runs[0]!, runs[1] ?? '') };
}

const smallNumbers: Readonly<Record<string, number>> = {
  no: 0,
  none: 0,
  nil: 0,
  zero: 0,
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const multipliers: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** `ixt-sec:numwordsen`: "no", "none", "twenty-one", "one hundred five" → integers. */
function wordNumber(text: string): ParsedNumber {
  const tokens = text.toLowerCase().match(/[a-z]+|\d+/g) ?? [];
  if (tokens.length === 0) return { ok: false, reason: `"${clip(text)}" has no number words` };
  let total = 0;
  let current = 0;
  for (const token of tokens) {
    if (token === 'and') continue;
    const small = Object.hasOwn(smallNumbers, token) ? smallNumbers[token] : undefined;
    if (small !== undefined) {
      current += small;
    } else if (/^\d+$/.test(token)) {
      current += Number(token);
    } else if (token === 'hundred') {
      current = (current === 0 ? 1 : current) * 100;
    } else if (Object.hasOwn(multipliers, token)) {
      total += (current === 0 ? 1 : current) * multipliers[token]!;
      current = 0;
    } else {
      return { ok: false, reason: `"${clip(text)}" is not an English number word` };
    }
  }
  return { ok: true, decimal: String(total + current) };
}

function join(whole: string, fraction: string): string {
  const w = whole.replace(/^0+(?=\d)/, '') || '0';
  const f = fraction.replace(/0+$/, '');
  return f === '' ? w : `${w}.${f}`;
}

function clip(text: string): string {
  const t = text.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/**
 * `decimal` × 10^`scale`, by moving the decimal point in the string, so `1,234.5` at scale 6 is
 * exactly 1234500000 (multiplying the float would give 1234500000.0000002).
 *
 * @param decimal - An unsigned decimal string from {@link parseDisplayedNumber}.
 * @param scale - The `scale` attribute, an integer.
 * @returns The scaled number.
 */
export function scaleDecimal(decimal: string, scale: number): number {
  if (scale === 0) return Number(decimal);
  const dot = decimal.indexOf('.');
  let whole = dot < 0 ? decimal : decimal.slice(0, dot);
  let fraction = dot < 0 ? '' : decimal.slice(dot + 1);
  if (scale > 0) {
    const padded = fraction.padEnd(scale, '0');
    whole += padded.slice(0, scale);
    fraction = padded.slice(scale);
  } else {
    const padded = whole.padStart(-scale + 1, '0');
    fraction = padded.slice(padded.length + scale) + fraction;
    whole = padded.slice(0, padded.length + scale);
  }
  return Number(fraction === '' ? whole : `${whole}.${fraction}`);
}
