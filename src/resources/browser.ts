import { FinTabTextError } from '../errors/errors.js';
import { packageFiles } from './browser-data.js';

// The browser/edge stand-in for resources.ts, swapped in by scripts/browser-build.ts: the same
// functions, reading the data files from the inlined data module instead of the file system.

/**
 * The package root: there is none in a browser bundle, whose data files are inlined.
 *
 * @throws {FinTabTextError} `DATA_NOT_FOUND` always.
 */
export function findPackageRoot(): string {
  throw new FinTabTextError('The browser build of fin-tabtext has no package folder; its data is inlined.', {
    code: 'DATA_NOT_FOUND',
  });
}

/**
 * Read a file of the caller's: the browser build has no file system, so this always throws.
 *
 * @throws {FinTabTextError} `NO_FILE_SYSTEM` always; read the file in your own code and pass its
 *   text (for a word list, to `parseWordList`).
 */
export function readUserFile(path: string): string {
  throw new FinTabTextError(
    `The browser build of fin-tabtext cannot read ${path}: it has no file system. Read the file yourself and pass its text instead (for a word list: parseWordList(text)).`,
    { code: 'NO_FILE_SYSTEM' },
  );
}

/**
 * Read a data file inlined in the browser build, for example `data/vader/vader_lexicon.txt`.
 *
 * @param relativePath - Path below the package root, with forward slashes.
 * @returns The file's text (the browser build may inline a smaller copy holding only what the code
 *   reads, in the same format).
 * @throws {FinTabTextError} `DATA_NOT_FOUND` when the file is not part of the browser build.
 */
export function readPackageFile(relativePath: string, _encoding?: 'utf8' | 'latin1'): string {
  const text = packageFiles[relativePath];
  if (text === undefined) {
    throw new FinTabTextError(
      `The data file ${relativePath} is not part of the browser build of fin-tabtext; use the Node build.`,
      { code: 'DATA_NOT_FOUND' },
    );
  }
  return text;
}
