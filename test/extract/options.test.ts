import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import { documentToText, extractItems, extractMdna } from '../../src/extract/index.js';
import { readFixture } from '../support/fixtures.js';

// The extractor's options go through the shared checker (src/options): unknown keys are errors
// that name the field and guess the intended one.
const html = readFixture('filings/gme_10-K_2024-03.htm');

function thrown(run: () => unknown): InvalidArgumentError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidArgumentError);
    return error as InvalidArgumentError;
  }
  throw new Error('expected an InvalidArgumentError');
}

describe('extractor options', () => {
  it('names the missing formType when a misspelled key stands in its place', () => {
    const fromat = 'html';
    const error = thrown(() => extractMdna(html, { fromat } as unknown as { formType: string }));
    expect(error.field).toBe('options.formType');
    expect(error.message).toMatch(/^extractMdna: options\.formType must name the EDGAR form type/);
    expect(error.message).toContain("Unknown option 'options.fromat' (did you mean 'format'?)");
    expect(error.message).toContain("extractMdna(html, { formType: '10-K' })");
  });

  it('rejects the old key form (before 0.2.0) with formType as the fix, so a filing passes straight through', () => {
    for (const [fn, run] of [
      ['extractMdna', () => extractMdna(html, { form: '10-K' } as unknown as { formType: string })],
      ['extractItems', () => extractItems(html, { form: '10-Q' } as unknown as { formType: string })],
      ['extractItems', () => extractItems(html, { form: '8-K' } as unknown as { formType: string })],
    ] as const) {
      const error = thrown(run);
      expect(error.field).toBe('options.form');
      expect(error.message).toBe(
        `${fn}: unknown option 'options.form'. Did you mean 'formType'? (it was called 'form' before fin-tabtext 0.2.0) Call it as ${fn}(html, { formType: '10-K' }).`,
      );
    }
    // Both keys: the old one is still named, not silently ignored.
    const both = thrown(() =>
      extractMdna(html, { formType: '10-K', form: '10-K' } as unknown as { formType: string }),
    );
    expect(both.message).toContain(
      "Did you mean 'formType'? (it was called 'form' before fin-tabtext 0.2.0)",
    );
    // An EDGAR filing's formType is the option as it is.
    const filing = { accessionNumber: '0001326380-24-000012', formType: '10-K', filingDate: '2024-03-26' };
    expect(extractMdna(html, { formType: filing.formType }).status).toBe('found');
  });

  it('rejects an unknown key beside a valid form, with a did-you-mean', () => {
    const error = thrown(() =>
      extractItems(html, { formType: '10-K', fromat: 'html' } as { formType: string }),
    );
    expect(error.field).toBe('options.fromat');
    expect(error.message).toBe("extractItems: unknown option 'options.fromat'. Did you mean 'format'?");
    const far = thrown(() => extractMdna(html, { formType: '10-K', pages: '1-2' } as { formType: string }));
    expect(far.message).toBe("extractMdna: unknown option 'options.pages'. Known options: formType, format.");
  });

  it('checks format against its values and documentToText against its own keys', () => {
    expect(thrown(() => extractMdna(html, { formType: '10-K', format: 'htm' as 'html' })).message).toBe(
      "extractMdna: options.format must be one of 'auto', 'html', 'text', got 'htm'. Did you mean 'html'?",
    );
    const error = thrown(() =>
      documentToText(html, { documenttype: 'EX-13' } as unknown as { documentType: string }),
    );
    expect(error.field).toBe('options.documenttype');
    expect(error.message).toContain("Did you mean 'documentType'?");
    expect(thrown(() => documentToText(html, [] as unknown as { format: 'auto' })).field).toBe('options');
    expect(thrown(() => extractItems(html, 'x' as unknown as { formType: string })).field).toBe('options');
  });

  it('still accepts every documented option', () => {
    expect(extractMdna(html, { formType: '10-K', format: 'html' }).status).toBe('found');
    expect(documentToText('<p>Sales rose.</p>', { format: 'auto', documentType: undefined })).toBe(
      'Sales rose.',
    );
  });
});
