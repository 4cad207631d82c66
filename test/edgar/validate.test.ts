import { describe, expect, it } from 'vitest';
import { documentProblem, recognizeSecErrorPage } from '../../src/edgar/index.js';
import { fixtureFilings, secErrorPage } from '../support/edgar-server.js';
import { filingFixtureNames, readFixture } from '../support/fixtures.js';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const filings = fixtureFilings();

describe('documentProblem', () => {
  it('accepts every real fixture filing (HTML, iXBRL, SGML-wrapped HTML and text)', () => {
    const names = filingFixtureNames();
    expect(names.length).toBeGreaterThanOrEqual(28);
    for (const name of names)
      expect([name, documentProblem(readFixture(`filings/${name}`))]).toEqual([name, null]);
  });

  it('refuses every fixture filing cut at 60%, naming the missing closing tag', () => {
    for (const name of filingFixtureNames()) {
      const text = readFixture(`filings/${name}`);
      expect(documentProblem(text.slice(0, Math.floor(text.length * 0.6)))).toMatch(
        /^an <(html|DOCUMENT)> document without its closing <\/(html|DOCUMENT)> \(cut short\?\)$/i,
      );
    }
  });

  it('allows trailing whitespace and comments; takes plain text as it is; refuses empty bodies', () => {
    expect(
      documentProblem('<?xml version="1.0"?>\n<!-- x -->\n<html><body>a</body></html>\n<!-- end -->\n\n'),
    ).toBeNull();
    expect(
      documentProblem('<SEC-DOCUMENT>0000950123-09-012345.txt\n<DOCUMENT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n'),
    ).toBeNull();
    expect(documentProblem('<xbrl><context/></xbrl>')).toBeNull();
    expect(documentProblem('ANNUAL REPORT\nItem 7. Management discussion')).toBeNull();
    expect(documentProblem('  \n')).toBe('an empty document');
    expect(documentProblem('<!-- never closed')).toMatch(/first element cannot be read/);
  });
});

describe('recognizeSecErrorPage', () => {
  it('recognizes SEC block and error pages by title or heading, whatever else they say', () => {
    expect(recognizeSecErrorPage(encode(secErrorPage('rate-threshold')))).toEqual({
      kind: 'blocked',
      title: 'SEC.gov | Request Rate Threshold Exceeded',
    });
    expect(recognizeSecErrorPage(encode(secErrorPage('undeclared-tool')))?.kind).toBe('blocked');
    expect(recognizeSecErrorPage(encode(secErrorPage('service-unavailable')))).toEqual({
      kind: 'unavailable',
      title: 'SEC.gov | Service Unavailable',
    });
    expect(
      recognizeSecErrorPage(encode('<html><head><title>SEC.gov | Service Unavailable</title></head></html>')),
    ).toMatchObject({ kind: 'unavailable' });
    expect(recognizeSecErrorPage(encode('<html><body><h1>Site Maintenance</h1></body></html>'))?.kind).toBe(
      'unavailable',
    );
  });

  it('never takes a filing for an error page, even one that quotes the words in its text', () => {
    for (const filing of filings.slice(0, 8)) {
      expect(recognizeSecErrorPage(encode(readFixture(filing.file)))).toBeNull();
    }
    const quoting =
      '<html><head><title>Form 8-K</title></head><body><p>Our site showed Service Unavailable and ' +
      'Request Rate Threshold Exceeded pages.</p></body></html>';
    expect(recognizeSecErrorPage(encode(quoting))).toBeNull();
    expect(recognizeSecErrorPage(encode('{"title":"Service Unavailable"}'))).toBeNull();
  });
});
