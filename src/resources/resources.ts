import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
 */
export function readPackageFile(relativePath: string): string {
  const path = join(findPackageRoot(), ...relativePath.split('/'));
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FinTabTextError(`Cannot read the data file ${relativePath} of fin-tabtext (${path}).`, {
      code: 'DATA_NOT_FOUND',
      cause,
    });
  }
}

/**
 * Read a file inside an installed dependency, for example `cmudict`, `lib/cmu/cmudict.0.7a`.
 */
export function readDependencyFile(packageName: string, relativePath: string): string {
  const require = createRequire(join(findPackageRoot(), 'package.json'));
  let base: string;
  try {
    base = dirname(require.resolve(`${packageName}/package.json`));
  } catch (cause) {
    throw new FinTabTextError(`The dependency ${packageName} is not installed; reinstall fin-tabtext.`, {
      code: 'DATA_NOT_FOUND',
      cause,
    });
  }
  return readFileSync(join(base, ...relativePath.split('/')), 'utf8');
}
