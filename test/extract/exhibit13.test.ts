import { describe, expect, it } from 'vitest';
import { exhibit13Candidates } from '../../src/edgar/exhibit.js';
import { type FilingIndex, parseFilingIndex } from '../../src/edgar/filings.js';
import { readFixture } from '../support/fixtures.js';

// Which file of a filing folder the loader reads as the annual report (Exhibit 13) before calling
// extractMdna(exhibit, { formType: 'EX-13' }). The folder is a real index.json listing (an 8-K
// folder, so without an EX-13) with Exhibit 13 files added under names real filers use.
const real = parseFilingIndex(JSON.parse(readFixture('sec-json/0001213900-24-004875-index.json')));

function withFiles(names: readonly string[]): FilingIndex {
  const extra = names.map((name) => ({ name, type: 'text.gif', size: 1000, lastModified: null }));
  return { name: real.name, items: [...real.items, ...extra] };
}

describe('exhibit13Candidates', () => {
  it('finds nothing in a real folder without an Exhibit 13 (its exhibits 1.1, 5.1, 99.x do not count)', () => {
    expect(real.items.map((i) => i.name)).toContain('ea191807ex99-1_datchat.htm');
    expect(exhibit13Candidates(real)).toEqual([]);
  });

  it('takes every way filers name Exhibit 13', () => {
    const names = [
      'ex13.htm',
      'd451546dex13.htm',
      'a2181030zex-13.htm',
      'exhibit13.htm',
      'ex13-1.htm',
      'EX_13.HTML',
    ];
    expect(exhibit13Candidates(withFiles(names))).toEqual(names);
  });

  it('does not take Exhibit 130, 131 or 13x-numbered exhibits for Exhibit 13', () => {
    expect(exhibit13Candidates(withFiles(['ex130.htm', 'd12ex131.htm', 'exhibit1301.htm']))).toEqual([]);
    expect(exhibit13Candidates(withFiles(['ex130.htm', 'ex13.htm']))).toEqual(['ex13.htm']);
  });

  it('skips index pages and files that are not documents', () => {
    const names = ['d451546dex13-index.htm', 'ex13-index.html', 'ex13.jpg', 'ex13.pdf', 'ex13.htm'];
    expect(exhibit13Candidates(withFiles(names))).toEqual(['ex13.htm']);
  });

  it('puts HTML before plain text and keeps the folder order otherwise', () => {
    const names = ['ex13.txt', 'ex13-2.txt', 'ex13.htm', 'ex13-2.html'];
    expect(exhibit13Candidates(withFiles(names))).toEqual([
      'ex13.htm',
      'ex13-2.html',
      'ex13.txt',
      'ex13-2.txt',
    ]);
  });
});
