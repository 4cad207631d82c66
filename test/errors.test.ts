import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { FinTabTextError, InvalidArgumentError, isFinTabTextError, VERSION } from '../src/index.js';

describe('errors', () => {
  it('InvalidArgumentError is a FinTabTextError with field and code', () => {
    const error = new InvalidArgumentError('options.formType', 'bad form type');
    expect(error).toBeInstanceOf(FinTabTextError);
    expect(error.field).toBe('options.formType');
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.name).toBe('InvalidArgumentError');
    expect(isFinTabTextError(error)).toBe(true);
  });

  it('isFinTabTextError rejects other values', () => {
    expect(isFinTabTextError(new Error('x'))).toBe(false);
    expect(isFinTabTextError(null)).toBe(false);
    expect(isFinTabTextError('FinTabTextError')).toBe(false);
  });

  it('isFinTabTextError recognizes errors of another copy of the package and of a minified build', () => {
    // Another copy (the CJS build beside the ESM one, or a bundle): a different class, same brand.
    const otherCopy = new (class Renamed extends Error {
      get [Symbol.for('fin-tabtext.error')](): true {
        return true;
      }
    })('x');
    expect(isFinTabTextError(otherCopy)).toBe(true);
    // A class merely named FinTabTextError is not one (names change under minifiers anyway).
    class FinTabTextErrorLookalike extends Error {}
    Object.defineProperty(FinTabTextErrorLookalike, 'name', { value: 'FinTabTextError' });
    expect(isFinTabTextError(new FinTabTextErrorLookalike('x'))).toBe(false);
  });

  it('isFinTabTextError works across a real minified copy of src/errors, both ways', async () => {
    // src/errors bundled and minified by esbuild, as a web app's build would: classes renamed.
    const entry = fileURLToPath(new URL('../src/errors/index.ts', import.meta.url));
    const out = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
    });
    const dir = mkdtempSync(join(tmpdir(), 'fin-tabtext-minified-'));
    try {
      const file = join(dir, 'errors.min.mjs');
      writeFileSync(file, out.outputFiles[0]!.text);
      const minified = (await import(pathToFileURL(file).href)) as typeof import('../src/errors/index.js');
      const copy = new minified.InvalidArgumentError('options.x', 'bad x');
      // The minifier renamed the classes, so a name check would fail; the brand does not.
      expect(minified.InvalidArgumentError.name).not.toBe('InvalidArgumentError');
      expect(copy).not.toBeInstanceOf(FinTabTextError);
      expect(isFinTabTextError(copy)).toBe(true);
      expect(minified.isFinTabTextError(new InvalidArgumentError('options.x', 'bad x'))).toBe(true);
      expect(minified.isFinTabTextError(new Error('x'))).toBe(false);
      expect(copy.code).toBe('INVALID_ARGUMENT');
      // error.name and the stack's first line keep the real name, not the minified one.
      expect(copy.name).toBe('InvalidArgumentError');
      expect(String(copy.stack)).toMatch(/^InvalidArgumentError: bad x/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every exported error class names itself, so error.name survives a minifier', async () => {
    const entries = (await Promise.all([
      import('../src/index.js'),
      import('../src/score/entry.js'),
      import('../src/extract/index.js'),
      import('../src/edgar/index.js'),
      import('../src/finance/index.js'),
      import('../src/records/index.js'),
      import('../src/queue/index.js'),
    ])) as Record<string, unknown>[];
    const classes = new Map<string, typeof FinTabTextError>();
    for (const entry of entries) {
      for (const value of Object.values(entry)) {
        if (typeof value === 'function' && value.prototype instanceof FinTabTextError) {
          classes.set(value.name, value as typeof FinTabTextError);
        }
      }
    }
    // Every error class of the package is exported from some entry.
    expect([...classes.keys()].sort()).toEqual([
      'BulkArchiveError',
      'CompanyFactsError',
      'EdgarCacheMissError',
      'EdgarHttpError',
      'ExtractionError',
      'InlineXbrlError',
      'InvalidArgumentError',
      'MissingDependencyError',
      'RecordsFormatError',
    ]);
    for (const [name, cls] of classes) expect([name, cls.errorName]).toEqual([name, name]);
  });

  it('chains the cause', () => {
    const cause = new Error('root');
    expect(new FinTabTextError('wrapped', { cause }).cause).toBe(cause);
  });

  it('VERSION equals package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(VERSION).toBe(pkg.version);
  });
});
