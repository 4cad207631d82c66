import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFinTabTextError } from '../../src/errors/index.js';
import { documentToText, extractItems, extractMdna } from '../../src/extract/index.js';
import { DEFAULT_PROPERTY_SEED, propertySeed } from '../support/property-seed.js';

// Pieces that exercise every branch of the tokenizer and the heading scanner.
const FRAGMENTS = [
  '<p>',
  '</p>',
  '<div>',
  '</div>',
  '<table>',
  '</table>',
  '<tr>',
  '</tr>',
  '<td>',
  '</td>',
  '<br/>',
  '<hr>',
  '<span style="display:none">',
  '</span>',
  '<ix:header>',
  '</ix:header>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<a href="x>y">',
  "<b class='q",
  '"',
  '<',
  '>',
  '&',
  '&amp;',
  '&#8217;',
  '&#x2014;',
  '&nbsp',
  '&#99999999;',
  '&bogus;',
  '<PAGE>',
  '<DOCUMENT>',
  '<TYPE>10-K',
  '<TEXT>',
  '</TEXT>',
  '</DOCUMENT>',
  '\n',
  ' ',
  '\f',
  '12',
  'Item 7.',
  'ITEM 7A \u2014',
  'Items 7 and 7A:',
  'ITEM7.',
  'PART II',
  'Part I, Item 2.',
  "Management's Discussion and Analysis of Financial Condition and Results of Operations",
  'Quantitative and Qualitative Disclosures About Market Risk',
  'incorporated by reference to Exhibit 13',
  'pages 14-21',
  '<div style="page-break-after:always">',
  '<pre>',
  '</pre>',
  '$',
  '(1,234)',
  '\u2014',
];

const htmlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    {
      maxLength: 300,
    },
  )
  .map((parts) => parts.join(''));

const FORMS = ['10-K', '10-K405', '10-KSB', '10-K/A', '10-Q', '10-Q/A', 'EX-13'];

// Run `fn`; an error is allowed only if it is one of ours. Returns undefined when it threw.
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    expect(isFinTabTextError(error), String(error)).toBe(true);
    return undefined;
  }
}

describe('extractor on random and adversarial input', () => {
  it('never throws anything but a FinTabTextError and keeps its invariants', () => {
    fc.assert(
      fc.property(htmlish, fc.constantFrom(...FORMS), (input, form) => {
        const text = attempt(() => documentToText(input));
        if (text !== undefined) {
          expect(text).not.toContain('\f');
          // Text that still looks like markup or entities (decoded from &lt;p&gt;) may convert again.
          if (!text.includes('<') && !text.includes('&')) expect(documentToText(text)).toBe(text);
        }
        const mdna = attempt(() => extractMdna(input, { formType: form }));
        if (mdna !== undefined) {
          expect(['found', 'incorporated-by-reference', 'not-found']).toContain(mdna.status);
          if (mdna.status === 'found')
            expect(documentToText(input).slice(mdna.start, mdna.end)).toBe(mdna.text);
          if (mdna.status !== 'not-found') expect(mdna.end).toBeGreaterThanOrEqual(mdna.start);
        }
        const items = attempt(() => extractItems(input, { formType: form })) ?? [];
        let previous = -1;
        for (const item of items) {
          expect(item.start).toBeGreaterThanOrEqual(previous);
          expect(item.end).toBeGreaterThanOrEqual(item.start);
          if (text !== undefined) expect(text.slice(item.start, item.end)).toBe(item.text);
          previous = item.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps item bodies in order when a title line could head two items (seed -439380140)', () => {
    // "Item 7." over "Quantitative and Qualitative ..." is one heading; the title line was also
    // taken as Item 7A's heading, and Item 7 came back with start 66 and end 8.
    const input = 'Item 7.<p>Quantitative and Qualitative Disclosures About Market Risk';
    const items = extractItems(input, { formType: '10-K' });
    expect(items.map((i) => [i.item, i.start, i.end])).toEqual([['7', 66, 66]]);
    for (const item of items) expect(item.end).toBeGreaterThanOrEqual(item.start);
    const text = documentToText(input);
    const mdna = extractMdna(input, { formType: '10-K' });
    expect(mdna.end).toBeGreaterThanOrEqual(mdna.start);
    expect(text.length).toBe(66);
  });

  it('runs from a fixed seed that FC_SEED overrides', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed());
    expect(propertySeed({})).toBe(DEFAULT_PROPERTY_SEED);
    expect(propertySeed({ FC_SEED: '-439380140' })).toBe(-439380140);
    expect(() => propertySeed({ FC_SEED: 'abc' })).toThrow(/FC_SEED must be an integer/);
  });

  it('finishes on 100,000 repeated "Item 7" lines, as text and as HTML', () => {
    const lines = 'Item 7. Management\u2019s Discussion and Analysis\n'.repeat(100_000);
    expect(extractMdna(lines, { formType: '10-K' }).status).not.toBe('incorporated-by-reference');
    const html = '<p>ITEM 7</p><p>Item 8.</p>'.repeat(100_000);
    expect(extractItems(html, { formType: '10-K' }).length).toBeLessThanOrEqual(2);
  });

  it('finishes on 10 MB of nested tags and on unclosed tags, quotes and comments', () => {
    const depth = 1_000_000;
    const nested = `${'<div><span>'.repeat(depth / 2)}Item 7. Overview${'</span></div>'.repeat(depth / 2)}`;
    expect(nested.length).toBeGreaterThan(10_000_000);
    expect(documentToText(nested)).toBe('Item 7. Overview');
    const tables = '<table><tr><td>'.repeat(200_000);
    expect(documentToText(`${tables}Item 2. Text`)).toBe('Item 2. Text');
    // An unterminated quoted attribute ends at the next ">" (lenient, like the SGML-era readers).
    expect(documentToText('<p>Before</p><a title="never closed>Item 7. After')).toBe('Before\nItem 7. After');
    expect(documentToText('<p>Before</p><!-- never closed <p>Item 7</p>')).toBe('Before');
    expect(documentToText('<div style="display:none"><p>hidden forever')).toBe('');
    expect(extractMdna('<table>'.repeat(500_000), { formType: '10-Q' }).status).toBe('not-found');
  });
});
