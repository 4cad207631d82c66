import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors/index.js';
import {
  checkBoolean,
  checkEnum,
  checkNumber,
  checkOptions,
  didYouMean,
  editDistance,
} from '../../src/options/index.js';

describe('checkOptions', () => {
  const known = ['fogMode', 'attributes', 'wordLists'];

  it('returns the options, or an empty object for undefined', () => {
    const options = { fogMode: 'gunning' };
    expect(checkOptions('scoreText', options, known)).toBe(options);
    expect(checkOptions('scoreText', undefined, known)).toEqual({});
  });

  it('rejects null, arrays and primitives, naming the function', () => {
    for (const bad of [null, [], ['fogMode'], 3, 'x']) {
      expect(() => checkOptions('scoreText', bad as never, known)).toThrow(
        /^scoreText: options must be an object/,
      );
    }
  });

  it('names an unknown key with the nearest known one', () => {
    let error: unknown;
    try {
      checkOptions('scoreText', { fogmode: 'gunning' } as never, known);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).field).toBe('options.fogmode');
    expect((error as Error).message).toBe(
      "scoreText: unknown option 'options.fogmode'. Did you mean 'fogMode'?",
    );
  });

  it('lists the known keys when nothing is close, and checks keys set to undefined', () => {
    expect(() => checkOptions('f', { zzzzzzzz: 1 } as never, known)).toThrow(
      'Known options: fogMode, attributes, wordLists.',
    );
    expect(() => checkOptions('f', { fromat: undefined } as never, ['format'])).toThrow(
      "Did you mean 'format'?",
    );
  });
});

describe('didYouMean / editDistance', () => {
  it('measures edits case-insensitively', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('fogmode', 'fogMode')).toBe(0);
    expect(didYouMean('varient', ['variant', 'price'])).toBe('variant');
    expect(didYouMean('maxRequestPerSecond', ['maxRequestsPerSecond', 'userAgent'])).toBe(
      'maxRequestsPerSecond',
    );
    expect(didYouMean('q', ['format', 'signal'])).toBeUndefined();
  });
});

describe('checkEnum / checkNumber / checkBoolean', () => {
  it('accepts allowed values and undefined, rejects others with a hint', () => {
    expect(checkEnum('f', 'options.mode', 'a', ['a', 'b'] as const)).toBe('a');
    expect(checkEnum('f', 'options.mode', undefined, ['a', 'b'] as const)).toBeUndefined();
    expect(() => checkEnum('f', 'options.fogMode', 'gunnin', ['textstat', 'gunning'] as const)).toThrow(
      "f: options.fogMode must be one of 'textstat', 'gunning', got 'gunnin'. Did you mean 'gunning'?",
    );
  });

  it('checks bounds, finiteness and integrality', () => {
    expect(checkNumber('f', 'options.n', 5, { min: 1, max: 10, integer: true })).toBe(5);
    expect(() => checkNumber('f', 'options.n', 0, { min: 1 })).toThrow(
      'f: options.n must be a finite number >= 1, got 0.',
    );
    expect(() => checkNumber('f', 'options.n', 1.5, { integer: true })).toThrow('must be an integer');
    expect(() => checkNumber('f', 'options.n', Number.NaN)).toThrow('got NaN');
    expect(() => checkNumber('f', 'options.n', '3')).toThrow('got string');
    expect(checkBoolean('f', 'options.b', false)).toBe(false);
    expect(() => checkBoolean('f', 'options.b', 'yes')).toThrow(
      'f: options.b must be true or false, got string.',
    );
  });
});
