import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FinTabTextError, InvalidArgumentError, isFinTabTextError, VERSION } from '../src/index.js';

describe('errors', () => {
  it('InvalidArgumentError is a FinTabTextError with field and code', () => {
    const error = new InvalidArgumentError('options.form', 'bad form');
    expect(error).toBeInstanceOf(FinTabTextError);
    expect(error.field).toBe('options.form');
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
