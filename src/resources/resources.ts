import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FinTabTextError } from '../errors/errors.js';

// Data files (lexicons, word lists) ship in the package's `data/` and `wordlists/`
// folders and are read on first use, never at import time. The package root is found by
// walking up from this module, which works from `src/` (tests), `dist/` (ESM and CJS)
// and from Deno's npm cache alike.
let packageRoot: string | undefined;

/** The absolute path of the fin-tabtext package root (the folder holding its package.json). */
export function findPackageRoot(): string {
  if (packageRoot !== undefined) return packageRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
        if (pkg.name === 'fin-tabtext') {
          packageRoot = dir;
          return dir;
        }
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new FinTabTextError('Cannot find the fin-tabtext package root to read its data files.', {
        code: 'DATA_NOT_FOUND',
      });
    }
    dir = parent;
  }
}

/**
 * Read a UTF-8 text file of the caller's (a custom word list): the one place the scoring code
 * touches the file system, so the browser build can replace it.
 * @param path - Path of the file.
 * @returns The file's text.
 */
export function readUserFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * Read a UTF-8 data file shipped with the package, for example `data/vader/vader_lexicon.txt`.
 * @param relativePath - Path below the package root, with forward slashes.
 * @param encoding - How to decode it (`'latin1'` reads an ASCII file fastest).
 * @default encoding 'utf8'
 */
export function readPackageFile(relativePath: string, encoding: 'utf8' | 'latin1' = 'utf8'): string {
  const path = join(findPackageRoot(), ...relativePath.split('/'));
  try {
    return readFileSync(path, encoding);
  } catch (cause) {
    throw new FinTabTextError(`Cannot read the data file ${relativePath} of fin-tabtext (${path}).`, {
      code: 'DATA_NOT_FOUND',
      cause,
    });
  }
}
