// The browser/edge build of fin-tabtext/score, /extract and /finance, run where Node is not:
// Deno with no permissions at all, and headless Chromium (Debian `chromium`) loading the bundle
// from a server on 127.0.0.1. Both must give exactly what Node gives from src/ on a real 10-K.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrowser } from '../../scripts/browser-build.js';
import * as extract from '../../src/extract/index.js';
import * as finance from '../../src/finance/index.js';
import * as score from '../../src/score/entry.js';
import { readFixture } from '../support/fixtures.js';
import { workload } from './workload.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
// GameStop 10-K for fiscal 2023 (inline XBRL), test/fixtures/filings (see PROVENANCE.md).
const input = {
  html: readFixture('filings/gme_10-K_2024-03.htm'),
  accessionNumber: '0001326380-24-000012',
  formType: '10-K',
  filingDate: '2024-03-26',
};

// The runner each runtime executes: the bundle's three entries, the shared workload, the input.
const RUNNER = `import * as extract from './extract.js';
import * as finance from './finance.js';
import * as score from './score.js';
import { input } from './input.js';
import { workload } from './workload.mjs';
export function run() {
  return workload({ ...extract, ...finance, ...score }, input);
}
`;

let dir: string;
let expected: unknown;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fin-tabtext-browser-'));
  await buildBrowser({ outdir: dir });
  writeFileSync(join(dir, 'input.js'), `export const input = ${JSON.stringify(input)};\n`);
  copyFileSync(join(here, 'workload.mjs'), join(dir, 'workload.mjs'));
  writeFileSync(join(dir, 'runner.js'), RUNNER);
  expected = workload({ ...extract, ...finance, ...score }, input);
}, 120_000);

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe('browser bundle', () => {
  it('Node from src/ gives real values (the reference the runtimes must match)', () => {
    const r = expected as {
      mdna: { status: string; length: number };
      scores: { word_count: number; sentiment: number };
      altman: { z: number; zone: string };
      sears: { z: number; zone: string };
    };
    expect(r.mdna.status).toBe('found');
    expect(r.mdna.length).toBeGreaterThan(20_000);
    expect(r.scores.word_count).toBeGreaterThan(3_000);
    expect(Number.isFinite(r.scores.sentiment)).toBe(true);
    expect(Number.isFinite(r.altman.z)).toBe(true);
    expect(r.sears.z).toBeCloseTo(2.3, 2);
    expect(r.sears.zone).toBe('grey');
  });

  it('has no Node built-in and no file-system path in any module', () => {
    for (const name of ['score.js', 'extract.js', 'finance.js']) {
      const code = readFileSync(join(dir, name), 'utf8');
      expect(code).not.toMatch(/from\s*["']node:|require\(/);
    }
  });

  it('runs in Deno with no permissions and matches Node', () => {
    const deno = join(root, 'node_modules', '.bin', 'deno');
    writeFileSync(
      join(dir, 'deno-main.js'),
      `import { run } from './runner.js';\nconsole.log(JSON.stringify(run()));\n`,
    );
    const out = execFileSync(deno, ['run', '--no-prompt', '--no-config', '--no-lock', 'deno-main.js'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(JSON.parse(out)).toEqual(expected);
  }, 120_000);

  it('runs in headless Chromium and matches Node', async () => {
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
    if (chromium === undefined)
      throw new Error('Debian chromium is not installed: apt-get install -y chromium');
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><script type="module">
let body;
try {
  const { run } = await import('./runner.js');
  body = JSON.stringify({ ok: true, result: run() });
} catch (error) {
  body = JSON.stringify({ ok: false, error: String(error && error.stack || error) });
}
await fetch('/result', { method: 'POST', body });
</script>`,
    );
    let settle!: (value: string) => void;
    const posted = new Promise<string>((resolve) => {
      settle = resolve;
    });
    const server: Server = createServer((req, res) => {
      if (req.method === 'POST' && req.url === '/result') {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => {
          body += chunk;
        });
        req.on('end', () => {
          res.end('ok');
          settle(body);
        });
        return;
      }
      const name = (req.url ?? '/').split('?')[0]?.replace(/^\/+/, '') || 'index.html';
      const path = join(dir, name);
      if (name.includes('..') || !existsSync(path)) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const type = extname(path) === '.html' ? 'text/html' : 'text/javascript';
      res.setHeader('content-type', `${type}; charset=utf-8`);
      res.end(readFileSync(path));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const profile = mkdtempSync(join(tmpdir(), 'fin-tabtext-chromium-'));
    let browser: ChildProcess | undefined;
    try {
      browser = spawn(
        chromium,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
          `http://127.0.0.1:${port}/index.html`,
        ],
        { stdio: 'ignore', detached: true },
      );
      const exited = new Promise<string>((_, reject) => {
        browser?.once('exit', (code) => reject(new Error(`chromium exited (code ${code}) before posting`)));
      });
      const reply = JSON.parse(await Promise.race([posted, exited])) as {
        ok: boolean;
        result?: unknown;
        error?: string;
      };
      expect(reply.error).toBeUndefined();
      expect(reply.result).toEqual(expected);
    } finally {
      // Chromium's helper processes share its process group: end that group (ours), by its id.
      if (browser?.pid !== undefined && browser.exitCode === null) {
        const gone = new Promise<void>((resolve) => browser?.once('exit', () => resolve()));
        try {
          process.kill(-browser.pid, 'SIGTERM');
          await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        } catch {
          // already gone
        }
      }
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
  }, 180_000);
});
