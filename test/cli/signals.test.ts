import { spawn } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRecords } from '../../src/index.js';
import { fordParagraphs } from '../records/support.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fin-tabtext-signals-'));
  const paragraphs = fordParagraphs();
  // Real MD&A paragraphs, enough rows that scoring takes many seconds.
  const rows = Array.from({ length: 40_000 }, (_, i) => ({ id: i, mdna: paragraphs[i % paragraphs.length] }));
  await writeRecords(join(dir, 'big.csv'), rows);
});

/** Run the real bin (through tsx), send `signal` once its temporary output exists, and wait. */
async function interrupt(
  signal: 'SIGINT' | 'SIGTERM',
  out: string,
): Promise<{ code: number | null; err: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href,
      join(root, 'src/cli/main.ts'),
      'score',
      '--in',
      'big.csv',
      '--out',
      out,
    ],
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let waited = 0; waited < 30_000; waited += 50) {
    if ((await readdir(dir)).some((f) => f.startsWith(`.${out}.`) && f.endsWith('.tmp'))) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect((await readdir(dir)).some((f) => f.startsWith(`.${out}.`))).toBe(true);
  child.kill(signal);
  return { code: await exited, err };
}

describe('signals', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s removes the temporary file and exits %i with one line', async (signal, exit) => {
    const out = `scored-${signal}.csv`;
    const { code, err } = await interrupt(signal, out);
    expect(code).toBe(exit);
    expect(err).toMatch(
      new RegExp(`^fin-tabtext score: interrupted by ${signal}; stopped.*no partial output left\\n$`),
    );
    expect((await readdir(dir)).filter((f) => f.includes(out))).toEqual([]);
  });
});
